"""Term marks (J7, J8): the subject's teacher of the student (their subgroup's, J10) or the form teacher of the
class sets a student's mark for a term on the school's scale, only with enough current marks (ОСВ, Н/А always);
once set, the term's lessons of that subject and class close for their teacher."""
from __future__ import annotations

import datetime as dt
import uuid
from typing import TYPE_CHECKING

from sqlalchemy import func, select
from sqlalchemy.dialects.postgresql import insert as pg_insert

from proto.journal.v1 import journal_pb2 as pb
from services.common import policy
from services.common.db import lock_name, parse_uuid
from services.journal.adapters import ledger
from services.journal.adapters import protobuf as messages
from services.journal.adapters.tables import marks, term_marks
from services.journal.domain import lesson_entry as domain
from services.journal.domain import student_plan as plan_rules
from services.journal.domain import term_mark as rules
from services.journal.service_layer import closed_years, period_marks, student_plans
from services.journal.service_layer import journal_policy as policy_store

if TYPE_CHECKING:
    from services.journal.service_layer.lesson_record import Deps


def set_term_mark(deps: Deps, school_id: str, student_id: str, subject_id: str, term_id: str, value: str,
                  reason: str, client_address: str) -> pb.TermMark:
    """Sets or changes the term mark; the same value again changes nothing."""
    school_id = parse_uuid(school_id, "school_id")
    principal = deps.principals.resolve(school_id)
    policy.require(principal, "term_mark.set")
    student_id, subject_id = parse_uuid(student_id, "student_id"), parse_uuid(subject_id, "subject_id")
    term_id = parse_uuid(term_id, "term_id")
    value = rules.value(value)
    reason = domain.bounded_text(reason, "reason", domain.MAX_REASON)
    class_group_id = period_marks.class_group_of(deps, school_id, student_id)
    term = deps.schedule.get_term(school_id, term_id)
    lessons = period_marks.subject_lessons(deps, school_id, student_id, class_group_id, subject_id, term.start_date,
                                           term.end_date)
    period_marks.require_marker(principal, lessons, class_group_id)
    hours = rules.hours_per_week(len(lessons), dt.date.fromisoformat(term.start_date),
                                 dt.date.fromisoformat(term.end_date))
    now = dt.datetime.now(dt.UTC)
    with deps.db.tenant_session(school_id) as session:
        closed_years.require_open(session, school_id, "term_id", class_group_id=class_group_id, term_id=term_id)
        count = session.scalar(select(func.count()).select_from(marks).where(
            marks.c.student_id == student_id, marks.c.lesson_id.in_([lesson.id for lesson in lessons])))
        settings = policy_store.load(session)
        rules.check_scale(value, settings.mark_scale)
        plan = student_plans.plan_of(session, student_id)
        plan_rules.check_period_mark(plan, subject_id)
        if plan_rules.needs_current_marks(plan):
            rules.check_enough_marks(value, count, settings.min_marks(hours), hours)
        key = (term_marks.c.student_id == student_id, term_marks.c.subject_id == subject_id,
               term_marks.c.term_id == term_id)
        lock_name(session, f"journal-term-mark:{school_id}:{student_id}:{subject_id}:{term_id}")  # even the first
        stored = session.execute(select(term_marks).where(*key).with_for_update()).mappings().first()
        if stored and stored["value"] == value:
            return messages.term_mark(stored, rules.special(value))
        row = dict(id=stored["id"] if stored else str(uuid.uuid4()), school_id=school_id, student_id=student_id,
                   subject_id=subject_id, term_id=term_id, class_group_id=class_group_id, value=value,
                   set_by=principal.person_id, updated_at=now)
        session.execute(pg_insert(term_marks).values(row).on_conflict_do_update(
            index_elements=["school_id", "student_id", "subject_id", "term_id"],
            set_={k: row[k] for k in ("class_group_id", "value", "set_by", "updated_at")}))
        old = stored["value"] if stored else ""
        ledger.write(session, [ledger.entry(school_id, principal, client_address, now, "term_mark",
                                            {"value": old} if stored else None, {"value": value}, reason,
                                            student_id=student_id, entity_id=row["id"])])
        result = messages.term_mark(row, rules.special(value))
        deps.outbox.add(session, school_id, pb.TermMarkSet(term_mark=result, old_value=old))
        return result


def list_term_marks(deps: Deps, school_id: str, class_group_id: str, term_id: str) -> list[pb.TermMark]:
    """The term marks of a class group in a term (every subject), by subject and student."""
    school_id = parse_uuid(school_id, "school_id")
    policy.require(deps.principals.resolve(school_id), "lesson.read")
    query = select(term_marks).where(
        term_marks.c.class_group_id == parse_uuid(class_group_id, "class_group_id"),
        term_marks.c.term_id == parse_uuid(term_id, "term_id")).order_by(term_marks.c.subject_id,
                                                                          term_marks.c.student_id)
    with deps.db.tenant_session(school_id) as session:
        return [messages.term_mark(row, rules.special(row["value"])) for row in session.execute(query).mappings()]
