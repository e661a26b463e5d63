"""CorrectAttendance (J4): the form teacher of the lesson's class (or the lesson's teacher or substitute) gives the
reason of a recorded absence by a document, within the policy's working days after it; the edit lock does not
apply, the ledger keeps the change with the document as its reason."""
from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

from sqlalchemy import select, update

from proto.journal.v1 import journal_pb2 as pb
from services.common import policy
from services.common.db import parse_uuid
from services.journal import attendance_rules as rules
from services.journal import closed_years, domain, ledger, policy_store, subgroups
from services.journal.tables import attendance

if TYPE_CHECKING:
    from services.journal.handlers import Deps


def correct_attendance(deps: Deps, school_id: str, lesson_id: str, student_id: str, status: str,
                       document_date: str, reason: str, client_address: str) -> pb.AttendanceEntry:
    """Changes the reason of one recorded absence; the same reason again changes nothing."""
    school_id = parse_uuid(school_id, "school_id")
    principal = deps.principals.resolve(school_id)
    policy.require(principal, "lesson.record")
    lesson = deps.schedule.get_lesson(school_id, parse_uuid(lesson_id, "lesson_id"))
    policy.require(principal, "lesson.record", teacher_id=subgroups.teachers(lesson),
                   class_group_id=lesson.class_group_id)
    student_id = parse_uuid(student_id, "student_id")
    status, reason = rules.status(status), rules.reason(reason)
    domain.check_lesson_recordable(lesson.status, lesson.year_closed)
    now = dt.datetime.now(dt.UTC)
    with deps.db.tenant_session(school_id) as session:
        closed_years.require_open(session, school_id, "lesson_id", class_group_id=lesson.class_group_id)
        settings = policy_store.load(session)
        today = domain.school_today(settings.zone)
        document = rules.document_date(document_date, today)
        rules.check_window(document, today, settings.attendance_correction_days)
        key = (attendance.c.lesson_id == lesson.id, attendance.c.student_id == student_id)
        stored = session.scalar(select(attendance.c.status).where(*key).with_for_update())
        rules.check_stored(stored)
        entry = pb.AttendanceEntry(lesson_id=lesson.id, student_id=student_id, status=status)
        if stored == status:
            return entry
        session.execute(update(attendance).where(*key).values(status=status))
        ledger.write(session, [ledger.entry(
            school_id, principal, client_address, now, "attendance", {"status": stored}, {"status": status},
            f"{reason} (документ от {document:%d.%m.%Y})", lesson_id=lesson.id, student_id=student_id)])
        deps.outbox.add(session, school_id, pb.AttendanceRecorded(entry=entry, class_group_id=lesson.class_group_id,
                                                                  lesson_date=lesson.date))
        return entry
