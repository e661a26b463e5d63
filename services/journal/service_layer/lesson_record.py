"""Journal commands and queries: each checks the policy, then works in one tenant transaction that
writes the state, its ledger entries and its events together."""
import contextlib
import datetime as dt
import uuid
from collections import defaultdict
from collections.abc import Iterator
from dataclasses import dataclass, field
from types import SimpleNamespace
from typing import Any

from sqlalchemy import bindparam, delete, literal, null, select, text, union_all
from sqlalchemy.orm import Session

from proto.journal.v1 import journal_pb2 as pb
from proto.schedule.v1 import schedule_pb2
from services.common import policy, row_arrays
from services.common.db import Database, parse_uuid
from services.common.errors import DomainError, Invalid
from services.common.outbox import Outbox
from services.common.policy import Principal
from services.journal.adapters import ledger
from services.journal.adapters import protobuf as messages
from services.journal.adapters.tables import attendance, lesson_records, marks, student_homework
from services.journal.adapters.writer_locks import lock_lessons
from services.journal.domain import deadline as deadline_rules
from services.journal.domain import edit_lock as locks
from services.journal.domain import lesson_entry as domain
from services.journal.domain import student_plan as plan_rules
from services.journal.domain import work_type as work_type_rules
from services.journal.domain.journal_policy import DEFAULT, JournalPolicy
from services.journal.service_layer import closed_years, plan_topics, student_plans, subgroups, work_types
from services.journal.service_layer import journal_policy as policy_store
from services.journal.service_layer import unlock_requests as unlocks


@dataclass(frozen=True)
class Deps:
    """What the handlers use: the database, the outbox, who is calling (resolve(school_id)), the
    schedule and identity services (see peers.py for the methods) and the object store of homework files."""

    db: Database
    outbox: Outbox
    principals: Any
    schedule: Any
    identity: Any
    store: Any = None  # homework files (services.common.object_store.ObjectStore)


def new_id() -> str:
    return str(uuid.uuid4())


def lesson_fields(lesson: schedule_pb2.Lesson) -> dict:
    """The lesson as the schedule knows it, in lesson_records' columns."""
    return dict(school_id=lesson.school_id, lesson_id=lesson.id, class_group_id=lesson.class_group_id,
                subject_id=lesson.subject_id, subject_name=lesson.subject_name, teacher_id=lesson.teacher_id,
                lesson_date=dt.date.fromisoformat(lesson.date), lesson_number=lesson.lesson_number,
                subgroup_id=lesson.subgroup_id or None, substitute_teacher_id=lesson.substitute_teacher_id or None)


@dataclass(frozen=True)
class LessonInput:
    """One whole lesson as a teacher sends it (SaveLesson, or one item of SaveLessons)."""

    lesson_id: str
    topic: str
    homework: str
    marks: list[domain.MarkInput]
    attendance: list[domain.AttendanceInput]
    reason: str = ""
    plan_topic_id: str = ""


@dataclass(frozen=True)
class LessonSave:
    """One lesson of a save, checked: its facts (lesson_records' columns), what is to be stored and why."""

    lesson: dict
    entry: domain.LessonEntry
    reason: str
    ends_at: str = ""  # the lesson's end ("HH:MM", school time): homework is due after it

    @property
    def lesson_id(self) -> str:
        return self.lesson["lesson_id"]

    @property
    def lesson_date(self) -> str:
        return self.lesson["lesson_date"].isoformat()


def save_lesson(deps: Deps, school_id: str, lesson_id: str, topic: str, homework: str,
                mark_inputs: list[domain.MarkInput], attendance_inputs: list[domain.AttendanceInput],
                reason: str, client_address: str, plan_topic_id: str = "") -> pb.LessonRecord:
    """Stores the whole lesson as given: marks and attendance not listed are removed. The lesson's teacher or its
    substitute records it; a subgroup's lesson is recorded for the subgroup's students. A topic of the thematic plan
    (plan_topic_id) must be of the class group's plan for the subject; an empty topic takes its title."""
    item = LessonInput(lesson_id, topic, homework, mark_inputs, attendance_inputs, reason, plan_topic_id)
    return _save(deps, school_id, [item], client_address, bulk=False)[0]


