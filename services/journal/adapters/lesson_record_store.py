"""The lesson record's tables (lesson_records, marks, attendance, student_homework): the one place their SQL lives.
A whole-lesson save reads what its lessons hold in two statements and writes each kind of change of all of them in
one statement. The diary reads what the journal holds of a student's lessons in ONE statement, a UNION ALL of the
six tables' rows of those lessons (each branch an index lookup by school and lesson: records, marks, attendance,
individual homework, files, the family's flags of marks with their answers) and the work types; the branches for
individual homework, files and flags are always part of it: they cost an index probe that finds nothing in a school that uses
neither, while skipping them would need to know whether the school has any (another query, or a cache that would
hide a newly set task for a while)."""
import datetime as dt
import json
from collections import defaultdict
from dataclasses import dataclass, field
from decimal import Decimal
from types import SimpleNamespace
from typing import Any

from sqlalchemy import (
    BigInteger,
    DateTime,
    Integer,
    Text,
    and_,
    any_,
    bindparam,
    cast,
    delete,
    func,
    insert,
    literal,
    literal_column,
    null,
    or_,
    select,
    text,
    union_all,
    update,
)
from sqlalchemy.dialects.postgresql import ARRAY, UUID
from sqlalchemy.orm import Session

from proto.journal.v1 import journal_pb2 as pb
from proto.schedule.v1 import schedule_pb2
from services.common import row_arrays
from services.common.mark_average import WorkType
from services.common.mark_average import effective as effective_work_types
from services.journal.adapters import protobuf as messages
from services.journal.adapters.tables import (
    attendance,
    homework_attachments,
    lesson_records,
    mark_flag_answers,
    mark_flags,
    marks,
    student_homework,
    work_types,
)
from services.journal.domain.lesson_entry import StoredMark

NO_TEXTS = SimpleNamespace(topic="", homework="", plan_topic_id=None)  # a lesson's texts before its first save


@dataclass
class Writes:
    """The rows a save changes in marks and attendance, of all its lessons: one statement per kind of change."""

    added_marks: list[dict] = field(default_factory=list)
    changed_marks: list[dict] = field(default_factory=list)  # id, value, comment, not_counted
    removed_marks: list[str] = field(default_factory=list)
    added_attendance: list[dict] = field(default_factory=list)
    changed_attendance: list[dict] = field(default_factory=list)  # lesson_id, student_id, status
    removed_attendance: list[dict] = field(default_factory=list)  # lesson_id, student_id

    def execute(self, session: Session) -> None:
        if self.added_marks:
            row_arrays.insert(session, marks, self.added_marks)
        if self.changed_marks:
            session.execute(UPDATE_MARKS, row_arrays.parameters(marks, self.changed_marks,
                                                                ("id", "value", "comment", "not_counted")))
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


RECORD_COLUMNS = [c.name for c in lesson_records.c if c.name != "revision"]  # the triggers' (0015)
# a save does not move a record it finds: its date and number change with schedule's LessonMoved only
# (service_layer/moved_lessons.py), so a save that saw the lesson before a move cannot put the record back where it was
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
UPDATE_MARKS = text(f"UPDATE marks SET value = given.value, comment = given.comment, not_counted = given.not_counted "
                    f"FROM {row_arrays.given(marks, ('id', 'value', 'comment', 'not_counted'))} WHERE marks.id = given.id")
