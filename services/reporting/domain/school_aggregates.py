"""The municipal authority's aggregates of a school (issue 13, T1/R5): per academic year, period key and grade (0 = the
whole school) counts and rates only, never a person — students counted, the average mark, knowledge quality and pass
rate (period_results' classes combined: `combined_rates`), lessons missed per student and by reason (the attendance
sheet's counting), lessons filled on time, accounts activated and archives sealed; the municipality's total of several
schools the same way; and the period keys that let schools whose years and terms are their own rows be compared.

Period keys: a class's periods (its grade's terms by start date, then the year) are keyed by the term's kind and its
position among them — a quarter "q1".."q4", a half-year "h1", "h2", a trimester "t1".."t3", any other term "p1".."pN"
— and the year "year". The kind is read from the term's name («2 четверть», «1 полугодие», «3 триместр»); a term
named otherwise is a quarter when the grade has four terms, a half-year with two, a trimester with three, else "p".
The school year itself is compared by its name ("2026/2027"). Plain Python, no I/O."""
import datetime as dt
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from decimal import Decimal

from services.reporting.domain.attendance_sheet import REASON_CODES, REASONS, Missed
from services.reporting.domain.period_results import (
    CATEGORIES,
    YEAR,
    ClassResults,
    Period,
    Rates,
    combined_rates,
    mean,
    percent,
)
from services.reporting.domain.school_results import combined_row

YEAR_NAME = re.compile(r"\d{4}/\d{4}")
PERIOD_KEY = re.compile(r"(q[1-4]|h[12]|t[1-3]|p[1-9]\d?|year)")
PREFIXES = {4: ("q", "четверть"), 2: ("h", "полугодие"), 3: ("t", "триместр")}
NO_RATES = Rates(tuple((code, 0) for code, _ in CATEGORIES))


def term_prefix(name: str, terms: int) -> str:
    """A term's kind: by its name («1 четверть», «2 полугодие», «3 триместр»), else by how many terms there are."""
    named = name.casefold()
    for prefix, word in PREFIXES.values():
        if word[:-2] in named:
            return prefix
    return PREFIXES.get(terms, ("p", ""))[0]


def period_keys(periods: Iterable[Period]) -> list[tuple[str, Period]]:
    """Each of a class's periods (period_results.periods: terms by start date, then the year) with its key."""
    periods = list(periods)
    terms = [p for p in periods if p.id != YEAR]
    return ([(f"{term_prefix(term.name, len(terms))}{i}", term) for i, term in enumerate(terms, 1)]
            + [("year", p) for p in periods if p.id == YEAR])


def period_label(key: str) -> str:
    """«1 четверть», «2 полугодие», «1 триместр», «Период 5», «Учебный год»."""
    if key == "year":
        return "Учебный год"
    for prefix, name in PREFIXES.values():
        if key.startswith(prefix):
            return f"{key[1:]} {name}"
    return f"Период {key[1:]}"


def period_order(key: str) -> tuple[int, str, int]:
    """Quarters, then half-years, trimesters and other terms, each by number; the year last."""
    return (9, "", 0) if key == "year" else ("qhtp".index(key[0]), key[0], int(key[1:]))


@dataclass(frozen=True)
class Accounts:
    """Persons of the school by kind and how many have an activated account (families: students and guardians)."""
    staff: int = 0
    staff_activated: int = 0
    families: int = 0
    families_activated: int = 0

    @property
    def staff_rate(self) -> str:
        return percent(self.staff_activated, self.staff)

    @property
    def families_rate(self) -> str:
        return percent(self.families_activated, self.families)


@dataclass(frozen=True)
class Aggregate:
    """One school's (or grade's, or the municipality's) numbers for a period: counts, and the rates made of them."""
    period_key: str
    period_name: str
    date_from: dt.date | None
    date_to: dt.date | None
    grade: int  # 0 = the whole school
    classes: int
    rates: Rates  # the counted students by category
    mark_sum: Decimal  # the numeric results of the counted students, every subject
    mark_count: int
    missed: tuple[int, ...]  # lessons missed by reason, REASON_CODES' order
    lessons_to_date: int  # lessons held (not cancelled) dated within the period up to the day computed
    lessons_on_time: int  # of them whose topic was recorded by the end of the lesson's day
    accounts: Accounts = field(default_factory=Accounts)  # the school's (whole-school rows only)
    archives_sealed: int = 0  # the school years whose archive is sealed (whole-school rows only)

    @property
    def students(self) -> int:
        return sum(n for _, n in self.rates.categories)

    @property
    def quality(self) -> str:
        return self.rates.quality

    @property
    def pass_rate(self) -> str:
        return self.rates.pass_rate

    @property
    def average(self) -> str:
        return mean(self.mark_sum, self.mark_count)

    @property
    def lessons_missed(self) -> int:
        return sum(self.missed)

    @property
    def missed_per_student(self) -> str:
        return mean(Decimal(self.lessons_missed), self.students)

    @property
    def missed_shares(self) -> tuple[tuple[str, str, int, str], ...]:
        """(reason, its name, lessons missed for it, its percent of the lessons missed) in REASONS' order."""
        return tuple((code, name, n, percent(n, self.lessons_missed))
                     for (code, name), n in zip(REASONS, self.missed, strict=True))

    @property
    def fill_rate(self) -> str:
        return percent(self.lessons_on_time, self.lessons_to_date)


