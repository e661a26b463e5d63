"""Events schedule consumes: the journal's records of a lesson (marks, attendance, topic, homework) mark the
lesson as recorded, so timetable and calendar changes keep it instead of cancelling it."""
from sqlalchemy.dialects.postgresql import insert
from sqlalchemy.orm import Session

from proto.events.v1.envelope_pb2 import Envelope
from proto.journal.v1 import journal_pb2
from services.common.consumer import EventHandlers
from services.schedule.tables import recorded_lessons

handlers = EventHandlers()


def mark_recorded(session: Session, school_id: str, lesson_id: str) -> None:
    session.execute(insert(recorded_lessons).values(school_id=school_id, lesson_id=lesson_id)
                    .on_conflict_do_nothing(index_elements=["lesson_id"]))


@handlers.on(journal_pb2.MarkRecorded)
@handlers.on(journal_pb2.MarkChanged)
@handlers.on(journal_pb2.MarkDeleted)
def mark_event(session: Session, event, env: Envelope) -> None:
    mark_recorded(session, env.school_id, event.mark.lesson_id)


@handlers.on(journal_pb2.AttendanceRecorded)
def attendance_recorded(session: Session, event: journal_pb2.AttendanceRecorded, env: Envelope) -> None:
    mark_recorded(session, env.school_id, event.entry.lesson_id)


@handlers.on(journal_pb2.TopicSet)
@handlers.on(journal_pb2.HomeworkSet)
def lesson_text_set(session: Session, event, env: Envelope) -> None:
    mark_recorded(session, env.school_id, event.lesson_id)
