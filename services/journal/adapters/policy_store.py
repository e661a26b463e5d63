"""The journal_policy table: the school's settings as key/value text rows (domain/journal_policy.py reads them)."""
import datetime as dt

from sqlalchemy import func, select
from sqlalchemy.dialects.postgresql import insert as pg_insert
from sqlalchemy.orm import Session

from services.journal.adapters.tables import final_marks, journal_policy, marks, term_marks
from services.journal.domain import journal_policy as school_policy
from services.journal.domain.journal_policy import JournalPolicy


class PolicyStore:
    def __init__(self, session: Session):
        self.session = session

    def load_for_update(self) -> JournalPolicy:
        """The policy of the session's school, its rows locked until the transaction ends."""
        query = select(journal_policy.c.key, journal_policy.c.value).with_for_update()
        return school_policy.from_stored(dict(self.session.execute(query).all()))

    def put(self, school_id: str, key: str, value: str, now: dt.datetime) -> None:
        self.session.execute(pg_insert(journal_policy).values(school_id=school_id, key=key, value=value, updated_at=now)
                             .on_conflict_do_update(index_elements=["school_id", "key"],
                                                    set_=dict(value=value, updated_at=now)))

    def marks_stored(self) -> int:
        """How many current, term and final marks the school has."""
        return sum(self.session.scalar(select(func.count()).select_from(table))
                   for table in (marks, term_marks, final_marks))
