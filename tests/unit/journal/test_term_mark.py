"""Term marks: allowed values, hours a week in a term, the minimum of current marks."""
import datetime as dt
from decimal import Decimal

import pytest

from services.common.errors import FailedPrecondition, Invalid
from services.journal.domain import term_mark as rules

QUARTER = (dt.date(2025, 9, 1), dt.date(2025, 10, 26))  # 56 days = 8 weeks


@pytest.mark.parametrize("raw, value, special", [
    ("5", "5", ""), (" 1 ", "1", ""), ("ОСВ", "ОСВ", "exempt"), ("осв", "ОСВ", "exempt"),
    ("Н/А", "Н/А", "not_assessed"), ("н/а", "Н/А", "not_assessed")])
def test_term_mark_values(raw, value, special):
    assert rules.value(raw) == value and rules.special(value) == special


@pytest.mark.parametrize("raw, scale", [
    ("0", "five_point"), ("6", "five_point"), ("5+", "five_point"), ("НА", "five_point"), ("OCB", "five_point"),
    ("зачёт", "five_point"), ("11", "ten_point"), ("5", "pass_fail")])
def test_other_values_are_refused(raw, scale):
    with pytest.raises(Invalid) as err:
        rules.check_scale(rules.value(raw), scale)
    assert list(err.value.fields) == ["value"]


def test_an_empty_value_is_refused():
    with pytest.raises(Invalid) as err:
        rules.value("  ")
    assert list(err.value.fields) == ["value"]


@pytest.mark.parametrize("raw, scale, value", [
    ("8", "ten_point", "8"), ("Зачет", "pass_fail", "зачёт"), ("незачёт", "pass_fail", "незачёт"),
    ("осв", "pass_fail", "ОСВ"), ("н/а", "ten_point", "Н/А")])
def test_period_marks_on_the_school_scale(raw, scale, value):
    assert rules.value(raw) == value
    rules.check_scale(value, scale)


@pytest.mark.parametrize("lessons, hours", [(0, 0), (3, 0), (4, 1), (8, 1), (11, 1), (12, 2), (16, 2), (40, 5)])
def test_hours_a_week_are_lessons_per_week_rounded(lessons, hours):
    assert rules.hours_per_week(lessons, *QUARTER) == hours


@pytest.mark.parametrize("value, marks, minimum, refused", [
    ("5", 2, 3, True), ("5", 3, 3, False), ("2", 4, 5, True), ("4", 5, 5, False),
    ("ОСВ", 0, 5, False), ("Н/А", 0, 3, False), ("3", 0, 0, False)])
def test_a_numeric_term_mark_needs_the_minimum_of_marks(value, marks, minimum, refused):
    if not refused:
        rules.check_enough_marks(value, marks, minimum, 2)
        return
    with pytest.raises(FailedPrecondition) as err:
        rules.check_enough_marks(value, marks, minimum, 2)
    assert f"у ученика {marks}, нужно не меньше {minimum}" in err.value.message
    assert list(err.value.fields) == ["value"]


@pytest.mark.parametrize("average, marks, needed, scale, proposed", [
    ("4.50", 5, 3, "five_point", "5"), ("4.49", 5, 3, "five_point", "4"), ("2.50", 3, 3, "five_point", "3"),
    ("5.00", 2, 3, "five_point", "Н/А"), (None, 0, 3, "five_point", "Н/А"), (None, 0, 0, "five_point", ""),
    ("7.50", 4, 3, "ten_point", "8"), (None, 4, 3, "pass_fail", "")])
def test_the_grid_proposes_the_rounded_average_or_not_assessed_with_too_few_marks(average, marks, needed, scale,
                                                                                  proposed):
    assert rules.proposal(Decimal(average) if average else None, marks, needed, scale) == proposed
