"""The year transition's classes: grade + 1 with the letter kept, the 9th and 11th grades not continued, curriculum
hours from the old class of the new name, new classes checked; and the classes a moved student is still in."""

import pytest

from services.common.errors import Conflict, Invalid
from services.schedule.domain.class_membership import classes_kept
from services.schedule.domain.class_succession import NextClass, continued, next_classes, successor_name


def group(grade: int, name: str) -> dict:
    return dict(id=f"id-{name}", grade=grade, name=name)


def test_the_grade_number_goes_up_and_the_letter_stays():
    assert [successor_name(n) for n in ("1А", "5А", "9В", "10Б", "8Ё")] == ["2А", "6А", "10В", "11Б", "9Ё"]


def test_every_class_but_the_9th_and_11th_goes_on_with_the_hours_of_the_old_class_of_its_new_name():
    groups = [group(5, "5А"), group(5, "5Б"), group(6, "6А"), group(9, "9А"), group(10, "10А"), group(11, "11А")]
    assert continued(groups) == [
        NextClass("id-5А", 6, "6А", "id-6А"),   # old 6А's hours for the new 6А
        NextClass("id-5Б", 6, "6Б", "id-5Б"),   # no old 6Б: its own
        NextClass("id-6А", 7, "7А", "id-6А"),
        NextClass("id-10А", 11, "11А", "id-11А")]


def test_new_classes_come_after_the_continued_ones_empty_and_normalised():
    classes = next_classes([group(4, "4А")], [(1, "1а"), (10, "10Б")])
    assert classes[1:] == [NextClass(None, 1, "1А"), NextClass(None, 10, "10Б")]


@pytest.mark.parametrize(("new", "error", "field"), [
    ([(0, "0А")], Invalid, "new_classes[0].grade"),
    ([(1, "1А"), (12, "12А")], Invalid, "new_classes[1].grade"),
    ([(1, "2А")], Invalid, "new_classes[0].name"),
    ([(1, "1")], Invalid, "new_classes[0].name"),
    ([(5, "5а")], Conflict, "new_classes[0].name"),  # the continued 4А is the new 5А
    ([(1, "1А"), (1, "1а")], Conflict, "new_classes[1].name"),
])
def test_a_bad_or_clashing_new_class_is_refused_naming_it(new, error, field):
    with pytest.raises(error) as refused:
        next_classes([group(4, "4А")], new)
    assert list(refused.value.fields) == [field]


def test_a_student_keeps_the_subgroups_of_every_class_they_were_ever_in():
    assert classes_kept(["5А", "5Б", "5А"]) == {"5А", "5Б"}  # a transfer: the old class's subgroups stay too
    assert classes_kept([]) == set()  # an enrolment undone
