import datetime as dt

import pytest

from services.common.errors import FailedPrecondition, Invalid
from services.journal.domain import attendance as rules

FRIDAY = dt.date(2026, 3, 13)


def test_working_days_skip_the_weekend():
    assert rules.working_days_after(FRIDAY, FRIDAY) == 0
    assert rules.working_days_after(FRIDAY, FRIDAY + dt.timedelta(days=2)) == 0  # Sunday
    assert rules.working_days_after(FRIDAY, FRIDAY + dt.timedelta(days=3)) == 1  # Monday
    assert rules.working_days_after(FRIDAY, FRIDAY + dt.timedelta(days=7)) == 5


def test_the_window_counts_working_days_after_the_document():
    rules.check_window(FRIDAY, FRIDAY + dt.timedelta(days=4), 2)  # Tuesday: 2 working days
    with pytest.raises(FailedPrecondition) as err:
        rules.check_window(FRIDAY, FRIDAY + dt.timedelta(days=5), 2)
    assert err.value.fields == {"document_date": "срок исправления истёк"}


def test_statuses_documents_and_stored_absences():
    assert rules.status(" ILL ") == "ill"
    for wrong in ("late", "", "sick"):
        with pytest.raises(Invalid):
            rules.status(wrong)
    assert rules.document_date("", FRIDAY) == FRIDAY
    with pytest.raises(Invalid):
        rules.document_date("2026-03-14", FRIDAY)
    with pytest.raises(Invalid):
        rules.reason("  ")
    for stored in ("absent", "unexcused"):
        rules.check_stored(stored)
    for stored in (None, "late"):
        with pytest.raises(FailedPrecondition):
            rules.check_stored(stored)
