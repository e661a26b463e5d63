"""A fake of the journal's unit of work for the service layer's unit tests (no PostgreSQL), as cosmicpython's
FakeUnitOfWork: in-memory stores with the methods of the real ones (services/journal/adapters/*_store.py), the
ledger rows and the events in lists, the school's settings from plain fields, and a rollback that puts the stores
back as they were when a command fails. The schedule and identity ports are the integration tests' fakes."""
import copy
import datetime as dt
from collections import defaultdict
from types import SimpleNamespace

from proto.journal.v1 import journal_pb2 as pb
from services.common.policy import Principal
from services.common.scope import Scope
from services.journal.adapters import protobuf as messages
from services.journal.adapters.lesson_record_store import RECORD_KEPT, Writes
from services.journal.domain.closed_year import ClosedYears
from services.journal.domain.journal_policy import DEFAULT
from services.journal.domain.lesson_entry import StoredMark
from services.journal.domain.school_settings import SchoolSettings
from services.journal.service_layer.unit_of_work import JournalUnitOfWork
from tests.integration.journal.conftest import FakeIdentity, FakeSchedule


class FakeLessonRecords:
    def __init__(self):
        self.rows: dict[str, dict] = {}  # lesson id -> lesson_records row
        self.marks: dict[str, dict] = {}  # mark id -> marks row
        self.attendance: dict[tuple[str, str], str] = {}  # (lesson id, student id) -> status

    def upsert_records(self, records: list[dict]) -> dict:
        before = {}
        for record in records:
            stored = self.rows.get(record["lesson_id"])
            revision = 0
            if stored is not None:
                texts = ("topic", "homework", "plan_topic_id")
                before[record["lesson_id"]] = SimpleNamespace(lesson_id=stored["lesson_id"],
                                                              **{k: stored[k] for k in texts})
                revision = stored["revision"] + any(stored[k] != record[k] for k in texts)  # as the trigger does
                record = {**record, **{k: stored[k] for k in RECORD_KEPT}}
            self.rows[record["lesson_id"]] = dict(record, revision=revision)
        return before

    def revisions(self, lesson_ids: list[str]) -> dict[str, int]:
        return {i: self.rows[i]["revision"] if i in self.rows else 0 for i in lesson_ids}

    def _bump(self, lesson_ids) -> None:
        for lesson_id in set(lesson_ids):
            self.rows[lesson_id]["revision"] += 1

    def stored(self, lesson_ids: list[str]):
        stored_marks, stored_attendance = defaultdict(list), defaultdict(dict)
        for row in self.marks.values():
            if row["lesson_id"] in lesson_ids:
                stored_marks[row["lesson_id"]].append(StoredMark(row["id"], row["student_id"], row["work_type"],
                                                                 row["value"], row["comment"], row["not_counted"]))
        for (lesson_id, student_id), status in self.attendance.items():
            if lesson_id in lesson_ids:
                stored_attendance[lesson_id][student_id] = status
        return stored_marks, stored_attendance

    def write(self, writes: Writes) -> None:
        self._bump([row["lesson_id"] for row in writes.added_marks + writes.added_attendance
                    + writes.changed_attendance + writes.removed_attendance]
                   + [self.marks[m["id"]]["lesson_id"] for m in writes.changed_marks]
                   + [self.marks[i]["lesson_id"] for i in writes.removed_marks])
        for row in writes.added_marks:
            self.marks[row["id"]] = dict(row)
        for change in writes.changed_marks:
            self.marks[change["id"]].update(value=change["value"], comment=change["comment"],
                                            not_counted=change["not_counted"])
        for mark_id in writes.removed_marks:
            del self.marks[mark_id]
        for row in writes.added_attendance + writes.changed_attendance:
            self.attendance[row["lesson_id"], row["student_id"]] = row["status"]
        for key in writes.removed_attendance:
            del self.attendance[key["lesson_id"], key["student_id"]]

    def records(self, rows: list) -> dict[str, pb.LessonRecord]:
        """As the store's: the rows as the save wrote them, with the revisions the writes made."""
        return {row["lesson_id"]: messages.lesson_record(
            {**row, "revision": self.rows[row["lesson_id"]]["revision"]},
            sorted((m for m in self.marks.values() if m["lesson_id"] == row["lesson_id"]),
                   key=lambda m: (m["student_id"], m["work_type"])),
            [dict(lesson_id=lesson_id, student_id=student_id, status=status)
             for (lesson_id, student_id), status in sorted(self.attendance.items()) if lesson_id == row["lesson_id"]])
            for row in rows}

    def read(self, lesson_ids: list[str]) -> dict[str, pb.LessonRecord]:
        return self.records([self.rows[i] for i in lesson_ids if i in self.rows])

    def own_homework(self, lesson_id: str) -> list:
        return []

    def count_marks(self, student_id: str, lesson_ids: list[str]) -> int:
        return sum(m["student_id"] == student_id and m["lesson_id"] in lesson_ids for m in self.marks.values())


