"""Schedule's LessonMoved in the journal: the lesson's record (and its unlock requests) take the new date and
lesson number, so the grid, the diary, late entries and attendance corrections show the lesson where it now is;
the marks' new date goes to reporting with LessonRecordMoved. Only the date and number are taken from the event:
the other facts of the record come from the lesson as a save last saw it, and a save never changes the date or
number of a record it finds (handlers.RECORD_KEPT), so this is the one place an existing record moves. A
redelivery, or a record created at that date and number after the move, changes nothing and announces nothing."""
import datetime as dt

from sqlalchemy import select, update
from sqlalchemy.orm import Session

from proto.journal.v1 import journal_pb2 as pb
from proto.schedule.v1 import schedule_pb2
from services.common.outbox import Outbox
from services.journal.adapters.tables import lesson_records, marks, unlock_requests


def record(session: Session, outbox: Outbox, school_id: str, event: schedule_pb2.LessonMoved) -> None:
    lesson, date = event.lesson, dt.date.fromisoformat(event.lesson.date)
    session.execute(update(unlock_requests).where(unlock_requests.c.lesson_id == lesson.id,
                                                  unlock_requests.c.lesson_date != date).values(lesson_date=date))
    records = lesson_records.c
    moved = session.execute(update(lesson_records).where(
        records.lesson_id == lesson.id, (records.lesson_date != date) | (records.lesson_number != lesson.lesson_number),
    ).values(lesson_date=date, lesson_number=lesson.lesson_number).returning(records.class_group_id)).first()
    if moved is None:  # no record of the lesson yet (a later save takes the lesson as it is then), or already moved
        return
    mark_ids = session.scalars(select(marks.c.id).where(marks.c.lesson_id == lesson.id).order_by(marks.c.id)).all()
    outbox.add(session, school_id, pb.LessonRecordMoved(
        lesson_id=lesson.id, class_group_id=moved.class_group_id, lesson_date=lesson.date,
        lesson_number=lesson.lesson_number, from_date=event.from_date, from_lesson_number=event.from_lesson_number,
        mark_ids=mark_ids))
