"""What the journal consumes: identity's AccountCompromised (T8) is kept for the school administrator's review of
that person's journal changes (ListCompromisedAccounts, then ListActorChanges / RevertActorChanges); schedule's
AcademicYearClosed closes the year's journal and is answered with JournalYearClosed
(service_layer/closed_years.py); schedule's LessonMoved moves the lesson's record to its new date and number
(service_layer/moved_lessons.py). Each works in the consumer's transaction, in the event's school scope. (The copy of
schedule's and identity's answers is kept current by every replica's own reading of their events: adapters/peer_cache.py.)"""
from sqlalchemy.orm import Session

from proto.events.v1.envelope_pb2 import Envelope
from proto.identity.v1 import identity_pb2
from proto.schedule.v1 import schedule_pb2
from services.common.consumer import EventHandlers
from services.common.outbox import Outbox
from services.common.scope import Scope
from services.journal.adapters import tables
from services.journal.service_layer import closed_years, moved_lessons
from services.journal.service_layer.unit_of_work import JournalUnitOfWork

handlers = EventHandlers()
outbox = Outbox("journal", tables.outbox)


def _unit_of_work(session: Session, scope: Scope) -> JournalUnitOfWork:
    return JournalUnitOfWork.joining(session, outbox, scope)


@handlers.on(identity_pb2.AccountCompromised)
def account_compromised(session: Session, event: identity_pb2.AccountCompromised, env: Envelope) -> None:
    with _unit_of_work(session, Scope.of_event(env.school_id)) as uow:
        uow.compromised.add(event)


@handlers.on(schedule_pb2.AcademicYearClosed)
def academic_year_closed(session: Session, event: schedule_pb2.AcademicYearClosed, env: Envelope) -> None:
    scope = Scope.of_event(env.school_id)
    closed_years.record_year_closed(scope, _unit_of_work(session, scope), event)


@handlers.on(schedule_pb2.LessonMoved)
def lesson_moved(session: Session, event: schedule_pb2.LessonMoved, env: Envelope) -> None:
    scope = Scope.of_event(env.school_id)
    moved_lessons.record_lesson_moved(scope, _unit_of_work(session, scope), event)
