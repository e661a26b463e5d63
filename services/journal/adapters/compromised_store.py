"""The compromised_accounts table: accounts identity reported compromised (T8), kept for the administrator's review."""
import datetime as dt

from sqlalchemy import select
from sqlalchemy.dialects.postgresql import insert
from sqlalchemy.orm import Session

from proto.identity.v1 import identity_pb2
from services.journal.adapters.tables import compromised_accounts


def add(session: Session, school_id: str, event: identity_pb2.AccountCompromised) -> None:
    """Keeps the report (a redelivery changes nothing)."""
    session.execute(insert(compromised_accounts).values(
        school_id=school_id, person_id=event.person_id, reported_at=dt.datetime.fromisoformat(event.reported_at),
        subject=event.subject, reported_by=event.reported_by).on_conflict_do_nothing())


def newest_first(session: Session):
    return session.execute(select(compromised_accounts).order_by(compromised_accounts.c.reported_at.desc())).mappings()
