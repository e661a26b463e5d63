"""Journal commands and queries: each checks the policy, then works in one tenant transaction that
writes the state, its ledger entries and its events together."""
import datetime as dt
import uuid
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import Text, column, delete, insert, select, update, values
from sqlalchemy.dialects.postgresql import UUID
from sqlalchemy.dialects.postgresql import insert as pg_insert
from sqlalchemy.orm import Session

from proto.journal.v1 import journal_pb2 as pb
from proto.schedule.v1 import schedule_pb2
from services.common import policy
from services.common.db import Database, parse_uuid
from services.common.outbox import Outbox
from services.common.policy import Principal
from services.journal import (
    deadline_rules,
    domain,
    ledger,
    messages,
    plan_topics,
    policy_store,
    student_plans,
    subgroups,
    unlocks,
    work_type_rules,
    work_types,
)
from services.journal import student_plan_rules as plan_rules
from services.journal.lesson_locks import lock_lessons
from services.journal.school_policy import DEFAULT, JournalPolicy
from services.journal.tables import attendance, lesson_records, marks, student_homework


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


def save_lesson(deps: Deps, school_id: str, lesson_id: str, topic: str, homework: str,
                mark_inputs: list[domain.MarkInput], attendance_inputs: list[domain.AttendanceInput],
                reason: str, client_address: str, plan_topic_id: str = "") -> pb.LessonRecord:
    """Stores the whole lesson as given: marks and attendance not listed are removed. The lesson's teacher or its
    substitute records it; a subgroup's lesson is recorded for the subgroup's students. A topic of the thematic plan
    (plan_topic_id) must be of the class group's plan for the subject; an empty topic takes its title."""
    school_id = parse_uuid(school_id, "school_id")
    principal = deps.principals.resolve(school_id)
    policy.require(principal, "lesson.record")
    lesson = deps.schedule.get_lesson(school_id, parse_uuid(lesson_id, "lesson_id"))
    policy.require(principal, "lesson.record", teacher_id=subgroups.teachers(lesson))
    chosen_topic, topic = plan_topics.chosen(plan_topics.plan_of(deps, lesson) if plan_topic_id else [],
                                             plan_topic_id, (topic or "").strip())
    entry = domain.lesson_entry(topic, homework, mark_inputs, attendance_inputs, chosen_topic)
    domain.check_lesson_recordable(lesson.status, lesson.year_closed)
    domain.check_class_list(entry, subgroups.lesson_students(deps.schedule, deps.identity, school_id, lesson))
    fields = lesson_fields(lesson)
    now = dt.datetime.now(dt.UTC)
    with deps.db.tenant_session(school_id) as session:
        settings = policy_store.load(session)
        unlocks.require_open(session, lesson, settings, now, principal.person_id)
        domain.check_scale(entry.marks, settings.mark_scale)
        work_type_rules.check_marks([m.work_type for m in entry.marks], [w.code for w in work_types.load(session)])
        plan_rules.check_lesson_marks(entry.marks, student_plans.load(session, {m.student_id for m in entry.marks}),
                                      lesson.subject_id)
        reason = domain.change_reason(fields["lesson_date"], domain.school_today(settings.zone), reason)
        changes = LessonChanges(deps.outbox, session, fields, principal, client_address, reason, now, settings,
                                lesson.ends_at)
        changes.save_texts(entry)
        changes.save_marks(entry.marks)
        changes.save_attendance(entry.attendance)
        changes.flush()
        return read_record(session, lesson.id)


