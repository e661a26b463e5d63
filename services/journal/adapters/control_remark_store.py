"""The control_remarks and control_remark_answers tables: the deputy head's remarks to teachers and their one answer
each, both append-only."""
from sqlalchemy import and_, insert, select
from sqlalchemy.dialects.postgresql import insert as pg_insert
from sqlalchemy.orm import Session

from services.journal.adapters.tables import control_remark_answers, control_remarks

MAX_LISTED = 1000
REMARKS = (select(control_remarks, control_remark_answers.c.answer, control_remark_answers.c.answered_at)
           .select_from(control_remarks.outerjoin(control_remark_answers, and_(
               control_remark_answers.c.school_id == control_remarks.c.school_id,
               control_remark_answers.c.remark_id == control_remarks.c.id))))


class ControlRemarkStore:
    def __init__(self, session: Session):
        self.session = session

    def add(self, row: dict) -> None:
        self.session.execute(insert(control_remarks).values(**row))

    def get(self, remark_id: str) -> dict | None:
        """The remark with its answer (None, None while unanswered)."""
        row = self.session.execute(REMARKS.where(control_remarks.c.id == remark_id)).mappings().first()
        return dict(row) if row else None

    def answer(self, school_id: str, remark_id: str, answer: str, now) -> bool:
        """Stores the remark's answer; False when it has one already (kept as it was)."""
        return self.session.execute(
            pg_insert(control_remark_answers).values(school_id=school_id, remark_id=remark_id, answer=answer,
                                                     answered_at=now)
            .on_conflict_do_nothing().returning(control_remark_answers.c.remark_id)).first() is not None

    def listed(self, teacher_id: str, status: str) -> list[dict]:
        """The school's remarks (to one teacher when given; open or answered ones when asked), newest first."""
        query = REMARKS.order_by(control_remarks.c.created_at.desc(), control_remarks.c.id).limit(MAX_LISTED)
        if teacher_id:
            query = query.where(control_remarks.c.teacher_id == teacher_id)
        if status:
            answered = control_remark_answers.c.remark_id.is_not(None)
            query = query.where(answered if status == "answered" else ~answered)
        return [dict(row) for row in self.session.execute(query).mappings()]
