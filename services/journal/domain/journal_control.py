"""R1, the deputy head's control of journal keeping: which past lessons were never filled in (no topic; no attendance
taken, i.e. never saved), which recorded lessons have no homework, and which students have too few current marks for
a term mark before the term ends. Plain Python, no I/O.

A lesson is filled in when its record exists with a topic. A saved lesson has a record even when everybody was
present (attendance rows are written for absences and lateness only), so "attendance not taken" is "no record at
all". The journal has no "no homework set" mark: a recorded lesson with an empty homework is listed, and the deputy
head judges whether one was due."""
import datetime as dt
from collections import Counter
from dataclasses import dataclass

from services.common.errors import Invalid
from services.journal.domain import student_plan, term_mark
from services.journal.domain.journal_policy import JournalPolicy

NO_TOPIC = "нет темы"
NO_ATTENDANCE = "нет отметок посещаемости"
DEFAULT_DAYS = 14
MAX_DAYS = 366


@dataclass(frozen=True)
class Record:
    """What the control needs of a lesson's record."""

    topic: str
    homework: str


def due(lesson_date: dt.date, today: dt.date) -> bool:
    """A lesson is checked from the day after it: today's lessons may still be filled in today."""
    return lesson_date < today


def missing(record: Record | None) -> list[str]:
    """What a past lesson lacks: both without a record, the topic with an empty one, nothing when filled in."""
    if record is None:
        return [NO_TOPIC, NO_ATTENDANCE]
    return [] if record.topic.strip() else [NO_TOPIC]


def lacks_homework(record: Record | None) -> bool:
    """A recorded lesson with no homework (an unrecorded one is listed as unfilled instead)."""
    return record is not None and not record.homework.strip()


def checked_days(days: int) -> int:
    """How many days ahead a term's end is watched (0 = the default 14)."""
    if days == 0:
        return DEFAULT_DAYS
    if not 1 <= days <= MAX_DAYS:
        raise Invalid("days", f"за сколько дней до конца периода проверять отметки: от 1 до {MAX_DAYS}")
    return days


def term_watched(start: dt.date, end: dt.date, today: dt.date, days: int) -> bool:
    """A term under way or over whose end is at most `days` days ahead (ended ones stay until their marks are set)."""
    return start <= today and end <= today + dt.timedelta(days=days)


def lessons_taken(lessons, students: list[str], members: dict[str, set[str]]) -> dict[str, Counter]:
    """Each student's lessons by subject: the whole class's, and those of the subgroups (members: subgroup id → its
    students) the student is in. `lessons` have subject_id and subgroup_id (schedule's Lesson)."""
    whole_class = Counter(lesson.subject_id for lesson in lessons if not lesson.subgroup_id)
    own: dict[str, Counter] = {student_id: Counter() for student_id in students}
    for lesson in lessons:
        if lesson.subgroup_id:
            for student_id in members[lesson.subgroup_id] & own.keys():
                own[student_id][lesson.subject_id] += 1
    return {student_id: whole_class + subgroups for student_id, subgroups in own.items()}


def shortfall(marks: int, lessons: int, start: dt.date, end: dt.date, policy: JournalPolicy,
              plan: student_plan.Plan, subject_id: str) -> tuple[int, int] | None:
    """(hours a week, marks needed) when a student with `marks` current marks in `lessons` lessons of the subject in
    the term has too few for a numeric term mark (term_mark.marks_needed, the rule SetTermMark applies); None when
    enough, or when their plan needs no current marks or excludes the subject."""
    if not student_plan.needs_current_marks(plan) or plan.state(subject_id) == student_plan.NOT_STUDIED:
        return None
    hours, needed = term_mark.marks_needed(lessons, start, end, policy)
    return None if term_mark.enough(marks, needed) else (hours, needed)