class FakeTermMarks:
    def __init__(self):
        self.rows: dict[str, dict] = {}

    def get(self, school_id: str, student_id: str, subject_id: str, term_id: str) -> dict | None:
        return next((dict(r) for r in self.rows.values() if (r["student_id"], r["subject_id"], r["term_id"])
                     == (student_id, subject_id, term_id)), None)

    def put(self, row: dict) -> None:
        self.rows[row["id"]] = dict(row)


class FakeUnlockRequests:
    def __init__(self):
        self.rows: dict[str, dict] = {}

    def pending(self, lesson_id: str, teacher_id: str) -> str | None:
        return next((r["id"] for r in self.rows.values() if (r["lesson_id"], r["teacher_id"], r["status"])
                     == (lesson_id, teacher_id, "pending")), None)

    def add(self, row: dict) -> None:
        self.rows[row["id"]] = dict(row)

    def get(self, request_id: str) -> dict | None:
        return dict(self.rows[request_id]) if request_id in self.rows else None

    def decide(self, request_id: str, decided: dict) -> None:
        self.rows[request_id].update(decided)


class FakeMarkFlags:
    """mark_flags and mark_flag_answers in memory, reading the marks and lesson records of the fake lesson store."""

    def __init__(self, lessons: FakeLessonRecords):
        self.lessons = lessons
        self.rows: dict[str, dict] = {}  # flag id -> mark_flags row
        self.answers: dict[str, dict] = {}  # flag id -> mark_flag_answers row
        self.locked: list[str] = []

    def mark(self, mark_id: str) -> dict | None:
        mark = self.lessons.marks.get(mark_id)
        if mark is None:
            return None
        record = self.lessons.rows[mark["lesson_id"]]
        return {**{k: mark[k] for k in ("id", "lesson_id", "student_id", "value", "work_type")},
                **{k: record[k] for k in ("class_group_id", "subject_id", "subject_name", "lesson_date", "teacher_id",
                                          "substitute_teacher_id")}}

    def current(self, mark_id: str) -> tuple[str, str] | None:
        mark = self.lessons.marks.get(mark_id)
        return (mark["value"], mark["work_type"]) if mark else None

    def lock_mark(self, school_id: str, mark_id: str) -> None:
        self.locked.append(mark_id)

    def open_of_mark(self, mark_id: str) -> str | None:
        return next((f for f, row in self.rows.items() if row["mark_id"] == mark_id and f not in self.answers), None)

    def add(self, row: dict) -> None:
        self.rows[row["id"]] = dict(row)

    def get(self, flag_id: str) -> dict | None:
        if flag_id not in self.rows:
            return None
        current = self.current(self.rows[flag_id]["mark_id"])
        empty = dict(answer=None, outcome=None, answered_by=None, answered_at=None, value_after=None)
        return {**self.rows[flag_id], **empty, **self.answers.get(flag_id, {}),
                "current_value": current[0] if current else ""}

    def answer(self, row: dict) -> bool:
        if row["flag_id"] in self.answers:
            return False
        self.answers[row["flag_id"]] = dict(row)
        return True

    def listed(self, status: str, teacher_id: str = "", class_group_id: str = "", student_id: str = "",
               lesson_id: str = "", mine=None) -> list[dict]:
        found = []
        for flag_id in self.rows:
            row = self.get(flag_id)
            if any(value and row[key] != value for key, value in (
                    ("teacher_id", teacher_id), ("class_group_id", class_group_id), ("student_id", student_id),
                    ("lesson_id", lesson_id))):
                continue
            if mine is not None and not (row["teacher_id"] == mine[0] or row["class_group_id"] in mine[1]):
                continue
            if status and (row["answered_at"] is not None) != (status == "answered"):
                continue
            found.append(row)
        return sorted(found, key=lambda r: r["created_at"], reverse=True)


