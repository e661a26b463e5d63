"""Automatic notices to guardians (J13), fed by the journal's events and the notice worker: a 2 given (MarkRecorded,
or MarkChanged to 2), an absence without a known good reason (AttendanceRecorded: held until the school day's
cut-off, cancelled when corrected before it, then told once per child and day), a term mark of 2 or Н/А
(TermMarkSet), too few marks before a term ends (once a day, the journal's minimum-marks rule). Each notice names the
child, goes to the child's guardians who did not turn its kind off, and only while the school's policy sends it;
each is created once (a dedup key per mark, day, term and subject)."""
from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from itertools import groupby
from typing import TYPE_CHECKING

from proto.journal.v1 import journal_pb2
from services.common.dates import SCHOOL_ZONE
from services.messaging.adapters.directory_store import PERSON, SUBJECT, TERM
from services.messaging.domain import notice as rules
from services.messaging.service_layer.delivery import Delivery, deliver

if TYPE_CHECKING:
    from services.messaging.service_layer.unit_of_work import MessagingUnitOfWork

FEW_MARKS = "few_marks"


def notify_guardians(uow: MessagingUnitOfWork, kind: str, student_id: str, dedup_key: str,
                     texts: Callable[[str], tuple[str, str]], now: dt.datetime, **about) -> bool:
    """Creates the notice for the student's guardians who want it (inside the unit of work); False when the school
    does not send this kind, nobody is to get it, or it was created before."""
    if not uow.policy.load().sends(kind):
        return False
    guardians = uow.directory.guardians_of([student_id])[student_id]
    chosen = uow.notices.preferences(guardians)
    addresses = uow.family_mail.confirmed(guardians)
    deliveries = [Delivery(g, student_id, channel, addresses.get(g, "")) for g in guardians
                  for channel in rules.CHANNELS
                  if rules.wanted(chosen[g], kind, channel) and (channel != rules.EMAIL or g in addresses)]
    if not deliveries:
        return False
    student_name = uow.directory.names(PERSON, [student_id]).get(student_id, "")
    title, text = texts(student_name)
    return deliver(uow, {"kind": kind, "title": title, "text": text, "audience": "guardians",
                         "student_id": student_id, "student_name": student_name, "dedup_key": dedup_key,
                         "created_at": now, **about}, deliveries) is not None


def mark_given(uow: MessagingUnitOfWork, mark: journal_pb2.Mark, class_group_id: str, old_value: str,
               now: dt.datetime) -> bool:
    if not rules.newly_two(mark.value, old_value):
        return False
    with uow:
        subject = uow.directory.names(SUBJECT, [mark.subject_id]).get(mark.subject_id, "")
        return notify_guardians(uow, "mark_2", mark.student_id, f"mark_2:{mark.id}",  # a mark's 2 is told once
                                lambda name: rules.mark_text(name, subject, mark.lesson_date), now,
                                class_group_id=class_group_id or None)


def attendance_recorded(uow: MessagingUnitOfWork, entry: journal_pb2.AttendanceEntry, class_group_id: str,
                        lesson_date: str, now: dt.datetime) -> None:
    """An absence waits for the cut-off of its day; anything else (present, late, ill, excused) cancels a waiting
    one."""
    with uow:
        if not rules.is_absence(entry.status):
            uow.notices.cancel_absence(entry.lesson_id, entry.student_id, now)
            return
        policy = uow.policy.load()
        if not policy.notify_absence or not lesson_date:
            return
        day = dt.date.fromisoformat(lesson_date)
        uow.notices.hold_absence({"lesson_id": entry.lesson_id, "student_id": entry.student_id,
                                  "class_group_id": class_group_id or None, "lesson_date": day,
                                  "attendance": entry.status,
                                  "due_at": rules.absence_due(day, policy.absence_notice_time, SCHOOL_ZONE)}, now)


def release_due_absences(uow: MessagingUnitOfWork, now: dt.datetime) -> int:
    """Tells every absence whose cut-off has passed, one notice per child and day; how many notices."""
    told = 0
    with uow:
        due = uow.notices.due_absences(now)
        for (student_id, day), group in groupby(due, key=lambda row: (row.student_id, row.lesson_date)):
            rows = list(group)
            attendance = "unexcused" if all(r.attendance == "unexcused" for r in rows) else "absent"
            told += notify_guardians(
                uow, "absence", student_id, f"absence:{student_id}:{day.isoformat()}",
                lambda name, day=day, rows=rows, attendance=attendance: rules.absence_text(
                    name, day.isoformat(), len(rows), attendance), now, class_group_id=rows[0].class_group_id)
        uow.notices.release_absences(due, now)
    return told


def term_mark_set(uow: MessagingUnitOfWork, term_mark: journal_pb2.TermMark, now: dt.datetime) -> bool:
    value = rules.failing_term_mark(term_mark.value, term_mark.special)
    if not value:
        return False
    with uow:
        subject = uow.directory.names(SUBJECT, [term_mark.subject_id]).get(term_mark.subject_id, "")
        term = uow.directory.names(TERM, [term_mark.term_id]).get(term_mark.term_id, "")
        return notify_guardians(
            uow, "term_mark", term_mark.student_id,
            f"term_mark:{term_mark.student_id}:{term_mark.subject_id}:{term_mark.term_id}:{value}",
            lambda name: rules.term_mark_text(name, subject, term, value), now,
            class_group_id=term_mark.class_group_id or None)


def check_few_marks(uow: MessagingUnitOfWork, now: dt.datetime) -> int:
    """Once a school day: the students short of marks in a term ending within the policy's days (not ended yet),
    told once per student, subject and term; how many notices."""
    today = now.astimezone(SCHOOL_ZONE).date()
    with uow:
        policy = uow.policy.load()
        if not policy.notify_few_marks or uow.notices.run_done(FEW_MARKS, today):
            return 0
    shortfalls = [s for s in uow.journal.mark_shortfalls(uow.school_id, policy.few_marks_days)
                  if s.term_end_date >= today.isoformat()]
    told = 0
    with uow:
        if not uow.notices.claim_run(FEW_MARKS, today):
            return 0
        for s in shortfalls:
            told += notify_guardians(
                uow, FEW_MARKS, s.student_id, f"few_marks:{s.student_id}:{s.subject_id}:{s.term_id}",
                lambda name, s=s: rules.few_marks_text(name, s.subject_name, s.term_name, s.term_end_date, s.marks,
                                                       s.needed), now, class_group_id=s.class_group_id or None)
    return told
