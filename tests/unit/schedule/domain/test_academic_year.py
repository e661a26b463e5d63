"""Schedule rules: academic years and terms, class group names, timetable slots, lesson dates."""
import datetime as dt

import pytest

from services.common.errors import Invalid
from services.schedule.domain import academic_year, class_group, timetable_slot, values
from services.schedule.domain.academic_year import TermInput

QUARTERS = [
    TermInput("1 четверть", "quarter", "2025-09-01", "2025-10-24"),
    TermInput("2 четверть", "quarter", "2025-11-05", "2025-12-28"),
]


def invalid_field(fn, *args) -> str:
    with pytest.raises(Invalid) as err:
        fn(*args)
    (field,) = err.value.fields
    return field


def test_valid_year_sorts_terms():
    plan = academic_year.academic_year("2025/2026", "2025-09-01", "2026-05-31", list(reversed(QUARTERS)))
    assert plan.name == "2025/2026"
    assert [t.name for t in plan.terms] == ["1 четверть", "2 четверть"]
    assert plan.terms[0].start == dt.date(2025, 9, 1)


@pytest.mark.parametrize("name, start, end, terms, field", [
    ("2025-2026", "2025-09-01", "2026-05-31", QUARTERS, "name"),
    ("2025/2027", "2025-09-01", "2026-05-31", QUARTERS, "name"),
    ("2025/2026", "2024-09-01", "2026-05-31", QUARTERS, "start_date"),
    ("2025/2026", "2025-09-01", "2027-05-31", QUARTERS, "end_date"),
    ("2025/2026", "01.09.2025", "2026-05-31", QUARTERS, "start_date"),
    ("2025/2026", "2025-02-30", "2026-05-31", QUARTERS, "start_date"),
    ("2025/2026", "2025-09-01", "2026-05-31", [], "terms"),
    ("2025/2026", "2025-09-01", "2026-05-31", [TermInput("", "quarter", "2025-09-01", "2025-10-01")], "terms[0].name"),
    ("2025/2026", "2025-09-01", "2026-05-31", [TermInput("I", "season", "2025-09-01", "2025-10-01")], "terms[0].kind"),
    ("2025/2026", "2025-09-01", "2026-05-31", [TermInput("I", "quarter", "2025-08-01", "2025-10-01")],
     "terms[0].start_date"),
    ("2025/2026", "2025-09-01", "2026-05-31", [TermInput("I", "quarter", "2025-10-01", "2025-09-02")],
     "terms[0].end_date"),
    ("2025/2026", "2025-09-01", "2026-05-31",
     [QUARTERS[0], TermInput("2 четверть", "quarter", "2025-10-24", "2025-12-28")], "terms[1].start_date"),
])
def test_invalid_year(name, start, end, terms, field):
    assert invalid_field(academic_year.academic_year, name, start, end, terms) == field


def test_class_group_name_is_normalized_and_matches_grade():
    assert class_group.class_group_name(5, " 5а ") == "5А"
    assert class_group.class_group_name(11, "11Ё") == "11Ё"
    assert invalid_field(class_group.class_group_name, 12, "12А") == "grade"
    assert invalid_field(class_group.class_group_name, 5, "5A") == "name"  # Latin A
    assert invalid_field(class_group.class_group_name, 5, "6А") == "name"


@pytest.mark.parametrize("args, field", [
    ((0, 1, "08:30", "09:15", ""), "weekday"),
    ((7, 1, "08:30", "09:15", ""), "weekday"),
    ((1, 11, "08:30", "09:15", ""), "lesson_number"),
    ((1, 1, "8:30", "09:15", ""), "starts_at"),
    ((1, 1, "08:30", "24:00", ""), "ends_at"),
    ((1, 1, "09:15", "08:30", ""), "ends_at"),
    ((1, 1, "08:30", "09:15", "x" * 51), "room"),
])
def test_invalid_slot(args, field):
    assert invalid_field(timetable_slot.slot, *args) == field


def test_slot():
    slot = timetable_slot.slot(6, 10, "15:00", "15:45", " 21 ")
    assert (slot.starts_at, slot.ends_at, slot.room) == (dt.time(15, 0), dt.time(15, 45), "21")


def test_date_range():
    assert values.date_range("", "") == (None, None)
    assert invalid_field(values.date_range, "2025-09-02", "2025-09-01") == "date_to"


def test_terms_of_different_grades_may_overlap_but_not_within_a_grade():
    quarters = [TermInput("1 четверть", "quarter", "2025-09-01", "2025-10-24", 1, 9),
                TermInput("1 полугодие", "half_year", "2025-09-01", "2025-12-28", 10, 11)]
    plan = academic_year.academic_year("2025/2026", "2025-09-01", "2026-05-31", quarters)
    assert [(t.kind, t.grade_from, t.grade_to) for t in plan.terms] == [("quarter", 1, 9), ("half_year", 10, 11)]
    with pytest.raises(Invalid) as err:
        academic_year.academic_year("2025/2026", "2025-09-01", "2026-05-31",
                             [*quarters, TermInput("Осень", "trimester", "2025-12-01", "2026-01-30", 9, 10)])
    assert err.value.fields == {"terms[2].start_date": "период пересекается с периодом «1 полугодие»"}
    for grades in ((0, 9), (5, 4), (1, 12)):
        with pytest.raises(Invalid) as err:
            academic_year.academic_year("2025/2026", "2025-09-01", "2026-05-31",
                                 [TermInput("I", "quarter", "2025-09-01", "2025-10-24", *grades)])
        assert list(err.value.fields) == ["terms[0].grade_from"]
