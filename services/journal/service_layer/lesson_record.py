"""Recording lessons (J1-J3): a whole-lesson save (SaveLesson, SaveLessons) and reading a lesson's record. A save
checks the policy and the lesson with the peers first, then in one unit of work locks the lessons' writers, loads
the school's settings in one statement, checks every lesson against them — and, when the page said which revision
it saved on, that nobody changed the lesson since (a conflict is refused, never overwritten) — and writes the records,
their ledger rows and their events together. An entry kept offline says when it was made (entered_at): within the
school's outage window its deadlines, the edit lock and the reason rule judge it by that time (J12). The deputy head
corrects any lesson, always with a reason (004 §7.6); the edit lock binds teachers."""
from __future__ import annotations

import contextlib
import datetime as dt
import uuid
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from proto.journal.v1 import journal_pb2 as pb
from proto.schedule.v1 import schedule_pb2
from services.common.db import parse_uuid
from services.common.errors import Aborted, DomainError, Invalid
from services.common.policy import Principal
from services.common.scope import Scope
from services.journal.adapters import ledger
from services.journal.adapters import protobuf as messages
from services.journal.adapters.lesson_record_store import NO_TEXTS, Writes
from services.journal.adapters.protobuf import lesson_fields
from services.journal.domain import deadline as deadline_rules
from services.journal.domain import edit_lock
from services.journal.domain import lesson_entry as domain
from services.journal.domain import student_plan as plan_rules
from services.journal.domain import work_type as work_type_rules
from services.journal.domain.journal_policy import DEFAULT, JournalPolicy
from services.journal.domain.lesson_entry import LessonInput, LessonSave
from services.journal.service_layer import plan_topics, subgroups

if TYPE_CHECKING:
    from services.journal.service_layer.unit_of_work import JournalUnitOfWork


def new_id() -> str:
    return str(uuid.uuid4())


def save_lesson(scope: Scope, uow: JournalUnitOfWork, item: LessonInput) -> pb.LessonRecord:
    """Stores the whole lesson as given: marks and attendance not listed are removed. The lesson's teacher or its
    substitute records it; a subgroup's lesson is recorded for the subgroup's students. A topic of the thematic plan
    (plan_topic_id) must be of the class group's plan for the subject; an empty topic takes its title."""
    return _save(scope, uow, [item], bulk=False)[0]


def save_lessons(scope: Scope, uow: JournalUnitOfWork, items: list[LessonInput]) -> list[pb.LessonRecord]:
    """Stores up to domain.MAX_LESSONS whole lessons, each as save_lesson does, in one transaction: a lesson that
    save_lesson would refuse refuses the whole call (its fields named lessons[i].…) and nothing is written."""
    return _save(scope, uow, items, bulk=True)


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


def _save(scope: Scope, uow: JournalUnitOfWork, items: list[LessonInput], bulk: bool) -> list[pb.LessonRecord]:
    school_id = scope.school_id
    principal = scope.require("lesson.record")
    if bulk:
        domain.check_lesson_count(len(items))
    known: dict = {}  # the peers' answers of this call: each class list, subgroup and plan fetched once
    checked: list[tuple[schedule_pb2.Lesson, domain.LessonEntry]] = []
    for i, item in enumerate(items):
        with _lesson_at(i if bulk else None):
            lesson = uow.schedule.get_lesson(school_id, parse_uuid(item.lesson_id, "lesson_id"))
            if any(lesson.id == other.id for other, _ in checked):
                raise Invalid("lesson_id", "этот урок уже есть в запросе")
            scope.require("lesson.record", teacher_id=subgroups.teachers(lesson))
            plan = _once(known, ("plan", lesson.class_group_id, lesson.subject_id), plan_topics.plan_of, uow,
                         lesson) if item.plan_topic_id else []
            chosen_topic, topic = plan_topics.chosen(plan, item.plan_topic_id, (item.topic or "").strip())
            entry = domain.lesson_entry(topic, item.homework, item.marks, item.attendance, chosen_topic)
            domain.check_lesson_recordable(lesson.status, lesson.year_closed)
            people = _once(known, ("class", lesson.class_group_id), uow.identity.class_people, school_id,
                           lesson.class_group_id)
            subgroup = _once(known, ("subgroup", lesson.subgroup_id), subgroups.members, uow.schedule, school_id,
                             lesson.subgroup_id) if lesson.subgroup_id else None
            domain.check_class_list(entry, subgroups.lesson_students(lesson, people, subgroup))
            checked.append((lesson, entry))
    lessons = [lesson for lesson, _ in checked]
    ids = [lesson.id for lesson in lessons]
    now = dt.datetime.now(dt.UTC)
    with uow:
        uow.lock_lessons(ids)  # and the closed years, shared
        settings = uow.settings(students={m.student_id for _, entry in checked for m in entry.marks}, lessons=lessons,
                                teacher_id=principal.person_id, now=now)
        revisions = uow.lessons.revisions(ids) if any(i.expected_revision is not None for i in items) else {}
        saves = []
        for i, (lesson, entry) in enumerate(checked):
            with _lesson_at(i if bulk else None):
                item = items[i]
                settings.closed.require_open("lesson_id", class_group_id=lesson.class_group_id)
                if item.expected_revision is not None and revisions[lesson.id] != item.expected_revision:
                    raise changed_since(revisions[lesson.id])
                entered, judged = domain.entry_time(item.entered_at, now, settings.policy.outage_days)
                today = domain.school_today(settings.policy.zone, judged)
                correction = not principal.person_id or principal.person_id not in subgroups.teachers(lesson)
                shut = {} if correction else edit_lock.closed_for([lesson], settings, today)
                if lesson.id in shut:
                    raise edit_lock.refuse_locked(shut[lesson.id], settings.policy.unlock_hours)
                domain.check_scale(entry.marks, settings.policy.mark_scale)
                work_type_rules.check_marks([m.work_type for m in entry.marks], settings.work_type_codes)
                plan_rules.check_lesson_marks(entry.marks, settings.plans, lesson.subject_id)
                fields = lesson_fields(lesson)
                reason = domain.change_reason(fields["lesson_date"], today, item.reason, correction)
                saves.append(LessonSave(fields, entry, reason, lesson.ends_at, entered, judged))
        stored = LessonChanges(uow, principal, scope.client_address, now, settings.policy).save(saves)
        records = uow.lessons.records(stored)  # with the revisions the writes made
        return [records[lesson_id] for lesson_id in ids]


