"""Dates of a copied year: the same day and month whole years later."""
import datetime as dt

from services.schedule.domain.academic_year import shifted


def test_dates_move_by_whole_years_and_29_february_becomes_the_28th():
    assert shifted(dt.date(2025, 9, 1), 1) == dt.date(2026, 9, 1)
    assert shifted(dt.date(2028, 2, 29), 1) == dt.date(2029, 2, 28)
    assert shifted(dt.date(2027, 2, 28), 1) == dt.date(2028, 2, 28)