class FakeUnitOfWork(JournalUnitOfWork):
    """The journal's unit of work in memory; `committed` counts the units that ended without an exception."""

    def __init__(self, scope: Scope, schedule: FakeSchedule, identity: FakeIdentity):
        super().__init__(None, None, scope, schedule, identity)
        self.lessons = FakeLessonRecords()
        self.term_marks = FakeTermMarks()
        self.unlock_requests = FakeUnlockRequests()
        self.mark_flags = FakeMarkFlags(self.lessons)
        self.policy, self.closed, self.plans = DEFAULT, ClosedYears(), {}
        self.ledger_rows: list[dict] = []
        self.events: list = []
        self.locked: list[str] = []
        self.committed = 0
        self._saved = None

    def _state(self):
        return copy.deepcopy((self.lessons.rows, self.lessons.marks, self.lessons.attendance, self.term_marks.rows,
                              self.unlock_requests.rows, self.ledger_rows, self.events, self.mark_flags.rows,
                              self.mark_flags.answers))

    def __enter__(self):
        self._saved = self._state()
        return self

    def __exit__(self, exc_type, exc, tb):
        if exc_type is None:
            self.committed += 1
        else:  # roll back
            (self.lessons.rows, self.lessons.marks, self.lessons.attendance, self.term_marks.rows,
             self.unlock_requests.rows, self.ledger_rows, self.events, self.mark_flags.rows,
             self.mark_flags.answers) = self._saved
        return False

    def lock_lessons(self, lesson_ids) -> None:
        self.locked.extend(lesson_ids)

    def settings(self, students=(), lessons=(), teacher_id: str = "", now: dt.datetime | None = None,
                 read_only: bool = False) -> SchoolSettings:
        now = now or dt.datetime.now(dt.UTC)
        lessons = list(lessons)
        ids = {lesson.id for lesson in lessons}
        return SchoolSettings(
            policy=self.policy, closed=self.closed,
            plans={sid: plan for sid, plan in self.plans.items() if sid in set(students)},
            unlocked=frozenset(r["lesson_id"] for r in self.unlock_requests.rows.values()
                               if r["lesson_id"] in ids and r["teacher_id"] == teacher_id and r["status"] == "approved"
                               and r["expires_at"] > now),
            marked=frozenset((r["class_group_id"], r["subject_id"], r["term_id"]) for r in self.term_marks.rows.values()))

    def write_ledger(self, rows: list[dict]) -> None:
        self.ledger_rows.extend(rows)

    def publish(self, message) -> None:
        self.events.append(message)

    def publish_all(self, events: list) -> None:
        self.events.extend(events)


class Principals:
    """Who calls: one principal per school, set by the test."""

    def __init__(self):
        self.by_school: dict[str, Principal] = {}

    def act(self, school_id: str, person_id: str, *roles: str, leads=(), children=()) -> None:
        self.by_school[school_id] = Principal(subject=f"subject-{person_id}", school_id=school_id, person_id=person_id,
                                              roles=frozenset(roles), form_class_group_ids=frozenset(leads),
                                              student_ids=frozenset(children))

    def resolve(self, school_id: str) -> Principal:
        return self.by_school.get(school_id, Principal(subject="", school_id=school_id))
