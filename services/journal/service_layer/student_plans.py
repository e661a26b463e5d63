"""Student plans (J9) in the student_plans table: read them for the rules, list them, set one (school
administrator or deputy head), each change in the ledger with a StudentPlanSet event."""
from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from typing import TYPE_CHECKING

from sqlalchemy import select
from sqlalchemy.dialects.postgresql import insert as pg_insert
from sqlalchemy.orm import Session

from proto.journal.v1 import journal_pb2 as pb
from services.common import policy
from services.common.db import parse_uuid
from services.common.errors import Invalid
from services.journal.adapters import ledger
from services.journal.adapters.tables import student_plans
from services.journal.domain import lesson_entry as domain
from services.journal.domain import student_plan as rules

if TYPE_CHECKING:
    from services.journal.service_layer.lesson_record import Deps

# Who sets student plans (the task names them; not yet a rule in services/common/policy.py).


def load(session: Session, student_ids: Iterable[str]) -> dict[str, rules.Plan]:
    """The plans of these students that differ from the class's regular plan."""
    query = select(student_plans).where(student_plans.c.student_id.in_(list(student_ids)))
    return {row["student_id"]: rules.Plan(row["home_schooled"], frozenset(row["excluded_subject_ids"]))
            for row in session.execute(query).mappings()}


def plan_of(session: Session, student_id: str) -> rules.Plan:
    return load(session, [student_id]).get(student_id, rules.REGULAR)


def message(school_id: str, student_id: str, plan: rules.Plan, updated_at: dt.datetime | None) -> pb.StudentPlan:
    return pb.StudentPlan(school_id=school_id, student_id=student_id, home_schooled=plan.home_schooled,
                          excluded_subject_ids=sorted(plan.excluded_subject_ids),
                          updated_at=updated_at.isoformat() if updated_at else "")


def _value(plan: rules.Plan) -> dict:
    return {"home_schooled": plan.home_schooled, "excluded_subject_ids": sorted(plan.excluded_subject_ids)}


def set_student_plan(deps: Deps, school_id: str, student_id: str, home_schooled: bool, excluded: Iterable[str],
                     reason: str, client_address: str) -> pb.StudentPlan:
    """Sets the student's plan (a regular plan is stored too, so the change is on record); the same plan again
    changes nothing."""
    school_id = parse_uuid(school_id, "school_id")
    principal = deps.principals.resolve(school_id)
    policy.require(principal, "student_plan.manage",
                   "Индивидуальный план ученика задают администратор школы и заместитель директора")
    student_id = parse_uuid(student_id, "student_id")
    wanted = rules.Plan(bool(home_schooled), rules.excluded(excluded))
    reason = domain.bounded_text(reason, "reason", domain.MAX_REASON)
    if not deps.identity.class_group_of(school_id, student_id):
        raise Invalid("student_id", "ученик не зачислен ни в один класс")
    now = dt.datetime.now(dt.UTC)
    with deps.db.tenant_session(school_id) as session:
        stored = session.execute(select(student_plans).where(student_plans.c.student_id == student_id)
                                 .with_for_update()).mappings().first()
        old = rules.Plan(stored["home_schooled"], frozenset(stored["excluded_subject_ids"])) if stored else rules.REGULAR
        if old == wanted:
            return message(school_id, student_id, old, stored["updated_at"] if stored else None)
        values = dict(home_schooled=wanted.home_schooled, excluded_subject_ids=sorted(wanted.excluded_subject_ids),
                      updated_at=now)
        session.execute(pg_insert(student_plans).values(school_id=school_id, student_id=student_id, **values)
                        .on_conflict_do_update(index_elements=["school_id", "student_id"], set_=values))
        ledger.write(session, [ledger.entry(school_id, principal, client_address, now, "student_plan", _value(old),
                                            _value(wanted), reason, student_id=student_id)])
        result = message(school_id, student_id, wanted, now)
        deps.outbox.add(session, school_id, pb.StudentPlanSet(plan=result))
        return result


def list_student_plans(deps: Deps, school_id: str) -> list[pb.StudentPlan]:
    """Every stored plan of the school (students without one have the class's regular plan)."""
    school_id = parse_uuid(school_id, "school_id")
    policy.require(deps.principals.resolve(school_id), "lesson.read")
    with deps.db.tenant_session(school_id) as session:
        rows = session.execute(select(student_plans).order_by(student_plans.c.student_id)).mappings().all()
    return [message(school_id, r["student_id"], rules.Plan(r["home_schooled"], frozenset(r["excluded_subject_ids"])),
                    r["updated_at"]) for r in rows]
