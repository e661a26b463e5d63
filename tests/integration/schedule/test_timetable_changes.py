"""Changing the weekly timetable from a date on the real PostgreSQL: later lessons follow the change, earlier ones
stay, lessons the journal has records for (known from its events, consumed idempotently) are kept with a note
(told in LessonsChanged); holidays keep recorded lessons too."""
import datetime as dt
import uuid

import grpc
import pytest
from sqlalchemy import event as sqlalchemy_event
from sqlalchemy import func, select

from proto.journal.v1 import journal_pb2
from proto.schedule.v1 import schedule_pb2 as pb
from services.common.consumer import IdempotentConsumer
from services.common.outbox import envelope
from services.schedule.adapters import tables
from services.schedule.entrypoints.consumers import handlers
from tests.integration.schedule.conftest import entry
from tests.integration.schedule.test_school_events import told
from tests.support.grpc_harness import rpc_error

pytestmark = pytest.mark.stack

# Mondays of the quarters (01.09-24.10, 05.11-28.12.2025): Sep 1, 8, 15, 22, 29; Oct 6, 13, 20; Nov 10, 17, 24;
# Dec 1, 8, 15, 22. From 06.10: 10 of them.
BEFORE = ["2025-09-01", "2025-09-08", "2025-09-15", "2025-09-22", "2025-09-29"]
FROM_OCT_6 = ["2025-10-06", "2025-10-13", "2025-10-20", "2025-11-10", "2025-11-17", "2025-11-24", "2025-12-01",
              "2025-12-08", "2025-12-15", "2025-12-22"]


def lessons(schedule, school, **filters):
    return list(schedule.call("ListLessons", pb.ListLessonsRequest(
        school_id=school.id, class_group_id=school.class_group.id, **filters)).lessons)


def record(schedule, school_id: str, event) -> bool:
    """Delivers a journal event to schedule's consumer, as Kafka would."""
    consumer = IdempotentConsumer(schedule.db, tables.inbox, handlers)
    return consumer.handle(envelope(school_id, event, actor="test").SerializeToString())


@pytest.fixture
def timetable(schedule, school):
    """Monday 1st lesson Математика; a second teacher assigned too; today is 20.09.2025."""
    created = schedule.call("CreateTimetableEntry", entry(school, weekday=1, lesson_number=1)).entry
    other_teacher = str(uuid.uuid4())
    schedule.call("AssignTeacher", pb.AssignTeacherRequest(school_id=school.id, teacher_id=other_teacher,
                                                           subject_id=school.subject.id, class_group_id=school.class_group.id))
    schedule.clock.today = dt.date(2025, 9, 20)
    by_date = {lesson.date: lesson for lesson in lessons(schedule, school)}
    return created, other_teacher, by_date


def test_journal_events_mark_lessons_recorded_once(schedule, school, timetable):
    _, _, by_date = timetable
    lesson_id = by_date["2025-10-13"].id
    event = journal_pb2.TopicSet(lesson_id=lesson_id, topic="Дроби")
    raw = envelope(school.id, event, actor="test").SerializeToString()
    consumer = IdempotentConsumer(schedule.db, tables.inbox, handlers)
    assert consumer.handle(raw) is True
    assert consumer.handle(raw) is False  # redelivered
    assert record(schedule, school.id, journal_pb2.MarkRecorded(mark=journal_pb2.Mark(lesson_id=lesson_id))) is True
    assert record(schedule, school.id, journal_pb2.AttendanceRecorded(entry=journal_pb2.AttendanceEntry(
        lesson_id=by_date["2025-09-15"].id))) is True
    with schedule.db.tenant_session(school.id) as session:
        assert sorted(session.scalars(select(tables.recorded_lessons.c.lesson_id)).all()) == sorted(
            [lesson_id, by_date["2025-09-15"].id])


