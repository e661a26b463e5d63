"""What the journal consumes: identity's AccountCompromised (T8) is kept for the school administrator's review of
that person's journal changes (ListCompromisedAccounts, then ListActorChanges / RevertActorChanges)."""
import datetime as dt

from sqlalchemy.dialects.postgresql import insert
from sqlalchemy.orm import Session

from proto.events.v1.envelope_pb2 import Envelope
from proto.identity.v1 import identity_pb2
from services.common.consumer import EventHandlers
from services.journal.tables import compromised_accounts

handlers = EventHandlers()


@handlers.on(identity_pb2.AccountCompromised)
def account_compromised(session: Session, event: identity_pb2.AccountCompromised, env: Envelope) -> None:
    session.execute(insert(compromised_accounts).values(
        school_id=env.school_id, person_id=event.person_id, reported_at=dt.datetime.fromisoformat(event.reported_at),
        subject=event.subject, reported_by=event.reported_by).on_conflict_do_nothing())
