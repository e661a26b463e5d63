"""What a valid academic year and its terms are (a term's grades, no overlap of terms sharing a grade), and the
same day some years later for a copied year. Plain Python, no I/O."""
import datetime as dt
import re
from collections.abc import Iterable
from dataclasses import dataclass

from services.common.dates import parse_date
from services.common.errors import Invalid
from services.schedule.domain.values import required_name

TERM_KINDS = ("quarter", "half_year", "trimester", "semester")
YEAR_NAME = re.compile(r"(\d{4})/(\d{4})")


@dataclass(frozen=True)
class TermInput:
    name: str
    kind: str
    start_date: str
    end_date: str
    grade_from: int = 0  # 0 and 0: every grade
    grade_to: int = 0


@dataclass(frozen=True)
class Term:
    name: str
    kind: str
    start: dt.date
    end: dt.date
    grade_from: int = 0
    grade_to: int = 0

    def shares_grades(self, other: "Term") -> bool:
        return bool(grades_of(self.grade_from, self.grade_to) & grades_of(other.grade_from, other.grade_to))


def grades_of(grade_from: int, grade_to: int) -> set[int]:
    """The grades a term is for (every grade when both are 0)."""
    return set(range(1, 12)) if grade_from == grade_to == 0 else set(range(grade_from, grade_to + 1))


@dataclass(frozen=True)
class AcademicYearPlan:
    name: str
    start: dt.date
    end: dt.date
    terms: list[Term]


def academic_year(name: str, start_date: str, end_date: str, terms: Iterable[TermInput]) -> AcademicYearPlan:
    match = YEAR_NAME.fullmatch((name or "").strip())
    if not match:
        raise Invalid("name", "ожидается название вида 2025/2026")
    first, second = int(match[1]), int(match[2])
    if second != first + 1:
        raise Invalid("name", "годы в названии должны идти подряд")
    start, end = parse_date(start_date, "start_date"), parse_date(end_date, "end_date")
    if start.year != first:
        raise Invalid("start_date", f"учебный год {match[0]} начинается в {first} году")
    if end.year != second:
        raise Invalid("end_date", f"учебный год {match[0]} заканчивается в {second} году")
    if start >= end:
        raise Invalid("end_date", "дата окончания должна быть позже даты начала")
    parsed = year_terms(terms, start, end)
    return AcademicYearPlan(match[0], start, end, sorted(parsed, key=lambda t: t.start))


def year_terms(terms: Iterable[TermInput], year_start: dt.date, year_end: dt.date) -> list[Term]:
    """The terms of a year, in the given order (fields `terms[i]…` name the input's position): at least one, each
    valid and inside the year, and terms sharing a grade do not overlap (grades may have different kinds)."""
    parsed = [term(t, f"terms[{i}]", year_start, year_end) for i, t in enumerate(terms)]
    if not parsed:
        raise Invalid("terms", "нужен хотя бы один учебный период")
    order = sorted(range(len(parsed)), key=lambda i: parsed[i].start)
    for position, after in enumerate(order):
        for before in order[:position]:
            if parsed[after].start <= parsed[before].end and parsed[after].shares_grades(parsed[before]):
                raise Invalid(f"terms[{after}].start_date", f"период пересекается с периодом «{parsed[before].name}»")
    return parsed


def term(value: TermInput, field: str, year_start: dt.date, year_end: dt.date) -> Term:
    name = required_name(value.name, f"{field}.name")
    if value.kind not in TERM_KINDS:
        raise Invalid(f"{field}.kind", "ожидается quarter, half_year, trimester или semester")
    start = parse_date(value.start_date, f"{field}.start_date")
    end = parse_date(value.end_date, f"{field}.end_date")
    if start >= end:
        raise Invalid(f"{field}.end_date", "дата окончания должна быть позже даты начала")
    if start < year_start or end > year_end:
        raise Invalid(f"{field}.start_date" if start < year_start else f"{field}.end_date",
                      "период должен лежать внутри учебного года")
    if not (value.grade_from == value.grade_to == 0 or 1 <= value.grade_from <= value.grade_to <= 11):
        raise Invalid(f"{field}.grade_from", "параллели от 1 до 11 (с какой по какую) или 0 и 0 — для всех")
    return Term(name, value.kind, start, end, value.grade_from, value.grade_to)


def shifted(day: dt.date, years: int) -> dt.date:
    """The same day and month `years` later (29 February becomes the 28th in a common year)."""
    try:
        return day.replace(year=day.year + years)
    except ValueError:
        return day.replace(year=day.year + years, day=28)
