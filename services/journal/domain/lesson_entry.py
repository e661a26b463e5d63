"""Rules of the class journal: what a valid lesson entry is (marks, attendance, topic, homework), when a
change needs a reason, how a saved lesson differs from the stored one, and the diary's date range.
Plain Python, no I/O."""
import datetime as dt
import uuid
from collections.abc import Iterable
from dataclasses import dataclass

from services.common.attendance_kinds import ATTENDANCE_KINDS
from services.common.dates import parse_date
from services.common.errors import FailedPrecondition, Invalid
from services.journal.domain import mark_scale
from services.journal.domain.closed_year import refuse_closed

ATTENDANCE_STATUSES = tuple(ATTENDANCE_KINDS)
DEFAULT_WORK_TYPE = "classwork"
MAX_TOPIC = 500
MAX_HOMEWORK = 4000
MAX_WORK_TYPE = 50
MAX_COMMENT = 500
MAX_REASON = 1000
MAX_DIARY_DAYS = 62
MAX_LESSONS = 50  # lessons of one bulk save (SaveLessons)


@dataclass(frozen=True)
class MarkInput:
    student_id: str
    value: str
    work_type: str = DEFAULT_WORK_TYPE
    comment: str = ""
    not_counted: bool = False  # kept and shown, but weighs nothing in the average (issue 18)

    @property
    def key(self) -> tuple[str, str]:
        return self.student_id, self.work_type


@dataclass(frozen=True)
class AttendanceInput:
    student_id: str
    status: str


@dataclass(frozen=True)
class LessonEntry:
    """A validated lesson as the teacher wants it stored."""

    topic: str
    homework: str
    marks: list[MarkInput]
    attendance: dict[str, str]  # student_id -> status
    plan_topic_id: str | None = None  # the thematic plan's topic (service_layer/plan_topics.py), None = typed or no topic


@dataclass(frozen=True)
class StoredMark:
    id: str
    student_id: str
    work_type: str
    value: str
    comment: str
    not_counted: bool = False

    @property
    def key(self) -> tuple[str, str]:
        return self.student_id, self.work_type


@dataclass(frozen=True)
class MarkChanges:
    added: list[MarkInput]
    changed: list[tuple[StoredMark, MarkInput]]
    removed: list[StoredMark]


@dataclass(frozen=True)
class AttendanceChange:
    student_id: str
    old: str | None
    new: str | None


def student_id(value: str, field: str) -> str:
    try:
        return str(uuid.UUID(value))
    except ValueError:
        raise Invalid(field, "ожидается идентификатор ученика (UUID)") from None


def bounded_text(value: str, field: str, max_length: int) -> str:
    value = (value or "").strip()
    if len(value) > max_length:
        raise Invalid(field, f"не длиннее {max_length} символов")
    return value


def lesson_entry(topic: str, homework: str, marks: Iterable[MarkInput],
                 attendance: Iterable[AttendanceInput], plan_topic_id: str | None = None) -> LessonEntry:
    valid_marks: list[MarkInput] = []
    for i, mark in enumerate(marks):
        field = f"marks[{i}]"
        valid = MarkInput(student_id(mark.student_id, f"{field}.student_id"), mark_scale.normalized(mark.value),
                          bounded_text(mark.work_type, f"{field}.work_type", MAX_WORK_TYPE) or DEFAULT_WORK_TYPE,
                          bounded_text(mark.comment, f"{field}.comment", MAX_COMMENT), bool(mark.not_counted))
        if not valid.value:
            raise Invalid(f"{field}.value", "укажите отметку")
        if any(other.key == valid.key for other in valid_marks):
            raise Invalid(f"{field}.work_type", "у ученика уже есть отметка за этот вид работы на уроке")
        valid_marks.append(valid)
    statuses: dict[str, str] = {}
    for i, entry in enumerate(attendance):
        field = f"attendance[{i}]"
        sid = student_id(entry.student_id, f"{field}.student_id")
        if entry.status not in ATTENDANCE_STATUSES:
            raise Invalid(f"{field}.status", "ожидается absent, late, ill, excused или unexcused")
        if sid in statuses:
            raise Invalid(f"{field}.student_id", "посещаемость ученика уже указана")
        statuses[sid] = entry.status
    return LessonEntry(bounded_text(topic, "topic", MAX_TOPIC), bounded_text(homework, "homework", MAX_HOMEWORK),
                       valid_marks, statuses, plan_topic_id)


def check_lesson_count(count: int) -> None:
    """A bulk save carries 1 to MAX_LESSONS lessons."""
    if not count:
        raise Invalid("lessons", "укажите хотя бы один урок")
    if count > MAX_LESSONS:
        raise Invalid("lessons", f"не больше {MAX_LESSONS} уроков за один запрос (получено {count}): "
                                 "разделите их на несколько запросов")


def check_scale(marks: Iterable[MarkInput], school_scale: str) -> None:
    """Every mark is on the school's scale (a policy setting)."""
    for i, mark in enumerate(marks):
        mark_scale.mark(mark.value, school_scale, f"marks[{i}].value")


NOT_IN_CLASS = "ученик не учится в этом классе в день урока"


