"""Term marks (J7, J8): the subject's teacher of the student (their subgroup's, J10) or the form teacher of the
class sets a student's mark for a term on the school's scale, only with enough current marks (ОСВ, Н/А always);
once set, the term's lessons of that subject and class close for their teacher. The class is the student's in the
term (the last they were in during it, A1); the current marks counted are those of every class they were in during
the term."""
from __future__ import annotations

import datetime as dt
import uuid
from typing import TYPE_CHECKING

from proto.journal.v1 import journal_pb2 as pb
from services.common.db import parse_uuid
from services.common.scope import Scope
from services.journal.adapters import ledger
from services.journal.adapters import protobuf as messages
from services.journal.domain import lesson_entry as domain
from services.journal.domain import student_plan as plan_rules
from services.journal.domain import term_mark as rules
from services.journal.service_layer import period_marks

if TYPE_CHECKING:
    from services.journal.service_layer.unit_of_work import JournalUnitOfWork


def set_term_mark(scope: Scope, uow: JournalUnitOfWork, student_id: str, subject_id: str, term_id: str, value: str,
                  reason: str) -> pb.TermMark:
    """Sets or changes the term mark; the same value again changes nothing."""
    school_id = scope.school_id
    principal = scope.require("term_mark.set")
    student_id, subject_id = parse_uuid(student_id, "student_id"), parse_uuid(subject_id, "subject_id")
    term_id = parse_uuid(term_id, "term_id")
    value = rules.value(value)
    reason = domain.bounded_text(reason, "reason", domain.MAX_REASON)
    term = uow.schedule.get_term(school_id, term_id)
    student = uow.identity.student(school_id, student_id)
    class_group_id = period_marks.class_in(student, term.start_date, term.end_date)
    lessons = period_marks.subject_lessons(uow, school_id, student, subject_id, term.start_date, term.end_date)
    period_marks.require_marker(scope, [lesson for lesson in lessons if lesson.class_group_id == class_group_id],
                                class_group_id)
    now = dt.datetime.now(dt.UTC)
    with uow:
        settings = uow.settings(students=[student_id])
        settings.closed.require_open("term_id", class_group_id=class_group_id, term_id=term_id)
        count = uow.lessons.count_marks(student_id, [lesson.id for lesson in lessons])
        rules.check_scale(value, settings.policy.mark_scale)
        plan = settings.plan_of(student_id)
        plan_rules.check_period_mark(plan, subject_id)
        if plan_rules.needs_current_marks(plan):
            hours, needed = rules.marks_needed(len(lessons), dt.date.fromisoformat(term.start_date),
                                               dt.date.fromisoformat(term.end_date), settings.policy)
            rules.check_enough_marks(value, count, needed, hours)
        stored = uow.term_marks.get(school_id, student_id, subject_id, term_id)
        if stored and stored["value"] == value:
            return messages.term_mark(stored, rules.special(value))
        row = dict(id=stored["id"] if stored else str(uuid.uuid4()), school_id=school_id, student_id=student_id,
                   subject_id=subject_id, term_id=term_id, class_group_id=class_group_id, value=value,
                   set_by=principal.person_id, updated_at=now)
        uow.term_marks.put(row)
        old = stored["value"] if stored else ""
        uow.write_ledger([ledger.entry(school_id, principal, scope.client_address, now, "term_mark",
                                       {"value": old} if stored else None, {"value": value}, reason,
                                       student_id=student_id, entity_id=row["id"])])
        result = messages.term_mark(row, rules.special(value))
        uow.publish(pb.TermMarkSet(term_mark=result, old_value=old))
        return result


def list_term_marks(scope: Scope, uow: JournalUnitOfWork, class_group_id: str, term_id: str) -> list[pb.TermMark]:
    """The term marks of a class group in a term (every subject), by subject and student."""
    scope.require("lesson.read")
    class_group_id, term_id = parse_uuid(class_group_id, "class_group_id"), parse_uuid(term_id, "term_id")
    with uow:
        rows = uow.term_marks.of_class(class_group_id, term_id=term_id)
    return [messages.term_mark(row, rules.special(row["value"])) for row in rows]
