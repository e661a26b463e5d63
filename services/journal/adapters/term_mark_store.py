"""The term_marks table (J7, J8) and the count of current marks a term mark needs."""
from sqlalchemy import func, select
from sqlalchemy.dialects.postgresql import insert as pg_insert
from sqlalchemy.orm import Session

from services.common.db import lock_name
from services.journal.adapters.tables import marks, term_marks


class TermMarkStore:
    def __init__(self, session: Session):
        self.session = session

    def count_marks(self, student_id: str, lesson_ids: list[str]) -> int:
        """The student's current marks on these lessons."""
        return self.session.scalar(select(func.count()).select_from(marks).where(
            marks.c.student_id == student_id, marks.c.lesson_id.in_(lesson_ids)))

    def get(self, school_id: str, student_id: str, subject_id: str, term_id: str) -> dict | None:
        """The student's term mark, locked until the transaction ends (even the first: its key is locked)."""
        lock_name(self.session, f"journal-term-mark:{school_id}:{student_id}:{subject_id}:{term_id}")
        row = self.session.execute(select(term_marks).where(
            term_marks.c.student_id == student_id, term_marks.c.subject_id == subject_id,
            term_marks.c.term_id == term_id).with_for_update()).mappings().first()
        return dict(row) if row else None

    def put(self, row: dict) -> None:
        self.session.execute(pg_insert(term_marks).values(row).on_conflict_do_update(
            index_elements=["school_id", "student_id", "subject_id", "term_id"],
            set_={k: row[k] for k in ("class_group_id", "value", "set_by", "updated_at")}))

    def of_class(self, class_group_id: str, term_id: str) -> list[dict]:
        """A class group's term marks in a term (every subject), by subject and student."""
        return [dict(row) for row in self.session.execute(select(term_marks).where(
            term_marks.c.class_group_id == class_group_id, term_marks.c.term_id == term_id)
            .order_by(term_marks.c.subject_id, term_marks.c.student_id)).mappings()]
