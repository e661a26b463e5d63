"""What the journal consumes: identity's AccountCompromised (T8) is kept for the school administrator's review of
that person's journal changes (ListCompromisedAccounts, then ListActorChanges / RevertActorChanges); schedule's
AcademicYearClosed closes the year's journal and is answered with JournalYearClosed (closed_years.py); schedule's
LessonMoved moves the lesson's record to its new date and number (moved_lessons.py)."""
import datetime as dt

from sqlalchemy.dialects.postgresql import insert
from sqlalchemy.orm import Session

from proto.events.v1.envelope_pb2 import Envelope
from proto.identity.v1 import identity_pb2
from proto.schedule.v1 import schedule_pb2
from services.common.consumer import EventHandlers
from services.common.outbox import Outbox
from services.journal.adapters import peer_cache, tables
from services.journal.adapters.tables import compromised_accounts
from services.journal.service_layer import closed_years, moved_lessons

handlers = EventHandlers()
outbox = Outbox("journal", tables.outbox)


@handlers.on(identity_pb2.AccountCompromised)
def account_compromised(session: Session, event: identity_pb2.AccountCompromised, env: Envelope) -> None:
    session.execute(insert(compromised_accounts).values(
        school_id=env.school_id, person_id=event.person_id, reported_at=dt.datetime.fromisoformat(event.reported_at),
        subject=event.subject, reported_by=event.reported_by).on_conflict_do_nothing())


@handlers.on(schedule_pb2.AcademicYearClosed)
def academic_year_closed(session: Session, event: schedule_pb2.AcademicYearClosed, env: Envelope) -> None:
    peer_cache.forget(peer_cache.SHARED, env.school_id, event)
    closed_years.record(session, outbox, env.school_id, event)


@handlers.on(schedule_pb2.LessonMoved)
def lesson_moved(session: Session, event: schedule_pb2.LessonMoved, env: Envelope) -> None:
    peer_cache.forget(peer_cache.SHARED, env.school_id, event)
    moved_lessons.record(session, outbox, env.school_id, event)


def forget_peer_answers(session: Session, event, env: Envelope) -> None:
    """A lesson cancelled, moved or substituted, a student enrolled: the journal's kept answers about them go
    (services/journal/peer_cache.py); the schedule or identity change is committed before its event."""
    peer_cache.forget(peer_cache.SHARED, env.school_id, event)


for _changed in (schedule_pb2.LessonCancelled, schedule_pb2.SubstitutionAssigned, identity_pb2.StudentEnrolled):
    handlers.on(_changed)(forget_peer_answers)
