"""A school's periods of an academic year for its school-wide period reports: each term with the grades it is for,
then the year; each with the day its reports are due — the period's last day + 2 working days (Mon–Fri) — and
whether that day is still ahead (open: the period lasts; due: ended, the reports due; late: the day has passed).
Plain Python, no I/O."""
import datetime as dt
from dataclasses import dataclass

from services.reporting.domain.period_results import YEAR, Period, TermDates, periods

WORKING_DAYS_TO_REPORT = 2
OPEN, DUE, LATE = "open", "due", "late"
STATUS_NAMES = {OPEN: "период идёт", DUE: "сдать до", LATE: "срок прошёл"}


@dataclass(frozen=True)
class SchoolPeriod:
    period: Period
    grade_from: int  # 0..0 = every grade (also the year)
    grade_to: int
    due_date: dt.date
    status: str  # OPEN | DUE | LATE on the day asked

    @property
    def grades(self) -> str:
        """«1–9 классы», «10–11 классы», «все классы»."""
        if not self.grade_from and not self.grade_to:
            return "все классы"
        if self.grade_from == self.grade_to:
            return f"{self.grade_from} классы"
        return f"{self.grade_from}–{self.grade_to} классы"


def working_days_after(day: dt.date, count: int) -> dt.date:
    """The `count`-th working day (Monday to Friday) after the day."""
    while count:
        day += dt.timedelta(days=1)
        count -= day.weekday() < 5
    return day


def school_period(period: Period, grade_from: int, grade_to: int, today: dt.date) -> SchoolPeriod:
    due = working_days_after(period.date_to, WORKING_DAYS_TO_REPORT)
    status = OPEN if today <= period.date_to else DUE if today <= due else LATE
    return SchoolPeriod(period, grade_from, grade_to, due, status)


def school_periods(terms: list[tuple[TermDates, int, int]], year_name: str, today: dt.date
                   ) -> tuple[SchoolPeriod, ...]:
    """`terms`: the year's terms with the grades each is for (grade_from, grade_to; 0..0 = every grade). The terms by
    start date (their ends as `period_results.periods` reckons them among the terms for the same grades), then the
    year from the first start to the last end; () without terms."""
    ranges: dict[tuple[int, int], list[TermDates]] = {}
    for term, grade_from, grade_to in terms:
        ranges.setdefault((grade_from, grade_to), []).append(term)
    found = []
    for (grade_from, grade_to), of_range in ranges.items():
        found += [(p, grade_from, grade_to) for p in periods(of_range) if p.id != YEAR]
    if not found:
        return ()
    found.sort(key=lambda item: (item[0].date_from, item[1], item[0].name))
    year = Period(YEAR, f"Учебный год {year_name}".strip(), min(p.date_from for p, _, _ in found),
                  max(p.date_to for p, _, _ in found))
    return (*(school_period(p, grade_from, grade_to, today) for p, grade_from, grade_to in found),
            school_period(year, 0, 0, today))
