"""The subject teacher's report (отчёт учителя-предметника) for a period: per class and subject the teacher teaches
(the teacher gave lessons of it in the class during the period: `SubjectSummary.teacher_ids`), the class's results of
the subject — marks by value, average, quality and pass rate — and its lessons planned, to date and given with the
lag (to date − given, never below 0); then a total per subject over the teacher's classes (`combined_subject`). The
period is taken per class: a term id names the classes whose periods include that term, "year" each class's year.
Plain Python, no I/O."""
import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass

from services.reporting.domain.period_results import YEAR, ClassResults, Period, SubjectSummary, collation_key, combined_subject


@dataclass(frozen=True)
class TeacherRow:
    """A class and a subject the teacher teaches in it, with the class's period."""
    class_group_id: str
    class_group_name: str
    period: Period
    subject: SubjectSummary


@dataclass(frozen=True)
class SubjectTeacherReport:
    school_name: str
    teacher_id: str
    period_id: str
    period_name: str  # the term's name, or the year's
    periods: tuple[Period, ...]  # the periods of the teacher's classes (terms by start, then the year): the picker's
    rows: tuple[TeacherRow, ...]  # by subject name, then class (grade, name)
    totals: tuple[SubjectSummary, ...]  # per subject over the teacher's classes, by subject name


def lag(subject: SubjectSummary) -> int:
    """Lessons behind the plan: those dated up to today without a journal record."""
    return max(0, subject.lessons.to_date - subject.lessons.given)


def chosen_year(years: Iterable[tuple[str, dt.date]], as_of: dt.date) -> str:
    """Of the years (id, its first day), the one that began last on or before the day, else the first to come ("" =
    no year): the school year a teacher's report for "year" is of."""
    ordered = sorted(years, key=lambda year: year[1])
    begun = [year_id for year_id, first_day in ordered if first_day <= as_of]
    return begun[-1] if begun else ordered[0][0] if ordered else ""


def offered_periods(class_periods: Iterable[tuple[Period, ...]]) -> tuple[Period, ...]:
    """Every term of the classes once, by start date, then the year (the first class's)."""
    terms: dict[str, Period] = {}
    year = None
    for periods in class_periods:
        for period in periods:
            if period.id == YEAR:
                year = year or period
            else:
                terms.setdefault(period.id, period)
    return (*sorted(terms.values(), key=lambda p: (p.date_from, collation_key(p.name))), *((year,) if year else ()))


def subject_teacher_report(school_name: str, teacher_id: str, period_id: str, periods: tuple[Period, ...],
                           classes: Iterable[ClassResults]) -> SubjectTeacherReport:
    """The rows of the teacher's subjects in each class's results of the period."""
    rows = [TeacherRow(results.class_group.id, results.class_group.name, results.period, subject)
            for results in sorted(classes, key=lambda r: (r.grade, collation_key(r.class_group.name)))
            for subject in results.subjects if teacher_id in subject.teacher_ids]
    rows.sort(key=lambda row: collation_key(row.subject.subject.name))  # stable: classes stay in order
    by_subject: dict[str, list[SubjectSummary]] = {}
    for row in rows:
        by_subject.setdefault(row.subject.subject.id, []).append(row.subject)
    name = next((p.name for p in periods if p.id == period_id), "")
    return SubjectTeacherReport(school_name, teacher_id, period_id, name, periods, tuple(rows),
                                tuple(combined_subject(summaries) for summaries in by_subject.values()))
