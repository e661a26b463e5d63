"""The schedule servicer in-process on a free port, against the real PostgreSQL and Keycloak tokens; who
acts in which school comes from a fake of our principal port."""
import json
import uuid
from concurrent import futures
from dataclasses import dataclass

import grpc
import pytest

from proto.schedule.v1 import schedule_pb2 as pb
from proto.schedule.v1 import schedule_pb2_grpc
from services.common.auth import TokenVerifier
from services.common.db import Database
from services.common.grpc_server import ContextInterceptor
from services.common.outbox import Outbox
from services.common.policy import Principal
from services.schedule import tables
from services.schedule.handlers import Deps
from services.schedule.servicer import ScheduleServicer
from tests.support import stack

QUARTERS = [pb.Term(name="1 четверть", kind="quarter", start_date="2025-09-01", end_date="2025-10-24"),
            pb.Term(name="2 четверть", kind="quarter", start_date="2025-11-05", end_date="2025-12-28")]


class FakePrincipals:
    """Who the caller is in each school (the identity service's answer, set by the test)."""

    def __init__(self):
        self.grants: dict[str, Principal] = {}

    def grant(self, school_id: str, *roles: str, person_id: str = "", student_ids=()) -> None:
        self.grants[school_id] = Principal(subject="test-user", school_id=school_id, person_id=person_id,
                                           roles=frozenset(roles), student_ids=frozenset(student_ids))

    def resolve(self, school_id: str) -> Principal:
        return self.grants.get(school_id, Principal(subject="test-user", school_id=school_id))


@dataclass
class Schedule:
    stub: schedule_pb2_grpc.ScheduleServiceStub
    db: Database
    principals: FakePrincipals
    token: str

    def call(self, method: str, request):
        return getattr(self.stub, method)(request, metadata=[("authorization", f"Bearer {self.token}")], timeout=30)


def rpc_error(excinfo) -> tuple[grpc.StatusCode, str, dict]:
    """Code, Russian message and offending fields of a refused call."""
    details = json.loads(excinfo.value.details())
    return excinfo.value.code(), details["message"], details["fields"]


@pytest.fixture(scope="session")
def schedule():
    env = stack.env()
    db = Database(stack.deployed("schedule"))
    principals = FakePrincipals()
    verifier = TokenVerifier(f"{env['OTMETKA_KEYCLOAK_URL']}/realms/{env['OTMETKA_KEYCLOAK_REALM']}")
    server = grpc.server(futures.ThreadPoolExecutor(max_workers=4), interceptors=[ContextInterceptor(verifier)])
    servicer = ScheduleServicer(Deps(db, Outbox("schedule", tables.outbox), principals))
    schedule_pb2_grpc.add_ScheduleServiceServicer_to_server(servicer, server)
    port = server.add_insecure_port("127.0.0.1:0")
    server.start()
    channel = grpc.insecure_channel(f"127.0.0.1:{port}")
    yield Schedule(schedule_pb2_grpc.ScheduleServiceStub(channel), db, principals, stack.operator_token())
    channel.close()
    server.stop(grace=1)
    db.engine.dispose()


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
