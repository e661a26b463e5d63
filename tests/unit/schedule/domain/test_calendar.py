"""The school calendar on a hand-checked autumn, the rules for holidays and day transfers, the notice
warnings and the schedule policy defaults."""
import datetime as dt

import pytest

from services.common.errors import Invalid
from services.schedule.domain import calendar, schedule_policy
from services.schedule.domain.calendar import Calendar, Period

D = dt.date
# 1 триместр 01.09-30.11.2025; осенние каникулы 20.10-26.10; 4 ноября (вт) нерабочий день;
# суббота 1 ноября работает как понедельник, понедельник 3 ноября выходной.
AUTUMN = Calendar(terms=(Period("t1", D(2025, 9, 1), D(2025, 11, 30)),),
                  holidays=(Period("h1", D(2025, 10, 20), D(2025, 10, 26)), Period("h2", D(2025, 11, 4), D(2025, 11, 4))),
                  transfers={D(2025, 11, 1): 1, D(2025, 11, 3): 0})
# Mondays of the term on a calendar: Sep 1 8 15 22 29, Oct 6 13 20 27, Nov 3 10 17 24;
# minus Oct 20 (holidays) and Nov 3 (day off), plus Saturday Nov 1.
MONDAY_DATES = [D(2025, 9, 1), D(2025, 9, 8), D(2025, 9, 15), D(2025, 9, 22), D(2025, 9, 29), D(2025, 10, 6),
                D(2025, 10, 13), D(2025, 10, 27), D(2025, 11, 1), D(2025, 11, 10), D(2025, 11, 17), D(2025, 11, 24)]


def test_a_plain_term_has_every_weekday_and_no_sundays():
    september = Calendar(terms=(Period("t", D(2025, 9, 1), D(2025, 9, 30)),))
    assert [day.day for _, day in september.dates_for(1)] == [1, 8, 15, 22, 29]
    short = Calendar(terms=(Period("t", D(2025, 9, 2), D(2025, 9, 13)),))
    assert [day.day for _, day in short.dates_for(6)] == [6, 13]
    assert [day.day for _, day in short.dates_for(1)] == [8]
    assert Calendar(terms=(Period("t", D(2025, 9, 2), D(2025, 9, 6)),)).dates_for(1) == []
    assert all(september.works_as(D(2025, 9, d)) is None for d in (7, 14, 21, 28))


def test_monday_lessons_follow_holidays_and_transfers():
    assert [day for _, day in AUTUMN.dates_for(1)] == MONDAY_DATES
    assert {term for term, _ in AUTUMN.dates_for(1)} == {"t1"}


def test_what_each_special_date_works_as():
    assert AUTUMN.works_as(D(2025, 11, 1)) == 1       # Saturday as Monday: no Saturday lessons
    assert AUTUMN.works_as(D(2025, 11, 3)) is None    # Monday off
    assert AUTUMN.works_as(D(2025, 11, 4)) is None    # Tuesday, non-working day
    assert AUTUMN.works_as(D(2025, 10, 22)) is None   # holidays
    assert AUTUMN.works_as(D(2025, 11, 8)) == 6       # an ordinary Saturday
    assert AUTUMN.works_as(D(2025, 11, 9)) is None    # Sunday
    assert AUTUMN.works_as(D(2025, 12, 1)) is None    # after the term
    assert D(2025, 11, 4) not in [day for _, day in AUTUMN.dates_for(2)]
    assert D(2025, 11, 1) not in [day for _, day in AUTUMN.dates_for(6)]


YEAR = (D(2025, 9, 1), D(2026, 5, 31))


@pytest.mark.parametrize(("args", "field"), [
    (("", "2025-10-20", "2025-10-26"), "name"),
    (("Осенние", "2025-10-27", "2025-10-26"), "end_date"),
    (("Осенние", "2025-08-30", "2025-09-02"), "start_date"),
    (("Летние", "2026-05-30", "2026-06-10"), "end_date"),
    (("Осенние", "20.10.2025", "2025-10-26"), "start_date"),
])
def test_bad_holidays_name_the_field(args, field):
    with pytest.raises(Invalid) as err:
        calendar.holiday(*args, *YEAR)
    assert list(err.value.fields) == [field]


def test_a_single_non_working_day_is_a_holiday():
    plan = calendar.holiday(" День народного единства ", "2025-11-04", "2025-11-04", *YEAR)
    assert (plan.name, plan.start, plan.end) == ("День народного единства", D(2025, 11, 4), D(2025, 11, 4))


@pytest.mark.parametrize(("date", "weekday", "field"), [
    ("2025-11-01", 7, "works_as_weekday"),
    ("2025-11-01", -1, "works_as_weekday"),
    ("2025-11-01", 6, "works_as_weekday"),   # a Saturday working as Saturday changes nothing
    ("2025-11-02", 0, "works_as_weekday"),   # Sunday is off anyway
    ("2026-06-01", 1, "date"),
    ("2025-11-31", 1, "date"),
])
def test_bad_day_transfers_name_the_field(date, weekday, field):
    with pytest.raises(Invalid) as err:
        calendar.day_transfer(date, weekday, *YEAR)
    assert list(err.value.fields) == [field]


def test_working_days_are_counted_strictly_between_monday_to_friday():
    assert calendar.working_days_between(D(2025, 10, 28), D(2025, 11, 1)) == 3   # Wed, Thu, Fri
    assert calendar.working_days_between(D(2025, 10, 31), D(2025, 11, 5)) == 2   # Mon, Tue
    assert calendar.working_days_between(D(2025, 11, 1), D(2025, 11, 1)) == 0


def test_late_announcements_warn_with_the_numbers():
    plan = calendar.holiday("Осенние", "2025-10-20", "2025-10-26", *YEAR)
    assert calendar.holiday_notice_warning(plan, D(2025, 10, 6), 14) == []
    [warning] = calendar.holiday_notice_warning(plan, D(2025, 10, 7), 14)
    assert "«Осенние»" in warning and "14" in warning and "20 октября 2025" in warning and "13 дн." in warning
    assert calendar.transfer_notice_warning(D(2025, 11, 1), D(2025, 10, 28), 3) == []
    [warning] = calendar.transfer_notice_warning(D(2025, 11, 1), D(2025, 10, 29), 3)
    assert "1 ноября 2025" in warning and "осталось 2" in warning
    assert calendar.transfer_notice_warning(D(2025, 11, 1), D(2025, 11, 2), 3)  # entered afterwards


def test_policy_defaults_come_from_the_requirements_and_stored_values_override():
    assert schedule_policy.from_stored({}) == schedule_policy.SchedulePolicy(14, 3)
    assert schedule_policy.from_stored({"holiday_notice_days": "7", "unknown": "1"}).holiday_notice_days == 7
    assert schedule_policy.from_stored({"transfer_notice_working_days": "x"}).transfer_notice_working_days == 3
