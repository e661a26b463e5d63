"""The store of a school's activation codes: stored as keyed hashes, one unused code per person, consumed once."""
import datetime as dt
import uuid

from sqlalchemy import delete, func, insert, select, update
from sqlalchemy.orm import Session

from services.identity.adapters.tables import activation_codes, persons


class ActivationCodeStore:
    def __init__(self, session: Session, school_id: str):
        self.session, self.school_id = session, school_id

    def replace(self, person_id: str, code_hash: str, username: str, issued_by: str, issued_at: dt.datetime,
                expires_at: dt.datetime) -> None:
        """The person's new code; their unused codes are dropped."""
        self.session.execute(delete(activation_codes).where(activation_codes.c.person_id == person_id,
                                                            activation_codes.c.used_at.is_(None)))
        self.session.execute(insert(activation_codes).values(
            id=str(uuid.uuid4()), school_id=self.school_id, person_id=person_id, code_hash=code_hash,
            username=username, issued_by=issued_by, issued_at=issued_at, expires_at=expires_at))

    def locked(self, code_id: str):
        """The code's row, locked until the transaction ends."""
        return self.session.execute(select(activation_codes).where(activation_codes.c.id == code_id)
                                    .with_for_update()).one()

    def use(self, code_id: str) -> None:
        self.session.execute(update(activation_codes).where(activation_codes.c.id == code_id)
                             .values(used_at=func.now()))

    def drop_unused_of_guardians(self) -> int:
        """Drops every unused code of a guardian (the school lets guardians in only through Gosuslugi); how many."""
        guardians = select(persons.c.id).where(persons.c.kind == "guardian")
        return self.session.execute(delete(activation_codes).where(
            activation_codes.c.used_at.is_(None), activation_codes.c.person_id.in_(guardians))).rowcount
