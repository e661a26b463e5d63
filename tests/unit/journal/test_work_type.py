"""Work types: defaults, validation of a set work type, unknown work types in marks, the weighted average."""
from decimal import Decimal

import pytest

from services.common.errors import Invalid
from services.journal.domain import work_type as rules

WEIGHTS = {w.code: w.weight for w in rules.DEFAULTS}


def test_a_school_without_stored_work_types_has_the_defaults():
    assert [(w.code, w.weight) for w in rules.effective([])] == [
        ("classwork", 1), ("homework", 1), ("test", 2), ("independent", Decimal("1.5")), ("oral", 1)]
    mine = [rules.WorkType("lab", "Лабораторная работа", Decimal(3))]
    assert rules.effective(mine) == mine


def test_the_weighted_average_is_hand_computed_and_rounded_half_up():
    # (5·1 + 3·2 + 4·1.5) / (1 + 2 + 1.5) = 17 / 4.5 = 3.777… → 3.78
    assert rules.weighted_average([("5", "classwork"), ("3", "test"), ("4", "independent")], WEIGHTS) == Decimal("3.78")
    # (4 + 5) / 2 = 4.5 exactly; (2·1 + 3·2)/3 = 2.666… → 2.67
    assert rules.weighted_average([("4", "oral"), ("5", "homework")], WEIGHTS) == Decimal("4.50")
    assert rules.weighted_average([("2", "classwork"), ("3", "test")], WEIGHTS) == Decimal("2.67")
    # (4·3 + 5·0.5) / 3.5 = 4.142… → 4.14; half up, not to even: (4·7 + 5·1) / 8 = 4.125 → 4.13
    assert rules.weighted_average([("4", "a"), ("4", "a"), ("4", "a"), ("5", "b")],
                                  {"a": Decimal("1"), "b": Decimal("0.5")}) == Decimal("4.14")
    assert rules.weighted_average([("4", "a"), ("5", "b")], {"a": Decimal("7"), "b": Decimal("1")}) == Decimal("4.13")


def test_no_numeric_marks_no_average_and_unknown_types_weigh_one():
    assert rules.weighted_average([], WEIGHTS) is None
    assert rules.weighted_average([("ОСВ", "classwork")], WEIGHTS) is None
    assert rules.weighted_average([("5", "gone"), ("3", "test")], WEIGHTS) == Decimal("3.67")


@pytest.mark.parametrize(("code", "name", "weight", "field"), [
    ("Test", "Контрольная", "2", "code"), ("", "Контрольная", "2", "code"), ("a" * 51, "x", "1", "code"),
    ("lab", " ", "1", "name"), ("lab", "x" * 101, "1", "name"),
    ("lab", "Лабораторная", "0", "weight"), ("lab", "Лабораторная", "-1", "weight"),
    ("lab", "Лабораторная", "10.5", "weight"), ("lab", "Лабораторная", "1.234", "weight"),
    ("lab", "Лабораторная", "много", "weight"), ("lab", "Лабораторная", "NaN", "weight"),
])
def test_a_bad_work_type_names_its_field(code, name, weight, field):
    with pytest.raises(Invalid) as error:
        rules.checked(code, name, weight)
    assert list(error.value.fields) == [field]


def test_a_good_work_type_and_its_weight_text():
    assert rules.checked("lab", " Лабораторная ", "1,25") == rules.WorkType("lab", "Лабораторная", Decimal("1.25"))
    assert [rules.weight_text(Decimal(w)) for w in ("1.00", "1.50", "10.00", "0.25")] == ["1", "1.5", "10", "0.25"]


def test_marks_of_unknown_work_types_are_refused_by_index():
    rules.check_marks(["classwork", "test"], WEIGHTS)
    with pytest.raises(Invalid) as error:
        rules.check_marks(["classwork", "essay"], WEIGHTS)
    assert "marks[1].work_type" in error.value.fields
