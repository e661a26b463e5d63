"""Annual, exam and final marks (J7): the subject's teacher of the student or the form teacher sets them for the
academic year of the student's class group; values as term marks (the school's scale, ОСВ, Н/А); not in a subject the student's
plan leaves out (J9). Each change is a ledger row and a FinalMarkSet event."""
from __future__ import annotations

import datetime as dt
import uuid
from typing import TYPE_CHECKING

from sqlalchemy import select
from sqlalchemy.dialects.postgresql import insert as pg_insert

from proto.journal.v1 import journal_pb2 as pb
from services.common import policy
from services.common.db import lock_name, parse_uuid
from services.common.errors import Invalid
from services.journal.adapters import ledger
from services.journal.adapters.tables import final_marks
from services.journal.domain import lesson_entry as domain
from services.journal.domain import student_plan as plan_rules
from services.journal.domain import term_mark as rules
from services.journal.service_layer import closed_years, period_marks, student_plans
from services.journal.service_layer import journal_policy as policy_store

if TYPE_CHECKING:
    from services.journal.service_layer.lesson_record import Deps

KINDS = ("annual", "exam", "final")


def kind_of(value: str) -> str:
    kind = (value or "").strip().lower()
    if kind not in KINDS:
        raise Invalid("kind", "ожидается annual (годовая), exam (экзаменационная) или final (итоговая)")
    return kind


def message(row) -> pb.FinalMark:
    return pb.FinalMark(id=row["id"], school_id=row["school_id"], student_id=row["student_id"],
                        subject_id=row["subject_id"], academic_year_id=row["academic_year_id"],
                        class_group_id=row["class_group_id"], kind=row["kind"], value=row["value"],
                        special=rules.special(row["value"]), updated_at=row["updated_at"].isoformat())


def set_final_mark(deps: Deps, school_id: str, student_id: str, subject_id: str, kind: str, value: str, reason: str,
                   client_address: str) -> pb.FinalMark:
    """Sets or changes the mark of this kind; the same value again changes nothing."""
    school_id = parse_uuid(school_id, "school_id")
    principal = deps.principals.resolve(school_id)
    policy.require(principal, "term_mark.set")
    student_id, subject_id = parse_uuid(student_id, "student_id"), parse_uuid(subject_id, "subject_id")
    kind, value = kind_of(kind), rules.value(value)
    reason = domain.bounded_text(reason, "reason", domain.MAX_REASON)
    class_group_id = period_marks.class_group_of(deps, school_id, student_id)
    year_id = deps.schedule.get_class_group(school_id, class_group_id).academic_year_id
    period_marks.require_marker(principal, period_marks.subject_lessons(deps, school_id, student_id, class_group_id,
                                                                        subject_id), class_group_id)
    now = dt.datetime.now(dt.UTC)
    with deps.db.tenant_session(school_id) as session:
        closed_years.require_open(session, school_id, "student_id", class_group_id=class_group_id,
                                  academic_year_id=year_id)
        rules.check_scale(value, policy_store.load(session).mark_scale)
        plan_rules.check_period_mark(student_plans.plan_of(session, student_id), subject_id)
        key = (final_marks.c.student_id == student_id, final_marks.c.subject_id == subject_id,
               final_marks.c.academic_year_id == year_id, final_marks.c.kind == kind)
        lock_name(session, f"journal-final-mark:{school_id}:{student_id}:{subject_id}:{year_id}:{kind}")  # even the first
        stored = session.execute(select(final_marks).where(*key).with_for_update()).mappings().first()
        if stored and stored["value"] == value:
            return message(stored)
        row = dict(id=stored["id"] if stored else str(uuid.uuid4()), school_id=school_id, student_id=student_id,
                   subject_id=subject_id, academic_year_id=year_id, class_group_id=class_group_id, kind=kind,
                   value=value, set_by=principal.person_id, updated_at=now)
        session.execute(pg_insert(final_marks).values(row).on_conflict_do_update(
            index_elements=["school_id", "student_id", "subject_id", "academic_year_id", "kind"],
            set_={k: row[k] for k in ("class_group_id", "value", "set_by", "updated_at")}))
        old = stored["value"] if stored else ""
        ledger.write(session, [ledger.entry(school_id, principal, client_address, now, "final_mark",
                                            {"kind": kind, "value": old} if stored else None,
                                            {"kind": kind, "value": value}, reason, student_id=student_id,
                                            entity_id=row["id"])])
        result = message(row)
        deps.outbox.add(session, school_id, pb.FinalMarkSet(final_mark=result, old_value=old))
        return result


def list_final_marks(deps: Deps, school_id: str, class_group_id: str) -> list[pb.FinalMark]:
    """The class group's annual, exam and final marks of every subject, by subject, student and kind."""
    school_id = parse_uuid(school_id, "school_id")
    policy.require(deps.principals.resolve(school_id), "lesson.read")
    query = select(final_marks).where(final_marks.c.class_group_id == parse_uuid(class_group_id, "class_group_id")) \
        .order_by(final_marks.c.subject_id, final_marks.c.student_id, final_marks.c.kind)
    with deps.db.tenant_session(school_id) as session:
        return [message(row) for row in session.execute(query).mappings()]
