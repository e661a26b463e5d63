import pytest

from services.common.errors import FailedPrecondition, Invalid
from services.journal.domain import student_plan as rules
from services.journal.domain.lesson_entry import MarkInput

MATH, MUSIC = "00000000-0000-0000-0000-00000000000a", "00000000-0000-0000-0000-00000000000b"


def test_the_state_of_a_subject_under_a_plan():
    plan = rules.Plan(home_schooled=True, excluded_subject_ids=frozenset({MUSIC}))
    assert (plan.state(MUSIC), plan.state(MATH)) == ("not_studied", "home_schooled")
    assert rules.REGULAR.state(MATH) == "" and rules.needs_current_marks(rules.REGULAR)
    assert not rules.needs_current_marks(plan)


def test_lesson_marks_are_refused_at_home_and_outside_the_plan_naming_the_mark():
    plans = {"home": rules.Plan(home_schooled=True), "solo": rules.Plan(excluded_subject_ids=frozenset({MUSIC}))}
    rules.check_lesson_marks([MarkInput("x", "5"), MarkInput("solo", "4")], plans, MATH)
    for student, text in (("home", "домашнем обучении"), ("solo", "не изучает")):
        with pytest.raises(Invalid) as err:
            rules.check_lesson_marks([MarkInput("x", "5"), MarkInput(student, "4")], plans, MUSIC)
        assert text in err.value.fields["marks[1].student_id"]


def test_period_marks_only_in_studied_subjects_and_valid_exclusions():
    rules.check_period_mark(rules.Plan(home_schooled=True), MUSIC)
    with pytest.raises(FailedPrecondition):
        rules.check_period_mark(rules.Plan(excluded_subject_ids=frozenset({MUSIC})), MUSIC)
    assert rules.excluded([MUSIC.upper()]) == frozenset({MUSIC})
    with pytest.raises(Invalid):
        rules.excluded(["музыка"])
