"""The answer deadline in working days: weekends (five- and six-day weeks), holidays, day transfers, the school's
time zone, and when a family is waiting (withdrawn messages count for neither side)."""
import datetime as dt

import pytest

from services.common.dates import SCHOOL_ZONE
from services.messaging.domain.answer_deadline import Posted, answer_due, awaiting_since, days_late, overdue
from services.messaging.domain.working_days import SchoolCalendar, add_working_days, working_days_between

D = dt.date
PLAIN = SchoolCalendar()


def at(day: int, hour: int = 10, month: int = 3) -> dt.datetime:
    return dt.datetime(2026, month, day, hour, tzinfo=SCHOOL_ZONE)


@pytest.mark.parametrize("sent, due", [
    (2, 5),    # Monday -> Thursday
    (5, 10),   # Thursday -> Tuesday
    (6, 11),   # Friday -> Wednesday
    (7, 11),   # Saturday -> Wednesday
    (8, 11),   # Sunday -> Wednesday
])
def test_three_working_days_skip_the_weekend(sent, due):
    assert answer_due(at(sent), 3, PLAIN, SCHOOL_ZONE) == D(2026, 3, due)


def test_a_six_day_week_works_on_saturday():
    assert answer_due(at(5), 3, SchoolCalendar(week_days=6), SCHOOL_ZONE) == D(2026, 3, 9)  # Fri, Sat, Mon


def test_holidays_and_day_transfers():
    calendar = SchoolCalendar.of([(D(2026, 3, 3), D(2026, 3, 4))], {D(2026, 3, 7): 1, D(2026, 3, 9): 0})
    assert not calendar.is_working(D(2026, 3, 3)) and calendar.is_working(D(2026, 3, 7))
    assert not calendar.is_working(D(2026, 3, 9))  # a Monday made a day off
    assert answer_due(at(2), 3, calendar, SCHOOL_ZONE) == D(2026, 3, 7)  # Thu, Fri, the working Saturday
    assert add_working_days(D(2026, 3, 7), 1, calendar) == D(2026, 3, 10)


def test_the_day_is_the_schools():
    late_friday_in_moscow = dt.datetime(2026, 3, 6, 21, 30, tzinfo=dt.UTC)  # 00:30 on Saturday in Moscow
    assert answer_due(late_friday_in_moscow, 3, PLAIN, SCHOOL_ZONE) == D(2026, 3, 11)
    assert answer_due(dt.datetime(2026, 3, 6, 20, 0, tzinfo=dt.UTC), 3, PLAIN, SCHOOL_ZONE) == D(2026, 3, 11)
    assert answer_due(dt.datetime(2026, 3, 6, 8, 0, tzinfo=dt.UTC), 1, PLAIN, SCHOOL_ZONE) == D(2026, 3, 9)


def test_overdue_only_after_the_last_day_and_lateness_in_working_days():
    due = D(2026, 3, 5)
    assert not overdue(due, due) and overdue(due, D(2026, 3, 6))
    assert days_late(due, D(2026, 3, 6), PLAIN) == 1 and days_late(due, D(2026, 3, 8), PLAIN) == 1
    assert days_late(due, D(2026, 3, 9), PLAIN) == 2 and working_days_between(due, due, PLAIN) == 0


def test_a_calendar_without_working_days_is_refused():
    with pytest.raises(ValueError):
        add_working_days(D(2026, 3, 2), 3, SchoolCalendar.of([(D(2026, 1, 1), D(2027, 12, 31))], {}))


def test_who_is_waiting():
    assert awaiting_since([]) is None
    assert awaiting_since([Posted("guardian", at(2)), Posted("guardian", at(3))]) == at(2)
    assert awaiting_since([Posted("guardian", at(2)), Posted("staff", at(3))]) is None
    assert awaiting_since([Posted("staff", at(2)), Posted("student", at(3)), Posted("guardian", at(4))]) == at(3)
    assert awaiting_since([Posted("guardian", at(2)), Posted("staff", at(3), withdrawn=True)]) == at(2)  # no answer
    assert awaiting_since([Posted("staff", at(2)), Posted("guardian", at(3), withdrawn=True)]) is None
    assert awaiting_since([Posted("staff", at(4)), Posted("guardian", at(2))]) is None  # by time, not by order given
