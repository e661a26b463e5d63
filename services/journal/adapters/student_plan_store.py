"""The student_plans table (J9): the plans that differ from the class's regular plan."""
import datetime as dt

from sqlalchemy import select
from sqlalchemy.dialects.postgresql import insert as pg_insert
from sqlalchemy.orm import Session

from services.journal.adapters.tables import student_plans
from services.journal.domain.student_plan import Plan


def _plan(row) -> Plan:
    return Plan(row["home_schooled"], frozenset(row["excluded_subject_ids"]))


class StudentPlanStore:
    def __init__(self, session: Session):
        self.session = session

    def get_for_update(self, student_id: str) -> tuple[Plan, dt.datetime] | None:
        """The student's stored plan and when it was set (locked until the transaction ends), or None."""
        row = self.session.execute(select(student_plans).where(student_plans.c.student_id == student_id)
                                   .with_for_update()).mappings().first()
        return (_plan(row), row["updated_at"]) if row else None

    def put(self, school_id: str, student_id: str, plan: Plan, now: dt.datetime) -> None:
        values = dict(home_schooled=plan.home_schooled, excluded_subject_ids=sorted(plan.excluded_subject_ids),
                      updated_at=now)
        self.session.execute(pg_insert(student_plans).values(school_id=school_id, student_id=student_id, **values)
                             .on_conflict_do_update(index_elements=["school_id", "student_id"], set_=values))

    def every(self) -> list[tuple[str, Plan, dt.datetime]]:
        """(student id, plan, set at) of every stored plan of the school, by student."""
        return [(r["student_id"], _plan(r), r["updated_at"]) for r in self.session.execute(
            select(student_plans).order_by(student_plans.c.student_id)).mappings()]
