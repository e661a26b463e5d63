"""The rules of the year transition: default outcomes, the class each outcome leads to, the default new classes
and the checks of the decisions; and the rules of a person correction."""
import datetime as dt

from services.identity.domain.class_groups import ClassGroup
from services.identity.domain.movement_order import Debt
from services.identity.domain.person import PersonName
from services.identity.domain.person_correction import corrections
from services.identity.domain.year_transition import (
    Decision,
    decision_problems,
    default_new_classes,
    default_outcome,
    new_year_classes,
    target_name,
)

GROUPS = [ClassGroup("1", "y", 1, "1А"), ClassGroup("4", "y", 4, "4А"), ClassGroup("5", "y", 5, "5А"),
          ClassGroup("9", "y", 9, "9А"), ClassGroup("11", "y", 11, "11Б")]
CLASS_OF = {"first": GROUPS[0], "fifth": GROUPS[2], "ninth": GROUPS[3], "eleventh": GROUPS[4]}
DEBT = Debt("math", "Математика", dt.date(2026, 10, 1))


def test_defaults_promote_and_graduate_the_9th_and_11th():
    assert [default_outcome(g.grade) for g in GROUPS] == ["promoted"] * 3 + ["graduated"] * 2
    assert [target_name(GROUPS[2], o) for o in ("promoted", "repeating", "graduated")] == ["6А", "5А", ""]
    assert default_new_classes(GROUPS) == [(1, "1А")]
    assert new_year_classes(GROUPS, [(1, "1А")]) == {(2, "2А"), (5, "5А"), (6, "6А"), (1, "1А")}


def check(*decisions, new_classes=((1, "1А"),)):
    return decision_problems(list(decisions), CLASS_OF, new_year_classes(GROUPS, list(new_classes)))


def test_bad_decisions_are_named_by_field():
    assert check(Decision("fifth", "conditional", (DEBT,)), Decision("ninth", "graduated")) == {}
    assert list(check(Decision("stranger", "promoted"))) == ["decisions[0].student_id"]
    assert list(check(Decision("fifth", "graduated"))) == ["decisions[0].outcome"]
    assert list(check(Decision("fifth", "expelled"))) == ["decisions[0].outcome"]
    assert list(check(Decision("ninth", "promoted"))) == ["decisions[0].outcome"]
    assert list(check(Decision("fifth", "conditional"))) == ["decisions[0].debts"]
    assert list(check(Decision("fifth", "promoted"), Decision("fifth", "promoted"))) == ["decisions[1].student_id"]


def test_a_repeater_needs_a_class_of_the_same_grade_and_letter():
    assert check(Decision("fifth", "repeating")) == {}  # 4А continues as 5А
    assert list(check(Decision("eleventh", "repeating"))) == ["decisions[0].student_id"]  # no 11Б next year
    assert list(check(Decision("first", "repeating"), new_classes=())) == ["decisions[0].student_id"]


CURRENT = {"last_name": "Иванова", "first_name": "Анна", "middle_name": "", "gender": "female",
           "birth_date": "2014-03-01"}
TODAY = dt.date(2026, 12, 6)


def test_a_correction_names_the_fields_that_change():
    changes, problems = corrections(CURRENT, PersonName("Петрова", "Анна"), "", "2014-03-02", "смена фамилии", TODAY)
    assert problems == {} and changes == {"last_name": ("Иванова", "Петрова"),
                                          "birth_date": ("2014-03-01", "2014-03-02")}
    assert corrections(CURRENT, None, "male", "", "", TODAY)[1] == {"reason": "укажите причину исправления"}
    assert list(corrections(CURRENT, None, "female", "", "опечатка", TODAY)[1]) == ["person_id"]  # nothing changes
    assert list(corrections(CURRENT, None, "x", "2999-01-01", "опечатка", TODAY)[1]) == ["gender", "birth_date"]
    assert list(corrections(CURRENT, PersonName("", "Анна"), "", "", "опечатка", TODAY)[1]) == ["name.last_name"]
