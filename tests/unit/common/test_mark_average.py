"""Work types' defaults and the weighted average every average of marks uses (the grid, the diary, the reports)."""
from decimal import Decimal

from services.common import mark_average

WEIGHTS = {w.code: w.weight for w in mark_average.DEFAULTS}


def test_a_school_without_stored_work_types_has_the_defaults():
    assert [(w.code, w.weight) for w in mark_average.effective([])] == [
        ("classwork", 1), ("homework", 1), ("test", 2), ("independent", Decimal("1.5")), ("oral", 1)]
    mine = [mark_average.WorkType("lab", "Лабораторная работа", Decimal(3))]
    assert mark_average.effective(mine) == mine


def test_the_weighted_average_is_hand_computed_and_rounded_half_up():
    # (5·1 + 3·2 + 4·1.5) / (1 + 2 + 1.5) = 17 / 4.5 = 3.777… → 3.78
    assert mark_average.weighted_average([("5", "classwork"), ("3", "test"), ("4", "independent")], WEIGHTS) == Decimal("3.78")
    # (4 + 5) / 2 = 4.5 exactly; (2·1 + 3·2)/3 = 2.666… → 2.67
    assert mark_average.weighted_average([("4", "oral"), ("5", "homework")], WEIGHTS) == Decimal("4.50")
    assert mark_average.weighted_average([("2", "classwork"), ("3", "test")], WEIGHTS) == Decimal("2.67")
    # (4·3 + 5·0.5) / 3.5 = 4.142… → 4.14; half up, not to even: (4·7 + 5·1) / 8 = 4.125 → 4.13
    assert mark_average.weighted_average([("4", "a"), ("4", "a"), ("4", "a"), ("5", "b")],
                                  {"a": Decimal("1"), "b": Decimal("0.5")}) == Decimal("4.14")
    assert mark_average.weighted_average([("4", "a"), ("5", "b")], {"a": Decimal("7"), "b": Decimal("1")}) == Decimal("4.13")


def test_no_numeric_marks_no_average_and_unknown_types_weigh_one():
    assert mark_average.weighted_average([], WEIGHTS) is None
    assert mark_average.weighted_average([("ОСВ", "classwork")], WEIGHTS) is None
    assert mark_average.weighted_average([("5", "gone"), ("3", "test")], WEIGHTS) == Decimal("3.67")


def test_the_mean_of_averages_and_its_change():
    # (3.67 + 4.00) / 2 = 3.835 → 3.84 half up; one average is itself; none is None
    assert mark_average.mean([Decimal("3.67"), Decimal("4.00")]) == Decimal("3.84")
    assert mark_average.mean([Decimal("4.5")]) == Decimal("4.50")
    assert mark_average.mean([]) is None
    assert mark_average.change(Decimal("3.84"), Decimal("4.00")) == "+0.16"
    assert mark_average.change(Decimal("4.00"), Decimal("3.90")) == "-0.10"
    assert mark_average.change(Decimal("4.00"), Decimal("4.00")) == "0.00"
    assert mark_average.change(None, Decimal("4.00")) == mark_average.change(Decimal("4.00"), None) == ""


def test_a_mark_not_counted_is_shown_with_a_star_and_weighs_nothing():
    assert mark_average.shown("3", True) == "3*" and mark_average.shown("3", False) == "3"
    weights = {"classwork": Decimal(1), "test": Decimal(2)}
    assert mark_average.weighted_average([("5", "classwork"), (mark_average.shown("2", True), "test")],
                                         weights) == Decimal("5.00")
