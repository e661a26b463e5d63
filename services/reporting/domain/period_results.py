"""A class's results for a period (a term or the school year): the one computation of marks, averages and rates every
period report uses (issue 13: the subject teacher's and the form teacher's reports, class results, knowledge quality,
the school's summary, the report card, the student's report, the letter to parents, the average's dynamics).

Per student and subject: the current marks of the period (lessons dated within it, made in this class) with their
weighted average (`services/common/mark_average.py`, the school's work types: the same number as the teacher's
grid), the period mark (the term mark; for the year the annual mark) and the result that counts: the period mark, or
while none is set the weighted average rounded half up, marked estimated. Per student a category by the results of
all subjects (exempt — ОСВ — and subjects without a result left out): неуспевающий (a 2 or a 1, «незачёт»), не
аттестован (Н/А), отличник (only 5s), хорошист (4s and 5s), с одной «3», троечник; зачёт alone = успевает. The rates
count the students in the class on the period's last day (or today while it lasts): knowledge quality = (отличники +
хорошисты) / students with a result × 100, pass rate = (students with a result − неуспевающие − не аттестованные) /
students with a result × 100, one decimal rounded half up. A ten-point mark counts as the five-point band it falls in:
9–10 as 5, 7–8 as 4, 4–6 as 3, 1–3 as 2. Plain Python, no I/O."""
import datetime as dt
from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal

from services.common import memberships
from services.common.mark_average import weighted_average
from services.common.mark_scales import PASS_FAIL, TEN_POINT, VALUES

YEAR = "year"  # the period id of the whole school year (its mark: the annual mark)
EXEMPT, NOT_ASSESSED_MARK = "ОСВ", "Н/А"
EXCELLENT, GOOD, ONE_THREE, SATISFACTORY, PASSED, FAILING, NOT_ASSESSED, NO_RESULT = (
    "excellent", "good", "one_three", "satisfactory", "passed", "failing", "not_assessed", "no_result")
CATEGORIES = (  # in the order the reports list them
    (EXCELLENT, "Отличники"), (GOOD, "Хорошисты"), (ONE_THREE, "С одной «3»"), (SATISFACTORY, "Троечники"),
    (PASSED, "Успевают (зачёт)"), (FAILING, "Неуспевающие"), (NOT_ASSESSED, "Не аттестованы"),
    (NO_RESULT, "Без отметок"))
CATEGORY_NAMES = dict(CATEGORIES)
ONE = Decimal(1)
TENTH = Decimal("0.1")
CENT = Decimal("0.01")


@dataclass(frozen=True)
class Named:
    id: str
    name: str


@dataclass(frozen=True)
class TermDates:
    """A term of the class's year for its grade as the read model holds it (end None = not told)."""
    id: str
    name: str
    start_date: dt.date
    end_date: dt.date | None


@dataclass(frozen=True)
class Period:
    id: str  # the term's id, or YEAR
    name: str
    date_from: dt.date
    date_to: dt.date


@dataclass(frozen=True)
class Member:
    """A student's membership of the class (None ends = open), with the student's name."""
    student_id: str
    student_name: str
    date_from: dt.date | None
    date_to: dt.date | None


@dataclass(frozen=True)
class MarkFact:
    student_id: str
    subject_id: str
    lesson_date: dt.date
    value: str
    work_type: str


@dataclass(frozen=True)
class PeriodMarkFact:
    """A student's term mark (or annual mark) in a subject: value '1'..'10', зачёт/незачёт, ОСВ, Н/А."""
    student_id: str
    subject_id: str
    value: str
    special: str = ""


@dataclass(frozen=True)
class LessonFact:
    subject_id: str
    teacher_id: str
    lesson_date: dt.date
    cancelled: bool
    recorded: bool


@dataclass(frozen=True)
class LessonCount:
    planned: int  # the period's lessons not cancelled
    to_date: int  # of them dated up to the day the report is formed
    given: int  # of them with a journal record (a topic)


