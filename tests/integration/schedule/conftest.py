"""The schedule servicer in-process on a free port, against the real PostgreSQL and Keycloak tokens; who
acts in which school comes from a fake of our principal port."""
import uuid
from dataclasses import dataclass

import pytest

from proto.schedule.v1 import schedule_pb2 as pb
from proto.schedule.v1 import schedule_pb2_grpc
from services.common.db import Database
from services.common.outbox import Outbox
from services.schedule import tables
from services.schedule.handlers import Deps
from services.schedule.servicer import ScheduleServicer
from tests.support import grpc_harness, stack
from tests.support.grpc_harness import FakePrincipals, database, serving

QUARTERS = [pb.Term(name="1 четверть", kind="quarter", start_date="2025-09-01", end_date="2025-10-24"),
            pb.Term(name="2 четверть", kind="quarter", start_date="2025-11-05", end_date="2025-12-28")]


@dataclass
class Schedule:
    stub: schedule_pb2_grpc.ScheduleServiceStub
    db: Database
    principals: FakePrincipals
    token: str

    def call(self, method: str, request):
        return grpc_harness.call(self.stub, method, request, self.token)


@pytest.fixture(scope="session")
def schedule():
    principals = FakePrincipals()
    with database("schedule") as db:
        servicer = ScheduleServicer(Deps(db, Outbox("schedule", tables.outbox), principals))
        with serving(schedule_pb2_grpc.add_ScheduleServiceServicer_to_server, servicer,
                     schedule_pb2_grpc.ScheduleServiceStub) as stub:
            yield Schedule(stub, db, principals, stack.operator_token())


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
