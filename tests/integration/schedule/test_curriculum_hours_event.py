"""CurriculumHoursSet (issue 13, R4: reporting's curriculum fulfilment) on the real PostgreSQL: every way curriculum
hours are written publishes the row as stored in the same transaction (SetCurriculumHours, ImportTeachingLoad only
for the rows it changed, ApplyProfile, CopyAcademicYear); a refused change publishes nothing."""
import grpc
import pytest
from sqlalchemy import select

from proto.events.v1.envelope_pb2 import Envelope
from proto.schedule.v1 import schedule_pb2 as pb
from services.schedule.adapters.tables import outbox
from tests.integration.schedule.test_plans import set_hours
from tests.integration.schedule.test_profiles import apply, hours, profile, senior
from tests.support.grpc_harness import rpc_error

pytestmark = pytest.mark.stack
TYPE = "otmetka.schedule.v1.CurriculumHoursSet"


def told(schedule, school_id: str) -> list[tuple[str, str, str]]:
    """(class group, subject, hours per week) of every CurriculumHoursSet of the school, in outbox order."""
    with schedule.db.tenant_session(school_id) as session:
        payloads = session.scalars(select(outbox.c.payload).where(outbox.c.type == TYPE).order_by(outbox.c.seq)).all()
    result = []
    for payload in payloads:
        event = pb.CurriculumHoursSet()
        assert Envelope.FromString(payload).payload.Unpack(event)
        result.append((event.hours.class_group_id, event.hours.subject_id, event.hours.hours_per_week))
    return result


def test_set_curriculum_hours_publishes_the_row_as_stored(schedule, school):
    group, maths = school.class_group.id, school.subject.id
    stored = set_hours(schedule, school, "4,5")
    set_hours(schedule, school, "5")
    assert told(schedule, school.id) == [(group, maths, "4.5"), (group, maths, "5")]
    with schedule.db.tenant_session(school.id) as session:
        payload = session.scalars(select(outbox.c.payload).where(outbox.c.type == TYPE).order_by(outbox.c.seq)).first()
    event = pb.CurriculumHoursSet()
    Envelope.FromString(payload).payload.Unpack(event)
    assert (event.hours.id, event.hours.school_id, event.hours.subject_name) == (stored.id, school.id, "Математика")

    with pytest.raises(grpc.RpcError) as refused:
        set_hours(schedule, school, "11")
    assert rpc_error(refused)[2] == {"hours_per_week": "от 0.5 до 10 ч."}
    assert len(told(schedule, school.id)) == 2, "a refused change publishes nothing"


def test_a_teaching_load_publishes_only_the_rows_it_changed(schedule, school):
    group, maths = school.class_group.id, school.subject.id
    set_hours(schedule, school, "4")
    physics = schedule.call("CreateSubject", pb.CreateSubjectRequest(school_id=school.id, name="Физика")).id
    request = pb.ImportTeachingLoadRequest(school_id=school.id, hours=[
        pb.TeachingLoadHours(class_group_id=group, subject_id=maths, hours_per_week="4"),  # as stored: no event
        pb.TeachingLoadHours(class_group_id=group, subject_id=physics, hours_per_week="2")])
    assert schedule.call("ImportTeachingLoad", request).hours_set == 1
    schedule.call("ImportTeachingLoad", request)  # again: nothing changes, nothing is told
    assert told(schedule, school.id) == [(group, maths, "4"), (group, physics, "2")]


def test_applying_a_profile_and_copying_the_year_publish_the_hours_they_write(schedule, school):
    science = profile(schedule, school)
    hours(schedule, school, science.id, school.subject.id, "6")
    tenth = senior(schedule, school)
    apply(schedule, school, tenth.id, science.id)
    assert told(schedule, school.id) == [(tenth.id, school.subject.id, "6")]

    copy = schedule.call("CopyAcademicYear", pb.CopyAcademicYearRequest(school_id=school.id,
                                                                         source_year_id=school.year.id,
                                                                         name="2026/2027"))
    groups = schedule.call("ListClassGroups", pb.ListClassGroupsRequest(school_id=school.id,
                                                                        academic_year_id=copy.academic_year.id))
    copied_tenth = next(g.id for g in groups.class_groups if g.name == tenth.name)
    assert told(schedule, school.id)[1:] == [(copied_tenth, school.subject.id, "6")]