@dataclass(frozen=True)
class SubjectResult:
    subject_id: str
    marks: tuple[str, ...]  # the period's current marks in lesson-date order
    average: str  # the weighted average, "4.25"; "" = no numeric mark
    period_mark: str  # the term (annual) mark as set, "" = none yet
    result: str  # what counts: the period mark, else the average rounded ("" = nothing)
    estimated: bool  # the result is the rounded average, no period mark yet


@dataclass(frozen=True)
class StudentResult:
    student_id: str
    student_name: str
    date_from: str  # the first day of the period in the class (ISO), "" = the whole period
    date_to: str
    counted: bool  # in the class on the day the rates count
    subjects: tuple[SubjectResult, ...]  # in ClassResults.subjects' order
    category: str
    average: str  # the mean of the numeric results, "" = none


@dataclass(frozen=True)
class Rates:
    """Students counted by category; the quality and pass rate of them (percent, one decimal; "" = nobody)."""
    categories: tuple[tuple[str, int], ...]  # CATEGORIES' order

    @property
    def with_result(self) -> int:
        return sum(n for category, n in self.categories if category != NO_RESULT)

    def count(self, category: str) -> int:
        return dict(self.categories)[category]

    @property
    def quality(self) -> str:
        return percent(self.count(EXCELLENT) + self.count(GOOD), self.with_result)

    @property
    def pass_rate(self) -> str:
        return percent(self.with_result - self.count(FAILING) - self.count(NOT_ASSESSED), self.with_result)


@dataclass(frozen=True)
class SubjectSummary:
    """A subject over the counted students: results by value (the scale's values best first, then Н/А), quality and
    pass rate of those with a result, their average (numeric results) and the period's lessons."""
    subject: Named
    distribution: tuple[tuple[str, int], ...]
    with_result: int
    good: int  # results in the 5 and 4 bands
    passing: int  # results neither failing nor Н/А
    mark_sum: Decimal
    mark_count: int
    lessons: LessonCount
    teacher_ids: tuple[str, ...]  # the teachers of the period's lessons

    @property
    def quality(self) -> str:
        return percent(self.good, self.with_result)

    @property
    def pass_rate(self) -> str:
        return percent(self.passing, self.with_result)

    @property
    def average(self) -> str:
        return mean(self.mark_sum, self.mark_count)


@dataclass(frozen=True)
class ClassResults:
    class_group: Named
    grade: int
    academic_year_name: str
    period: Period
    mark_scale: str
    counted_on: dt.date  # the day whose class the rates count
    subjects: tuple[SubjectSummary, ...]  # by name
    students: tuple[StudentResult, ...]  # by name
    rates: Rates


def percent(part: int, whole: int) -> str:
    if not whole:
        return ""
    return str((Decimal(100 * part) / whole).quantize(TENTH, rounding=ROUND_HALF_UP))


def mean(total: Decimal, count: int) -> str:
    return str((total / count).quantize(CENT, rounding=ROUND_HALF_UP)) if count else ""


def collation_key(name: str) -> tuple[str, str]:
    """Russian alphabetical order: case-insensitive, Ё sorted with Е."""
    return name.casefold().replace("ё", "е"), name


def periods(terms: Iterable[TermDates], year_name: str = "") -> tuple[Period, ...]:
    """The terms by start date, each ending on its end date (not told — a term stored before end dates were kept —:
    the day before the next term begins, the last one on 31 May), then the school year from the first term's start
    to the last term's end; () without terms."""
    ordered = sorted(terms, key=lambda t: (t.start_date, collation_key(t.name)))
    result = []
    for i, term in enumerate(ordered):
        following = ordered[i + 1].start_date - dt.timedelta(days=1) if i + 1 < len(ordered) else None
        end = term.end_date or following or dt.date(term.start_date.year + (term.start_date.month >= 8), 5, 31)
        result.append(Period(term.id, term.name, term.start_date, end))
    if not result:
        return ()
    year = Period(YEAR, f"Учебный год {year_name}".strip(), result[0].date_from, max(p.date_to for p in result))
    return (*result, year)


