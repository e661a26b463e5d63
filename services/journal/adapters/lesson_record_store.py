"""The lesson record's tables (lesson_records, marks, attendance, student_homework) as a save and a read see them:
the one place their SQL of a whole-lesson save and of reading records lives. A save reads what its lessons hold in
two statements and writes each kind of change of all of them in one statement."""
import datetime as dt
from collections import defaultdict
from dataclasses import dataclass, field
from types import SimpleNamespace
from typing import Any

from sqlalchemy import bindparam, delete, literal, null, select, text, union_all, update
from sqlalchemy.orm import Session

from proto.journal.v1 import journal_pb2 as pb
from services.common import row_arrays
from services.journal.adapters import protobuf as messages
from services.journal.adapters.tables import attendance, lesson_records, marks, student_homework
from services.journal.domain.lesson_entry import StoredMark

NO_TEXTS = SimpleNamespace(topic="", homework="", plan_topic_id=None)  # a lesson's texts before its first save


@dataclass
class Writes:
    """The rows a save changes in marks and attendance, of all its lessons: one statement per kind of change."""

    added_marks: list[dict] = field(default_factory=list)
    changed_marks: list[dict] = field(default_factory=list)  # id, value, comment
    removed_marks: list[str] = field(default_factory=list)
    added_attendance: list[dict] = field(default_factory=list)
    changed_attendance: list[dict] = field(default_factory=list)  # lesson_id, student_id, status
    removed_attendance: list[dict] = field(default_factory=list)  # lesson_id, student_id

    def execute(self, session: Session) -> None:
        if self.added_marks:
            row_arrays.insert(session, marks, self.added_marks)
        if self.changed_marks:
            session.execute(UPDATE_MARKS, row_arrays.parameters(marks, self.changed_marks, ("id", "value", "comment")))
        if self.removed_marks:
            session.execute(delete(marks).where(marks.c.id.in_(self.removed_marks)))
        if self.added_attendance:
            row_arrays.insert(session, attendance, self.added_attendance)
        if self.removed_attendance:
            session.execute(DELETE_ATTENDANCE, row_arrays.parameters(attendance, self.removed_attendance,
                                                                     ("lesson_id", "student_id")))
        if self.changed_attendance:
            session.execute(UPDATE_ATTENDANCE, row_arrays.parameters(attendance, self.changed_attendance,
                                                                     ("lesson_id", "student_id", "status")))


RECORD_COLUMNS = [c.name for c in lesson_records.c]
# a save does not move a record it finds: its date and number change with schedule's LessonMoved only
# (moved_lessons.py), so a save that saw the lesson before a move cannot put the record back where it was
RECORD_KEPT = ("school_id", "lesson_id", "lesson_date", "lesson_number")
UPSERT_RECORDS = text(f"""
    WITH before AS (SELECT lesson_id, topic, homework, plan_topic_id FROM lesson_records
                    WHERE lesson_id = ANY(CAST(:lesson_id AS UUID[]))),
         saved AS (INSERT INTO lesson_records ({", ".join(RECORD_COLUMNS)})
                   {row_arrays.select_given(lesson_records, RECORD_COLUMNS)}
                   ON CONFLICT (school_id, lesson_id) DO UPDATE SET
                   {", ".join(f"{c} = EXCLUDED.{c}" for c in RECORD_COLUMNS if c not in RECORD_KEPT)})
    SELECT lesson_id, topic, homework, plan_topic_id FROM before""").columns(
    lesson_records.c.lesson_id, lesson_records.c.topic, lesson_records.c.homework, lesson_records.c.plan_topic_id)
UPDATE_MARKS = text(f"UPDATE marks SET value = given.value, comment = given.comment "
                    f"FROM {row_arrays.given(marks, ('id', 'value', 'comment'))} WHERE marks.id = given.id")
STORED = union_all(  # a save's view of its lessons: marks, then attendance (no mark id)
    select(marks.c.lesson_id, marks.c.id, marks.c.student_id, marks.c.work_type, marks.c.value, marks.c.comment)
    .where(marks.c.lesson_id.in_(bindparam("lesson_ids", expanding=True))),
    select(attendance.c.lesson_id, null(), attendance.c.student_id, null(), attendance.c.status, null())
    .where(attendance.c.lesson_id.in_(bindparam("lesson_ids", expanding=True))))
ATTENDANCE_KEY = "attendance.lesson_id = given.lesson_id AND attendance.student_id = given.student_id"
DELETE_ATTENDANCE = text(f"DELETE FROM attendance USING {row_arrays.given(attendance, ('lesson_id', 'student_id'))} "
                         f"WHERE {ATTENDANCE_KEY}")
UPDATE_ATTENDANCE = text(f"UPDATE attendance SET status = given.status "
                         f"FROM {row_arrays.given(attendance, ('lesson_id', 'student_id', 'status'))} "
                         f"WHERE {ATTENDANCE_KEY}")