def save_lessons(deps: Deps, school_id: str, items: list[LessonInput], client_address: str) -> list[pb.LessonRecord]:
    """Stores up to domain.MAX_LESSONS whole lessons, each as save_lesson does, in one transaction: a lesson that
    save_lesson would refuse refuses the whole call (its fields named lessons[i].…) and nothing is written."""
    return _save(deps, school_id, items, client_address, bulk=True)


@contextlib.contextmanager
def _lesson_at(index: int | None) -> Iterator[None]:
    """An error about one lesson of a bulk save names the lesson: its index in the message and its fields."""
    try:
        yield
    except DomainError as error:
        if index is not None:
            where = f"lessons[{index}]"
            error.fields = {f"{where}.{name}": text for name, text in error.fields.items()} or {where: error.message}
            error.message = f"Урок {index + 1} в запросе ({where}): {error.message}"
        raise


def _once(known: dict, key, load, *args):
    """load(*args), asked once per key."""
    if key not in known:
        known[key] = load(*args)
    return known[key]


def _save(deps: Deps, school_id: str, items: list[LessonInput], client_address: str,
          bulk: bool) -> list[pb.LessonRecord]:
    school_id = parse_uuid(school_id, "school_id")
    principal = deps.principals.resolve(school_id)
    policy.require(principal, "lesson.record")
    if bulk:
        domain.check_lesson_count(len(items))
    known: dict = {}  # the peers' answers of this call: each class list, subgroup and plan fetched once
    checked: list[tuple[schedule_pb2.Lesson, domain.LessonEntry]] = []
    for i, item in enumerate(items):
        with _lesson_at(i if bulk else None):
            lesson = deps.schedule.get_lesson(school_id, parse_uuid(item.lesson_id, "lesson_id"))
            if any(lesson.id == other.id for other, _ in checked):
                raise Invalid("lesson_id", "этот урок уже есть в запросе")
            policy.require(principal, "lesson.record", teacher_id=subgroups.teachers(lesson))
            plan = _once(known, ("plan", lesson.class_group_id, lesson.subject_id), plan_topics.plan_of, deps,
                         lesson) if item.plan_topic_id else []
            chosen_topic, topic = plan_topics.chosen(plan, item.plan_topic_id, (item.topic or "").strip())
            entry = domain.lesson_entry(topic, item.homework, item.marks, item.attendance, chosen_topic)
            domain.check_lesson_recordable(lesson.status, lesson.year_closed)
            domain.check_class_list(entry, _once(known, ("students", lesson.class_group_id, lesson.subgroup_id),
                                                 subgroups.lesson_students, deps.schedule, deps.identity, school_id,
                                                 lesson))
            checked.append((lesson, entry))
    lessons = [lesson for lesson, _ in checked]
    now = dt.datetime.now(dt.UTC)
    with deps.db.tenant_session(school_id) as session:
        lock_lessons(session, [lesson.id for lesson in lessons], school_id)  # and the closed years, shared
        closed = closed_years.load(session, school_id, locked=True)
        settings = policy_store.load(session)
        codes = [w.code for w in work_types.load(session)]
        students = {m.student_id for _, entry in checked for m in entry.marks}
        plans = student_plans.load(session, students) if students else {}
        shut = unlocks.closed_for(session, lessons, settings, now, principal.person_id)
        today = domain.school_today(settings.zone)
        saves = []
        for i, (lesson, entry) in enumerate(checked):
            with _lesson_at(i if bulk else None):
                closed.require_open("lesson_id", class_group_id=lesson.class_group_id)
                if lesson.id in shut:
                    raise locks.refuse_locked(shut[lesson.id], settings.unlock_hours)
                domain.check_scale(entry.marks, settings.mark_scale)
                work_type_rules.check_marks([m.work_type for m in entry.marks], codes)
                plan_rules.check_lesson_marks(entry.marks, plans, lesson.subject_id)
                fields = lesson_fields(lesson)
                reason = domain.change_reason(fields["lesson_date"], today, items[i].reason)
                saves.append(LessonSave(fields, entry, reason, lesson.ends_at))
        stored = LessonChanges(deps.outbox, session, principal, client_address, now, settings).save(saves)
        records = with_rows(session, stored)
        return [records[lesson.id] for lesson in lessons]