def band(value: str, scale: str) -> str:
    """The five-point band a result falls in: '5', '4', '3', '2', 'pass' (зачёт), 'na' (Н/А); '' = counts for
    nothing (ОСВ, none, not a mark of the scale)."""
    if value == NOT_ASSESSED_MARK:
        return "na"
    if scale == PASS_FAIL:
        return {"зачёт": "pass", "незачёт": "2"}.get(value, "")
    if not value.isdigit():
        return ""
    number = int(value)
    if scale == TEN_POINT:
        return "5" if number >= 9 else "4" if number >= 7 else "3" if number >= 4 else "2"
    return str(max(2, min(5, number)))


def category(bands: Iterable[str]) -> str:
    counts = Counter(b for b in bands if b)
    if not counts:
        return NO_RESULT
    if counts["2"]:
        return FAILING
    if counts["na"]:
        return NOT_ASSESSED
    if not counts["5"] + counts["4"] + counts["3"]:
        return PASSED
    if not counts["3"]:
        return EXCELLENT if not counts["4"] else GOOD
    return ONE_THREE if counts["3"] == 1 else SATISFACTORY


def estimate(average: Decimal | None, scale: str) -> str:
    """The average rounded half up to a mark of the scale ('' on a pass/fail scale or without an average)."""
    if average is None or scale == PASS_FAIL:
        return ""
    return str(int(average.quantize(ONE, rounding=ROUND_HALF_UP)))


def subject_result(subject_id: str, facts: list[MarkFact], period_mark: PeriodMarkFact | None,
                   weights: Mapping[str, Decimal], scale: str) -> SubjectResult:
    ordered = sorted(facts, key=lambda m: m.lesson_date)
    average = None if scale == PASS_FAIL else weighted_average(((m.value, m.work_type) for m in ordered), weights)
    given = period_mark.value if period_mark else ""
    result = given or estimate(average, scale)
    return SubjectResult(subject_id, tuple(m.value for m in ordered), "" if average is None else str(average),
                         given, result, bool(result) and not given)


def lesson_count(facts: Iterable[LessonFact], as_of: dt.date) -> LessonCount:
    held = [lesson for lesson in facts if not lesson.cancelled]
    return LessonCount(len(held), sum(1 for lesson in held if lesson.lesson_date <= as_of),
                       sum(1 for lesson in held if lesson.recorded))


def class_results(class_group: Named, grade: int, academic_year_name: str, period: Period, as_of: dt.date,
                  members: list[Member], subjects: list[Named], marks: list[MarkFact],
                  period_marks: list[PeriodMarkFact], lessons: list[LessonFact], weights: Mapping[str, Decimal],
                  scale: str) -> ClassResults:
    """The students whose membership of the class overlaps the period (marks, period marks and lessons are the
    class's, of the period); the subjects are those given, with a mark or a lesson in the period."""
    counted_on = min(max(as_of, period.date_from), period.date_to)
    in_period = [m for m in members if memberships.overlaps(m, period.date_from, period.date_to)]
    names = {m.student_id: m.student_name for m in in_period}
    marks_of: dict[tuple[str, str], list[MarkFact]] = {}
    for mark in marks:
        if period.date_from <= mark.lesson_date <= period.date_to:
            marks_of.setdefault((mark.student_id, mark.subject_id), []).append(mark)
    period_mark_of = {(p.student_id, p.subject_id): p for p in period_marks}
    subjects = sorted(subjects, key=lambda s: collation_key(s.name))
    students = []
    for student_id, name in sorted(names.items(), key=lambda item: (collation_key(item[1]), item[0])):
        mine = [m for m in in_period if m.student_id == student_id]
        results = tuple(subject_result(s.id, marks_of.get((student_id, s.id), []),
                                       period_mark_of.get((student_id, s.id)), weights, scale) for s in subjects)
        bands = [band(r.result, scale) for r in results]
        numbers = [Decimal(r.result) for r in results if r.result.isdigit()]
        start, end = span(mine, period)
        students.append(StudentResult(
            student_id, name, start, end, any(memberships.covers(m, counted_on) for m in mine), results,
            category(bands), mean(sum(numbers, Decimal(0)), len(numbers))))
    counted = [s for s in students if s.counted]
    rates = Rates(tuple((code, sum(1 for s in counted if s.category == code)) for code, _ in CATEGORIES))
    lessons_of: dict[str, list[LessonFact]] = {}
    for lesson in lessons:
        if period.date_from <= lesson.lesson_date <= period.date_to:
            lessons_of.setdefault(lesson.subject_id, []).append(lesson)
    summaries = tuple(subject_summary(subject, [s.subjects[i] for s in counted], lessons_of.get(subject.id, []),
                                      as_of, scale) for i, subject in enumerate(subjects))
    return ClassResults(class_group, grade, academic_year_name, period, scale, counted_on, summaries,
                        tuple(students), rates)


