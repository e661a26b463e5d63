"""The class journal (классный журнал) of a class for a period, as it is printed, bound, signed and archived (R6, A3;
seed 000 §5.2, 002 §5.2): per subject its lessons in date order (date, number, topic, homework, subgroup) and the
students of the class in the period in the journal's order (alphabetical by surname), each with their marks as shown
(«3*» not counted) and the attendance letter of every lesson, and their period marks (the terms overlapping the
period; the year's annual, exam and final marks when the period reaches the year's end). Plain Python, no I/O.

Which lessons: the class's lessons of the period not cancelled. A mark whose lesson is not among them (a mark told
before reporting kept the lesson, or of a lesson it was not told) goes to the subject's lesson of that day, else to a
column of its own for that day. Which students: every student in the class on a day of the period, and any student
with a mark of the period in it. Which subjects: those with a lesson, a mark or a period mark shown."""
import datetime as dt
from dataclasses import dataclass

from services.common.attendance_kinds import LETTERS
from services.common.memberships import overlaps
from services.reporting.domain.attendance_sheet import UNKNOWN_SUBJECT, Member
from services.reporting.domain.period_results import YEAR
from services.reporting.domain.period_results import Period as YearPeriod
from services.reporting.domain.summary_sheet import EXAM, YEAR_PERIODS, collation_key
from services.reporting.domain.weekly_diary import AttendanceFact, LessonFact, MarkFact, Named, SubgroupFact


@dataclass(frozen=True)
class PeriodMarkFact:
    """A term mark (period_id: the term's id) or the year's annual, exam or final mark (period_id: its kind)."""
    student_id: str
    subject_id: str
    subject_name: str
    period_id: str
    value: str


@dataclass(frozen=True)
class JournalFacts:
    class_group: Named
    academic_year_name: str
    periods: tuple[YearPeriod, ...]  # the class's terms for its grade, then the year (period_results.periods)
    members: list[Member]  # memberships overlapping the period, and the students with marks of it (open dates)
    lessons: list[LessonFact]
    marks: list[MarkFact]
    attendance: list[AttendanceFact]
    subgroups: list[SubgroupFact]
    period_marks: list[PeriodMarkFact]


@dataclass(frozen=True)
class JournalLesson:
    lesson_id: str  # "" = a day's marks whose lesson is not known
    date: dt.date
    number: int  # 0 = not known
    topic: str
    homework: str
    subgroup_name: str  # "" = the whole class


@dataclass(frozen=True)
class Cell:
    marks: tuple[str, ...]
    attendance: str  # the letter (LETTERS), "" = present

    @property
    def text(self) -> str:
        return " ".join((*self.marks, self.attendance)).strip()


@dataclass(frozen=True)
class PeriodColumn:
    id: str  # a term's id or annual | exam | final
    name: str


@dataclass(frozen=True)
class StudentLine:
    student: Named
    cells: tuple[Cell, ...]  # one per lesson of the subject
    period_marks: tuple[str, ...]  # one per period column, "" = none


@dataclass(frozen=True)
class SubjectJournal:
    subject: Named
    teachers: tuple[str, ...]
    lessons: tuple[JournalLesson, ...]
    periods: tuple[PeriodColumn, ...]
    students: tuple[StudentLine, ...]


@dataclass(frozen=True)
class ClassJournal:
    school_name: str
    class_group: Named
    academic_year_name: str
    date_from: dt.date
    date_to: dt.date
    whole_year: bool
    subjects: tuple[SubjectJournal, ...]


def year_span(periods: tuple[YearPeriod, ...]) -> tuple[dt.date, dt.date] | None:
    """The first and last day of the class's school year, None while no term of it is known."""
    year = next((p for p in periods if p.id == YEAR), None)
    return (year.date_from, year.date_to) if year else None


def period_columns(periods: tuple[YearPeriod, ...], date_from: dt.date, date_to: dt.date,
                   year_kinds: set[str]) -> tuple[PeriodColumn, ...]:
    """The terms overlapping the period, then — when the period reaches the year's last day (or no term is known) —
    the annual mark, the exam mark (only when the class has one) and the final mark."""
    terms = [p for p in periods if p.id != YEAR and p.date_from <= date_to and p.date_to >= date_from]
    span = year_span(periods)
    year_end = span is None or date_to >= span[1]
    return (*(PeriodColumn(t.id, t.name) for t in terms),
            *(PeriodColumn(kind, name) for kind, name in YEAR_PERIODS if year_end and (kind != EXAM or EXAM in year_kinds)))