def test_a_saves_events_mark_its_lessons_in_one_statement(schedule, school, timetable):
    _, _, by_date = timetable
    first, second = by_date["2025-09-22"].id, by_date["2025-09-29"].id
    events = [journal_pb2.TopicSet(lesson_id=first, topic="Дроби"), journal_pb2.HomeworkSet(lesson_id=first),
              *(journal_pb2.MarkRecorded(mark=journal_pb2.Mark(lesson_id=first)) for _ in range(25)),
              journal_pb2.MarkChanged(mark=journal_pb2.Mark(lesson_id=second)),
              journal_pb2.MarkDeleted(mark=journal_pb2.Mark(lesson_id=second)),
              journal_pb2.AttendanceRecorded(entry=journal_pb2.AttendanceEntry(lesson_id=first))]
    consumer = IdempotentConsumer(schedule.db, tables.inbox, handlers)
    batch = [consumer.decode(envelope(school.id, event, actor="test").SerializeToString()) for event in events]
    statements = []

    def seen(conn, cursor, statement, parameters, context, executemany):
        statements.append(" ".join(statement.split()[:3]))
    sqlalchemy_event.listen(schedule.db.engine, "before_cursor_execute", seen)
    try:
        assert consumer.apply(school.id, batch) == len(events)
    finally:
        sqlalchemy_event.remove(schedule.db.engine, "before_cursor_execute", seen)
    assert statements.count("INSERT INTO recorded_lessons") == 1
    assert consumer.apply(school.id, batch) == 0  # redelivered
    with schedule.db.tenant_session(school.id) as session:
        assert sorted(session.scalars(select(tables.recorded_lessons.c.lesson_id)).all()) == sorted([first, second])


def test_a_replaced_entry_changes_later_lessons_and_keeps_recorded_ones(schedule, school, timetable):
    old, other_teacher, by_date = timetable
    record(schedule, school.id, journal_pb2.HomeworkSet(lesson_id=by_date["2025-10-13"].id, homework="№ 5"))
    reply = schedule.call("ReplaceTimetableEntry", pb.ReplaceTimetableEntryRequest(
        school_id=school.id, entry_id=old.id, effective_from="2025-10-06",
        entry=pb.TimetableEntry(subject_id=school.subject.id, teacher_id=other_teacher, weekday=1, lesson_number=1,
                                starts_at="08:30", ends_at="09:15", room="22")))
    assert (reply.lessons_cancelled, reply.lessons_kept, reply.lessons_created) == (9, 1, 9)
    assert (reply.entry.starts_on, reply.entry.teacher_id, reply.entry.class_group_id) == (
        "2025-10-06", other_teacher, school.class_group.id)

    now = lessons(schedule, school)
    assert [lesson.date for lesson in now] == BEFORE + FROM_OCT_6
    assert {lesson.teacher_id for lesson in now if lesson.date in BEFORE} == {school.teacher_id}
    kept = next(lesson for lesson in now if lesson.date == "2025-10-13")
    assert (kept.id, kept.teacher_id) == (by_date["2025-10-13"].id, school.teacher_id)
    assert kept.change_note == "Расписание изменено с 6 октября 2025, но в журнале по уроку уже есть записи: урок сохранён"
    assert told(schedule, school.id, "LessonsChanged") == [pb.LessonsChanged(
        lesson_ids=[kept.id], class_group_ids=[school.class_group.id], change="change_note")]
    assert {(lesson.teacher_id, lesson.room) for lesson in now if lesson.date in FROM_OCT_6 and lesson.id != kept.id} == {
        (other_teacher, "22")}
    cancelled = [lesson for lesson in lessons(schedule, school, include_cancelled=True) if lesson.status == "cancelled"]
    assert len(cancelled) == 9 and {c.change_note for c in cancelled} == {"Урок отменён: расписание изменено с 6 октября 2025"}

    entries = lambda date="": [e.id for e in schedule.call("ListTimetableEntries", pb.ListTimetableEntriesRequest(  # noqa: E731
        school_id=school.id, class_group_id=school.class_group.id, date=date)).entries]
    assert (entries("2025-09-29"), entries("2025-10-06"), entries()) == ([old.id], [reply.entry.id], [old.id, reply.entry.id])

    # removed from December: four Mondays cancelled, nothing else changes
    removed = schedule.call("DeleteTimetableEntry", pb.DeleteTimetableEntryRequest(
        school_id=school.id, entry_id=reply.entry.id, effective_from="2025-12-01"))
    assert (removed.lessons_cancelled, removed.lessons_kept) == (4, 0)
    assert len(told(schedule, school.id, "LessonsChanged")) == 1  # no lesson kept: no note changed
    assert [lesson.date for lesson in lessons(schedule, school)] == BEFORE + FROM_OCT_6[:6]
    # a whole-year lesson in that slot still clashes with the earlier months
    with pytest.raises(grpc.RpcError) as err:
        schedule.call("CreateTimetableEntry", entry(school, weekday=1, lesson_number=1))
    assert rpc_error(err)[0] == grpc.StatusCode.ALREADY_EXISTS


