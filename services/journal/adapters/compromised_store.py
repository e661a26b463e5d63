"""The compromised_accounts table: accounts identity reported compromised (T8), kept for the administrator's review."""
import datetime as dt

from sqlalchemy import select
from sqlalchemy.dialects.postgresql import insert
from sqlalchemy.orm import Session

from proto.identity.v1 import identity_pb2
from services.journal.adapters.tables import compromised_accounts


class CompromisedStore:
    def __init__(self, session: Session, school_id: str):
        self.session, self.school_id = session, school_id

    def add(self, event: identity_pb2.AccountCompromised) -> None:
        """Keeps the report (a redelivery changes nothing)."""
        self.session.execute(insert(compromised_accounts).values(
            school_id=self.school_id, person_id=event.person_id, reported_at=dt.datetime.fromisoformat(event.reported_at),
            subject=event.subject, reported_by=event.reported_by).on_conflict_do_nothing())

    def newest_first(self) -> list:
        return self.session.execute(select(compromised_accounts)
                                    .order_by(compromised_accounts.c.reported_at.desc())).mappings().all()
