"""The deputy head's remarks to teachers and their answers (R1, seed 000 §3.5.5): a manager (deputy head, director,
school administrator) addresses a remark to a teacher, optionally about a class group, a subject or a lesson; the
teacher answers it once; both are kept as written and go to the ledger (entity control_remark). Managers list the
school's remarks, a teacher those addressed to them."""
from __future__ import annotations

import datetime as dt
import uuid
from typing import TYPE_CHECKING

from proto.identity.v1 import identity_pb2
from proto.journal.v1 import journal_pb2 as pb
from services.common.db import parse_uuid
from services.common.errors import Invalid, NotFound
from services.common.policy import TEACHERS
from services.common.scope import Scope
from services.journal.adapters import ledger
from services.journal.adapters import protobuf as messages
from services.journal.domain import control_remark as rules

if TYPE_CHECKING:
    from services.journal.service_layer.unit_of_work import JournalUnitOfWork

REFUSAL = "Замечания по ведению журнала делают администратор школы, директор и его заместитель"


def _teacher(uow: JournalUnitOfWork, school_id: str, teacher_id: str) -> str:
    teacher_id = parse_uuid(teacher_id, "teacher_id")
    try:
        person = uow.identity.person(school_id, teacher_id)
    except NotFound:
        person = None
    if person is None or person.kind != identity_pb2.STAFF or not TEACHERS & set(person.roles):
        raise NotFound("Учитель не найден", {"teacher_id": "нет такого учителя в школе"})
    return teacher_id


def _about(uow: JournalUnitOfWork, school_id: str, teacher_id: str, class_group_id: str, subject_id: str,
           lesson_id: str) -> tuple[str | None, str | None, str | None]:
    """(class group, subject, lesson) the remark is about, each checked with schedule; a lesson gives its class and
    subject, and must be the teacher's."""
    if lesson_id:
        lesson = uow.schedule.get_lesson(school_id, parse_uuid(lesson_id, "lesson_id"))
        if teacher_id not in (lesson.teacher_id, lesson.substitute_teacher_id):
            raise Invalid("lesson_id", "этот урок ведёт другой учитель")
        return lesson.class_group_id, lesson.subject_id, lesson.id
    if class_group_id:
        class_group_id = uow.schedule.get_class_group(school_id, parse_uuid(class_group_id, "class_group_id")).id
    if subject_id:
        subject_id = parse_uuid(subject_id, "subject_id")
        if subject_id not in {s.id for s in uow.schedule.list_subjects(school_id)}:
            raise NotFound("Предмет не найден", {"subject_id": "нет такого предмета в школе"})
    return class_group_id or None, subject_id or None, None


def add_control_remark(scope: Scope, uow: JournalUnitOfWork, teacher_id: str, class_group_id: str, subject_id: str,
                       lesson_id: str, text: str) -> pb.ControlRemark:
    school_id = scope.school_id
    principal = scope.require("journal.control", REFUSAL)
    text = rules.text(text, "text")
    teacher_id = _teacher(uow, school_id, teacher_id)
    class_group_id, subject_id, lesson_id = _about(uow, school_id, teacher_id, class_group_id, subject_id, lesson_id)
    now = dt.datetime.now(dt.UTC)
    row = dict(school_id=school_id, id=str(uuid.uuid4()), author_id=principal.person_id or None, teacher_id=teacher_id,
               class_group_id=class_group_id, subject_id=subject_id, lesson_id=lesson_id, text=text, created_at=now)
    with uow:
        uow.control_remarks.add(row)
        uow.write_ledger([ledger.entry(school_id, principal, scope.client_address, now, "control_remark", None,
                                       {"teacher_id": teacher_id, "text": text}, "", lesson_id=lesson_id,
                                       entity_id=row["id"])])
    return messages.control_remark({**row, "answer": None, "answered_at": None})


def answer_control_remark(scope: Scope, uow: JournalUnitOfWork, remark_id: str, answer: str) -> pb.ControlRemark:
    school_id = scope.school_id
    principal = scope.require("lesson.record", "На замечание отвечает учитель, которому оно адресовано")
    remark_id = parse_uuid(remark_id, "remark_id")
    answer = rules.text(answer, "answer")
    now = dt.datetime.now(dt.UTC)
    with uow:
        remark = uow.control_remarks.get(remark_id)
        if remark is None:
            raise NotFound("Замечание не найдено", {"remark_id": "не найдено"})
        rules.check_answerable(remark, principal.person_id)
        if not uow.control_remarks.answer(school_id, remark_id, answer, now):  # answered meanwhile
            raise rules.answered()
        uow.write_ledger([ledger.entry(school_id, principal, scope.client_address, now, "control_remark", None,
                                       {"answer": answer}, "", lesson_id=remark["lesson_id"], entity_id=remark_id)])
    return messages.control_remark({**remark, "answer": answer, "answered_at": now})


def list_control_remarks(scope: Scope, uow: JournalUnitOfWork, teacher_id: str, status: str) -> list[pb.ControlRemark]:
    """A manager's list: the school's (one teacher's when given); a teacher's: theirs only, whatever they ask."""
    if scope.allowed("journal.control"):
        teacher_id = parse_uuid(teacher_id, "teacher_id") if teacher_id else ""
    else:
        teacher_id = scope.require("lesson.record", REFUSAL).person_id
    status = rules.status(status)
    with uow:
        rows = uow.control_remarks.listed(teacher_id, status)
    return [messages.control_remark(row) for row in rows]
