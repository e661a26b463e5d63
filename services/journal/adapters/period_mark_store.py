"""The tables of period marks: term_marks (J7, J8: a student's mark of a subject in a term) and final_marks (J9:
annual, exam and final marks of a subject in an academic year). One row per key; the first write of a key is
serialized by an advisory lock on it, as there is no row to lock yet."""
from collections.abc import Sequence

import sqlalchemy as sa
from sqlalchemy import select
from sqlalchemy.dialects.postgresql import insert as pg_insert
from sqlalchemy.orm import Session

from services.common.db import lock_name
from services.journal.adapters.tables import final_marks, term_marks

CHANGED = ("class_group_id", "value", "set_by", "updated_at")


class PeriodMarkStore:
    def __init__(self, session: Session, table: sa.Table, key: Sequence[str], lock: str, order: Sequence[str]):
        self.session, self.table, self.key, self.lock, self.order = session, table, tuple(key), lock, tuple(order)

    def get(self, school_id: str, *key: str) -> dict | None:
        """The mark of the key (values in the order of self.key), locked until the transaction ends (even the first:
        its key is locked)."""
        lock_name(self.session, ":".join((self.lock, school_id, *key)))
        row = self.session.execute(select(self.table).where(
            *(self.table.c[column] == value for column, value in zip(self.key, key, strict=True))
        ).with_for_update()).mappings().first()
        return dict(row) if row else None

    def put(self, row: dict) -> None:
        self.session.execute(pg_insert(self.table).values(row).on_conflict_do_update(
            index_elements=["school_id", *self.key], set_={k: row[k] for k in CHANGED}))

    def of_class(self, class_group_id: str, **where: str) -> list[dict]:
        """A class group's marks (of the given key values), in the store's order."""
        return [dict(row) for row in self.session.execute(select(self.table).where(
            self.table.c.class_group_id == class_group_id, *(self.table.c[k] == v for k, v in where.items()))
            .order_by(*(self.table.c[column] for column in self.order))).mappings()]


def term_mark_store(session: Session) -> PeriodMarkStore:
    return PeriodMarkStore(session, term_marks, ("student_id", "subject_id", "term_id"), "journal-term-mark",
                           ("subject_id", "student_id"))


def final_mark_store(session: Session) -> PeriodMarkStore:
    return PeriodMarkStore(session, final_marks, ("student_id", "subject_id", "academic_year_id", "kind"),
                           "journal-final-mark", ("subject_id", "student_id", "kind"))
