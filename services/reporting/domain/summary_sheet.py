"""The summary sheet (сводная ведомость учёта успеваемости): students × subjects with their marks in
date order, their weighted average (`services/common/mark_average.py`, the school's work types: the grid's number)
and the period marks (terms, then the year's annual, exam and final marks); for a term, only its marks and its
column. At year end, the pedagogical council's decision per student (решение педагогического совета): the year-end
movement order of the class. Plain Python, no framework imports."""
import datetime as dt
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from decimal import Decimal

from services.common import memberships as membership_rule
from services.common.mark_average import weighted_average


@dataclass(frozen=True)
class Named:
    id: str
    name: str


@dataclass(frozen=True)
class CellMarks:
    """A student's marks in a subject, in lesson-date order (the read model sorts them), with each mark's work
    type in the same order (none told: each weighs 1)."""
    student_id: str
    subject_id: str
    values: tuple[str, ...]
    work_types: tuple[str, ...] = ()


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
    decision: str = ""   # the pedagogical council's decision, "" = none


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
    period_id: str = ""  # "" = the whole year as kept, a term's id, or "year"
    period_name: str = ""
    decisions_shown: bool = False  # the class's year has year-end orders: the council's column is shown


@dataclass(frozen=True)
class YearEndOrder:
    """A year-end movement order's line of a student of the class (not cancelled), as the register keeps it."""
    student_id: str
    kind: str  # promotion | conditional_promotion | repetition | graduation
    effective_date: dt.date | None
    to_class_name: str
    debts: tuple[tuple[str, str], ...] = ()  # (subject name, deadline ISO)


ANNUAL, EXAM, FINAL = "annual", "exam", "final"
YEAR_PERIODS = ((ANNUAL, "Годовая"), (EXAM, "Экзаменационная"), (FINAL, "Итоговая"))
YEAR_END_KINDS = ("promotion", "conditional_promotion", "repetition", "graduation")


def collation_key(name: str) -> tuple[str, str]:
    """Russian alphabetical order: case-insensitive, Ё sorted with Е."""
    folded = name.casefold().replace("ё", "е")
    return folded, name


def average(values: tuple[str, ...], work_types: tuple[str, ...], weights: Mapping[str, Decimal]) -> str:
    """The weighted average of the numeric marks ("4.67"), "" when there are none."""
    result = weighted_average(zip(values, work_types or ("",) * len(values), strict=True), weights)
    return "" if result is None else str(result)


def russian_day(iso: str) -> str:
    year, month, day = iso.split("-")
    return f"{day}.{month}.{year}"


def decision(order: YearEndOrder) -> str:
    """The council's decision in the sheet's words: «переведён в 6А», «переведён условно (задолженность: Математика
    до 15.10.2027)», «оставлен на повторное обучение», «выпущен»."""
    if order.kind == "conditional_promotion":
        debts = ", ".join(f"{name} до {russian_day(deadline)}" if deadline else name for name, deadline in order.debts)
        return "переведён условно" + (f" (задолженность: {debts})" if debts else "")
    if order.kind == "promotion":
        return f"переведён в {order.to_class_name}" if order.to_class_name else "переведён"
    return {"repetition": "оставлен на повторное обучение", "graduation": "выпущен"}.get(order.kind, "")


def decisions(orders: Iterable[YearEndOrder]) -> dict[str, str]:
    """Each student's decision: their latest year-end order (by effective date)."""
    latest = sorted(orders, key=lambda o: o.effective_date or dt.date.min)
    return {order.student_id: decision(order) for order in latest}


def sheet_periods(terms: list[Term], year_kinds: set[str]) -> tuple[Period, ...]:
    """The class group's terms by start date (a term not known yet last), then the annual mark, the exam mark
    (only when the class group has one) and the final mark."""
    ordered = sorted(terms, key=lambda t: (t.start_date is None, t.start_date or dt.date.min, collation_key(t.name)))
    return (*(Period(t.id, t.name, "term") for t in ordered),
            *(Period(kind, name, kind) for kind, name in YEAR_PERIODS if kind != EXAM or EXAM in year_kinds))


def summary_sheet(school_id: str, class_group: Named, academic_year_name: str, students: list[Named],
                  subjects: list[Named], cells: list[CellMarks], periods: tuple[Period, ...] = (),
                  period_values: list[PeriodValue] = (),
                  memberships: Iterable[StudentMembership] = (), weights: Mapping[str, Decimal] | None = None,
                  year_end_orders: Iterable[YearEndOrder] | None = None, period_id: str = "",
                  period_name: str = "") -> SummarySheet:
    """Every student listed (those who were in the class and those with marks made in it), each with the days they
    were in the class (both "" for the whole year, and for a student the read model knows no membership of) and,
    when year-end orders are given (None = the column is not shown), the council's decision."""
    of_student: dict[str, list[StudentMembership]] = {}
    for membership in memberships:
        of_student.setdefault(membership.student_id, []).append(membership)
    by_cell = {(c.student_id, c.subject_id): c for c in cells}
    decided = None if year_end_orders is None else decisions(year_end_orders)
    by_period = {(v.student_id, v.subject_id, v.period_id): v for v in period_values}
    subjects = sorted(subjects, key=lambda s: collation_key(s.name))
    rows = []
    for student in sorted(students, key=lambda s: collation_key(s.name)):
        row_cells = []
        for subject in subjects:
            cell = by_cell.get((student.id, subject.id), CellMarks(student.id, subject.id, ()))
            marks = []
            for period in periods:
                given = by_period.get((student.id, subject.id, period.id))
                marks.append(PeriodMark(period.id, period.name, given.value if given else "",
                                        given.special if given else ""))
            row_cells.append(Cell(subject.id, tuple(cell.values), average(cell.values, cell.work_types, weights or {}),
                                  tuple(marks)))
        rows.append(Row(student.id, student.name, tuple(row_cells),
                        *membership_rule.span(of_student.get(student.id, ()), class_group.id),
                        (decided or {}).get(student.id, "")))
    return SummarySheet(school_id, class_group, academic_year_name, tuple(subjects), tuple(rows), periods,
                        period_id, period_name, bool(decided))
