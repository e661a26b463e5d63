"""Flags of marks (seed 000 §3.10.3, 002 §4.3.2): a guardian or the student flags a mark of theirs they believe wrong,
with a short text (FlagMark); the teacher who gave it, the form teacher of the class or a manager answers once
(AnswerMarkFlag): either explains the mark, or says it was corrected, which the teacher did first through the lesson's
ordinary save (SaveLesson: the ledger holds the change with its reason). Flags and answers are kept as written in
append-only tables; each publishes an event (MarkFlagged, MarkFlagAnswered) naming the school, student, lesson and
teacher, for the notices to families and teachers. They are no change of the journal and not in its ledger (a
family's flag at night is no anomaly of the journal's keeping)."""
from __future__ import annotations

import datetime as dt
import uuid
from typing import TYPE_CHECKING

from proto.journal.v1 import journal_pb2 as pb
from services.common.db import parse_uuid
from services.common.errors import Invalid, NotFound
from services.common.policy import FAMILY_ROLES
from services.common.scope import Scope
from services.journal.adapters import protobuf as messages
from services.journal.adapters.mark_flag_store import flag_row
from services.journal.domain import mark_flag as rules

if TYPE_CHECKING:
    from services.journal.service_layer.unit_of_work import JournalUnitOfWork

FLAGGERS = "Сообщить об ошибочной отметке может ученик или его родитель — только о своих отметках"


def flag_mark(scope: Scope, uow: JournalUnitOfWork, mark_id: str, text: str) -> pb.MarkFlag:
    school_id = scope.school_id
    scope.require("mark.flag", FLAGGERS)
    mark_id = parse_uuid(mark_id, "mark_id")
    text = rules.text(text, "text")
    now = dt.datetime.now(dt.UTC)
    with uow:
        mark = uow.mark_flags.mark(mark_id)
        if mark is None:
            raise NotFound("Отметка не найдена", {"mark_id": "нет такой отметки"})
        principal = scope.require("mark.flag", FLAGGERS, student_id=mark["student_id"])
        uow.mark_flags.lock_mark(school_id, mark_id)
        rules.check_none_open(uow.mark_flags.open_of_mark(mark_id))
        row = flag_row(school_id, str(uuid.uuid4()), mark, text, principal.person_id,
                       rules.author_role(principal.person_id, mark["student_id"]), now)
        uow.mark_flags.add(row)
        flag = messages.mark_flag({**row, "current_value": mark["value"]})
        uow.publish(pb.MarkFlagged(flag=flag))
    return flag


def answer_mark_flag(scope: Scope, uow: JournalUnitOfWork, flag_id: str, answer: str, outcome: str) -> pb.MarkFlag:
    """The teacher who gave the mark (its lesson's substitute, else its teacher), the form teacher of the class or a
    manager answers once; "corrected" only once the mark differs from what was flagged."""
    school_id = scope.school_id
    if not scope.allowed("journal.control"):
        scope.require("lesson.record", rules.ANSWERERS)
    flag_id = parse_uuid(flag_id, "flag_id")
    answer = rules.text(answer, "answer", rules.MAX_ANSWER)
    outcome = rules.outcome(outcome)
    now = dt.datetime.now(dt.UTC)
    with uow:
        flag = uow.mark_flags.get(flag_id)
        if flag is None:
            raise NotFound("Обращение не найдено", {"flag_id": "не найдено"})
        if not (scope.allowed("journal.control") or scope.allowed(
                "lesson.record", teacher_id=flag["teacher_id"], class_group_id=flag["class_group_id"])):
            raise rules.refuse_answer()
        rules.check_open(flag)
        current = uow.mark_flags.current(flag["mark_id"])
        rules.check_outcome(outcome, flag["mark_value"], flag["work_type"], current)
        answered = dict(school_id=school_id, flag_id=flag_id, answer=answer, outcome=outcome,
                        answered_by=scope.principal.person_id or None, answered_at=now,
                        value_after=current[0] if current else "")
        if not uow.mark_flags.answer(answered):  # answered meanwhile
            raise rules.answered()
        result = messages.mark_flag({**flag, **answered, "current_value": answered["value_after"]})
        uow.publish(pb.MarkFlagAnswered(flag=result))
    return result


def list_mark_flags(scope: Scope, uow: JournalUnitOfWork, status: str, teacher_id: str, class_group_id: str,
                    student_id: str, lesson_id: str) -> list[pb.MarkFlag]:
    """With a student: that student's flags (a family only their own; staff as they read diaries); else a manager:
    the school's; a teacher: those of their marks and of the classes they lead. Every filter narrows."""
    scope.require("diary.read")  # any role in the school (none: NOT_FOUND)
    status = rules.status(status)
    teacher_id, class_group_id, lesson_id = (parse_uuid(value, name) if value else "" for name, value in (
        ("teacher_id", teacher_id), ("class_group_id", class_group_id), ("lesson_id", lesson_id)))
    mine = None
    if student_id:
        student_id = parse_uuid(student_id, "student_id")
        scope.require("diary.read", student_id=student_id)
    elif not scope.allowed("journal.control"):
        if scope.principal.roles and scope.principal.roles <= FAMILY_ROLES:
            raise Invalid("student_id", "укажите ученика: видны обращения только по своим отметкам")
        principal = scope.require("lesson.record", rules.ANSWERERS)
        mine = (principal.person_id, principal.form_class_group_ids)
    with uow:
        rows = uow.mark_flags.listed(status, teacher_id, class_group_id, student_id, lesson_id, mine)
    return [messages.mark_flag(row) for row in rows]
