"""CorrectAttendance (J4): the form teacher of the lesson's class (or the lesson's teacher or substitute) gives the
reason of a recorded absence by a document, within the policy's working days after it; the edit lock does not
apply, the ledger keeps the change with the document as its reason. ListAbsences lists what there is to correct."""
from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

from proto.journal.v1 import journal_pb2 as pb
from services.common.db import parse_uuid
from services.common.scope import Scope
from services.journal.adapters import ledger
from services.journal.domain import attendance as rules
from services.journal.domain import lesson_entry as domain
from services.journal.service_layer import subgroups
from services.journal.service_layer.anomalies import day_range

if TYPE_CHECKING:
    from services.journal.service_layer.unit_of_work import JournalUnitOfWork


def correct_attendance(scope: Scope, uow: JournalUnitOfWork, lesson_id: str, student_id: str, status: str,
                       document_date: str, reason: str) -> pb.AttendanceEntry:
    """Changes the reason of one recorded absence; the same reason again changes nothing."""
    school_id = scope.school_id
    principal = scope.require("lesson.record")
    lesson = uow.schedule.get_lesson(school_id, parse_uuid(lesson_id, "lesson_id"))
    scope.require("lesson.record", teacher_id=subgroups.teachers(lesson), class_group_id=lesson.class_group_id)
    student_id = parse_uuid(student_id, "student_id")
    status, reason = rules.status(status), rules.reason(reason)
    domain.check_lesson_recordable(lesson.status, lesson.year_closed)
    now = dt.datetime.now(dt.UTC)
    with uow:
        # the closed years (shared), then the lesson: a save of the lesson reads its attendance, one writer at a time
        uow.lock_lessons([lesson.id])
        school = uow.settings()
        school.closed.require_open("lesson_id", class_group_id=lesson.class_group_id)
        settings = school.policy
        today = domain.school_today(settings.zone, now)
        document = rules.document_date(document_date, today)
        rules.check_window(document, today, settings.attendance_correction_days)
        stored = uow.lessons.attendance_for_update(lesson.id, student_id)
        rules.check_stored(stored)
        entry = pb.AttendanceEntry(lesson_id=lesson.id, student_id=student_id, status=status)
        if stored == status:
            return entry
        uow.lessons.set_attendance(lesson.id, student_id, status)
        uow.write_ledger([ledger.entry(
            school_id, principal, scope.client_address, now, "attendance", {"status": stored}, {"status": status},
            f"{reason} (документ от {document:%d.%m.%Y})", lesson_id=lesson.id, student_id=student_id)])
        uow.publish(pb.AttendanceRecorded(entry=entry, class_group_id=lesson.class_group_id, lesson_date=lesson.date))
        return entry


def list_absences(scope: Scope, uow: JournalUnitOfWork, class_group_id: str, date_from: str,
                  date_to: str) -> list[pb.Absence]:
    """The class group's recorded absences in its lessons of the period (one query)."""
    scope.require("lesson.read")
    class_group_id = parse_uuid(class_group_id, "class_group_id")
    start, end = day_range(date_from, date_to)
    with uow:
        return [pb.Absence(lesson_id=r.lesson_id, lesson_date=r.lesson_date.isoformat(), lesson_number=r.lesson_number,
                           subject_name=r.subject_name, student_id=r.student_id, status=r.status)
                for r in uow.lessons.absences(class_group_id, start, end, rules.ABSENCES)]
