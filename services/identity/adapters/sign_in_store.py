"""The school's sign-ins (append-only): one row each time a person with a role there signs in through the gateway."""
import datetime as dt

from sqlalchemy import insert
from sqlalchemy.orm import Session

from services.identity.adapters.tables import sign_ins


class SignInStore:
    def __init__(self, session: Session, school_id: str):
        self.session, self.school_id = session, school_id

    def add(self, person_id: str, subject: str, signed_in_at: dt.datetime) -> None:
        self.session.execute(insert(sign_ins).values(school_id=self.school_id, person_id=person_id, subject=subject,
                                                     signed_in_at=signed_in_at))

