"""The school's consents to the processing of personal data (append-only): each decision with the version and the
SHA-256 of the text shown, and each person's latest one."""
import datetime as dt

from sqlalchemy import insert, select
from sqlalchemy.dialects.postgresql import distinct_on
from sqlalchemy.orm import Session

from services.identity.adapters.tables import consents


class ConsentStore:
    def __init__(self, session: Session, school_id: str):
        self.session, self.school_id = session, school_id

    def add(self, person_id: str, subject: str, version: str, text_sha256: str, decision: str,
            decided_at: dt.datetime, client_address: str) -> None:
        self.session.execute(insert(consents).values(
            school_id=self.school_id, person_id=person_id, subject=subject, version=version, text_sha256=text_sha256,
            decision=decision, decided_at=decided_at, client_address=client_address))

    def latest(self, person_ids: list[str]) -> dict[str, tuple[str, str]]:
        """Each person's latest (version, decision); a person who never decided is not in it."""
        rows = self.session.execute(
            select(consents.c.person_id, consents.c.version, consents.c.decision)
            .where(consents.c.person_id.in_(person_ids))
            .ext(distinct_on(consents.c.person_id)).order_by(consents.c.person_id, consents.c.id.desc())).all()
        return {row.person_id: (row.version, row.decision) for row in rows}
