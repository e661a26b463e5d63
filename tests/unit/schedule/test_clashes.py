"""Which lesson holds what another lesson at the same time needs: class group or subgroup, teacher, room."""
import pytest

from services.common.errors import Conflict
from services.schedule.clashes import Booking, label, reason, reject

MATHS = Booking("5A", None, "t1", "21", label("Математика", "5А"))


def booking(class_group="5B", subgroup=None, teacher="t9", room="99", name="«Физика», 5Б") -> Booking:
    return Booking(class_group, subgroup, teacher, room, name)


def test_the_whole_class_clashes_with_any_lesson_of_the_class():
    assert reason(MATHS, booking(class_group="5A", subgroup="g1"))[0] == "lesson_number"
    assert reason(booking(class_group="5A", subgroup="g1"), MATHS)[0] == "lesson_number"


def test_two_subgroups_of_a_class_do_not_clash_but_one_subgroup_twice_does():
    english_1 = booking(class_group="5A", subgroup="g1", teacher="t2", room="31")
    assert reason(english_1, booking(class_group="5A", subgroup="g2", teacher="t3", room="32")) is None
    assert reason(english_1, booking(class_group="5A", subgroup="g1", teacher="t3", room="32"))[0] == "lesson_number"


def test_the_teacher_and_the_room_clash_across_classes():
    assert reason(MATHS, booking(teacher="t1")) == ("teacher_id", "учитель в это время уже ведёт урок")
    assert reason(MATHS, booking(room="21")) == ("room", "кабинет 21 в это время занят")
    assert reason(booking(room=""), booking(class_group="6A", teacher="t8", room="")) is None  # no room to share
    assert reason(MATHS, booking()) is None


def test_the_refusal_names_both_lessons_and_the_time():
    with pytest.raises(Conflict) as err:
        reject(MATHS, [booking(), booking(teacher="t1", name=label("Алгебра", "7В", "1 группа"))], "среда, 2-й урок")
    assert str(err.value.message) == ("Урок «Математика», 5А пересекается с уроком «Алгебра», 7В (1 группа) "
                                      "(среда, 2-й урок): учитель в это время уже ведёт урок")
    assert err.value.fields == {"teacher_id": "учитель в это время уже ведёт урок"}
