"""The summary sheet (сводная ведомость учёта успеваемости): students × subjects with their marks in
date order, the average of the numeric ones and the period marks (terms, then the year's annual, exam and final
marks). Plain Python, no framework imports."""
import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation

from services.common import memberships as membership_rule


@dataclass(frozen=True)
class Named:
    id: str
    name: str


@dataclass(frozen=True)
class CellMarks:
    """A student's marks in a subject, in lesson-date order (the read model sorts them)."""
    student_id: str
    subject_id: str
    values: tuple[str, ...]


@dataclass(frozen=True)
class Term:
    id: str
    name: str
    start_date: dt.date | None


@dataclass(frozen=True)
class Period:
    """A column of period marks: a term (id = the term's id) or the year's annual, exam or final mark (id = kind)."""
    id: str
    name: str
    kind: str


@dataclass(frozen=True)
class PeriodValue:
    """A student's period mark in a subject as the read model holds it."""
    student_id: str
    subject_id: str
    period_id: str
    value: str
    special: str


@dataclass(frozen=True)
class PeriodMark:
    period_id: str
    period_name: str
    value: str  # "" = none
    special: str


@dataclass(frozen=True)
class Cell:
    subject_id: str
    marks: tuple[str, ...]
    average: str
    period_marks: tuple[PeriodMark, ...] = ()


@dataclass(frozen=True)
class Row:
    student_id: str
    student_name: str
    cells: tuple[Cell, ...]
    date_from: str = ""  # the first day in the class (ISO), "" = since the class began
    date_to: str = ""    # the last day in the class (ISO), "" = still there (or to the year's end)


@dataclass(frozen=True)
class StudentMembership:
    """A student's membership of the sheet's class group as the read model holds it (dates None = open)."""
    student_id: str
    class_group_id: str
    date_from: dt.date | None
    date_to: dt.date | None


@dataclass(frozen=True)
class SummarySheet:
    school_id: str
    class_group: Named
    academic_year_name: str
    subjects: tuple[Named, ...]
    rows: tuple[Row, ...]
    periods: tuple[Period, ...] = ()


ANNUAL, EXAM, FINAL = "annual", "exam", "final"
YEAR_PERIODS = ((ANNUAL, "Годовая"), (EXAM, "Экзаменационная"), (FINAL, "Итоговая"))


def collation_key(name: str) -> tuple[str, str]:
    """Russian alphabetical order: case-insensitive, Ё sorted with Е."""
    folded = name.casefold().replace("ё", "е")
    return folded, name


def average(values: list[str]) -> str:
    """Arithmetic mean of the numeric marks rounded to 2 decimals, or "" when there are none."""
    numbers = []
    for value in values:
        try:
            number = Decimal(value.strip())
        except InvalidOperation:
            continue
        if number.is_finite():
            numbers.append(number)
    if not numbers:
        return ""
    return str((sum(numbers) / len(numbers)).quantize(Decimal("0.01"), rounding=ROUND_HALF_UP))


def sheet_periods(terms: list[Term], year_kinds: set[str]) -> tuple[Period, ...]:
    """The class group's terms by start date (a term not known yet last), then the annual mark, the exam mark
    (only when the class group has one) and the final mark."""
    ordered = sorted(terms, key=lambda t: (t.start_date is None, t.start_date or dt.date.min, collation_key(t.name)))
    return (*(Period(t.id, t.name, "term") for t in ordered),
            *(Period(kind, name, kind) for kind, name in YEAR_PERIODS if kind != EXAM or EXAM in year_kinds))


def summary_sheet(school_id: str, class_group: Named, academic_year_name: str, students: list[Named],
                  subjects: list[Named], cells: list[CellMarks], periods: tuple[Period, ...] = (),
                  period_values: list[PeriodValue] = (),
                  memberships: Iterable[StudentMembership] = ()) -> SummarySheet:
    """Every student listed (those who were in the class and those with marks made in it), each with the days they
    were in the class (both "" for the whole year, and for a student the read model knows no membership of)."""
    of_student: dict[str, list[StudentMembership]] = {}
    for membership in memberships:
        of_student.setdefault(membership.student_id, []).append(membership)
    by_cell = {(c.student_id, c.subject_id): c.values for c in cells}
    by_period = {(v.student_id, v.subject_id, v.period_id): v for v in period_values}
    subjects = sorted(subjects, key=lambda s: collation_key(s.name))
    rows = []
    for student in sorted(students, key=lambda s: collation_key(s.name)):
        row_cells = []
        for subject in subjects:
            values = by_cell.get((student.id, subject.id), ())
            marks = []
            for period in periods:
                given = by_period.get((student.id, subject.id, period.id))
                marks.append(PeriodMark(period.id, period.name, given.value if given else "",
                                        given.special if given else ""))
            row_cells.append(Cell(subject.id, tuple(values), average(values), tuple(marks)))
        rows.append(Row(student.id, student.name, tuple(row_cells),
                        *membership_rule.span(of_student.get(student.id, ()), class_group.id)))
    return SummarySheet(school_id, class_group, academic_year_name, tuple(subjects), tuple(rows), periods)
