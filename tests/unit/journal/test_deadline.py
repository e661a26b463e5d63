import datetime as dt

from services.journal.domain import deadline as rules
from services.journal.domain.journal_policy import DEFAULT, changed

MONDAY = dt.date(2026, 3, 9)
THURSDAY = dt.date(2026, 3, 12)


def at(date: dt.date, hh: int, mm: int = 0) -> dt.datetime:
    return dt.datetime.combine(date, dt.time(hh, mm), DEFAULT.zone)


def test_working_days_skip_the_weekend():
    assert rules.add_working_days(THURSDAY, 0) == THURSDAY
    assert rules.add_working_days(THURSDAY, 1) == THURSDAY + dt.timedelta(days=1)
    assert rules.add_working_days(THURSDAY, 3) == THURSDAY + dt.timedelta(days=5)  # Friday, Monday, Tuesday


def test_what_is_due_when():
    midnight = at(MONDAY + dt.timedelta(days=1), 0)
    assert rules.due_at("topic", "", MONDAY, "09:15", DEFAULT) == midnight
    assert rules.due_at("attendance", "", MONDAY, "09:15", DEFAULT) == midnight
    assert rules.due_at("mark", "classwork", MONDAY, "09:15", DEFAULT) == midnight
    assert rules.due_at("homework", "", MONDAY, "09:15", DEFAULT) == at(MONDAY, 10, 45)
    assert rules.due_at("homework", "", MONDAY, "", DEFAULT) == midnight
    assert rules.due_at("mark", "test", THURSDAY, "09:15", DEFAULT) == at(THURSDAY + dt.timedelta(days=6), 0)
    school = changed(DEFAULT, {"written_work_types": "essay", "written_work_days": 1, "homework_deadline_minutes": 180})
    assert rules.due_at("mark", "test", MONDAY, "09:15", school) == midnight
    assert rules.due_at("mark", "essay", MONDAY, "09:15", school) == at(MONDAY + dt.timedelta(days=2), 0)
    assert rules.due_at("homework", "", MONDAY, "09:15", school) == at(MONDAY, 12, 15)


def test_only_entries_have_deadlines_and_late_ones_are_flagged():
    after = at(MONDAY, 11)
    assert rules.deadline("homework", {"homework": ""}, {"homework": "§5"}, MONDAY, "09:15", DEFAULT, after) == (
        at(MONDAY, 10, 45), True)
    assert rules.deadline("mark", None, {"value": "5", "work_type": "oral"}, MONDAY, "09:15", DEFAULT, after)[1] is False
    for old, new in (({"homework": "§4"}, {"homework": "§5"}), ({"homework": "§4"}, {"homework": ""}),
                     ({"value": "4"}, None)):
        assert rules.deadline("homework", old, new, MONDAY, "09:15", DEFAULT, after) == (None, False)
    assert rules.deadline("term_mark", None, {"value": "5"}, MONDAY, "", DEFAULT, after) == (None, False)
