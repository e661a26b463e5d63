"""The diary (GetDiary): a student's lessons of a range with their topics and homework, and the student's own
marks, attendance, individual homework and homework files.

The lessons come from the schedule (ListLessons of the student's class, kept a few seconds by peer_cache.py); what
the journal holds of them is read in ONE statement, a UNION ALL of the five tables' rows of those lessons (each
branch an index lookup by school and lesson), so a read is one round trip inside its tenant transaction. The
branches for individual homework and files are always part of it: they cost an index probe that finds nothing in
a school that uses neither, while skipping them would need to know whether the school has any (another query, or
a cache that would hide a newly set task for a while)."""
from __future__ import annotations

from collections import defaultdict
from typing import TYPE_CHECKING

from sqlalchemy import BigInteger, DateTime, Text, any_, bindparam, cast, literal_column, null, or_, select, union_all
from sqlalchemy.dialects.postgresql import ARRAY, UUID

from proto.journal.v1 import journal_pb2 as pb
from services.common.db import parse_uuid
from services.common.scope import Scope
from services.journal.adapters import protobuf as messages
from services.journal.adapters.tables import attendance, homework_attachments, lesson_records, marks, student_homework
from services.journal.domain import lesson_entry as domain
from services.journal.service_layer import subgroups
from services.journal.service_layer.homework import message as attachment_message

if TYPE_CHECKING:
    from services.journal.service_layer.unit_of_work import JournalUnitOfWork

LESSON_IDS = bindparam("lesson_ids", type_=ARRAY(UUID(as_uuid=False)))
STUDENT_ID = bindparam("student_id", type_=UUID(as_uuid=False))
UUID_TEXT = UUID(as_uuid=False)


def _row(kind: str, table, *, id=None, a=None, b=None, c=None, student_id=None, size=None, at=None, own=True):
    """One branch of the union: (kind, lesson_id, id, a, b, c, student_id, size, at) of the table's rows of the
    lessons; `own` keeps the student's rows only."""
    def value(column, type_):
        return column if column is not None else cast(null(), type_)
    query = select(literal_column(f"'{kind}'", Text).label("kind"), table.c.lesson_id,
                   value(id, UUID_TEXT).label("id"), value(a, Text).label("a"), value(b, Text).label("b"),
                   value(c, Text).label("c"), value(student_id, UUID_TEXT).label("student_id"),
                   value(size, BigInteger).label("size"), value(at, DateTime(timezone=True)).label("at")
                   ).where(table.c.lesson_id == any_(LESSON_IDS))
    return query.where(table.c.student_id == STUDENT_ID) if own else query


DIARY_ROWS = union_all(
    _row("record", lesson_records, a=lesson_records.c.topic, b=lesson_records.c.homework, own=False),
    _row("mark", marks, id=marks.c.id, a=marks.c.value, b=marks.c.work_type, c=marks.c.comment, at=marks.c.created_at),
    _row("attendance", attendance, a=attendance.c.status),
    _row("own_homework", student_homework, a=student_homework.c.homework),
    _row("file", homework_attachments, own=False, id=homework_attachments.c.id, a=homework_attachments.c.filename,
         b=homework_attachments.c.media_type, student_id=homework_attachments.c.student_id,
         size=homework_attachments.c.size, at=homework_attachments.c.uploaded_at)
    .where(or_(homework_attachments.c.student_id.is_(None), homework_attachments.c.student_id == STUDENT_ID)),
).order_by(literal_column("at"), literal_column("b"), literal_column("id"))  # a lesson's marks saved together: by work type


class LessonRows:
    """What the journal holds of one lesson for one student."""

    __slots__ = ("topic", "homework", "marks", "attendance", "own_homework", "files")

    def __init__(self):
        self.topic = self.homework = self.attendance = self.own_homework = ""
        self.marks: list = []
        self.files: list = []


def read_rows(session, student_id: str, lesson_ids: list[str]) -> dict[str, LessonRows]:
    """The journal's rows of the lessons for the student, by lesson id (marks and files in the order they were
    saved)."""
    found: dict[str, LessonRows] = defaultdict(LessonRows)
    for row in session.execute(DIARY_ROWS, {"lesson_ids": lesson_ids, "student_id": student_id}).all():
        lesson = found[row.lesson_id]
        if row.kind == "mark":
            lesson.marks.append(dict(id=row.id, lesson_id=row.lesson_id, student_id=student_id, value=row.a,
                                     work_type=row.b, comment=row.c))
        elif row.kind == "file":
            lesson.files.append(attachment_message(dict(
                id=row.id, lesson_id=row.lesson_id, student_id=row.student_id, filename=row.a, media_type=row.b,
                size=row.size, uploaded_at=row.at)))
        elif row.kind == "record":
            lesson.topic, lesson.homework = row.a, row.b
        elif row.kind == "attendance":
            lesson.attendance = row.a
        else:
            lesson.own_homework = row.a
    return found


def get_diary(scope: Scope, uow: JournalUnitOfWork, student_id: str, date_from: str, date_to: str) -> pb.Diary:
    """The student's lessons in the range with topics, homework, the student's marks and attendance, individual
    homework and the files for the whole lesson or for the student."""
    school_id = scope.school_id
    student_id = parse_uuid(student_id, "student_id")
    scope.require("diary.read", student_id=student_id)
    start, end = domain.diary_range(date_from, date_to)
    class_group_id = uow.identity.class_group_of(school_id, student_id)
    lessons = subgroups.lessons_of_student(uow.schedule, school_id, student_id, uow.schedule.list_lessons(
        school_id, class_group_id, start.isoformat(), end.isoformat())) if class_group_id else []
    if not lessons:
        return pb.Diary(student_id=student_id)
    with uow:
        session = uow.session
        found = read_rows(session, student_id, [lesson.id for lesson in lessons])
    nothing = LessonRows()
    entries = []
    for lesson in lessons:
        rows = found.get(lesson.id, nothing)
        entries.append(pb.DiaryEntry(
            lesson_id=lesson.id, date=lesson.date, lesson_number=lesson.lesson_number, subject_name=lesson.subject_name,
            topic=rows.topic, homework=rows.homework,
            marks=[messages.mark(m, lesson.date, lesson.subject_id) for m in rows.marks],
            attendance=rows.attendance, individual_homework=rows.own_homework, attachments=rows.files))
    return pb.Diary(student_id=student_id, entries=entries)
