"""CorrectAttendance (J4): the form teacher of the lesson's class (or the lesson's teacher or substitute) gives the
reason of a recorded absence by a document, within the policy's working days after it; the edit lock does not
apply, the ledger keeps the change with the document as its reason. ListAbsences lists what there is to correct."""
from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

from sqlalchemy import and_, select, update

from proto.journal.v1 import journal_pb2 as pb
from services.common import policy
from services.common.db import parse_uuid
from services.journal.adapters import ledger
from services.journal.adapters.tables import attendance, lesson_records
from services.journal.adapters.writer_locks import lock_lessons
from services.journal.domain import attendance as rules
from services.journal.domain import lesson_entry as domain
from services.journal.service_layer import closed_years, subgroups
from services.journal.service_layer import journal_policy as policy_store
from services.journal.service_layer.anomalies import day_range

if TYPE_CHECKING:
    from services.journal.service_layer.lesson_record import Deps


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
        # the closed years (shared), then the lesson: a save of the lesson reads its attendance, one writer at a time
        lock_lessons(session, [lesson.id], school_id)
        closed_years.load(session, school_id, locked=True).require_open("lesson_id", class_group_id=lesson.class_group_id)
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


def list_absences(deps: Deps, school_id: str, class_group_id: str, date_from: str, date_to: str) -> list[pb.Absence]:
    """The class group's recorded absences in its lessons of the period (one query)."""
    school_id = parse_uuid(school_id, "school_id")
    policy.require(deps.principals.resolve(school_id), "lesson.read")
    class_group_id = parse_uuid(class_group_id, "class_group_id")
    start, end = day_range(date_from, date_to)
    records = lesson_records.c
    query = (select(records.lesson_id, records.lesson_date, records.lesson_number, records.subject_name,
                    attendance.c.student_id, attendance.c.status)
             .select_from(attendance.join(lesson_records, and_(records.school_id == attendance.c.school_id,
                                                               records.lesson_id == attendance.c.lesson_id)))
             .where(records.class_group_id == class_group_id, records.lesson_date >= start, records.lesson_date <= end,
                    attendance.c.status.in_(rules.ABSENCES))
             .order_by(records.lesson_date, records.lesson_number, attendance.c.student_id))
    with deps.db.tenant_session(school_id) as session:
        return [pb.Absence(lesson_id=r.lesson_id, lesson_date=r.lesson_date.isoformat(), lesson_number=r.lesson_number,
                           subject_name=r.subject_name, student_id=r.student_id, status=r.status)
                for r in session.execute(query)]