STORED = union_all(  # a save's view of its lessons: marks, then attendance (no mark id)
    select(marks.c.lesson_id, marks.c.id, marks.c.student_id, marks.c.work_type, marks.c.value, marks.c.comment,
           marks.c.not_counted)
    .where(marks.c.lesson_id.in_(bindparam("lesson_ids", expanding=True))),
    select(attendance.c.lesson_id, null(), attendance.c.student_id, null(), attendance.c.status, null(), null())
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
        for lesson_id, mark_id, student_id, work_type, value, comment, not_counted in self.session.execute(
                STORED, {"lesson_ids": lesson_ids}):
            if mark_id is None:
                stored_attendance[lesson_id][student_id] = value
            else:
                stored_marks[lesson_id].append(StoredMark(mark_id, student_id, work_type, value, comment,
                                                          bool(not_counted)))
        return stored_marks, stored_attendance

    def count_marks(self, student_id: str, lesson_ids: list[str]) -> int:
        """The student's current marks on these lessons."""
        return self.session.scalar(select(func.count()).select_from(marks).where(
            marks.c.student_id == student_id, marks.c.lesson_id.in_(lesson_ids)))

    def mark_counts(self, lesson_ids: list[str]) -> dict[tuple[str, str], int]:
        """How many current marks each student has on each of these lessons, by (lesson id, student id)."""
        return {(r.lesson_id, r.student_id): r.count for r in self.session.execute(
            select(marks.c.lesson_id, marks.c.student_id, func.count().label("count"))
            .where(marks.c.lesson_id.in_(lesson_ids)).group_by(marks.c.lesson_id, marks.c.student_id))}

    def revisions(self, lesson_ids: list[str]) -> dict[str, int]:
        """The lessons' revisions (0 for a lesson never recorded)."""
        found = dict(self.session.execute(select(lesson_records.c.lesson_id, lesson_records.c.revision)
                                          .where(lesson_records.c.lesson_id.in_(lesson_ids))).all())
        return {lesson_id: found.get(lesson_id, 0) for lesson_id in lesson_ids}

    def write(self, writes: "Writes") -> None:
        writes.execute(self.session)

    def records(self, rows: list) -> dict[str, pb.LessonRecord]:
        """These lesson_records rows (as a save wrote them) as records, with their marks, attendance, individual
        homework and the revision the writes made, in one statement."""
        return with_rows(self.session, rows, RECORD_ROWS_AND_REVISIONS)

    def read(self, lesson_ids: list[str]) -> dict[str, pb.LessonRecord]:
        return read_records(self.session, lesson_ids)

    def texts(self, lesson_ids: list[str]) -> list:
        """The lessons' topic, homework, plan topic and revision (rows with lesson_id; lessons never recorded are left
        out)."""
        return self.session.execute(select(lesson_records.c.lesson_id, lesson_records.c.topic, lesson_records.c.homework,
                                           lesson_records.c.plan_topic_id, lesson_records.c.revision)
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

    def diary(self, student_id: str, lesson_ids: list[str]) -> tuple[dict[str, "LessonRows"], list[WorkType]]:
        return diary_rows(self.session, student_id, lesson_ids)

    def own_homework_for_update(self, lesson_id: str, student_id: str) -> str:
        """The student's own homework of the lesson ("" when none), locked until the transaction ends."""
        return self.session.scalar(select(student_homework.c.homework).where(
            student_homework.c.lesson_id == lesson_id, student_homework.c.student_id == student_id)
            .with_for_update()) or ""

    def set_own_homework(self, school_id: str, lesson_id: str, student_id: str, stored: str, text: str,
                         now: dt.datetime) -> None:
        """Replaces the stored own homework (as own_homework_for_update read it) with the text; "" removes it."""
        key = (student_homework.c.lesson_id == lesson_id, student_homework.c.student_id == student_id)
        if not text:
            self.session.execute(delete(student_homework).where(*key))
        elif stored:
            self.session.execute(update(student_homework).where(*key).values(homework=text, updated_at=now))
        else:
            self.session.execute(insert(student_homework).values(school_id=school_id, lesson_id=lesson_id,
                                                                 student_id=student_id, homework=text, updated_at=now))

    def attendance_for_update(self, lesson_id: str, student_id: str) -> str | None:
        """The student's attendance status on the lesson (None when none is recorded), locked."""
        return self.session.scalar(select(attendance.c.status).where(
            attendance.c.lesson_id == lesson_id, attendance.c.student_id == student_id).with_for_update())

    def set_attendance(self, lesson_id: str, student_id: str, status: str) -> None:
        self.session.execute(update(attendance).where(
            attendance.c.lesson_id == lesson_id, attendance.c.student_id == student_id).values(status=status))

    def absences(self, class_group_id: str, start: dt.date, end: dt.date, statuses) -> list:
        """The class group's attendance of these statuses in its recorded lessons of the period (one query)."""
        records = lesson_records.c
        return self.session.execute(
            select(records.lesson_id, records.lesson_date, records.lesson_number, records.subject_name,
                   attendance.c.student_id, attendance.c.status)
            .select_from(attendance.join(lesson_records, and_(records.school_id == attendance.c.school_id,
                                                              records.lesson_id == attendance.c.lesson_id)))
            .where(records.class_group_id == class_group_id, records.lesson_date >= start, records.lesson_date <= end,
                   attendance.c.status.in_(statuses))
            .order_by(records.lesson_date, records.lesson_number, attendance.c.student_id)).all()

    def covered_plan_topics(self, lesson: schedule_pb2.Lesson) -> set[str]:
        """Plan topics chosen on the other lessons of the class group (the same subgroup, or the whole class's) in
        the subject."""
        return set(self.session.scalars(select(lesson_records.c.plan_topic_id).where(
            lesson_records.c.class_group_id == lesson.class_group_id, lesson_records.c.subject_id == lesson.subject_id,
            lesson_records.c.subgroup_id.is_not_distinct_from(lesson.subgroup_id or None),
            lesson_records.c.lesson_id != lesson.id, lesson_records.c.plan_topic_id.is_not(None))))

    def plan_topic_of(self, lesson_id: str) -> str | None:
        return self.session.scalar(select(lesson_records.c.plan_topic_id).where(lesson_records.c.lesson_id == lesson_id))

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


def with_rows(session: Session, records: list, query=None) -> dict[str, pb.LessonRecord]:
    """These lesson_records rows as records, with their marks, attendance and individual homework (one query:
    RECORD_ROWS, or RECORD_ROWS_AND_REVISIONS when the rows do not hold the current revision)."""
    if not records:
        return {}
    rows: dict[tuple[str, str], list[dict]] = defaultdict(list)
    revisions: dict[str, int] = {}
    for row in session.execute(RECORD_ROWS if query is None else query,
                               {"lesson_ids": [r["lesson_id"] for r in records]}):
        if row.kind == "revision":
            revisions[row.lesson_id] = int(row.text)
            continue
        key = dict(lesson_id=row.lesson_id, student_id=row.student_id)
        rows[row.kind, row.lesson_id].append(
            dict(key, id=row.id, work_type=row.work_type, value=row.text, comment=row.comment,
                 not_counted=bool(row.not_counted)) if row.kind == "mark"
            else dict(key, status=row.text) if row.kind == "attendance" else dict(key, homework=row.text))
    return {r["lesson_id"]: messages.lesson_record(
        {**r, "revision": revisions[r["lesson_id"]]} if r["lesson_id"] in revisions else r,
        rows["mark", r["lesson_id"]], rows["attendance", r["lesson_id"]], rows["homework", r["lesson_id"]])
        for r in records}


def _record_rows(revisions: bool = False):
    """A lesson's marks, attendance and individual homework in one query, as read_records orders them; with
    `revisions`, a row of kind "revision" per lesson too (its revision as text)."""
    ids = bindparam("lesson_ids", expanding=True)
    parts = [
        select(literal("mark").label("kind"), marks.c.lesson_id, marks.c.student_id, marks.c.work_type, marks.c.id,
               marks.c.value.label("text"), marks.c.comment, marks.c.not_counted).where(marks.c.lesson_id.in_(ids)),
        select(literal("attendance"), attendance.c.lesson_id, attendance.c.student_id, null(), null(),
               attendance.c.status, null(), null()).where(attendance.c.lesson_id.in_(ids)),
        select(literal("homework"), student_homework.c.lesson_id, student_homework.c.student_id, null(), null(),
               student_homework.c.homework, null(), null()).where(student_homework.c.lesson_id.in_(ids))]
    if revisions:
        parts.append(select(literal("revision"), lesson_records.c.lesson_id, null(), null(), null(),
                            cast(lesson_records.c.revision, Text), null(), null())
                     .where(lesson_records.c.lesson_id.in_(ids)))
    union = union_all(*parts).subquery()
    return select(union).order_by(union.c.kind, union.c.lesson_id, union.c.student_id, union.c.work_type)


RECORDS = select(lesson_records).where(lesson_records.c.lesson_id.in_(bindparam("lesson_ids", expanding=True)))
RECORD_ROWS = _record_rows()
RECORD_ROWS_AND_REVISIONS = _record_rows(revisions=True)


def own_homework(session: Session, lesson_id: str) -> list:
    """The individual homework of the lesson's students (set even before anything else of the lesson is)."""
    return session.execute(select(student_homework).where(student_homework.c.lesson_id == lesson_id)
                           .order_by(student_homework.c.student_id)).mappings().all()


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
    _row("mark", marks, id=marks.c.id, a=marks.c.value, b=marks.c.work_type, c=marks.c.comment, at=marks.c.created_at,
         size=cast(cast(marks.c.not_counted, Integer), BigInteger)),  # a mark's size: 1 = not counted
    _row("attendance", attendance, a=attendance.c.status),
    _row("own_homework", student_homework, a=student_homework.c.homework),
    _row("file", homework_attachments, own=False, id=homework_attachments.c.id, a=homework_attachments.c.filename,
         b=homework_attachments.c.media_type, student_id=homework_attachments.c.student_id,
         size=homework_attachments.c.size, at=homework_attachments.c.uploaded_at)
    .where(or_(homework_attachments.c.student_id.is_(None), homework_attachments.c.student_id == STUDENT_ID)),
    select(literal_column("'flag'", Text).label("kind"), mark_flags.c.lesson_id, mark_flags.c.id,
           cast(mark_flags.c.mark_id, Text).label("a"), mark_flags.c.text.label("b"),
           cast(func.json_build_object(
               "mark_value", mark_flags.c.mark_value, "work_type", mark_flags.c.work_type,
               "author_role", mark_flags.c.author_role, "answer", mark_flag_answers.c.answer,
               "outcome", mark_flag_answers.c.outcome, "answered_at", mark_flag_answers.c.answered_at,
               "value_after", mark_flag_answers.c.value_after), Text).label("c"),
           cast(null(), UUID_TEXT).label("student_id"), cast(null(), BigInteger).label("size"),
           mark_flags.c.created_at.label("at"))
    .select_from(mark_flags.outerjoin(mark_flag_answers, and_(mark_flag_answers.c.school_id == mark_flags.c.school_id,
                                                             mark_flag_answers.c.flag_id == mark_flags.c.id)))
    .where(mark_flags.c.lesson_id == any_(LESSON_IDS), mark_flags.c.student_id == STUDENT_ID),
    select(literal_column("'work_type'", Text).label("kind"), cast(null(), UUID_TEXT).label("lesson_id"),
           cast(null(), UUID_TEXT).label("id"), work_types.c.code.label("a"), work_types.c.name.label("b"),
           cast(work_types.c.weight, Text).label("c"), cast(null(), UUID_TEXT).label("student_id"),
           cast(null(), BigInteger).label("size"), cast(null(), DateTime(timezone=True)).label("at")),
).order_by(literal_column("at"), literal_column("b"), literal_column("id"))  # a lesson's marks saved together: by work type


class LessonRows:
    """What the journal holds of one lesson for one student."""

    __slots__ = ("topic", "homework", "marks", "attendance", "own_homework", "files", "flags")

    def __init__(self):
        self.topic = self.homework = self.attendance = self.own_homework = ""
        self.marks: list = []
        self.files: list = []
        self.flags: list = []


def diary_rows(session: Session, student_id: str, lesson_ids: list[str]) -> tuple[dict[str, LessonRows],
                                                                                     list[WorkType]]:
    """The journal's rows of the lessons for the student, by lesson id (marks and files in the order they were
    saved, the family's flags of the marks with their answers), and the school's work types that name the marks: one
    statement."""
    found: dict[str, LessonRows] = defaultdict(LessonRows)
    stored_work_types = []
    for row in session.execute(DIARY_ROWS, {"lesson_ids": lesson_ids, "student_id": student_id}).all():
        if row.kind == "work_type":
            stored_work_types.append(WorkType(row.a, row.b, Decimal(row.c)))
            continue
        lesson = found[row.lesson_id]
        if row.kind == "mark":
            lesson.marks.append(dict(id=row.id, lesson_id=row.lesson_id, student_id=student_id, value=row.a,
                                     work_type=row.b, comment=row.c, not_counted=bool(row.size)))
        elif row.kind == "file":
            lesson.files.append(messages.homework_attachment(dict(
                id=row.id, lesson_id=row.lesson_id, student_id=row.student_id, filename=row.a, media_type=row.b,
                size=row.size, uploaded_at=row.at)))
        elif row.kind == "flag":
            lesson.flags.append(messages.mark_flag(dict(
                json.loads(row.c), id=row.id, lesson_id=row.lesson_id, student_id=student_id, mark_id=row.a,
                text=row.b, created_at=row.at)))
        elif row.kind == "record":
            lesson.topic, lesson.homework = row.a, row.b
        elif row.kind == "attendance":
            lesson.attendance = row.a
        else:
            lesson.own_homework = row.a
    return found, effective_work_types(stored_work_types)