def check_class_list(entry: LessonEntry, students: set[str]) -> None:
    """Refuses marks and attendance for anyone who is not a student of the lesson's class group on its day."""
    for i, mark in enumerate(entry.marks):
        if mark.student_id not in students:
            raise Invalid(f"marks[{i}].student_id", NOT_IN_CLASS)
    for i, sid in enumerate(entry.attendance):
        if sid not in students:
            raise Invalid(f"attendance[{i}].student_id", NOT_IN_CLASS)


def school_today(zone: dt.tzinfo, now: dt.datetime | None = None) -> dt.date:
    """Today in the school's time zone (a policy setting), at `now` (an aware time: the one reading of the clock an
    operation makes, so that all it decides is of one moment) or at this moment."""
    return (now or dt.datetime.now(dt.UTC)).astimezone(zone).date()


def change_reason(lesson_date: dt.date, today: dt.date, reason: str, correction: bool = False) -> str:
    """Changes to a lesson after its day must say why, and so must a correction by someone who does not teach it (the
    deputy head)."""
    reason = bounded_text(reason, "reason", MAX_REASON)
    if correction and not reason:
        raise Invalid("reason", "исправление в журнале чужого урока: укажите причину")
    if lesson_date < today and not reason:
        raise Invalid("reason", "урок уже прошёл: укажите причину изменения")
    return reason


MAX_CLOCK_SKEW = dt.timedelta(minutes=5)  # a device's clock ahead of ours by this much is still believed


def entry_time(entered_at: str, now: dt.datetime, outage_days: int) -> tuple[dt.datetime | None, dt.datetime]:
    """(when the teacher entered it, the time its rules judge it by): an entry kept on the teacher's device while the
    connection was down is judged by the time it was made, within the school's outage window (J12: entered within
    outage_days of it); an older one by the time it arrives. Without entered_at: (None, now)."""
    if not entered_at:
        return None, now
    try:
        entered = dt.datetime.fromisoformat(entered_at.replace("Z", "+00:00"))
    except ValueError:
        raise Invalid("entered_at", "время ввода в формате RFC 3339, например 2026-09-01T09:05:00+03:00") from None
    if entered.tzinfo is None:
        raise Invalid("entered_at", "время ввода с часовым поясом, например 2026-09-01T09:05:00+03:00")
    if entered > now + MAX_CLOCK_SKEW:
        raise Invalid("entered_at", "время ввода позже текущего: проверьте часы устройства")
    entered = min(entered, now)
    return entered, entered if now - entered <= dt.timedelta(days=outage_days) else now


def diff_marks(stored: Iterable[StoredMark], wanted: Iterable[MarkInput]) -> MarkChanges:
    """Marks are keyed by student and work type; what is stored but not wanted is removed."""
    old = {m.key: m for m in stored}
    new = {m.key: m for m in wanted}
    return MarkChanges(
        added=[m for k, m in new.items() if k not in old],
        changed=[(old[k], m) for k, m in new.items()
                 if k in old and (old[k].value, old[k].comment, old[k].not_counted) != (m.value, m.comment, m.not_counted)],
        removed=[m for k, m in old.items() if k not in new],
    )


def diff_attendance(stored: dict[str, str], wanted: dict[str, str]) -> list[AttendanceChange]:
    return [AttendanceChange(sid, stored.get(sid), wanted.get(sid))
            for sid in sorted(stored.keys() | wanted.keys()) if stored.get(sid) != wanted.get(sid)]


def diary_range(date_from: str, date_to: str) -> tuple[dt.date, dt.date]:
    start, end = parse_date(date_from, "date_from"), parse_date(date_to, "date_to")
    if start > end:
        raise Invalid("date_to", "конец периода раньше начала")
    if (end - start).days + 1 > MAX_DIARY_DAYS:
        raise Invalid("date_to", f"период дневника не длиннее {MAX_DIARY_DAYS} дней")
    return start, end


def check_lesson_recordable(status: str, year_closed: bool) -> None:
    """A cancelled lesson has nothing to record; a closed year's journal is archived and stays as it is."""
    if year_closed:
        raise refuse_closed("lesson_id", "урок закрытого учебного года")
    if status == "cancelled":
        raise FailedPrecondition("Урок отменён: записать его нельзя", {"lesson_id": "урок отменён"})


@dataclass(frozen=True)
class LessonInput:
    """One whole lesson as a teacher sends it (SaveLesson, or one item of SaveLessons): the save's command."""

    lesson_id: str
    topic: str
    homework: str
    marks: list[MarkInput]
    attendance: list[AttendanceInput]
    reason: str = ""
    plan_topic_id: str = ""
    expected_revision: int | None = None  # the revision the teacher's page saved on (None: no check)
    entered_at: str = ""  # when the teacher entered it (an entry sent after an outage), RFC 3339; "" = now


@dataclass(frozen=True)
class LessonSave:
    """One lesson of a save, checked: its facts (lesson_records' columns), what is to be stored and why."""

    lesson: dict
    entry: LessonEntry
    reason: str
    ends_at: str = ""  # the lesson's end ("HH:MM", school time): homework is due after it
    entered_at: dt.datetime | None = None  # when the teacher entered it, if they said so
    judged_at: dt.datetime | None = None  # the time the deadlines judge it by (entered_at within the outage window)

    @property
    def lesson_id(self) -> str:
        return self.lesson["lesson_id"]

    @property
    def lesson_date(self) -> str:
        return self.lesson["lesson_date"].isoformat()
