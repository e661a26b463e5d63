"""Events schedule consumes: the journal's records of a lesson (marks, attendance, topic, homework) mark the
lesson as recorded, so timetable and calendar changes keep it instead of cancelling it; identity's cancelled
movement orders take a student out of the subgroups of a class the order had put them in
(service_layer/subgroup_leavers.py).

A lesson save publishes an event per mark and per attendance change (≈ 30 for a whole class): the events of a
polled batch are taken together (one many-handler for all six types), and the distinct lessons they name are
marked in one statement, in a unit of work joining the consumer's transaction, for the school the events name."""
import datetime as dt

from sqlalchemy.orm import Session

from proto.events.v1.envelope_pb2 import Envelope
from proto.identity.v1 import identity_pb2
from proto.journal.v1 import journal_pb2
from services.common.consumer import EventHandlers
from services.common.outbox import Outbox
from services.common.scope import Scope
from services.schedule.adapters import tables
from services.schedule.service_layer import journal_records, subgroup_leavers
from services.schedule.service_layer.subgroup_leavers import Movement
from services.schedule.service_layer.unit_of_work import ScheduleUnitOfWork

handlers = EventHandlers()
outbox = Outbox("schedule", tables.outbox)


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
    uow = ScheduleUnitOfWork.joining(session, outbox, Scope.of_event(events[0][1].school_id))
    journal_records.lessons_recorded(uow, [lesson_of(event) for event, _ in events])


@handlers.on(identity_pb2.MovementOrderCancelled)
def order_cancelled(session: Session, event: identity_pb2.MovementOrderCancelled, env: Envelope) -> None:
    """Each student of the cancelled order, with their memberships after the undo, from the order's date on."""
    uow = ScheduleUnitOfWork.joining(session, outbox, Scope.of_event(env.school_id))
    subgroup_leavers.students_moved(uow, [Movement(s.student_id, dt.date.fromisoformat(event.order.effective_date),
                                                   [m.class_group_id for m in s.memberships]) for s in event.students])
