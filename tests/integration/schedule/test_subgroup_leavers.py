"""Identity's movement events on the real PostgreSQL: a student no longer in a class leaves its subgroups (a
transfer, a leaver, a cancelled order), once per event; a student still in the class, or in a class whose year has
ended or is closed, stays."""
import pytest

from proto.identity.v1 import identity_pb2 as ipb
from proto.schedule.v1 import schedule_pb2 as pb
from services.common.consumer import IdempotentConsumer
from services.common.outbox import envelope
from services.schedule.adapters import tables
from services.schedule.entrypoints.consumers import handlers

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


def test_a_student_leaves_the_subgroups_of_the_class_they_left(schedule, school):
    sid, fifth = school.id, school.class_group
    other = schedule.call("CreateClassGroup", pb.CreateClassGroupRequest(
        school_id=sid, academic_year_id=school.year.id, grade=5, name="5Б"))
    moved, staying, leaver = schedule.staff.enrol(fifth.id, 3)
    schedule.staff.students[other.id] = {moved}
    english = schedule.call("CreateSubgroup", pb.CreateSubgroupRequest(
        school_id=sid, class_group_id=fifth.id, name="Английский, 1 группа", student_ids=[moved, staying, leaver]))
    labour = schedule.call("CreateSubgroup", pb.CreateSubgroupRequest(
        school_id=sid, class_group_id=fifth.id, name="Труд, 1 группа", student_ids=[moved]))
    german = schedule.call("CreateSubgroup", pb.CreateSubgroupRequest(
        school_id=sid, class_group_id=other.id, name="Немецкий", student_ids=[moved]))

    transfer = ipb.StudentTransferred(student_id=moved, from_class_group_id=fifth.id, to_class_group_id=other.id,
                                      effective_date="2026-01-14", memberships=[
                                          membership(fifth.id, "", "2026-01-13"), membership(other.id, "2026-01-14")])
    raw = deliver(schedule, sid, transfer)
    assert (students(schedule, sid, english.id), students(schedule, sid, labour.id)) == ({staying, leaver}, set())
    assert students(schedule, sid, german.id) == {moved}  # the class they are in now
    assert handle(schedule, raw) is False  # redelivered: nothing more

    # a promotion that ends the membership later keeps the student; a leaver leaves
    deliver(schedule, sid, ipb.StudentPromoted(student_id=staying, from_class_group_id=fifth.id,
                                               effective_date="2026-01-14",
                                               memberships=[membership(fifth.id, "", "2026-05-31")]))
    deliver(schedule, sid, ipb.StudentLeft(student_id=leaver, from_class_group_id=fifth.id, effective_date="2026-02-02",
                                           memberships=[membership(fifth.id, "", "2026-02-01")]))
    assert students(schedule, sid, english.id) == {staying}

    # the transfer cancelled: back in 5А only, so out of 5Б's subgroups (5А's are not restored)
    cancelled = ipb.MovementOrderCancelled(
        order=ipb.MovementOrder(id="o1", effective_date="2026-01-14"),
        students=[ipb.StudentMemberships(student_id=moved, memberships=[membership(fifth.id)])])
    deliver(schedule, sid, cancelled)
    assert (students(schedule, sid, german.id), students(schedule, sid, english.id)) == (set(), {staying})


def test_an_ended_or_closed_years_subgroups_stay_as_they_were(schedule, school):
    sid, fifth = school.id, school.class_group
    graduate, = schedule.staff.enrol(fifth.id, 1)
    english = schedule.call("CreateSubgroup", pb.CreateSubgroupRequest(
        school_id=sid, class_group_id=fifth.id, name="Английский", student_ids=[graduate]))
    deliver(schedule, sid, ipb.StudentPromoted(student_id=graduate, from_class_group_id=fifth.id,
                                               effective_date="2026-09-01",  # 2025/2026 ends on 31 May
                                               memberships=[membership(fifth.id, "", "2026-08-31")]))
    assert students(schedule, sid, english.id) == {graduate}
    schedule.call("CloseAcademicYear", pb.CloseAcademicYearRequest(school_id=sid, academic_year_id=school.year.id))
    deliver(schedule, sid, ipb.StudentGraduated(student_id=graduate, from_class_group_id=fifth.id,
                                                effective_date="2026-06-20",
                                                memberships=[membership(fifth.id, "", "2026-06-19")]))
    assert students(schedule, sid, english.id) == {graduate}