def changed_since(revision: int) -> Aborted:
    return Aborted("Урок изменён другим пользователем после того, как вы его открыли: посмотрите его изменения и "
                   "решите, что оставить", {"expected_revision": f"сейчас у урока версия {revision}"},
                   reason=pb.ErrorReason.Name(pb.LESSON_CHANGED))


@dataclass
class LessonChanges:
    """Applies one save of one or more lessons (their writers locked, adapters/writer_locks.py) in the unit
    of work: reads what the lessons hold (two statements), writes each kind of change of all of them in one statement
    (the lesson record store), and for every change a ledger row and an event (lesson by lesson, in the order of the
    changes), all rows of each in one statement."""

    uow: JournalUnitOfWork
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
        stored_texts = self.uow.lessons.upsert_records(records)
        stored_marks, stored_attendance = self.uow.lessons.stored([s.lesson_id for s in saves])
        writes = Writes()
        for save in saves:
            self.texts(save, stored_texts.get(save.lesson_id, NO_TEXTS))
            self.marks(save, domain.diff_marks(stored_marks[save.lesson_id], save.entry.marks), writes)
            self.attendance(save, domain.diff_attendance(stored_attendance[save.lesson_id], save.entry.attendance),
                            writes)
        self.uow.lessons.write(writes)
        self.uow.write_ledger(self.ledger_rows)
        self.uow.publish_all(self.events)
        return records

    def record(self, save: LessonSave, entity: str, old: dict | None, new: dict | None, event,
               student_id: str | None = None, entity_id: str | None = None) -> None:
        due, late = deadline_rules.deadline(entity, old, new, save.lesson["lesson_date"], save.ends_at, self.settings,
                                            save.judged_at or self.now)
        self.ledger_rows.append(ledger.entry(
            save.lesson["school_id"], self.principal, self.client_address, self.now, entity, old, new, save.reason,
            lesson_id=save.lesson_id, student_id=student_id, entity_id=entity_id, due_at=due, late=late,
            entered_at=save.entered_at))
        self.events.append(event)

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
                lesson_id=save.lesson_id, entered_at=save.entered_at))
            if stored.topic == entry.topic:
                self.events.append(topic_set)
        if stored.homework != entry.homework:
            self.record(save, "homework", {"homework": stored.homework}, {"homework": entry.homework},
                        pb.HomeworkSet(homework=entry.homework, **common))

    def marks(self, save: LessonSave, diff: domain.MarkChanges, writes: Writes) -> None:
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
            writes.changed_marks.append(dict(id=old.id, value=new.value, comment=new.comment,
                                             not_counted=new.not_counted))
            self.record(save, "mark", mark_value(vars(old)), mark_value(row),
                        pb.MarkChanged(mark=message(row), class_group_id=group, old_value=old.value),
                        old.student_id, old.id)
        for old in diff.removed:
            row = dict(vars(old), lesson_id=save.lesson_id)
            writes.removed_marks.append(old.id)
            self.record(save, "mark", mark_value(row), None, pb.MarkDeleted(mark=message(row), class_group_id=group),
                        old.student_id, old.id)

    def attendance(self, save: LessonSave, changes: list[domain.AttendanceChange], writes: Writes) -> None:
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


def mark_value(row: dict) -> dict:
    """What the ledger keeps of a mark (not_counted only when set: the rows before it stay comparable)."""
    value = {"value": row["value"], "work_type": row["work_type"], "comment": row["comment"]}
    return {**value, "not_counted": True} if row.get("not_counted") else value


def get_lesson_record(scope: Scope, uow: JournalUnitOfWork, lesson_id: str) -> pb.LessonRecord:
    """The lesson's record; a lesson nothing was recorded for yet comes back empty."""
    school_id = scope.school_id
    scope.require("lesson.read")
    lesson_id = parse_uuid(lesson_id, "lesson_id")
    with uow:
        record = uow.lessons.read([lesson_id]).get(lesson_id)
        individual = uow.lessons.own_homework(lesson_id) if record is None else []
    if record is None:
        record = messages.lesson_record(dict(lesson_fields(uow.schedule.get_lesson(school_id, lesson_id)),
                                             topic="", homework=""), [], [], individual)
    return record