def test_timetable_change_refusals(schedule, school, timetable):
    old, _, _ = timetable
    cases = [
        (pb.DeleteTimetableEntryRequest(school_id=school.id, entry_id=old.id, effective_from="2025-09-20"),
         grpc.StatusCode.INVALID_ARGUMENT, "effective_from"),
        (pb.DeleteTimetableEntryRequest(school_id=school.id, entry_id=old.id, effective_from="2026-06-01"),
         grpc.StatusCode.INVALID_ARGUMENT, "effective_from"),
        (pb.DeleteTimetableEntryRequest(school_id=school.id, entry_id=str(uuid.uuid4()), effective_from="2025-10-01"),
         grpc.StatusCode.NOT_FOUND, "entry_id"),
    ]
    for request, code, field in cases:
        with pytest.raises(grpc.RpcError) as err:
            schedule.call("DeleteTimetableEntry", request)
        assert (rpc_error(err)[0], field in rpc_error(err)[2]) == (code, True), request
    schedule.call("DeleteTimetableEntry", pb.DeleteTimetableEntryRequest(school_id=school.id, entry_id=old.id,
                                                                         effective_from="2025-10-01"))
    with pytest.raises(grpc.RpcError) as err:
        schedule.call("DeleteTimetableEntry", pb.DeleteTimetableEntryRequest(school_id=school.id, entry_id=old.id,
                                                                             effective_from="2025-11-01"))
    assert rpc_error(err)[0] == grpc.StatusCode.FAILED_PRECONDITION
    other = str(uuid.uuid4())
    schedule.principals.grant(other, "school_admin")
    with pytest.raises(grpc.RpcError) as err:
        schedule.call("ListTimetableEntries", pb.ListTimetableEntriesRequest(school_id=other,
                                                                             class_group_id=school.class_group.id))
    assert rpc_error(err)[0] == grpc.StatusCode.NOT_FOUND


def test_a_holiday_keeps_a_lesson_the_journal_has_records_for(schedule, school, timetable):
    _, _, by_date = timetable
    record(schedule, school.id, journal_pb2.TopicSet(lesson_id=by_date["2025-10-13"].id, topic="Проценты"))
    reply = schedule.call("AddHoliday", pb.AddHolidayRequest(school_id=school.id, academic_year_id=school.year.id,
                                                             name="Карантин", start_date="2025-10-06",
                                                             end_date="2025-10-14"))
    assert reply.lessons_cancelled == 1  # 06.10; 13.10 is kept
    kept = schedule.call("GetLesson", pb.GetLessonRequest(school_id=school.id, lesson_id=by_date["2025-10-13"].id))
    assert kept.status == "scheduled" and "уже есть записи" in kept.change_note
    assert told(schedule, school.id, "LessonsChanged") == [pb.LessonsChanged(
        lesson_ids=[kept.id], class_group_ids=[school.class_group.id], change="change_note")]
    with schedule.db.tenant_session(str(uuid.uuid4())) as session:
        assert session.scalar(select(func.count()).select_from(tables.recorded_lessons)) == 0
