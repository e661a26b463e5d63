"""The diary (GetDiary): a student's lessons of a range with their topics and homework, and the student's own
marks, attendance, individual homework and homework files, and the family's flags of those marks with their answers.

The lessons come from the schedule: ListLessons of each class the student was in during the range, for the days they
were in it (a transferred student has the old class's lessons before the transfer day and the new one's from it; a
leaver none after leaving), kept a few seconds by peer_cache.py; what
the journal holds of them is read in ONE statement (the lesson record store's diary(), see
adapters/lesson_record_store.py), so a read is one round trip inside its tenant transaction."""
from __future__ import annotations

from typing import TYPE_CHECKING

from proto.journal.v1 import journal_pb2 as pb
from services.common.db import parse_uuid
from services.common.scope import Scope
from services.journal.adapters import protobuf as messages
from services.journal.adapters.lesson_record_store import LessonRows
from services.journal.domain import lesson_entry as domain
from services.journal.service_layer import subgroups

if TYPE_CHECKING:
    from services.journal.service_layer.unit_of_work import JournalUnitOfWork

def get_diary(scope: Scope, uow: JournalUnitOfWork, student_id: str, date_from: str, date_to: str) -> pb.Diary:
    """The student's lessons in the range with topics, homework, the student's marks and attendance, individual
    homework and the files for the whole lesson or for the student; the names of the school's work types and of the
    attendance kinds, which a family may not ask the journal for otherwise."""
    school_id = scope.school_id
    student_id = parse_uuid(student_id, "student_id")
    scope.require("diary.read", student_id=student_id)
    start, end = domain.diary_range(date_from, date_to)
    lessons = subgroups.student_lessons(uow.schedule, school_id, uow.identity.student(school_id, student_id),
                                        start.isoformat(), end.isoformat())
    if not lessons:
        return pb.Diary(student_id=student_id, attendance_kinds=messages.attendance_kinds())
    with uow:
        found, kinds = uow.lessons.diary(student_id, [lesson.id for lesson in lessons])
    nothing = LessonRows()
    entries = []
    for lesson in lessons:
        rows = found.get(lesson.id, nothing)
        entries.append(pb.DiaryEntry(
            lesson_id=lesson.id, date=lesson.date, lesson_number=lesson.lesson_number, subject_name=lesson.subject_name,
            topic=rows.topic, homework=rows.homework,
            marks=[messages.mark(m, lesson.date, lesson.subject_id) for m in rows.marks],
            attendance=rows.attendance, individual_homework=rows.own_homework, attachments=rows.files,
            flags=rows.flags))
    return pb.Diary(student_id=student_id, entries=entries, work_types=[messages.work_type(w) for w in kinds],
                    attendance_kinds=messages.attendance_kinds())
