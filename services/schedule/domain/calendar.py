"""The school calendar of one academic year: terms, holidays and day transfers decide on which dates a
weekly timetable slot becomes a lesson; plus the rules for valid holidays and transfers and the notice
warnings. Plain Python, no I/O."""
import datetime as dt
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field

from services.common.dates import parse_date
from services.common.errors import Invalid
from services.schedule.domain.timetable_slot import WEEKDAYS
from services.schedule.domain.values import required_name

DAY_OFF = 0
SUNDAY = 7
MONTHS = ("января", "февраля", "марта", "апреля", "мая", "июня", "июля", "августа", "сентября", "октября",
          "ноября", "декабря")


@dataclass(frozen=True)
class Period:
    id: str
    start: dt.date
    end: dt.date

    def __contains__(self, day: dt.date) -> bool:
        return self.start <= day <= self.end


@dataclass(frozen=True)
class Calendar:
    """Terms (lessons happen only inside them), holidays (never lessons) and transfers (date -> weekday it
    works as, 0 = day off)."""

    terms: tuple[Period, ...]
    holidays: tuple[Period, ...] = ()
    transfers: dict[dt.date, int] = field(default_factory=dict)

    def works_as(self, day: dt.date) -> int | None:
        """The timetable weekday (1..6) the date works with, or None when there are no lessons that day."""
        if self.term_of(day) is None or any(day in h for h in self.holidays):
            return None
        weekday = self.transfers.get(day, day.isoweekday())
        return None if weekday in (DAY_OFF, SUNDAY) else weekday

    def term_of(self, day: dt.date) -> str | None:
        return next((t.id for t in self.terms if day in t), None)

    def dates_for(self, weekday: int) -> list[tuple[str, dt.date]]:
        """(term id, date) of every date that works as the weekday, in date order."""
        return [(t.id, day) for t in sorted(self.terms, key=lambda t: t.start) for day in days(t.start, t.end)
                if self.works_as(day) == weekday]


def days(start: dt.date, end: dt.date) -> list[dt.date]:
    return [start + dt.timedelta(days=i) for i in range((end - start).days + 1)]


@dataclass(frozen=True)
class HolidayPlan:
    name: str
    start: dt.date
    end: dt.date


def holiday(name: str, start_date: str, end_date: str, year_start: dt.date, year_end: dt.date) -> HolidayPlan:
    """Holidays or a single non-working day (start = end) inside the academic year."""
    name = required_name(name, "name")
    start, end = parse_date(start_date, "start_date"), parse_date(end_date, "end_date")
    if end < start:
        raise Invalid("end_date", "дата окончания не может быть раньше даты начала")
    if start < year_start or end > year_end:
        raise Invalid("start_date" if start < year_start else "end_date", "каникулы должны лежать внутри учебного года")
    return HolidayPlan(name, start, end)


def day_transfer(date: str, works_as_weekday: int, year_start: dt.date, year_end: dt.date) -> tuple[dt.date, int]:
    """A date inside the year that works as another weekday (1..6), or a working day made a day off (0)."""
    day = parse_date(date, "date")
    if not year_start <= day <= year_end:
        raise Invalid("date", "дата должна лежать внутри учебного года")
    if not DAY_OFF <= works_as_weekday <= 6:
        raise Invalid("works_as_weekday", "день недели от 1 (понедельник) до 6 (суббота) или 0 (выходной)")
    if works_as_weekday == day.isoweekday():
        raise Invalid("works_as_weekday", f"{day_label(day)} и так {WEEKDAYS[works_as_weekday - 1]}")
    if works_as_weekday == DAY_OFF and day.isoweekday() == SUNDAY:
        raise Invalid("works_as_weekday", f"{day_label(day)} — воскресенье, уроков в этот день и так нет")
    return day, works_as_weekday


def working_days_between(first: dt.date, last: dt.date) -> int:
    """Monday-to-Friday dates strictly between the two dates."""
    one = dt.timedelta(days=1)
    return sum(1 for day in days(first + one, last - one) if day.isoweekday() <= 5)


def holiday_notice_warning(plan: HolidayPlan, today: dt.date, notice_days: int) -> list[str]:
    """Requirement S4: holidays are announced at least `notice_days` days before they start."""
    ahead = (plan.start - today).days
    if ahead >= notice_days:
        return []
    return [f"Каникулы «{plan.name}» внесены позже срока: о них нужно сообщать не позднее чем за {notice_days} "
            f"дн. до начала ({day_label(plan.start)}), а до начала {max(ahead, 0)} дн."]


def transfer_notice_warning(day: dt.date, today: dt.date, notice_working_days: int) -> list[str]:
    """Requirement S4: a day transfer is announced at least `notice_working_days` working days before the date."""
    ahead = working_days_between(today, day) if day > today else 0
    if ahead >= notice_working_days:
        return []
    return [f"Перенос учебного дня на {day_label(day)} внесён позже срока: нужно не позднее чем за "
            f"{notice_working_days} рабочих дня, а осталось {ahead}"]


def day_label(day: dt.date) -> str:
    return f"{day.day} {MONTHS[day.month - 1]} {day.year}"


def overlapping(plan: HolidayPlan, existing: Iterable[Mapping]) -> Mapping | None:
    """The first stored holiday (a row with start_date, end_date) that shares a date with the plan."""
    return next((h for h in existing if h["start_date"] <= plan.end and plan.start <= h["end_date"]), None)
