"""Schedule's LessonMoved in the journal: the lesson's record (and its unlock requests) take the new date and
lesson number, so the grid, the diary, late entries and attendance corrections show the lesson where it now is;
the marks' new date goes to reporting with LessonRecordMoved. Only the date and number are taken from the event:
the other facts of the record come from the lesson as a save last saw it, and a save never changes the date or
number of a record it finds (adapters/lesson_record_store.py RECORD_KEPT), so this is the one place an existing record moves. A
redelivery, or a record created at that date and number after the move, changes nothing and announces nothing."""
from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

from proto.journal.v1 import journal_pb2 as pb
from proto.schedule.v1 import schedule_pb2
from services.common.scope import Scope

if TYPE_CHECKING:
    from services.journal.service_layer.unit_of_work import JournalUnitOfWork


def record_lesson_moved(scope: Scope, uow: JournalUnitOfWork, event: schedule_pb2.LessonMoved) -> None:
    lesson, date = event.lesson, dt.date.fromisoformat(event.lesson.date)
    with uow:
        uow.unlock_requests.move(lesson.id, date)
        class_group_id = uow.lessons.move(lesson.id, date, lesson.lesson_number)
        if class_group_id is None:  # no record of the lesson yet (a later save takes the lesson as it is then), or moved
            return
        uow.publish(pb.LessonRecordMoved(
            lesson_id=lesson.id, class_group_id=class_group_id, lesson_date=lesson.date,
            lesson_number=lesson.lesson_number, from_date=event.from_date, from_lesson_number=event.from_lesson_number,
            mark_ids=uow.lessons.mark_ids(lesson.id)))
