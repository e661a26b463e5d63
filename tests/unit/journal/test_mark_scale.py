"""The school's mark scale: known scales, marks on each, aliases, averages."""
import pytest

from services.common.errors import Invalid
from services.journal.adapters import protobuf
from services.journal.domain import journal_policy as school_policy
from services.journal.domain import mark_scale


@pytest.mark.parametrize("scale, accepted, refused", [
    ("five_point", ["1", "5", " 3 "], ["0", "6", "10", "зачёт", "5-"]),
    ("ten_point", ["1", "7", "10"], ["0", "11", "зачёт"]),
    ("pass_fail", ["зачёт", "Незачёт", "зачет", "НЕЗАЧЕТ", "зач"], ["5", "1", "сдал"]),
])
def test_marks_on_each_scale(scale, accepted, refused):
    for raw in accepted:
        assert mark_scale.mark(raw, scale, "value") in mark_scale.VALUES[scale]
    for raw in refused:
        with pytest.raises(Invalid) as err:
            mark_scale.mark(raw, scale, "marks[0].value")
        assert list(err.value.fields) == ["marks[0].value"]
        assert mark_scale.HINTS[scale] in err.value.fields["marks[0].value"]


def test_pass_fail_has_no_average():
    assert mark_scale.has_average("five_point") and mark_scale.has_average("ten_point")
    assert not mark_scale.has_average("pass_fail")


def test_the_scale_is_a_policy_setting_five_point_by_default():
    assert school_policy.DEFAULT.mark_scale == "five_point"
    assert school_policy.changed(school_policy.DEFAULT, {"mark_scale": "ten_point"}).mark_scale == "ten_point"
    assert school_policy.from_stored({"mark_scale": "pass_fail"}).mark_scale == "pass_fail"
    with pytest.raises(Invalid) as err:
        school_policy.changed(school_policy.DEFAULT, {"mark_scale": "hundred_point"})
    assert list(err.value.fields) == ["mark_scale"]


def test_each_scale_offers_its_values_best_first():
    assert [protobuf.mark_values(scale) for scale in ("five_point", "ten_point", "pass_fail")] == [
        ["5", "4", "3", "2", "1"], ["10", "9", "8", "7", "6", "5", "4", "3", "2", "1"], ["зачёт", "незачёт"]]
    assert [(k.code, k.name) for k in protobuf.attendance_kinds()] == [
        ("absent", "Н — отсутствовал"), ("late", "опоздал"), ("ill", "Б — болел"), ("excused", "УП — уважительная"),
        ("unexcused", "НП — неуважительная")]
