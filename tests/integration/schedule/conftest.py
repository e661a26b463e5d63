"""The schedule servicer in-process on a free port, against the real PostgreSQL and Keycloak tokens; who
acts in which school comes from a fake of our principal port."""
import datetime as dt
import uuid
from concurrent import futures
from dataclasses import dataclass

import grpc
import pytest

from proto.schedule.v1 import schedule_pb2 as pb
from proto.schedule.v1 import schedule_pb2_grpc
from services.common.db import Database
from services.common.errors import Invalid
from services.common.grpc_server import ContextInterceptor
from services.common.outbox import Outbox
from services.schedule import bootstrap
from services.schedule.adapters import tables
from services.schedule.entrypoints.servicer import PUBLIC_METHODS
from services.tooling.api_client import Token
from tests.support import grpc_harness, stack
from tests.support.grpc_harness import FakePrincipals, database, tls_channel, tls_port, token_verifier

QUARTERS = [pb.Term(name="1 четверть", kind="quarter", start_date="2025-09-01", end_date="2025-10-24"),
            pb.Term(name="2 четверть", kind="quarter", start_date="2025-11-05", end_date="2025-12-28")]


SUMMER = dt.date(2025, 8, 1)  # "today" unless a test says otherwise: every 2025/2026 change is announced in time


class Clock:
    """Today's date at the school, as the handlers see it; tests move it."""

    def __init__(self):
        self.today = SUMMER

    def __call__(self) -> dt.date:
        return self.today


class Staff:
    """Our port to identity's people: everyone is a teacher of the school except those in `missing`; the students
    of a class group are those the test enrolled in `students`."""

    def __init__(self):
        self.missing: set[str] = set()
        self.students: dict[str, set[str]] = {}

    def require_teacher(self, school_id: str, person_id: str) -> None:
        if person_id in self.missing:
            raise Invalid("teacher_id", "в этой школе нет такого сотрудника")

    def enrol(self, class_group_id: str, count: int) -> list[str]:
        ids = sorted(str(uuid.uuid4()) for _ in range(count))
        self.students.setdefault(class_group_id, set()).update(ids)
        return ids

    def require_class_students(self, school_id: str, class_group_id: str, class_name: str, student_ids) -> None:
        if set(student_ids) - self.students.get(class_group_id, set()):
            raise Invalid("student_ids", f"не ученики класса {class_name}")


@dataclass
class Schedule:
    stub: schedule_pb2_grpc.ScheduleServiceStub
    db: Database
    principals: FakePrincipals
    login: Token  # the operator's, fetched again before it expires
    clock: Clock
    staff: Staff

    @property
    def token(self) -> str:
        return self.login.access_token()

    def call(self, method: str, request):
        return grpc_harness.call(self.stub, method, request, self.token)


@pytest.fixture(scope="session")
def schedule():
    """Served like __main__ serves it: behind the token check, with the service's public methods open."""
    principals, clock, staff = FakePrincipals(), Clock(), Staff()
    with database("schedule") as db:
        servicer = bootstrap.servicer(db, Outbox("schedule", tables.outbox), principals, staff, clock)
        server = grpc.server(futures.ThreadPoolExecutor(max_workers=4),
                             interceptors=[ContextInterceptor(token_verifier(), PUBLIC_METHODS, principals=principals)])
        schedule_pb2_grpc.add_ScheduleServiceServicer_to_server(servicer, server)
        port = tls_port(server)
        server.start()
        with tls_channel(port) as channel:
            yield Schedule(schedule_pb2_grpc.ScheduleServiceStub(channel), db, principals, stack.operator_login(), clock, staff)
        server.stop(grace=1)


@pytest.fixture(autouse=True)
def summer(schedule):
    schedule.clock.today = SUMMER


@dataclass
class School:
    id: str
    year: pb.AcademicYear
    class_group: pb.ClassGroup
    subject: pb.Subject
    teacher_id: str


@pytest.fixture
def school(schedule) -> School:
    """A new school (its admin acting) with 2025/2026 in two quarters, class 5А, Математика and its teacher."""
    sid, teacher_id = str(uuid.uuid4()), str(uuid.uuid4())
    schedule.principals.grant(sid, "school_admin")
    year = schedule.call("CreateAcademicYear", pb.CreateAcademicYearRequest(
        school_id=sid, name="2025/2026", start_date="2025-09-01", end_date="2026-05-31", terms=QUARTERS))
    group = schedule.call("CreateClassGroup", pb.CreateClassGroupRequest(
        school_id=sid, academic_year_id=year.id, grade=5, name="5а"))
    subject = schedule.call("CreateSubject", pb.CreateSubjectRequest(school_id=sid, name="Математика"))
    schedule.call("AssignTeacher", pb.AssignTeacherRequest(
        school_id=sid, teacher_id=teacher_id, subject_id=subject.id, class_group_id=group.id))
    return School(sid, year, group, subject, teacher_id)


def entry(school: School, weekday: int = 1, lesson_number: int = 1, **overrides) -> pb.CreateTimetableEntryRequest:
    fields = dict(school_id=school.id, class_group_id=school.class_group.id, subject_id=school.subject.id,
                  teacher_id=school.teacher_id, weekday=weekday, lesson_number=lesson_number, starts_at="08:30",
                  ends_at="09:15", room="21")
    return pb.CreateTimetableEntryRequest(entry=pb.TimetableEntry(**(fields | overrides)))
