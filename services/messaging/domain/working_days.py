"""A school's working days: weekends (a five- or six-day week), the school's holidays and day transfers (a transfer
makes a date a working day with another weekday's timetable, or a day off) — schedule's calendar. Plain Python, no
I/O."""
import datetime as dt
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field

DAY = dt.timedelta(days=1)
MAX_SPAN = 400  # a calendar with no working day for this long is a mistake in the calendar, not a long holiday


@dataclass(frozen=True)
class SchoolCalendar:
    holidays: tuple[tuple[dt.date, dt.date], ...] = ()  # inclusive ranges
    transfers: Mapping[dt.date, int] = field(default_factory=dict)  # date -> works as weekday 1..6, 0 = day off
    week_days: int = 5  # 5: Saturday and Sunday off; 6: Sunday off

    @classmethod
    def of(cls, holidays: Iterable[tuple[dt.date, dt.date]], transfers: Mapping[dt.date, int],
           week_days: int = 5) -> "SchoolCalendar":
        return cls(tuple(holidays), dict(transfers), week_days)

    def is_working(self, day: dt.date) -> bool:
        if day in self.transfers:
            return self.transfers[day] != 0
        if any(start <= day <= end for start, end in self.holidays):
            return False
        return day.isoweekday() <= self.week_days


def add_working_days(start: dt.date, days: int, calendar: SchoolCalendar) -> dt.date:
    """The `days`-th working day after `start` (start itself is not counted; 0 = start)."""
    day, left = start, days
    for _ in range(MAX_SPAN):
        if left <= 0:
            return day
        day += DAY
        if calendar.is_working(day):
            left -= 1
    raise ValueError(f"no {days} working days within {MAX_SPAN} days after {start}")


def working_days_between(after: dt.date, until: dt.date, calendar: SchoolCalendar) -> int:
    """How many working days lie after `after` up to `until` inclusive (0 when until <= after)."""
    count, day = 0, after + DAY
    while day <= until:
        count += calendar.is_working(day)
        day += DAY
    return count