def span(mine: list[Member], period: Period) -> tuple[str, str]:
    """The student's days in the class within the period, "" = from its start / to its end."""
    starts = [m.date_from for m in mine]
    ends = [m.date_to for m in mine]
    start = "" if None in starts or min(starts) <= period.date_from else min(starts).isoformat()
    end = "" if None in ends or max(ends) >= period.date_to else max(ends).isoformat()
    return start, end


def subject_summary(subject: Named, results: list[SubjectResult], lessons: list[LessonFact], as_of: dt.date,
                    scale: str) -> SubjectSummary:
    counted = [r.result for r in results if band(r.result, scale)]
    bands = Counter(band(value, scale) for value in counted)
    values = Counter(counted)
    numbers = [Decimal(value) for value in counted if value.isdigit()]
    distribution = tuple((value, values[value]) for value in (*VALUES[scale], NOT_ASSESSED_MARK))
    return SubjectSummary(subject, distribution, len(counted), bands["5"] + bands["4"],
                          len(counted) - bands["2"] - bands["na"], sum(numbers, Decimal(0)), len(numbers),
                          lesson_count(lessons, as_of), tuple(sorted({lesson.teacher_id for lesson in lessons
                                                                      if lesson.teacher_id})))


def combined_rates(all_rates: Iterable[Rates]) -> Rates:
    """The rates of several classes together (a grade, the school, the municipality)."""
    totals = Counter()
    for rates in all_rates:
        totals.update(dict(rates.categories))
    return Rates(tuple((code, totals[code]) for code, _ in CATEGORIES))


def combined_subject(summaries: list[SubjectSummary]) -> SubjectSummary:
    """One subject over several classes (same subject, lessons and results summed)."""
    distribution = Counter()
    for summary in summaries:
        distribution.update(dict(summary.distribution))
    first = summaries[0]
    return SubjectSummary(
        first.subject, tuple((value, distribution[value]) for value, _ in first.distribution),
        sum(s.with_result for s in summaries), sum(s.good for s in summaries), sum(s.passing for s in summaries),
        sum((s.mark_sum for s in summaries), Decimal(0)), sum(s.mark_count for s in summaries),
        LessonCount(*(sum(getattr(s.lessons, f) for s in summaries) for f in ("planned", "to_date", "given"))),
        tuple(sorted({t for s in summaries for t in s.teacher_ids})))


def period_under_way(periods: Iterable[Period], as_of: dt.date) -> str:
    """The id of the term under way on the day, else of the last term ended, else the year's ("" without periods):
    the period a report is of when none is asked for."""
    periods = list(periods)
    terms = [p for p in periods if p.id != YEAR]
    under_way = [p.id for p in terms if p.date_from <= as_of <= p.date_to]
    ended = [p.id for p in sorted(terms, key=lambda p: p.date_to) if p.date_to < as_of]
    return (under_way or ended[-1:] or [p.id for p in periods if p.id == YEAR] or [""])[0]
