"""The facts reporting's read model keeps, as other services' events tell them (an empty value = not told: it never
overwrites a known one). Plain Python, no framework imports."""
import datetime as dt
from dataclasses import dataclass
from decimal import Decimal

from services.common.event_audience import Audience
from services.common.mark_average import WorkType
from services.reporting.domain import summary_sheet


@dataclass(frozen=True)
class Student:
    id: str
    full_name: str
    gender: str = ""  # male | female
    birth_date: dt.date | None = None  # None = not told


@dataclass(frozen=True)
class Membership:
    """A student's membership of a class group, both ends inclusive (None = since the class began / still there):
    services/common/memberships.py says what it covers."""
    class_group_id: str
    date_from: dt.date | None = None
    date_to: dt.date | None = None


@dataclass(frozen=True)
class Term(summary_sheet.Term):
    """A term of an academic year as schedule tells it: with the grades it is for (0..0 = every grade)."""
    grade_from: int
    grade_to: int
    end_date: dt.date | None = None


@dataclass(frozen=True)
class AcademicYear:
    id: str
    name: str
    terms: tuple[Term, ...]


@dataclass(frozen=True)
class ClassGroup:
    id: str
    name: str
    academic_year_id: str | None
    grade: int


@dataclass(frozen=True)
class Subject:
    id: str
    name: str


@dataclass(frozen=True)
class Mark:
    """A lesson mark recorded or changed."""
    id: str
    student_id: str
    subject_id: str
    class_group_id: str
    lesson_date: dt.date
    value: str
    work_type: str
    lesson_id: str = ""  # "" = not told (a mark told before 0016)
    comment: str = ""


@dataclass(frozen=True)
class TermMark:
    """A term mark set (value "" = removed)."""
    id: str
    student_id: str
    subject_id: str
    term_id: str
    class_group_id: str
    value: str
    special: str


@dataclass(frozen=True)
class FinalMark:
    """An annual, exam or final mark set (kind annual | exam | final; value "" = removed)."""
    id: str
    student_id: str
    subject_id: str
    class_group_id: str
    kind: str
    value: str
    special: str


def latest(marks: list[Mark]) -> list[Mark]:
    """Each mark once, as its last event tells it (one school's journal events come in order)."""
    return list({mark.id: mark for mark in marks}.values())


@dataclass(frozen=True)
class Attendance:
    """A student's attendance status of a lesson as the journal last told it (status "" = present: nothing kept)."""
    lesson_id: str
    student_id: str
    class_group_id: str
    lesson_date: dt.date
    status: str


@dataclass(frozen=True)
class Lesson:
    """A lesson as schedule tells it (LessonScheduled, LessonMoved, LessonCancelled, SubstitutionAssigned)."""
    id: str
    subject_id: str
    class_group_id: str
    lesson_date: dt.date
    teacher_id: str  # the lesson's teacher (a substitute gives it, the teacher stays its teacher), "" = none
    cancelled: bool
    subgroup_id: str = ""  # "" = the whole class has the lesson
    lesson_number: int = 0  # 0 = not told
    starts_at: dt.time | None = None
    subgroup_name: str = ""


@dataclass(frozen=True)
class LessonTopic:
    """The journal's TopicSet: the lesson has a record with a topic (given) or its topic was cleared."""
    lesson_id: str
    class_group_id: str | None
    lesson_date: dt.date | None
    recorded: bool
    recorded_at: dt.datetime | None = None  # when the TopicSet with a topic happened (None: cleared, or not told)
    topic: str = ""  # the topic's text (the weekly diaries)


@dataclass(frozen=True)
class LessonHomework:
    """The journal's HomeworkSet: a lesson's homework (student_id "") or a student's own homework of it (text "":
    removed)."""
    lesson_id: str
    class_group_id: str | None
    lesson_date: dt.date | None
    homework: str
    student_id: str = ""


@dataclass(frozen=True)
class Subgroup:
    """Schedule's SubgroupStudentsSet: a subgroup of a class with its name and all its students."""
    id: str
    class_group_id: str
    name: str
    student_ids: tuple[str, ...]


@dataclass(frozen=True)
class SchoolEvent:
    """Schedule's SchoolEventCreated / Changed / Cancelled: a school event as the weekly diaries print it, with its
    audience and its revision (a later revision replaces an earlier one)."""
    id: str
    date: dt.date
    starts_at: dt.time | None
    ends_at: dt.time | None
    title: str
    kind_name: str
    place: str
    audience: Audience
    cancelled: bool
    revision: int


@dataclass(frozen=True)
class SchoolSettings:
    """The journal's JournalSettingsChanged: the school's mark scale and work types after a change."""
    mark_scale: str
    work_types: tuple[WorkType, ...]


@dataclass(frozen=True)
class CurriculumHours:
    """Schedule's CurriculumHoursSet: a class's weekly hours of a subject."""
    class_group_id: str
    subject_id: str
    hours_per_week: Decimal
