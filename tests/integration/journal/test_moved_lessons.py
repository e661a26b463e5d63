"""Schedule's LessonMoved on the real PostgreSQL: the lesson's record and its unlock requests take the new date and
number once, the marks' new date is announced to reporting with LessonRecordMoved; the ledger is left as written."""
import datetime as dt

import pytest
from sqlalchemy import func, select

from proto.events.v1.envelope_pb2 import Envelope
from proto.journal.v1 import journal_pb2 as pb
from proto.schedule.v1 import schedule_pb2
from services.common.consumer import IdempotentConsumer
from services.common.outbox import envelope
from services.journal.adapters import tables
from services.journal.adapters.tables import ledger, lesson_records, outbox, unlock_requests
from services.journal.entrypoints.consumers import handlers
from tests.integration.journal.test_policy_and_locks import act_as, as_teacher, request_unlock
from tests.integration.journal.test_service import save

pytestmark = pytest.mark.stack
MOVED = "otmetka.journal.v1.LessonRecordMoved"


def move(journal, lesson, to: dt.date, number: int) -> bytes:
    """Schedule moves the lesson: its GetLesson answers the new date, and its event as the consumer receives it."""
    moved = schedule_pb2.Lesson()
    moved.CopyFrom(lesson.lesson)
    moved.date, moved.lesson_number, moved.moved_from_date = to.isoformat(), number, lesson.lesson.date
    journal.schedule.lessons[moved.id] = moved
    event = schedule_pb2.LessonMoved(lesson=moved, from_date=lesson.lesson.date,
                                     from_lesson_number=lesson.lesson.lesson_number)
    return envelope(lesson.school_id, event, actor="schedule").SerializeToString()


def moved_events(journal, school_id: str) -> list[pb.LessonRecordMoved]:
    with journal.db.tenant_session(school_id) as session:
        rows = session.scalars(select(outbox.c.payload).where(outbox.c.type == MOVED).order_by(outbox.c.seq)).all()
    events = []
    for raw in rows:
        events.append(pb.LessonRecordMoved())
        Envelope.FromString(raw).payload.Unpack(events[-1])
    return events


def test_a_moved_lesson_takes_its_record_and_marks_to_the_new_date_once(journal, past_lesson):
    a, b, c = past_lesson.students
    as_teacher(journal, past_lesson)
    save(journal, past_lesson, topic="Дроби", reason="Урок", marks=[dict(student_id=a, value="5"),
                                                                    dict(student_id=b, value="4")],
         attendance=[dict(student_id=c, status="absent")])
    school_id, lesson_id = past_lesson.school_id, past_lesson.lesson.id
    with journal.db.tenant_session(school_id) as session:
        written = session.scalar(select(func.count()).select_from(ledger))
        mark_ids = sorted(session.scalars(select(tables.marks.c.id).where(tables.marks.c.lesson_id == lesson_id)))
    new_date = dt.date.fromisoformat(past_lesson.lesson.date) + dt.timedelta(days=1)
    consumer = IdempotentConsumer(journal.db, tables.inbox, handlers)
    assert consumer.handle(move(journal, past_lesson, new_date, 3))

    record = journal.call("GetLessonRecord", pb.GetLessonRecordRequest(school_id=school_id, lesson_id=lesson_id))
    assert record.lesson_date == new_date.isoformat() and record.topic == "Дроби"
    assert {m.lesson_date for m in record.marks} == {new_date.isoformat()}
    with journal.db.tenant_session(school_id) as session:
        row = session.execute(select(lesson_records).where(lesson_records.c.lesson_id == lesson_id)).one()
        assert (row.lesson_date, row.lesson_number, row.class_group_id) == (
            new_date, 3, past_lesson.lesson.class_group_id)
        assert session.scalar(select(func.count()).select_from(ledger)) == written  # nobody changed the journal
    [event] = moved_events(journal, school_id)
    assert (event.lesson_id, event.class_group_id, event.lesson_date, event.lesson_number, event.from_date,
            event.from_lesson_number, sorted(event.mark_ids)) == (
        lesson_id, past_lesson.lesson.class_group_id, new_date.isoformat(), 3, past_lesson.lesson.date, 1, mark_ids)

    assert consumer.handle(move(journal, past_lesson, new_date, 3))  # re-published under a new event id
    assert len(moved_events(journal, school_id)) == 1, "a record already there is not announced again"


def test_a_lesson_without_a_record_moves_its_unlock_requests_only(journal, old_lesson):
    as_teacher(journal, old_lesson)
    request = request_unlock(journal, old_lesson)
    new_date = dt.date.fromisoformat(old_lesson.lesson.date) - dt.timedelta(days=2)
    consumer = IdempotentConsumer(journal.db, tables.inbox, handlers)
    assert consumer.handle(move(journal, old_lesson, new_date, 2))
    with journal.db.tenant_session(old_lesson.school_id) as session:
        assert session.scalar(select(unlock_requests.c.lesson_date).where(unlock_requests.c.id == request.id)) == new_date
        assert session.scalar(select(func.count()).select_from(lesson_records)) == 0
    assert moved_events(journal, old_lesson.school_id) == []
    act_as(journal, old_lesson, "deputy_head")
    listed = journal.call("ListUnlockRequests", pb.ListUnlockRequestsRequest(school_id=old_lesson.school_id))
    assert [r.lesson_date for r in listed.requests] == [new_date.isoformat()]


def stored_slot(journal, lesson) -> tuple[dt.date, int]:
    with journal.db.tenant_session(lesson.school_id) as session:
        row = session.execute(select(lesson_records).where(lesson_records.c.lesson_id == lesson.lesson.id)).one()
    return row.lesson_date, row.lesson_number


def test_only_the_event_moves_a_record_a_save_never_does(journal, past_lesson):
    a = past_lesson.students[0]
    as_teacher(journal, past_lesson)
    save(journal, past_lesson, topic="Дроби", reason="Урок", marks=[dict(student_id=a, value="5")])
    before = past_lesson.lesson
    old = (dt.date.fromisoformat(before.date), before.lesson_number)
    new_date = old[0] + dt.timedelta(days=1)
    raw = move(journal, past_lesson, new_date, 3)  # schedule answers the new date before its event arrives
    save(journal, past_lesson, topic="Дроби и доли", reason="Урок", marks=[dict(student_id=a, value="4")])
    assert stored_slot(journal, past_lesson) == old  # the save left it where it was

    assert IdempotentConsumer(journal.db, tables.inbox, handlers).handle(raw)
    assert stored_slot(journal, past_lesson) == (new_date, 3)
    assert len(moved_events(journal, past_lesson.school_id)) == 1  # the marks' new date announced

    journal.schedule.lessons[before.id] = before  # a save that saw the lesson before the move
    save(journal, past_lesson, topic="Дроби", reason="Урок", marks=[dict(student_id=a, value="5")])
    assert stored_slot(journal, past_lesson) == (new_date, 3)  # not put back
