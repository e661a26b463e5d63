"""Individual homework and homework files (J1): the lesson's teacher (or substitute) gives one student their own
task, and attaches files to the lesson's homework or to one student's; files live in the object store under the
school's prefix, the journal keeps what they are. Staff read every file of a lesson; a student or guardian only
files of lessons of the class the student was in on the lesson's day, for the whole lesson or for that student."""
from __future__ import annotations

import datetime as dt
import uuid
from typing import TYPE_CHECKING

from proto.journal.v1 import journal_pb2 as pb
from services.common import memberships
from services.common.db import parse_uuid
from services.common.errors import Invalid, NotFound
from services.common.scope import Scope
from services.journal.adapters import ledger
from services.journal.adapters import protobuf as messages
from services.journal.domain import deadline as deadline_rules
from services.journal.domain import edit_lock
from services.journal.domain import homework_file as rules
from services.journal.domain import lesson_entry as domain
from services.journal.service_layer import subgroups

if TYPE_CHECKING:
    from services.journal.service_layer.unit_of_work import JournalUnitOfWork


def _own_lesson(scope: Scope, uow: JournalUnitOfWork, lesson_id: str, student_id: str):
    """The caller's lesson (teacher or substitute), recordable, and the student (if any) on its class list on its
    day."""
    school_id = scope.school_id
    principal = scope.require("lesson.record")
    lesson = uow.schedule.get_lesson(school_id, parse_uuid(lesson_id, "lesson_id"))
    scope.require("lesson.record", teacher_id=subgroups.teachers(lesson))
    domain.check_lesson_recordable(lesson.status, lesson.year_closed)
    if student_id:
        student_id = parse_uuid(student_id, "student_id")
        if student_id not in subgroups.students_of_lesson(uow.schedule, uow.identity, school_id, lesson):
            raise Invalid("student_id", domain.NOT_IN_CLASS)
    return principal, lesson, student_id


def set_student_homework(scope: Scope, uow: JournalUnitOfWork, lesson_id: str, student_id: str, homework: str,
                         reason: str) -> pb.StudentHomework:
    """Sets (or with "" removes) one student's own homework; the lesson's lock and reason rules apply."""
    school_id = scope.school_id
    principal, lesson, student_id = _own_lesson(scope, uow, lesson_id, student_id or "-")
    text = domain.bounded_text(homework, "homework", domain.MAX_HOMEWORK)
    lesson_date, now = dt.date.fromisoformat(lesson.date), dt.datetime.now(dt.UTC)
    with uow:
        school = uow.settings(lessons=[lesson], teacher_id=principal.person_id, now=now)
        today = domain.school_today(school.policy.zone, now)
        edit_lock.require_open(lesson, school, today)
        reason = domain.change_reason(lesson_date, today, reason)
        settings = school.policy
        stored = uow.lessons.own_homework_for_update(lesson.id, student_id)
        result = pb.StudentHomework(lesson_id=lesson.id, student_id=student_id, homework=text)
        if stored == text:
            return result
        uow.lessons.set_own_homework(school_id, lesson.id, student_id, stored, text, now)
        old, new = {"homework": stored}, {"homework": text}
        due, late = deadline_rules.deadline("homework", old, new, lesson_date, lesson.ends_at, settings, now)
        uow.write_ledger([ledger.entry(school_id, principal, scope.client_address, now, "homework", old, new, reason,
                                       lesson_id=lesson.id, student_id=student_id, due_at=due, late=late)])
        uow.publish(pb.HomeworkSet(lesson_id=lesson.id, homework=text, student_id=student_id,
                                   class_group_id=lesson.class_group_id, lesson_date=lesson.date))
        return result


def add_attachment(scope: Scope, uow: JournalUnitOfWork, lesson_id: str, student_id: str, filename: str,
                   content: bytes) -> pb.HomeworkAttachment:
    """Stores the file and its record (the object first: a failed store writes no record)."""
    school_id = scope.school_id
    principal, lesson, student_id = _own_lesson(scope, uow, lesson_id, student_id)
    name = rules.filename(filename)
    kind = rules.media_type(name, content)
    now = dt.datetime.now(dt.UTC)
    row = dict(id=str(uuid.uuid4()), school_id=school_id, lesson_id=lesson.id, class_group_id=lesson.class_group_id,
               student_id=student_id or None, filename=name, media_type=kind, size=len(content),
               uploaded_by=principal.person_id, uploaded_at=now)
    row["object_key"] = rules.object_key(school_id, lesson.id, row["id"])
    with uow:
        school = uow.settings(lessons=[lesson], teacher_id=principal.person_id, now=now)
        edit_lock.require_open(lesson, school, domain.school_today(school.policy.zone, now))
        if uow.homework_files.count(lesson.id) >= rules.MAX_PER_LESSON:
            raise Invalid("content", f"к уроку можно прикрепить не больше {rules.MAX_PER_LESSON} файлов")
        uow.files.put(row["object_key"], content, kind)
        uow.homework_files.add(row)
        uow.write_ledger([ledger.entry(school_id, principal, scope.client_address, now, "attachment", None,
                                       {"filename": name, "size": len(content)}, "", lesson_id=lesson.id,
                                       student_id=student_id or None, entity_id=row["id"])])
        result = messages.homework_attachment(row)
        uow.publish(pb.HomeworkAttachmentAdded(attachment=result))
        return result


def list_attachments(scope: Scope, uow: JournalUnitOfWork, lesson_id: str) -> list[pb.HomeworkAttachment]:
    """Every file of the lesson (staff); a lesson the school does not have is NotFound, as everywhere."""
    school_id = scope.school_id
    scope.require("lesson.read")
    lesson = uow.schedule.get_lesson(school_id, parse_uuid(lesson_id, "lesson_id"))
    with uow:
        return [messages.homework_attachment(row) for row in uow.homework_files.of_lesson(lesson.id)]


def get_attachment(scope: Scope, uow: JournalUnitOfWork, attachment_id: str, student_id: str) -> pb.AttachmentFile:
    """The file for staff, or for the student's family when it is one of the student's."""
    school_id = scope.school_id
    attachment_id = parse_uuid(attachment_id, "attachment_id")
    with uow:
        row = uow.homework_files.get(attachment_id)
    if not scope.allowed("lesson.read"):
        scope.require("diary.read", student_id=student_id)
        if row is not None and (row["student_id"] not in (None, student_id) or not memberships.in_class(
                uow.identity.student(school_id, student_id).memberships, row["class_group_id"],
                uow.schedule.get_lesson(school_id, row["lesson_id"]).date)):
            row = None
    if row is None:
        raise NotFound("Файл не найден", {"attachment_id": "не найден"})
    return pb.AttachmentFile(filename=row["filename"], media_type=row["media_type"],
                             content=uow.files.get(row["object_key"]))
