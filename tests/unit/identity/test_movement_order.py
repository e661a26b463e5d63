"""The rules of movement orders: deadlines by working days and the year end, successor names, what each kind
needs of its lines."""
import datetime as dt

import pytest

from services.identity.domain.class_groups import AcademicYear, ClassGroup, next_year, successor_name
from services.identity.domain.class_membership import Membership
from services.identity.domain.movement_order import (
    CONDITIONAL_PROMOTION,
    ENROLMENT,
    GRADUATION,
    LEAVING,
    PROMOTION,
    REPETITION,
    TRANSFER,
    Line,
    LineFacts,
    MovementPolicy,
    deadline,
    line_problems,
    transition_deadline,
    working_days_after,
)
from services.identity.domain.movement_policy import policy_problems

THIS = AcademicYear("y1", "2025/2026", dt.date(2025, 9, 1), dt.date(2026, 5, 31), "open")
NEXT = AcademicYear("y2", "2026/2027", dt.date(2026, 9, 1), dt.date(2027, 5, 31), "open")
LAST = AcademicYear("y0", "2024/2025", dt.date(2024, 9, 1), dt.date(2025, 5, 31), "closed")
YEARS = [NEXT, THIS, LAST]
FIFTH, FIFTH_B = ClassGroup("5А", "y1", 5, "5А"), ClassGroup("5Б", "y1", 5, "5Б")
SIXTH, FIFTH_NEXT = ClassGroup("6А", "y2", 6, "6А"), ClassGroup("5А'", "y2", 5, "5А")
NINTH, OLD = ClassGroup("9А", "y1", 9, "9А"), ClassGroup("5В", "y0", 5, "5В")
DAY = dt.date(2026, 1, 14)


def problems(kind, line, from_class=FIFTH, to_class=None, effective=DAY, memberships=None):
    held = memberships if memberships is not None else ([Membership(from_class.id)] if from_class else [])
    return line_problems(kind, line, LineFacts(True, held, from_class, to_class), effective, YEARS)


def test_working_days_skip_the_weekend():
    assert working_days_after(dt.date(2026, 1, 14), 3) == dt.date(2026, 1, 19)  # Wed -> Mon
    assert working_days_after(dt.date(2026, 1, 16), 1) == dt.date(2026, 1, 19)  # Fri -> Mon
    assert working_days_after(dt.date(2026, 1, 17), 3) == dt.date(2026, 1, 21)  # Sat -> Wed


def test_deadlines_of_the_year_end_and_of_the_year():
    assert deadline(PROMOTION, NEXT.start, THIS) == dt.date(2026, 8, 31)
    assert deadline(GRADUATION, dt.date(2026, 6, 1), THIS) == dt.date(2026, 8, 31)
    assert deadline(LEAVING, DAY, THIS) == dt.date(2026, 1, 19)
    assert deadline(TRANSFER, DAY, THIS, MovementPolicy(notice_working_days=1)) == dt.date(2026, 1, 15)
    assert transition_deadline(NEXT.start) == dt.date(2026, 9, 15)


def test_a_school_sets_its_own_deadlines():
    own = MovementPolicy(promotion_due="06-30", notice_working_days=0, transition_due="09-01")
    assert deadline(PROMOTION, NEXT.start, THIS, own) == dt.date(2026, 6, 30)
    assert deadline(REPETITION, NEXT.start, THIS, own) == dt.date(2026, 6, 30)
    assert deadline(ENROLMENT, DAY, THIS, own) == DAY  # the same day
    assert deadline(LEAVING, DAY, THIS, MovementPolicy(notice_working_days=10)) == dt.date(2026, 1, 28)
    assert transition_deadline(NEXT.start, own) == dt.date(2026, 9, 1)


@pytest.mark.parametrize(("changes", "fields"), [
    ({"promotion_due": "07-15", "notice_working_days": 0, "transition_due": "10-01"}, set()),
    ({"notice_working_days": 30}, set()),
    ({}, set()),
    ({"promotion_due": "02-29"}, {"promotion_due"}),  # not every year has it
    ({"promotion_due": "8-31"}, {"promotion_due"}),
    ({"transition_due": "13-01"}, {"transition_due"}),
    ({"transition_due": "2026-09-15"}, {"transition_due"}),
    ({"transition_due": ""}, {"transition_due"}),
    ({"notice_working_days": -1, "promotion_due": "08-32"}, {"notice_working_days", "promotion_due"}),
    ({"notice_working_days": 31}, {"notice_working_days"}),
])
def test_what_a_policy_change_may_set(changes, fields):
    found = policy_problems(changes)
    assert set(found) == fields
    assert all(any(ch in "абвгдежзийклмнопрстуфхцчшщыьэюя" for ch in text) for text in found.values())  # Russian


def test_successor_names_keep_the_letter():
    assert successor_name("5А", 5, 6) == "6А" and successor_name("10-Б", 10, 11) == "11-Б"
    assert successor_name("1 класс", 1, 2) == "2 класс" and successor_name("Б", 3, 4) == "4Б"
    assert next_year(YEARS, "y1") == NEXT and next_year(YEARS, "y2") is None


@pytest.mark.parametrize(("kind", "line", "to_class", "field"), [
    (TRANSFER, Line("s", "5Б"), FIFTH_B, None),
    (TRANSFER, Line("s", "6А"), SIXTH, "to_class_group_id"),  # another year
    (TRANSFER, Line("s", "5А"), FIFTH, "to_class_group_id"),  # the same class
    (TRANSFER, Line("s", "5В"), OLD, "to_class_group_id"),  # a closed year
    (TRANSFER, Line("s", "x"), None, "to_class_group_id"),  # not in the school
    (PROMOTION, Line("s", "6А"), SIXTH, None),
    (PROMOTION, Line("s", "5А'"), FIFTH_NEXT, "to_class_group_id"),  # not grade + 1
    (CONDITIONAL_PROMOTION, Line("s", "6А"), SIXTH, "debts"),
    (REPETITION, Line("s", "5А'"), FIFTH_NEXT, None),
    (REPETITION, Line("s", "6А"), SIXTH, "to_class_group_id"),
    (GRADUATION, Line("s", document="аттестат"), None, "student_id"),  # a 5th grader
    (LEAVING, Line("s"), None, "destination"),
])
def test_what_each_kind_needs(kind, line, to_class, field):
    effective = NEXT.start if kind in (PROMOTION, CONDITIONAL_PROMOTION, REPETITION) else DAY
    found = problems(kind, line, to_class=to_class, effective=effective)
    assert list(found) == ([field] if field else [])


def test_graduation_from_the_ninth_needs_the_document():
    assert problems(GRADUATION, Line("s", document="аттестат"), from_class=NINTH) == {}
    assert list(problems(GRADUATION, Line("s"), from_class=NINTH)) == ["document"]


def test_who_may_be_moved():
    assert list(problems(TRANSFER, Line("s", "5Б"), from_class=None, to_class=FIFTH_B)) == ["student_id"]
    assert problems(ENROLMENT, Line("s", "5А"), from_class=None, to_class=FIFTH) == {}
    assert list(problems(ENROLMENT, Line("s", "5Б"), to_class=FIFTH_B)) == ["student_id"]  # in a class that day
    later = [Membership("5А", None, DAY), Membership("5Б", DAY + dt.timedelta(days=1))]
    assert "student_id" in problems(TRANSFER, Line("s", "5Б"), to_class=FIFTH_B, memberships=later)
    stranger = line_problems(TRANSFER, Line("x", "5Б"), LineFacts(False, [], None, FIFTH_B), DAY, YEARS)
    assert list(stranger) == ["student_id"]
