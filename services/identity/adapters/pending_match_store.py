"""The store of a school's pending matches: Gosuslugi logins waiting for the school to confirm a name match."""
import datetime as dt
import uuid

from sqlalchemy import insert, select, update
from sqlalchemy.orm import Session

from services.identity.adapters.tables import pending_matches


class PendingMatchStore:
    def __init__(self, session: Session, school_id: str):
        self.session, self.school_id = session, school_id

    def status(self, person_id: str, subject: str) -> str | None:
        """The status of the login's match with the record, None when it was never requested."""
        return self.session.scalar(select(pending_matches.c.status).where(
            pending_matches.c.person_id == person_id, pending_matches.c.subject == subject))

    def add(self, person_id: str, subject: str, username: str, claims: dict) -> str:
        match_id = str(uuid.uuid4())
        self.session.execute(insert(pending_matches).values(
            id=match_id, school_id=self.school_id, person_id=person_id, subject=subject, username=username,
            claims=claims))
        return match_id

    def pending(self) -> list:
        return self.session.execute(select(pending_matches).where(pending_matches.c.status == "pending")
                                    .order_by(pending_matches.c.requested_at, pending_matches.c.id)).all()

    def locked(self, match_id: str):
        """The match's row locked until the transaction ends, or None."""
        return self.session.execute(select(pending_matches).where(pending_matches.c.id == match_id)
                                    .with_for_update()).first()

    def decide(self, match_id: str, status: str, decided_by: str):
        return self.session.execute(update(pending_matches).where(pending_matches.c.id == match_id).values(
            status=status, decided_by=decided_by, decided_at=dt.datetime.now(dt.UTC)).returning(pending_matches)).one()
