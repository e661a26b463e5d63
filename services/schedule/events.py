"""Events schedule consumes: the journal's records of a lesson (marks, attendance, topic, homework) mark the
lesson as recorded, so timetable and calendar changes keep it instead of cancelling it.

A lesson save publishes an event per mark and per attendance change (≈ 30 for a whole class): the events of a
polled batch are taken together (one many-handler for all six types), and the distinct lessons they name are
marked in one statement."""
from sqlalchemy.dialects.postgresql import insert
from sqlalchemy.orm import Session

from proto.events.v1.envelope_pb2 import Envelope
from proto.journal.v1 import journal_pb2
from services.common.consumer import EventHandlers
from services.schedule.tables import recorded_lessons

handlers = EventHandlers()


def mark_recorded(session: Session, school_id: str, lesson_ids) -> None:
    """Marks the lessons recorded (in id order, so concurrent writers lock them in the same order)."""
    session.execute(insert(recorded_lessons).values([dict(school_id=school_id, lesson_id=lesson_id)
                                                      for lesson_id in sorted(set(lesson_ids))])
                    .on_conflict_do_nothing(index_elements=["lesson_id"]))


def lesson_of(event) -> str:
    if isinstance(event, journal_pb2.AttendanceRecorded):
        return event.entry.lesson_id
    if isinstance(event, journal_pb2.TopicSet | journal_pb2.HomeworkSet):
        return event.lesson_id
    return event.mark.lesson_id  # MarkRecorded, MarkChanged, MarkDeleted


@handlers.on_many(journal_pb2.MarkRecorded)
@handlers.on_many(journal_pb2.MarkChanged)
@handlers.on_many(journal_pb2.MarkDeleted)
@handlers.on_many(journal_pb2.AttendanceRecorded)
@handlers.on_many(journal_pb2.TopicSet)
@handlers.on_many(journal_pb2.HomeworkSet)
def lessons_recorded(session: Session, events: list[tuple[object, Envelope]]) -> None:
    """A run of the journal's record events of one school (the consumer applies a school's events together)."""
    mark_recorded(session, events[0][1].school_id, [lesson_of(event) for event, _ in events])
