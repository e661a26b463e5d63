"""Student plans (J9): list them, set one (school administrator or deputy head), each change in the ledger with a
StudentPlanSet event."""
from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from typing import TYPE_CHECKING

from proto.journal.v1 import journal_pb2 as pb
from services.common.db import parse_uuid
from services.common.errors import Invalid
from services.common.scope import Scope
from services.journal.adapters import ledger
from services.journal.domain import lesson_entry as domain
from services.journal.domain import student_plan as rules

if TYPE_CHECKING:
    from services.journal.service_layer.unit_of_work import JournalUnitOfWork

def message(school_id: str, student_id: str, plan: rules.Plan, updated_at: dt.datetime | None) -> pb.StudentPlan:
    return pb.StudentPlan(school_id=school_id, student_id=student_id, home_schooled=plan.home_schooled,
                          excluded_subject_ids=sorted(plan.excluded_subject_ids),
                          updated_at=updated_at.isoformat() if updated_at else "")


def _value(plan: rules.Plan) -> dict:
    return {"home_schooled": plan.home_schooled, "excluded_subject_ids": sorted(plan.excluded_subject_ids)}


def set_student_plan(scope: Scope, uow: JournalUnitOfWork, student_id: str, home_schooled: bool, excluded: Iterable[str],
                     reason: str) -> pb.StudentPlan:
    """Sets the student's plan (a regular plan is stored too, so the change is on record); the same plan again
    changes nothing."""
    school_id = scope.school_id
    principal = scope.require("student_plan.manage",
                   "Индивидуальный план ученика задают администратор школы и заместитель директора")
    student_id = parse_uuid(student_id, "student_id")
    wanted = rules.Plan(bool(home_schooled), rules.excluded(excluded))
    reason = domain.bounded_text(reason, "reason", domain.MAX_REASON)
    if not uow.identity.student(school_id, student_id).class_group_id:
        raise Invalid("student_id", "ученик не зачислен ни в один класс")
    now = dt.datetime.now(dt.UTC)
    with uow:
        stored = uow.student_plans.get_for_update(student_id)
        old = stored[0] if stored else rules.REGULAR
        if old == wanted:
            return message(school_id, student_id, old, stored[1] if stored else None)
        uow.student_plans.put(school_id, student_id, wanted, now)
        uow.write_ledger([ledger.entry(school_id, principal, scope.client_address, now, "student_plan", _value(old),
                                            _value(wanted), reason, student_id=student_id)])
        result = message(school_id, student_id, wanted, now)
        uow.publish(pb.StudentPlanSet(plan=result))
        return result


def list_student_plans(scope: Scope, uow: JournalUnitOfWork) -> list[pb.StudentPlan]:
    """Every stored plan of the school (students without one have the class's regular plan)."""
    school_id = scope.school_id
    scope.require("lesson.read")
    with uow:
        plans = uow.student_plans.every()
    return [message(school_id, student_id, plan, updated_at) for student_id, plan, updated_at in plans]