def _lesson_order(lesson: JournalLesson) -> tuple:
    return lesson.date, lesson.number or 99, collation_key(lesson.subgroup_name), lesson.lesson_id


def subject_journal(subject: Named, facts: JournalFacts, students: list[Named], columns: tuple[PeriodColumn, ...]
                    ) -> SubjectJournal:
    """One subject's pages: its lessons, every student's cells of them and period marks."""
    subgroups = {g.id: g.name for g in facts.subgroups}
    taught = [lesson for lesson in facts.lessons if lesson.subject_id == subject.id]
    lessons = {lesson.id: JournalLesson(lesson.id, lesson.date, lesson.number or 0, lesson.topic, lesson.homework,
                                        (subgroups.get(lesson.subgroup_id) or lesson.subgroup_name)
                                        if lesson.subgroup_id else "") for lesson in taught}
    by_day: dict[dt.date, str] = {}
    for lesson in sorted(lessons.values(), key=_lesson_order):
        by_day.setdefault(lesson.date, lesson.lesson_id)
    placed: dict[tuple[str, str], list[str]] = {}  # (lesson key, student) → marks
    for mark in (m for m in facts.marks if m.subject_id == subject.id):
        key = mark.lesson_id if mark.lesson_id in lessons else by_day.get(mark.date)
        if key is None:  # no lesson of the subject that day: a column of the day
            key = f"day:{mark.date.isoformat()}"
            lessons.setdefault(key, JournalLesson("", mark.date, 0, "", "", ""))
        placed.setdefault((key, mark.student_id), []).append(mark.value)
    letters = {(a.lesson_id, a.student_id): LETTERS.get(a.status, "") for a in facts.attendance}
    ordered = sorted(lessons.items(), key=lambda item: _lesson_order(item[1]))
    given = {(p.student_id, p.period_id): p.value for p in facts.period_marks if p.subject_id == subject.id}
    lines = tuple(StudentLine(student, tuple(Cell(tuple(placed.get((key, student.id), ())),
                                                  letters.get((key, student.id), "")) for key, _ in ordered),
                              tuple(given.get((student.id, c.id), "") for c in columns)) for student in students)
    teachers = tuple(sorted({lesson.teacher_name for lesson in taught if lesson.teacher_name}, key=collation_key))
    return SubjectJournal(subject, teachers, tuple(lesson for _, lesson in ordered), columns, lines)


def class_journal(school_name: str, facts: JournalFacts, date_from: dt.date, date_to: dt.date, whole_year: bool,
                  subject_id: str = "") -> ClassJournal:
    """The journal of the period: every subject (or only `subject_id`) by name, each with its pages."""
    columns = period_columns(facts.periods, date_from, date_to, {p.period_id for p in facts.period_marks})
    shown_periods = {c.id for c in columns}
    names: dict[str, str] = {}
    for subject_of in ([(x.subject_id, x.subject_name) for x in facts.lessons if x.subject_id]
                       + [(m.subject_id, m.subject_name) for m in facts.marks]
                       + [(p.subject_id, p.subject_name) for p in facts.period_marks if p.period_id in shown_periods]):
        if subject_of[1] or subject_of[0] not in names:
            names[subject_of[0]] = subject_of[1]
    subjects = sorted((Named(i, n or UNKNOWN_SUBJECT) for i, n in names.items() if not subject_id or i == subject_id),
                      key=lambda s: (collation_key(s.name), s.id))
    who: dict[str, str] = {}
    for member in facts.members:
        if overlaps(member, date_from, date_to) and (member.student_name or member.student_id not in who):
            who[member.student_id] = member.student_name
    students = sorted((Named(i, n) for i, n in who.items()), key=lambda s: (collation_key(s.name), s.id))
    return ClassJournal(school_name, facts.class_group, facts.academic_year_name, date_from, date_to, whole_year,
                        tuple(subject_journal(s, facts, students, columns) for s in subjects))


def grid_pages(lessons: int, periods: int, per_page: int) -> list[tuple[range, bool]]:
    """A subject's marks grid split into pages of at most `per_page` lesson columns: each page's lessons (their
    indexes) and whether the period marks' columns (each as wide as two lessons') are on it — the last page, or a page
    of their own when they do not fit beside its lessons. A subject without lessons has one page (of its period marks,
    if any)."""
    pages = [range(start, min(start + per_page, lessons)) for start in range(0, lessons, per_page)] or [range(0)]
    if not periods:
        return [(page, False) for page in pages]
    if len(pages[-1]) + 2 * periods <= per_page:
        return [(page, i == len(pages) - 1) for i, page in enumerate(pages)]
    return [*((page, False) for page in pages), (range(lessons, lessons), True)]