def fill(lesson_days: Iterable[tuple[dt.date, int, int]], period: Period, today: dt.date) -> tuple[int, int]:
    """(lessons held to date, of them filled on time) of a class in the period: `lesson_days` are (date, lessons held
    that day, of them with the topic recorded by the day's end)."""
    last = min(period.date_to, today)
    days = [(held, on_time) for day, held, on_time in lesson_days if period.date_from <= day <= last]
    return sum(held for held, _ in days), sum(on_time for _, on_time in days)


def class_aggregate(key: str, results: ClassResults, missed: Missed, filled: tuple[int, int]) -> Aggregate:
    """One class's numbers for one of its periods (its results, lessons missed and lessons filled)."""
    row = combined_row(results.class_group.id, results.class_group.name, results.grade, [results])
    period = results.period
    return Aggregate(key, period.name, period.date_from, period.date_to, results.grade, 1, row.rates, row.mark_sum,
                     row.mark_count, missed.by_reason, *filled)


def combined(rows: list[Aggregate], key: str, name: str, grade: int = 0, accounts: Accounts | None = None,
             archives_sealed: int | None = None) -> Aggregate:
    """Several rows as one (a grade's classes, a school's, the municipality's schools): counts summed, rates of them;
    the accounts and archives given, else summed."""
    starts = [r.date_from for r in rows if r.date_from]
    ends = [r.date_to for r in rows if r.date_to]
    return Aggregate(
        key, name, min(starts, default=None), max(ends, default=None), grade, sum(r.classes for r in rows),
        combined_rates(r.rates for r in rows) if rows else NO_RATES, sum((r.mark_sum for r in rows), Decimal(0)),
        sum(r.mark_count for r in rows), tuple(sum(r.missed[i] for r in rows) for i in range(len(REASON_CODES))),
        sum(r.lessons_to_date for r in rows), sum(r.lessons_on_time for r in rows),
        accounts if accounts is not None else Accounts(*(sum(getattr(r.accounts, f) for r in rows) for f in (
            "staff", "staff_activated", "families", "families_activated"))),
        archives_sealed if archives_sealed is not None else sum(r.archives_sealed for r in rows))


def school_aggregates(classes: list[Aggregate], accounts: Accounts, archives_sealed: int) -> list[Aggregate]:
    """A school year's rows: per period key the whole school (with the accounts and archives) and each grade. A
    period's name is the most common of its classes' names ("1 четверть")."""
    of_key: dict[str, list[Aggregate]] = {}
    for row in classes:
        of_key.setdefault(row.period_key, []).append(row)
    result = []
    for key in sorted(of_key, key=period_order):
        rows = of_key[key]
        names = [r.period_name for r in rows]
        name = max(sorted(set(names)), key=names.count)
        result.append(combined(rows, key, name, 0, accounts, archives_sealed))
        for grade in sorted({r.grade for r in rows}):
            result.append(combined([r for r in rows if r.grade == grade], key, name, grade, Accounts(), 0))
    return result


# the metrics the side-by-side table sorts by, each a row's value as a number (None = none: listed last)
def _number(text: str) -> Decimal | None:
    return Decimal(text) if text else None


METRICS = {
    "students": lambda a: Decimal(a.students),
    "average": lambda a: _number(a.average),
    "quality": lambda a: _number(a.quality),
    "pass_rate": lambda a: _number(a.pass_rate),
    "missed_per_student": lambda a: _number(a.missed_per_student),
    "fill_rate": lambda a: _number(a.fill_rate),
    "staff_activated": lambda a: _number(a.accounts.staff_rate),
    "families_activated": lambda a: _number(a.accounts.families_rate),
    "archives_sealed": lambda a: Decimal(a.archives_sealed),
}


@dataclass(frozen=True)
class SchoolRow:
    school_id: str
    school_name: str
    aggregate: Aggregate | None  # None = nothing computed for the period (yet)


def sorted_schools(rows: Iterable[SchoolRow], sort: str, descending: bool) -> list[SchoolRow]:
    """By a metric of METRICS (schools without it last, whatever the direction), or by name ("name" or "")."""
    by_name = sorted(rows, key=lambda r: (r.school_name.casefold(), r.school_id))
    if sort not in METRICS:
        return by_name[::-1] if descending else by_name
    value = METRICS[sort]
    known = [r for r in by_name if r.aggregate is not None and value(r.aggregate) is not None]
    ranked = {r.school_id for r in known}
    unknown = [r for r in by_name if r.school_id not in ranked]
    return sorted(known, key=lambda r: value(r.aggregate), reverse=descending) + unknown
