"""Identity's movement events on the real PostgreSQL: a transfer changes no subgroup (the journal reads the class
on each day); a cancelled order takes a student out of the subgroups of a class they no longer belong to, once per
event, except in a closed year, and publishes SubgroupStudentsSet for each subgroup it changed."""
import pytest

from proto.identity.v1 import identity_pb2 as ipb
from proto.schedule.v1 import schedule_pb2 as pb
from services.common.consumer import IdempotentConsumer
from services.common.outbox import envelope
from services.schedule.adapters import tables
from services.schedule.entrypoints.consumers import handlers
from tests.integration.schedule.test_school_events import told

pytestmark = pytest.mark.stack


def deliver(schedule, school_id: str, event) -> bytes:
    """Delivers an identity event to schedule's consumer, as Kafka would; returns the raw event."""
    raw = envelope(school_id, event, actor="test").SerializeToString()
    assert handle(schedule, raw) is True
    return raw


def handle(schedule, raw: bytes) -> bool:
    """False when the event was handled already."""
    return IdempotentConsumer(schedule.db, tables.inbox, handlers).handle(raw)


def membership(class_group_id: str, date_from: str = "", date_to: str = "") -> ipb.ClassMembership:
    return ipb.ClassMembership(class_group_id=class_group_id, date_from=date_from, date_to=date_to)


def students(schedule, school_id: str, subgroup_id: str) -> set[str]:
    return set(schedule.call("GetSubgroup", pb.GetSubgroupRequest(school_id=school_id, subgroup_id=subgroup_id)).student_ids)


def test_only_a_cancelled_order_takes_a_student_out_of_the_subgroups_it_had_put_them_in(schedule, school):
    sid, fifth = school.id, school.class_group
    other = schedule.call("CreateClassGroup", pb.CreateClassGroupRequest(
        school_id=sid, academic_year_id=school.year.id, grade=5, name="5Б"))
    moved, staying = schedule.staff.enrol(fifth.id, 2)
    other_pupil, = schedule.staff.enrol(other.id, 1)
    schedule.staff.students[other.id].add(moved)
    english = schedule.call("CreateSubgroup", pb.CreateSubgroupRequest(
        school_id=sid, class_group_id=fifth.id, name="Английский, 1 группа", student_ids=[moved, staying]))
    german = schedule.call("CreateSubgroup", pb.CreateSubgroupRequest(
        school_id=sid, class_group_id=other.id, name="Немецкий", student_ids=[moved, other_pupil]))
    assert len(told(schedule, sid, "SubgroupStudentsSet")) == 2

    # a transfer changes no subgroup: the journal reads who was in 5А on each English lesson's day
    handle(schedule, envelope(sid, ipb.StudentTransferred(
        student_id=moved, from_class_group_id=fifth.id, to_class_group_id=other.id, effective_date="2026-01-14",
        memberships=[membership(fifth.id, "", "2026-01-13"), membership(other.id, "2026-01-14")]),
        actor="test").SerializeToString())
    assert (students(schedule, sid, english.id), students(schedule, sid, german.id)) == (
        {moved, staying}, {moved, other_pupil})
    assert len(told(schedule, sid, "SubgroupStudentsSet")) == 2

    # the transfer cancelled: no membership of 5Б is left, so out of 5Б's subgroups; 5А's stay
    cancelled = ipb.MovementOrderCancelled(
        order=ipb.MovementOrder(id="o1", effective_date="2026-01-14"),
        students=[ipb.StudentMemberships(student_id=moved, memberships=[membership(fifth.id)])])
    raw = deliver(schedule, sid, cancelled)
    assert (students(schedule, sid, german.id), students(schedule, sid, english.id)) == ({other_pupil}, {moved, staying})
    # the changed subgroup as stored after, with the students it keeps, in the consumer's transaction
    assert told(schedule, sid, "SubgroupStudentsSet")[2:] == [pb.SubgroupStudentsSet(subgroup=pb.Subgroup(
        id=german.id, school_id=sid, class_group_id=other.id, name="Немецкий", student_ids=[other_pupil]))]
    assert handle(schedule, raw) is False  # redelivered: nothing more
    # cancelled again (another order): the student is in no subgroup of 5Б any more, so nothing changes or is told
    deliver(schedule, sid, ipb.MovementOrderCancelled(order=ipb.MovementOrder(id="o3", effective_date="2026-01-14"),
                                                      students=cancelled.students))
    assert len(told(schedule, sid, "SubgroupStudentsSet")) == 3


def test_a_closed_years_subgroups_stay_as_they_were(schedule, school):
    sid, fifth = school.id, school.class_group
    pupil, = schedule.staff.enrol(fifth.id, 1)
    english = schedule.call("CreateSubgroup", pb.CreateSubgroupRequest(
        school_id=sid, class_group_id=fifth.id, name="Английский", student_ids=[pupil]))
    schedule.call("CloseAcademicYear", pb.CloseAcademicYearRequest(school_id=sid, academic_year_id=school.year.id))
    deliver(schedule, sid, ipb.MovementOrderCancelled(
        order=ipb.MovementOrder(id="o2", effective_date="2026-01-14"),
        students=[ipb.StudentMemberships(student_id=pupil, memberships=[])]))
    assert students(schedule, sid, english.id) == {pupil}
    assert len(told(schedule, sid, "SubgroupStudentsSet")) == 1  # only CreateSubgroup's