class LessonRecordStore:
    """The lesson records of the unit of work's school, on its session."""

    def __init__(self, session: Session):
        self.session = session

    def upsert_records(self, records: list[dict]) -> dict[str, Any]:
        """Stores the lessons' records and returns the texts they held before, in one statement: a lesson without a
        record has none (NO_TEXTS)."""
        return {row.lesson_id: row for row in self.session.execute(
            UPSERT_RECORDS, row_arrays.parameters(lesson_records, records, RECORD_COLUMNS))}

    def stored(self, lesson_ids: list[str]) -> tuple[dict[str, list[StoredMark]], dict[str, dict[str, str]]]:
        """The lessons' marks and attendance, in one statement."""
        stored_marks: dict[str, list[StoredMark]] = defaultdict(list)
        stored_attendance: dict[str, dict[str, str]] = defaultdict(dict)
        for lesson_id, mark_id, student_id, work_type, value, comment in self.session.execute(
                STORED, {"lesson_ids": lesson_ids}):
            if mark_id is None:
                stored_attendance[lesson_id][student_id] = value
            else:
                stored_marks[lesson_id].append(StoredMark(mark_id, student_id, work_type, value, comment))
        return stored_marks, stored_attendance

    def write(self, writes: "Writes") -> None:
        writes.execute(self.session)

    def records(self, rows: list) -> dict[str, pb.LessonRecord]:
        return with_rows(self.session, rows)

    def read(self, lesson_ids: list[str]) -> dict[str, pb.LessonRecord]:
        return read_records(self.session, lesson_ids)

    def texts(self, lesson_ids: list[str]) -> list:
        """The lessons' topic, homework and plan topic (rows with lesson_id; lessons never recorded are left out)."""
        return self.session.execute(select(lesson_records.c.lesson_id, lesson_records.c.topic, lesson_records.c.homework,
                                           lesson_records.c.plan_topic_id)
                                    .where(lesson_records.c.lesson_id.in_(lesson_ids))).all()

    def marks_of(self, lesson_ids: list[str]) -> list:
        """The lessons' marks (rows), in the order they were recorded."""
        return self.session.execute(select(marks).where(marks.c.lesson_id.in_(lesson_ids))
                                    .order_by(marks.c.created_at, marks.c.work_type)).mappings().all()

    def attendance_of(self, lesson_ids: list[str]) -> dict[tuple[str, str], str]:
        """The lessons' attendance by (lesson id, student id)."""
        return {(r.lesson_id, r.student_id): r.status for r in self.session.execute(
            select(attendance.c.lesson_id, attendance.c.student_id, attendance.c.status)
            .where(attendance.c.lesson_id.in_(lesson_ids)))}

    def own_homework(self, lesson_id: str) -> list:
        return own_homework(self.session, lesson_id)

    def move(self, lesson_id: str, date: dt.date, lesson_number: int) -> str | None:
        """The lesson's record takes its new date and number (schedule's LessonMoved): its class group, or None when
        it has no record or is there already."""
        records = lesson_records.c
        moved = self.session.execute(update(lesson_records).where(
            records.lesson_id == lesson_id, (records.lesson_date != date) | (records.lesson_number != lesson_number),
        ).values(lesson_date=date, lesson_number=lesson_number).returning(records.class_group_id)).first()
        return None if moved is None else moved.class_group_id

    def mark_ids(self, lesson_id: str) -> list[str]:
        return list(self.session.scalars(select(marks.c.id).where(marks.c.lesson_id == lesson_id).order_by(marks.c.id)))


def read_record(session: Session, lesson_id: str) -> pb.LessonRecord | None:
    return read_records(session, [lesson_id]).get(lesson_id)


def read_records(session: Session, lesson_ids: list[str]) -> dict[str, pb.LessonRecord]:
    """The records of these lessons by id (two queries for all of them); a lesson never recorded is left out."""
    return with_rows(session, session.execute(RECORDS, {"lesson_ids": lesson_ids}).mappings().all())


def with_rows(session: Session, records: list) -> dict[str, pb.LessonRecord]:
    """These lesson_records rows as records, with their marks, attendance and individual homework (one query)."""
    if not records:
        return {}
    rows: dict[tuple[str, str], list[dict]] = defaultdict(list)
    for row in session.execute(RECORD_ROWS, {"lesson_ids": [r["lesson_id"] for r in records]}):
        key = dict(lesson_id=row.lesson_id, student_id=row.student_id)
        rows[row.kind, row.lesson_id].append(
            dict(key, id=row.id, work_type=row.work_type, value=row.text, comment=row.comment) if row.kind == "mark"
            else dict(key, status=row.text) if row.kind == "attendance" else dict(key, homework=row.text))
    return {r["lesson_id"]: messages.lesson_record(r, rows["mark", r["lesson_id"]], rows["attendance", r["lesson_id"]],
                                                   rows["homework", r["lesson_id"]]) for r in records}


def _record_rows():
    """A lesson's marks, attendance and individual homework in one query, as read_records orders them."""
    ids = bindparam("lesson_ids", expanding=True)
    parts = union_all(
        select(literal("mark").label("kind"), marks.c.lesson_id, marks.c.student_id, marks.c.work_type, marks.c.id,
               marks.c.value.label("text"), marks.c.comment).where(marks.c.lesson_id.in_(ids)),
        select(literal("attendance"), attendance.c.lesson_id, attendance.c.student_id, null(), null(),
               attendance.c.status, null()).where(attendance.c.lesson_id.in_(ids)),
        select(literal("homework"), student_homework.c.lesson_id, student_homework.c.student_id, null(), null(),
               student_homework.c.homework, null()).where(student_homework.c.lesson_id.in_(ids))).subquery()
    return select(parts).order_by(parts.c.kind, parts.c.lesson_id, parts.c.student_id, parts.c.work_type)


RECORDS = select(lesson_records).where(lesson_records.c.lesson_id.in_(bindparam("lesson_ids", expanding=True)))
RECORD_ROWS = _record_rows()


def own_homework(session: Session, lesson_id: str) -> list:
    """The individual homework of the lesson's students (set even before anything else of the lesson is)."""
    return session.execute(select(student_homework).where(student_homework.c.lesson_id == lesson_id)
                           .order_by(student_homework.c.student_id)).mappings().all()

