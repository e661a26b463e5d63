"""Annual, exam and final marks (J7): the subject's teacher of the student or the form teacher sets them for an
academic year (by default the year of the class the student is in today), in the student's class of that year
(A1); values as term marks (the school's scale, ОСВ, Н/А); not in a subject the student's plan leaves out (J9).
Each change is a ledger row and a FinalMarkSet event."""
from __future__ import annotations

import datetime as dt
import uuid
from typing import TYPE_CHECKING

from proto.journal.v1 import journal_pb2 as pb
from services.common.db import parse_uuid
from services.common.errors import Invalid
from services.common.scope import Scope
from services.journal.adapters import ledger
from services.journal.adapters import protobuf as messages
from services.journal.domain import lesson_entry as domain
from services.journal.domain import student_plan as plan_rules
from services.journal.domain import term_mark as rules
from services.journal.service_layer import period_marks

if TYPE_CHECKING:
    from services.journal.service_layer.unit_of_work import JournalUnitOfWork

KINDS = ("annual", "exam", "final")


def kind_of(value: str) -> str:
    kind = (value or "").strip().lower()
    if kind not in KINDS:
        raise Invalid("kind", "ожидается annual (годовая), exam (экзаменационная) или final (итоговая)")
    return kind


def set_final_mark(scope: Scope, uow: JournalUnitOfWork, student_id: str, subject_id: str, kind: str, value: str,
                   reason: str, academic_year_id: str = "") -> pb.FinalMark:
    """Sets or changes the mark of this kind for the academic year ("" = the year of the class the student is in
    today); the same value again changes nothing."""
    school_id = scope.school_id
    principal = scope.require("term_mark.set")
    student_id, subject_id = parse_uuid(student_id, "student_id"), parse_uuid(subject_id, "subject_id")
    academic_year_id = parse_uuid(academic_year_id, "academic_year_id") if academic_year_id else ""
    kind, value = kind_of(kind), rules.value(value)
    reason = domain.bounded_text(reason, "reason", domain.MAX_REASON)
    student = uow.identity.student(school_id, student_id)
    class_group_id = period_marks.class_of_year(uow, school_id, student, academic_year_id)
    year_id = academic_year_id or uow.schedule.get_class_group(school_id, class_group_id).academic_year_id
    period_marks.require_marker(scope, period_marks.subject_lessons(uow, school_id, student, subject_id,
                                                                    class_group_id=class_group_id), class_group_id)
    now = dt.datetime.now(dt.UTC)
    with uow:
        settings = uow.settings(students=[student_id])
        settings.closed.require_open("student_id", class_group_id=class_group_id, academic_year_id=year_id)
        rules.check_scale(value, settings.policy.mark_scale)
        plan_rules.check_period_mark(settings.plan_of(student_id), subject_id)
        stored = uow.final_marks.get(school_id, student_id, subject_id, year_id, kind)
        if stored and stored["value"] == value:
            return messages.final_mark(stored)
        row = dict(id=stored["id"] if stored else str(uuid.uuid4()), school_id=school_id, student_id=student_id,
                   subject_id=subject_id, academic_year_id=year_id, class_group_id=class_group_id, kind=kind,
                   value=value, set_by=principal.person_id, updated_at=now)
        uow.final_marks.put(row)
        old = stored["value"] if stored else ""
        uow.write_ledger([ledger.entry(school_id, principal, scope.client_address, now, "final_mark",
                                       {"kind": kind, "value": old} if stored else None,
                                       {"kind": kind, "value": value}, reason, student_id=student_id,
                                       entity_id=row["id"])])
        result = messages.final_mark(row)
        uow.publish(pb.FinalMarkSet(final_mark=result, old_value=old))
        return result


def list_final_marks(scope: Scope, uow: JournalUnitOfWork, class_group_id: str) -> list[pb.FinalMark]:
    """The class group's annual, exam and final marks of every subject, by subject, student and kind."""
    scope.require("lesson.read")
    class_group_id = parse_uuid(class_group_id, "class_group_id")
    with uow:
        return [messages.final_mark(row) for row in uow.final_marks.of_class(class_group_id)]
