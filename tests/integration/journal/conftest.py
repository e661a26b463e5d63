"""The journal servicer in-process on a free port, against the real PostgreSQL and Keycloak tokens, with
small fakes of our own ports: principals, the schedule service and the identity service."""
import datetime as dt
import json
import uuid
from concurrent import futures
from dataclasses import dataclass, field

import grpc
import pytest

from proto.journal.v1 import journal_pb2_grpc
from proto.schedule.v1 import schedule_pb2
from services.common.auth import TokenVerifier
from services.common.db import Database
from services.common.errors import NotFound
from services.common.grpc_server import ContextInterceptor
from services.common.outbox import Outbox
from services.common.policy import Principal
from services.journal import domain, tables
from services.journal.handlers import Deps
from services.journal.servicer import JournalServicer
from tests.support import stack


class FakePrincipals:
    """Who the caller is in each school (the identity service's answer, set by the test)."""

    def __init__(self):
        self.grants: dict[str, Principal] = {}

    def grant(self, school_id: str, *roles: str, person_id: str = "", student_ids=()) -> None:
        self.grants[school_id] = Principal(subject=f"subject-{person_id or 'nobody'}", school_id=school_id,
                                           person_id=person_id, roles=frozenset(roles), student_ids=frozenset(student_ids))

    def resolve(self, school_id: str) -> Principal:
        return self.grants.get(school_id, Principal(subject="subject-nobody", school_id=school_id))


@dataclass
class FakeSchedule:
    lessons: dict[str, schedule_pb2.Lesson] = field(default_factory=dict)

    def get_lesson(self, school_id: str, lesson_id: str) -> schedule_pb2.Lesson:
        lesson = self.lessons.get(lesson_id)
        if lesson is None or lesson.school_id != school_id:
            raise NotFound("Урок не найден", {"lesson_id": "не найден"})
        return lesson

    def list_lessons(self, school_id: str, class_group_id: str, date_from: str, date_to: str) -> list:
        return sorted((lesson for lesson in self.lessons.values()
                       if lesson.school_id == school_id and lesson.class_group_id == class_group_id
                       and date_from <= lesson.date <= date_to), key=lambda lesson: (lesson.date, lesson.lesson_number))


@dataclass
class FakeIdentity:
    classes: dict[str, set[str]] = field(default_factory=dict)

    def class_list(self, school_id: str, class_group_id: str) -> set[str]:
        return self.classes.get(class_group_id, set())

    def class_group_of(self, school_id: str, student_id: str) -> str:
        return next((group for group, students in self.classes.items() if student_id in students), "")


@dataclass
class Journal:
    stub: journal_pb2_grpc.JournalServiceStub
    deps: Deps
    token: str

    def call(self, method: str, request, forwarded_for: str | None = None):
        metadata = [("authorization", f"Bearer {self.token}")]
        if forwarded_for:
            metadata.append(("x-forwarded-for", forwarded_for))
        return getattr(self.stub, method)(request, metadata=metadata, timeout=30)


def rpc_error(excinfo) -> tuple[grpc.StatusCode, str, dict]:
    details = json.loads(excinfo.value.details())
    return excinfo.value.code(), details["message"], details["fields"]


@pytest.fixture(scope="session")
def journal():
    env = stack.env()
    db = Database(stack.deployed("journal"))
    deps = Deps(db, Outbox("journal", tables.outbox), FakePrincipals(), FakeSchedule(), FakeIdentity())
    verifier = TokenVerifier(f"{env['OTMETKA_KEYCLOAK_URL']}/realms/{env['OTMETKA_KEYCLOAK_REALM']}")
    server = grpc.server(futures.ThreadPoolExecutor(max_workers=4), interceptors=[ContextInterceptor(verifier)])
    journal_pb2_grpc.add_JournalServiceServicer_to_server(JournalServicer(deps), server)
    port = server.add_insecure_port("127.0.0.1:0")
    server.start()
    channel = grpc.insecure_channel(f"127.0.0.1:{port}")
    yield Journal(journal_pb2_grpc.JournalServiceStub(channel), deps, stack.operator_token())
    channel.close()
    server.stop(grace=1)
    db.engine.dispose()


@dataclass
class Lesson:
    """A school with one class of three students, their teacher (acting) and a lesson of theirs."""

    school_id: str
    teacher_id: str
    students: list[str]
    lesson: schedule_pb2.Lesson


def add_lesson(journal: Journal, school_id: str, class_group_id: str, teacher_id: str, date: dt.date,
               lesson_number: int = 1) -> schedule_pb2.Lesson:
    lesson = schedule_pb2.Lesson(
        id=str(uuid.uuid4()), school_id=school_id, class_group_id=class_group_id, subject_id=str(uuid.uuid4()),
        subject_name="Математика", teacher_id=teacher_id, date=date.isoformat(), lesson_number=lesson_number,
        starts_at="08:30", ends_at="09:15")
    journal.deps.schedule.lessons[lesson.id] = lesson
    return lesson


def new_lesson(journal: Journal, date: dt.date) -> Lesson:
    school_id, teacher_id, class_group_id = (str(uuid.uuid4()) for _ in range(3))
    students = sorted(str(uuid.uuid4()) for _ in range(3))
    journal.deps.identity.classes[class_group_id] = set(students)
    journal.deps.principals.grant(school_id, "subject_teacher", person_id=teacher_id)
    return Lesson(school_id, teacher_id, students, add_lesson(journal, school_id, class_group_id, teacher_id, date))


@pytest.fixture
def today_lesson(journal) -> Lesson:
    return new_lesson(journal, domain.school_today())


@pytest.fixture
def past_lesson(journal) -> Lesson:
    return new_lesson(journal, dt.date(2025, 9, 1))