@dataclass
class LessonChanges:
    """Applies one save of a lesson: each change to the tables, a ledger row for it, and its event."""

    outbox: Outbox
    session: Session
    lesson: dict
    principal: Principal
    client_address: str
    reason: str
    now: dt.datetime = field(default_factory=lambda: dt.datetime.now(dt.UTC))
    settings: JournalPolicy = DEFAULT
    ends_at: str = ""  # the lesson's end ("HH:MM", school time): homework is due after it
    ledger_rows: list[dict] = field(default_factory=list)
    events: list = field(default_factory=list)  # written by flush(), in the order of the changes

    @property
    def lesson_id(self) -> str:
        return self.lesson["lesson_id"]

    @property
    def lesson_date(self) -> str:
        return self.lesson["lesson_date"].isoformat()

    def record(self, entity: str, old: dict | None, new: dict | None, event, student_id: str | None = None,
               entity_id: str | None = None) -> None:
        due, late = deadline_rules.deadline(entity, old, new, self.lesson["lesson_date"], self.ends_at, self.settings,
                                            self.now)
        self.ledger_rows.append(ledger.entry(
            self.lesson["school_id"], self.principal, self.client_address, self.now, entity, old, new, self.reason,
            lesson_id=self.lesson_id, student_id=student_id, entity_id=entity_id, due_at=due, late=late))
        self.events.append(event)

    def save_texts(self, entry: domain.LessonEntry) -> None:
        """Upserts the lesson record (locking the lesson first, so its writers run one after another)."""
        lock_lessons(self.session, [self.lesson_id])
        key = (lesson_records.c.lesson_id == self.lesson_id,)
        self.session.execute(pg_insert(lesson_records).values(dict(self.lesson, topic="", homework="", updated_at=self.now))
                             .on_conflict_do_nothing())
        stored = self.session.execute(select(lesson_records.c.topic, lesson_records.c.homework,
                                             lesson_records.c.plan_topic_id).where(*key).with_for_update()).one()
        self.session.execute(update(lesson_records).where(*key).values(
            dict(self.lesson, topic=entry.topic, homework=entry.homework, plan_topic_id=entry.plan_topic_id,
                 updated_at=self.now)))
        common = dict(lesson_id=self.lesson_id, class_group_id=self.lesson["class_group_id"], lesson_date=self.lesson_date)
        topic_set = pb.TopicSet(topic=entry.topic, plan_topic_id=entry.plan_topic_id or "", **common)
        if stored.topic != entry.topic:
            self.record("topic", {"topic": stored.topic}, {"topic": entry.topic}, topic_set)
        if stored.plan_topic_id != entry.plan_topic_id:
            self.ledger_rows.append(ledger.entry(
                self.lesson["school_id"], self.principal, self.client_address, self.now, "plan_topic",
                {"plan_topic_id": stored.plan_topic_id}, {"plan_topic_id": entry.plan_topic_id}, self.reason,
                lesson_id=self.lesson_id))
            if stored.topic == entry.topic:
                self.events.append(topic_set)
        if stored.homework != entry.homework:
            self.record("homework", {"homework": stored.homework}, {"homework": entry.homework},
                        pb.HomeworkSet(homework=entry.homework, **common))

    def mark(self, row: dict) -> pb.Mark:
        return messages.mark(row, self.lesson_date, self.lesson["subject_id"])

    def save_marks(self, wanted: list[domain.MarkInput]) -> None:
        stored = [domain.StoredMark(r.id, r.student_id, r.work_type, r.value, r.comment) for r in self.session.execute(
            select(marks.c.id, marks.c.student_id, marks.c.work_type, marks.c.value, marks.c.comment)
            .where(marks.c.lesson_id == self.lesson_id))]
        diff = domain.diff_marks(stored, wanted)
        group = self.lesson["class_group_id"]
        added = [dict(vars(m), id=new_id(), school_id=self.lesson["school_id"], lesson_id=self.lesson_id,
                      created_at=self.now) for m in diff.added]
        if added:
            self.session.execute(insert(marks), added)
        for row in added:
            self.record("mark", None, mark_value(row), pb.MarkRecorded(mark=self.mark(row), class_group_id=group),
                        row["student_id"], row["id"])
        if diff.changed:
            new_values = values(column("id", UUID(as_uuid=False)), column("value", Text), column("comment", Text),
                                name="new_values").data([(old.id, new.value, new.comment) for old, new in diff.changed])
            self.session.execute(update(marks).where(marks.c.id == new_values.c.id).values(
                value=new_values.c.value, comment=new_values.c.comment))
        for old, new in diff.changed:
            row = dict(vars(new), id=old.id, lesson_id=self.lesson_id)
            self.record("mark", mark_value(vars(old)), mark_value(row),
                        pb.MarkChanged(mark=self.mark(row), class_group_id=group, old_value=old.value),
                        old.student_id, old.id)
        if diff.removed:
            self.session.execute(delete(marks).where(marks.c.id.in_([m.id for m in diff.removed])))
        for old in diff.removed:
            row = dict(vars(old), lesson_id=self.lesson_id)
            self.record("mark", mark_value(row), None, pb.MarkDeleted(mark=self.mark(row), class_group_id=group),
                        old.student_id, old.id)

    def save_attendance(self, wanted: dict[str, str]) -> None:
        stored = dict(self.session.execute(select(attendance.c.student_id, attendance.c.status)
                                           .where(attendance.c.lesson_id == self.lesson_id)).all())
        changes = domain.diff_attendance(stored, wanted)
        added = [dict(school_id=self.lesson["school_id"], lesson_id=self.lesson_id, student_id=c.student_id,
                      status=c.new) for c in changes if c.old is None]
        if added:
            self.session.execute(insert(attendance), added)
        removed = [c.student_id for c in changes if c.new is None]
        if removed:
            self.session.execute(delete(attendance).where(attendance.c.lesson_id == self.lesson_id,
                                                          attendance.c.student_id.in_(removed)))
        changed = [(c.student_id, c.new) for c in changes if c.old is not None and c.new is not None]
        if changed:
            new_values = values(column("student_id", UUID(as_uuid=False)), column("status", Text),
                                name="new_values").data(changed)
            self.session.execute(update(attendance).where(attendance.c.lesson_id == self.lesson_id,
                                                          attendance.c.student_id == new_values.c.student_id)
                                 .values(status=new_values.c.status))
        for change in changes:
            event = pb.AttendanceRecorded(
                entry=pb.AttendanceEntry(lesson_id=self.lesson_id, student_id=change.student_id, status=change.new or ""),
                class_group_id=self.lesson["class_group_id"], lesson_date=self.lesson_date)
            self.record("attendance", change.old and {"status": change.old}, change.new and {"status": change.new},
                        event, change.student_id)

    def flush(self) -> None:
        """Writes the ledger rows and the events of the whole save, each in one statement."""
        ledger.write(self.session, self.ledger_rows)
        self.outbox.add_all(self.session, self.lesson["school_id"], self.events)


def mark_value(row: dict) -> dict:
    """What the ledger keeps of a mark."""
    return {"value": row["value"], "work_type": row["work_type"], "comment": row["comment"]}


def read_record(session: Session, lesson_id: str) -> pb.LessonRecord | None:
    record = session.execute(select(lesson_records).where(lesson_records.c.lesson_id == lesson_id)).mappings().first()
    if record is None:
        return None
    mark_rows = session.execute(select(marks).where(marks.c.lesson_id == lesson_id)
                                .order_by(marks.c.student_id, marks.c.work_type)).mappings()
    attendance_rows = session.execute(select(attendance).where(attendance.c.lesson_id == lesson_id)
                                      .order_by(attendance.c.student_id)).mappings()
    return messages.lesson_record(record, mark_rows, attendance_rows, own_homework(session, lesson_id))


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