@dataclass
class LessonChanges:
    """Applies one save of one or more lessons (their writers locked, lesson_locks.py): reads what the lessons hold
    (two statements), writes each kind of change of all of them in one statement, and for every change a ledger row
    and an event (lesson by lesson, in the order of the changes), all rows of each in one statement."""

    outbox: Outbox
    session: Session
    principal: Principal
    client_address: str
    now: dt.datetime = field(default_factory=lambda: dt.datetime.now(dt.UTC))
    settings: JournalPolicy = DEFAULT
    ledger_rows: list[dict] = field(default_factory=list)
    events: list = field(default_factory=list)

    def save(self, saves: list[LessonSave]) -> list[dict]:
        """The lessons' records as now stored (lesson_records rows)."""
        if not saves:
            return []
        records = [dict(s.lesson, topic=s.entry.topic, homework=s.entry.homework, plan_topic_id=s.entry.plan_topic_id,
                        updated_at=self.now) for s in saves]
        stored_texts = self.upsert_records(records)
        stored_marks, stored_attendance = self.stored([s.lesson_id for s in saves])
        writes = Writes()
        for save in saves:
            self.texts(save, stored_texts.get(save.lesson_id, NO_TEXTS))
            self.marks(save, domain.diff_marks(stored_marks[save.lesson_id], save.entry.marks), writes)
            self.attendance(save, domain.diff_attendance(stored_attendance[save.lesson_id], save.entry.attendance),
                            writes)
        writes.execute(self.session)
        ledger.write(self.session, self.ledger_rows)
        self.outbox.add_all(self.session, saves[0].lesson["school_id"], self.events)
        return records

    def record(self, save: LessonSave, entity: str, old: dict | None, new: dict | None, event,
               student_id: str | None = None, entity_id: str | None = None) -> None:
        due, late = deadline_rules.deadline(entity, old, new, save.lesson["lesson_date"], save.ends_at, self.settings,
                                            self.now)
        self.ledger_rows.append(ledger.entry(
            save.lesson["school_id"], self.principal, self.client_address, self.now, entity, old, new, save.reason,
            lesson_id=save.lesson_id, student_id=student_id, entity_id=entity_id, due_at=due, late=late))
        self.events.append(event)

    def upsert_records(self, records: list[dict]) -> dict[str, Any]:
        """Stores the lessons' records and returns the texts they held before, in one statement: a lesson without a
        record has none."""
        return {row.lesson_id: row for row in self.session.execute(
            UPSERT_RECORDS, row_arrays.parameters(lesson_records, records, RECORD_COLUMNS))}

    def stored(self, lesson_ids: list[str]) -> tuple[dict[str, list[domain.StoredMark]], dict[str, dict[str, str]]]:
        """The lessons' marks and attendance, in one statement."""
        stored_marks: dict[str, list[domain.StoredMark]] = defaultdict(list)
        stored_attendance: dict[str, dict[str, str]] = defaultdict(dict)
        for lesson_id, mark_id, student_id, work_type, value, comment in self.session.execute(
                STORED, {"lesson_ids": lesson_ids}):
            if mark_id is None:
                stored_attendance[lesson_id][student_id] = value
            else:
                stored_marks[lesson_id].append(domain.StoredMark(mark_id, student_id, work_type, value, comment))
        return stored_marks, stored_attendance

    def texts(self, save: LessonSave, stored) -> None:
        entry = save.entry
        common = dict(lesson_id=save.lesson_id, class_group_id=save.lesson["class_group_id"],
                      lesson_date=save.lesson_date)
        topic_set = pb.TopicSet(topic=entry.topic, plan_topic_id=entry.plan_topic_id or "", **common)
        if stored.topic != entry.topic:
            self.record(save, "topic", {"topic": stored.topic}, {"topic": entry.topic}, topic_set)
        if stored.plan_topic_id != entry.plan_topic_id:
            self.ledger_rows.append(ledger.entry(
                save.lesson["school_id"], self.principal, self.client_address, self.now, "plan_topic",
                {"plan_topic_id": stored.plan_topic_id}, {"plan_topic_id": entry.plan_topic_id}, save.reason,
                lesson_id=save.lesson_id))
            if stored.topic == entry.topic:
                self.events.append(topic_set)
        if stored.homework != entry.homework:
            self.record(save, "homework", {"homework": stored.homework}, {"homework": entry.homework},
                        pb.HomeworkSet(homework=entry.homework, **common))

    def marks(self, save: LessonSave, diff: domain.MarkChanges, writes: "Writes") -> None:
        group = save.lesson["class_group_id"]

        def message(row: dict) -> pb.Mark:
            return messages.mark(row, save.lesson_date, save.lesson["subject_id"])
        for mark in diff.added:
            row = dict(vars(mark), id=new_id(), school_id=save.lesson["school_id"], lesson_id=save.lesson_id,
                       created_at=self.now)
            writes.added_marks.append(row)
            self.record(save, "mark", None, mark_value(row), pb.MarkRecorded(mark=message(row), class_group_id=group),
                        row["student_id"], row["id"])
        for old, new in diff.changed:
            row = dict(vars(new), id=old.id, lesson_id=save.lesson_id)
            writes.changed_marks.append(dict(id=old.id, value=new.value, comment=new.comment))
            self.record(save, "mark", mark_value(vars(old)), mark_value(row),
                        pb.MarkChanged(mark=message(row), class_group_id=group, old_value=old.value),
                        old.student_id, old.id)
        for old in diff.removed:
            row = dict(vars(old), lesson_id=save.lesson_id)
            writes.removed_marks.append(old.id)
            self.record(save, "mark", mark_value(row), None, pb.MarkDeleted(mark=message(row), class_group_id=group),
                        old.student_id, old.id)

    def attendance(self, save: LessonSave, changes: list[domain.AttendanceChange], writes: "Writes") -> None:
        for change in changes:
            key = dict(lesson_id=save.lesson_id, student_id=change.student_id)
            if change.old is None:
                writes.added_attendance.append(dict(key, school_id=save.lesson["school_id"], status=change.new))
            elif change.new is None:
                writes.removed_attendance.append(key)
            else:
                writes.changed_attendance.append(dict(key, status=change.new))
            event = pb.AttendanceRecorded(
                entry=pb.AttendanceEntry(lesson_id=save.lesson_id, student_id=change.student_id, status=change.new or ""),
                class_group_id=save.lesson["class_group_id"], lesson_date=save.lesson_date)
            self.record(save, "attendance", change.old and {"status": change.old}, change.new and {"status": change.new},
                        event, change.student_id)


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


def mark_value(row: dict) -> dict:
    """What the ledger keeps of a mark."""
    return {"value": row["value"], "work_type": row["work_type"], "comment": row["comment"]}


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


def get_lesson_record(deps: Deps, school_id: str, lesson_id: str) -> pb.LessonRecord:
    """The lesson's record; a lesson nothing was recorded for yet comes back empty."""
    school_id = parse_uuid(school_id, "school_id")
    policy.require(deps.principals.resolve(school_id), "lesson.read")
    lesson_id = parse_uuid(lesson_id, "lesson_id")
    with deps.db.tenant_session(school_id) as session:
        record = read_record(session, lesson_id)
        individual = own_homework(session, lesson_id) if record is None else []
    if record is None:
        record = messages.lesson_record(dict(lesson_fields(deps.schedule.get_lesson(school_id, lesson_id)),
                                             topic="", homework=""), [], [], individual)
    return record

