"""The whole diary's results of a student for an academic year (J7, J11, seed 004 §10.1, §10.5: the student's average
mark and its dynamics, their marks for the periods and the year, attendance): per subject and term the weighted average
of the current marks (services/common/mark_average.py: the same average as the grid and the reports) with its change
from the term before, the term mark, the lessons by attendance kind; per subject the year's average, annual, exam and
final marks; every subject together per term and for the year (the mean of the subject averages, as the report
"Динамика среднего балла ученика" counts it). Plain Python, no I/O."""
import datetime as dt
from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from decimal import Decimal

from services.common import mark_average

YEAR = ""  # the period id of the whole year


@dataclass(frozen=True)
class Term:
    id: str
    name: str
    start: dt.date
    end: dt.date

    def holds(self, day: dt.date) -> bool:
        return self.start <= day <= self.end


@dataclass(frozen=True)
class MarkRow:
    subject_id: str
    day: dt.date
    value: str
    work_type: str


@dataclass(frozen=True)
class AttendanceRow:
    subject_id: str
    day: dt.date
    status: str


@dataclass(frozen=True)
class Period:
    """One subject (or every subject) in one term, or the whole year."""
    term_id: str
    average: Decimal | None
    change: str = ""
    marks_count: int = 0
    attendance: Mapping[str, int] = field(default_factory=dict)
    mark: str = ""  # the term mark; for the year the annual mark


@dataclass(frozen=True)
class Subject:
    id: str
    name: str
    terms: tuple[Period, ...]
    year: Period
    exam: str
    final: str


@dataclass(frozen=True)
class Results:
    terms: tuple[Term, ...]
    subjects: tuple[Subject, ...]
    totals: tuple[Period, ...]
    total: Period


def terms_of_grade(terms: Iterable[tuple[str, str, str, str, int, int]], grade: int) -> tuple[Term, ...]:
    """The year's terms for the grade, in date order: (id, name, start, end, grade_from, grade_to) with 0..0 = every
    grade (quarters for 1–9 and half-years for 10–11 in one year)."""
    chosen = [Term(term_id, name, dt.date.fromisoformat(start), dt.date.fromisoformat(end))
              for term_id, name, start, end, grade_from, grade_to in terms
              if (not grade_from and not grade_to) or not grade or grade_from <= grade <= grade_to]
    return tuple(sorted(chosen, key=lambda term: (term.start, term.end, term.name)))


def name_key(name: str) -> tuple[str, str]:
    """Russian alphabetical order: case-insensitive, Ё with Е."""
    return name.casefold().replace("ё", "е"), name


def results(terms: tuple[Term, ...], subject_names: Mapping[str, str], marks: Iterable[MarkRow],
            attendance: Iterable[AttendanceRow], term_marks: Mapping[tuple[str, str], str],
            final_marks: Mapping[tuple[str, str], str], weights: Mapping[str, Decimal] | None) -> Results:
    """The results. `term_marks` by (subject, term), `final_marks` by (subject, kind: annual, exam, final); `weights`
    None = a scale without averages (pass/fail). A subject is listed when it has a mark, an attendance entry or a
    period mark in the year."""
    marks_of: dict[tuple[str, str], list[MarkRow]] = defaultdict(list)
    missed: dict[tuple[str, str], Counter] = defaultdict(Counter)
    subject_ids = {s for s, _ in term_marks} | {s for s, _ in final_marks}
    for row in marks:
        subject_ids.add(row.subject_id)
        for period in _periods_of(terms, row.day):
            marks_of[row.subject_id, period].append(row)
    for row in attendance:
        subject_ids.add(row.subject_id)
        for period in _periods_of(terms, row.day):
            missed[row.subject_id, period][row.status] += 1

    def period(subject_id: str, term_id: str, mark: str) -> Period:
        rows = marks_of.get((subject_id, term_id), [])
        average = None if weights is None else mark_average.weighted_average(
            ((r.value, r.work_type) for r in rows), weights)
        return Period(term_id, average, "", len(rows), dict(missed.get((subject_id, term_id), {})), mark)

    subjects = []
    for subject_id in subject_ids:
        by_term = _with_changes([period(subject_id, t.id, term_marks.get((subject_id, t.id), "")) for t in terms])
        subjects.append(Subject(subject_id, subject_names.get(subject_id, ""), by_term,
                                period(subject_id, YEAR, final_marks.get((subject_id, "annual"), "")),
                                final_marks.get((subject_id, "exam"), ""), final_marks.get((subject_id, "final"), "")))
    subjects.sort(key=lambda s: (*name_key(s.name), s.id))
    totals = _with_changes([_together(t.id, [s.terms[i] for s in subjects]) for i, t in enumerate(terms)])
    return Results(terms, tuple(subjects), totals, _together(YEAR, [s.year for s in subjects]))


def _periods_of(terms: tuple[Term, ...], day: dt.date) -> list[str]:
    """The periods a lesson's day counts for: its term (if any) and the year."""
    return [*(t.id for t in terms if t.holds(day)), YEAR]


def _together(term_id: str, periods: list[Period]) -> Period:
    """Every subject in one period: the mean of the subject averages, the marks and lessons missed summed."""
    attendance: Counter = Counter()
    for p in periods:
        attendance.update(p.attendance)
    return Period(term_id, mark_average.mean(p.average for p in periods if p.average is not None), "",
                  sum(p.marks_count for p in periods), dict(attendance))


def _with_changes(periods: list[Period]) -> tuple[Period, ...]:
    """Each term's average with its change from the term before (the dynamics)."""
    changed = []
    for i, p in enumerate(periods):
        before = periods[i - 1].average if i else None
        changed.append(Period(p.term_id, p.average, mark_average.change(before, p.average), p.marks_count,
                              p.attendance, p.mark))
    return tuple(changed)
