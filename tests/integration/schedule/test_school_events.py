"""The school event calendar on the real PostgreSQL: events kept by the deputy head (created, changed, cancelled,
each published in the same transaction), listed for a class and for families, carried in the class's and the
teacher's calendar feeds; another school sees nothing of them (row-level security); and SubgroupStudentsSet published
with every change of a subgroup's students or name."""
import uuid

import grpc
import pytest
from sqlalchemy import select

from proto.events.v1.envelope_pb2 import Envelope
from proto.schedule.v1 import schedule_pb2 as pb
from services.schedule.adapters.tables import outbox, school_events
from tests.integration.schedule.test_calendar import MONDAY, add_entry, autumn_school
from tests.integration.schedule.test_calendar_feed import feed_token, read_feed
from tests.support.grpc_harness import rpc_error

pytestmark = pytest.mark.stack


def told(schedule, school_id: str, *types: str) -> list:
    """The events of those types the school published, in outbox order."""
    names = [f"otmetka.schedule.v1.{t}" for t in types]
    with schedule.db.tenant_session(school_id) as session:
        rows = session.execute(select(outbox.c.type, outbox.c.payload).where(outbox.c.type.in_(names))
                               .order_by(outbox.c.seq)).all()
    found = []
    for kind, payload in rows:
        event = getattr(pb, kind.rsplit(".", 1)[1])()
        assert Envelope.FromString(payload).payload.Unpack(event)
        found.append(event)
    return found


def create(schedule, school_id: str, **fields) -> pb.SchoolEvent:
    values = dict(title="Родительское собрание", kind="parent_meeting", date="2025-10-09", starts_at="18:00",
                  ends_at="19:00", place="Кабинет 21") | fields
    return schedule.call("CreateSchoolEvent", pb.CreateSchoolEventRequest(
        school_id=school_id, event=pb.SchoolEventInput(**values)))


def listed(schedule, school_id: str, class_group_id: str = "", include_cancelled: bool = False) -> list[str]:
    return [e.title for e in schedule.call("ListSchoolEvents", pb.ListSchoolEventsRequest(
        school_id=school_id, date_from="2025-09-01", date_to="2025-12-31", class_group_id=class_group_id,
        include_cancelled=include_cancelled)).events]


def test_events_are_kept_listed_per_class_and_published_with_every_change(schedule):
    a = autumn_school(schedule)
    sixth = schedule.call("CreateClassGroup", pb.CreateClassGroupRequest(
        school_id=a.school_id, academic_year_id=a.year_id, grade=6, name="6А"))
    schedule.principals.grant(a.school_id, "deputy_head", person_id="f4d7a1c2-0000-4000-8000-000000000001")
    meeting = create(schedule, a.school_id, audience=pb.EventAudience(
        scope="class_groups", class_group_ids=[a.class_group.id], people="families"))
    assert (meeting.kind_name, list(meeting.class_group_names), meeting.revision) == (
        "Родительское собрание", ["5А"], 0)
    create(schedule, a.school_id, title="Педсовет", kind="staff_meeting", date="2025-10-01", starts_at="",
           ends_at="", audience=pb.EventAudience(people="staff"))
    create(schedule, a.school_id, title="Экскурсия в музей", kind="excursion", date="2025-11-14", starts_at="09:00",
           ends_at="", audience=pb.EventAudience(scope="grades", grades=[6]))
    create(schedule, a.school_id, title="Осенний концерт", kind="concert", date="2025-10-24", starts_at="",
           ends_at="")

    assert listed(schedule, a.school_id) == ["Педсовет", "Родительское собрание", "Осенний концерт",
                                             "Экскурсия в музей"]
    assert listed(schedule, a.school_id, a.class_group.id) == ["Педсовет", "Родительское собрание",
                                                               "Осенний концерт"]
    assert listed(schedule, a.school_id, sixth.id) == ["Педсовет", "Осенний концерт", "Экскурсия в музей"]
    schedule.principals.grant(a.school_id, "guardian", person_id=str(uuid.uuid4()), student_ids=[str(uuid.uuid4())])
    assert listed(schedule, a.school_id, a.class_group.id) == ["Родительское собрание", "Осенний концерт"]
    with pytest.raises(grpc.RpcError) as refused:
        schedule.call("CreateSchoolEvent", pb.CreateSchoolEventRequest(school_id=a.school_id, event=pb.SchoolEventInput(
            title="Чужое", kind="other", date="2025-10-01")))
    assert refused.value.code() == grpc.StatusCode.PERMISSION_DENIED

    schedule.principals.grant(a.school_id, "director")
    moved = schedule.call("UpdateSchoolEvent", pb.UpdateSchoolEventRequest(
        school_id=a.school_id, school_event_id=meeting.id, event=pb.SchoolEventInput(
            title="Родительское собрание", kind="parent_meeting", date="2025-10-10", starts_at="18:00",
            ends_at="19:00", place="Кабинет 21", audience=meeting.audience)))
    assert (moved.date, moved.revision) == ("2025-10-10", 1)
    cancelled = schedule.call("CancelSchoolEvent", pb.CancelSchoolEventRequest(
        school_id=a.school_id, school_event_id=meeting.id, reason="Карантин в классе"))
    assert (cancelled.status, cancelled.revision, cancelled.cancel_reason) == ("cancelled", 2, "Карантин в классе")
    assert "Родительское собрание" not in listed(schedule, a.school_id)
    assert "Родительское собрание" in listed(schedule, a.school_id, include_cancelled=True)
    published = told(schedule, a.school_id, "SchoolEventCreated", "SchoolEventChanged", "SchoolEventCancelled")
    assert [type(e).__name__ for e in published] == ["SchoolEventCreated"] * 4 + ["SchoolEventChanged",
                                                                                  "SchoolEventCancelled"]
    assert (list(published[4].changed), published[4].event) == (["date"], moved)
    assert published[5].event == cancelled
    with pytest.raises(grpc.RpcError) as refused:
        schedule.call("UpdateSchoolEvent", pb.UpdateSchoolEventRequest(
            school_id=a.school_id, school_event_id=meeting.id, event=pb.SchoolEventInput(
                title="Снова", kind="parent_meeting", date="2025-10-11")))
    assert refused.value.code() == grpc.StatusCode.FAILED_PRECONDITION


