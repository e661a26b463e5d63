"""The journal policy: defaults from the requirements, ranges of every setting, stored text rows."""
import pytest

from services.common.errors import Invalid
from services.journal.domain import journal_policy as school_policy
from services.journal.domain.journal_policy import DEFAULT, JournalPolicy


def test_the_defaults_are_the_requirements():
    assert (DEFAULT.edit_lock_days, DEFAULT.unlock_hours, DEFAULT.min_marks_1h, DEFAULT.min_marks_2h,
            DEFAULT.school_timezone) == (7, 24, 3, 5, "Europe/Moscow")
    assert (DEFAULT.anomaly_bulk_changes, DEFAULT.anomaly_bulk_minutes, DEFAULT.night_start, DEFAULT.night_end) == (
        30, 10, "23:00", "06:00")
    assert school_policy.from_stored({}) == DEFAULT


@pytest.mark.parametrize("hours, minimum", [(0, 3), (1, 3), (2, 5), (5, 5)])
def test_the_minimum_of_marks_depends_on_hours_a_week(hours, minimum):
    assert DEFAULT.min_marks(hours) == minimum


@pytest.mark.parametrize("key, value", [
    ("edit_lock_days", 0), ("edit_lock_days", 365), ("unlock_hours", 1), ("unlock_hours", 168),
    ("min_marks_1h", 0), ("min_marks_2h", 30), ("school_timezone", "Asia/Yekaterinburg"),
    ("anomaly_bulk_changes", 1), ("anomaly_bulk_minutes", 1440), ("night_start", "22:30"), ("night_end", "00:00")])
def test_values_in_range_are_taken(key, value):
    assert getattr(school_policy.changed(DEFAULT, {key: value}), key) == value


@pytest.mark.parametrize("key, value", [
    ("edit_lock_days", -1), ("edit_lock_days", 366), ("unlock_hours", 0), ("unlock_hours", 169),
    ("min_marks_1h", 31), ("min_marks_2h", -5), ("min_marks_1h", True), ("edit_lock_days", "7"),
    ("school_timezone", "Moscow"), ("school_timezone", "Europe/Nowhere"), ("school_timezone", ""),
    ("school_timezone", "../etc/passwd"), ("anomaly_bulk_changes", 0), ("anomaly_bulk_minutes", 1441),
    ("night_start", "24:00"), ("night_start", "7:00"), ("night_end", "06:00:00"), ("night_end", 6)])
def test_values_out_of_range_are_refused_naming_the_setting(key, value):
    with pytest.raises(Invalid) as err:
        school_policy.changed(DEFAULT, {key: value})
    assert list(err.value.fields) == [key]


def test_stored_rows_round_trip_and_unknown_keys_are_ignored():
    policy = JournalPolicy(edit_lock_days=10, unlock_hours=48, min_marks_1h=2, min_marks_2h=4,
                           school_timezone="Asia/Vladivostok", anomaly_bulk_changes=50, night_start="22:00")
    assert school_policy.from_stored({**school_policy.to_stored(policy), "retired_key": "x"}) == policy
    assert school_policy.from_stored({"min_marks_2h": "6"}) == JournalPolicy(min_marks_2h=6)
    assert str(policy.zone) == "Asia/Vladivostok"
