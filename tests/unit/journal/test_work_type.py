"""Work types: validation of a set work type, unknown work types in marks (the defaults and the weighted average:
tests/unit/common/test_mark_average.py)."""
from decimal import Decimal

import pytest

from services.common.errors import Invalid
from services.common.mark_average import DEFAULTS, WorkType
from services.journal.domain import work_type as rules

WEIGHTS = {w.code: w.weight for w in DEFAULTS}


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
    assert rules.checked("lab", " Лабораторная ", "1,25") == WorkType("lab", "Лабораторная", Decimal("1.25"))
    assert [rules.weight_text(Decimal(w)) for w in ("1.00", "1.50", "10.00", "0.25")] == ["1", "1.5", "10", "0.25"]


def test_marks_of_unknown_work_types_are_refused_by_index():
    rules.check_marks(["classwork", "test"], WEIGHTS)
    with pytest.raises(Invalid) as error:
        rules.check_marks(["classwork", "essay"], WEIGHTS)
    assert "marks[1].work_type" in error.value.fields