def test_refusals_name_the_fields_and_another_school_sees_nothing(schedule):
    a, b = autumn_school(schedule), autumn_school(schedule)
    cases = [
        (dict(title="", kind="party"), {"title": "поле не заполнено", "kind": "выберите вид мероприятия из списка"}),
        (dict(audience=pb.EventAudience(scope="class_groups", class_group_ids=[b.class_group.id])),
         {"audience.class_group_ids": "в этой школе нет такого класса"}),
        (dict(starts_at="19:00", ends_at="18:30"), {"ends_at": "окончание позже начала"}),
    ]
    for fields, problems in cases:
        with pytest.raises(grpc.RpcError) as refused:
            create(schedule, a.school_id, **fields)
        assert rpc_error(refused)[0] == grpc.StatusCode.INVALID_ARGUMENT
        assert rpc_error(refused)[2] == problems
    event = create(schedule, a.school_id)
    for request in (pb.GetSchoolEventRequest(school_id=b.school_id, school_event_id=event.id),
                    pb.CancelSchoolEventRequest(school_id=b.school_id, school_event_id=event.id, reason="чужое")):
        with pytest.raises(grpc.RpcError) as refused:
            schedule.call(type(request).__name__.removesuffix("Request"), request)
        assert refused.value.code() == grpc.StatusCode.NOT_FOUND
    assert listed(schedule, b.school_id) == []
    with schedule.db.tenant_session(b.school_id) as session:
        assert session.scalars(select(school_events.c.id)).all() == []
    with pytest.raises(grpc.RpcError) as refused:
        schedule.call("ListSchoolEvents", pb.ListSchoolEventsRequest(school_id=a.school_id, date_from="2025-09-01",
                                                                     date_to="2026-12-31"))
    assert rpc_error(refused)[2] == {"date_to": "не больше 400 дней"}


def test_calendar_feeds_carry_the_events_for_their_class_or_teacher(schedule):
    a = autumn_school(schedule)
    add_entry(schedule, a, MONDAY, 1)
    meeting = create(schedule, a.school_id, audience=pb.EventAudience(scope="grades", grades=[5], people="families"))
    create(schedule, a.school_id, title="Педсовет", kind="staff_meeting", starts_at="", ends_at="",
           audience=pb.EventAudience(people="staff"))
    create(schedule, a.school_id, title="Собрание 9-х", audience=pb.EventAudience(scope="grades", grades=[9]))
    schedule.call("CancelSchoolEvent", pb.CancelSchoolEventRequest(school_id=a.school_id, school_event_id=meeting.id,
                                                                   reason="Перенесено"))
    feed = schedule.call("CreateCalendarFeed", pb.CreateCalendarFeedRequest(school_id=a.school_id,
                                                                            class_group_id=a.class_group.id))
    found = {str(e["UID"]): e for e in read_feed(schedule, feed_token(feed)).walk("VEVENT")}
    assert len(found) == 14  # 13 Monday lessons and the 5th grade's meeting
    event = found[meeting.id]
    assert (str(event["STATUS"]), event["SEQUENCE"], str(event["CATEGORIES"].cats[0])) == (
        "CANCELLED", 1, "Родительское собрание")
    assert "Перенесено" in str(event["DESCRIPTION"])

    schedule.principals.grant(a.school_id, "subject_teacher", person_id=a.teacher_id)
    feed = schedule.call("CreateCalendarFeed", pb.CreateCalendarFeedRequest(school_id=a.school_id,
                                                                            teacher_id=a.teacher_id))
    summaries = [str(e["SUMMARY"]) for e in read_feed(schedule, feed_token(feed)).walk("VEVENT")]
    assert summaries.count("Математика, 5А") == 13 and "Педсовет" in summaries
    assert "Родительское собрание" not in summaries and "Собрание 9-х" not in summaries


def test_a_subgroups_students_and_name_are_published_with_every_change(schedule, school):
    students = schedule.staff.enrol(school.class_group.id, 4)
    group = schedule.call("CreateSubgroup", pb.CreateSubgroupRequest(
        school_id=school.id, class_group_id=school.class_group.id, name="Английский, 1 группа",
        student_ids=students[:2]))
    schedule.call("SetSubgroupStudents", pb.SetSubgroupStudentsRequest(school_id=school.id, subgroup_id=group.id,
                                                                       student_ids=students[1:3]))
    schedule.call("RenameSubgroup", pb.RenameSubgroupRequest(school_id=school.id, subgroup_id=group.id,
                                                             name="Английский, группа А"))
    with pytest.raises(grpc.RpcError):
        schedule.call("SetSubgroupStudents", pb.SetSubgroupStudentsRequest(school_id=school.id, subgroup_id=group.id,
                                                                           student_ids=[str(uuid.uuid4())]))
    published = [e.subgroup for e in told(schedule, school.id, "SubgroupStudentsSet")]
    assert [(s.name, list(s.student_ids)) for s in published] == [
        ("Английский, 1 группа", sorted(students[:2])), ("Английский, 1 группа", sorted(students[1:3])),
        ("Английский, группа А", sorted(students[1:3]))]
    assert {(s.id, s.class_group_id) for s in published} == {(group.id, school.class_group.id)}
