"""Which lesson holds what another lesson at the same time needs: class group or subgroup, teacher, room."""
import pytest

from services.common.errors import Conflict
from services.schedule.domain.clashes import Booking, SlotBook, label, reason, reject

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


def test_the_refusal_names_every_clashing_lesson_in_the_order_of_their_names_whatever_order_they_come_in():
    english_2 = booking(class_group="5A", subgroup="g2", teacher="t3", room="32", name=label("Английский", "5А", "2 группа"))
    english_1 = booking(class_group="5A", subgroup="g1", teacher="t2", room="31", name=label("Английский", "5А", "1 группа"))
    for others in ([english_1, english_2], [english_2, english_1]):
        with pytest.raises(Conflict) as err:
            reject(MATHS, others, "вторник, 3-й урок")
        assert err.value.message == ("Урок «Математика», 5А пересекается с уроками «Английский», 5А (1 группа), "
                                     "«Английский», 5А (2 группа) (вторник, 3-й урок): у класса в это время уже есть урок")
        assert err.value.fields == {"lesson_number": "у класса в это время уже есть урок"}
    physics = booking(room="21", name=label("Физика", "5Б"))
    algebra = booking(teacher="t1", name=label("Алгебра", "7В"))
    for others in ([physics, booking(), algebra], [algebra, physics]):
        with pytest.raises(Conflict) as err:
            reject(MATHS, others, "среда, 2-й урок")
        assert err.value.message == ("Урок «Математика», 5А пересекается с уроками (среда, 2-й урок): "
                                     "«Алгебра», 7В — учитель в это время уже ведёт урок; "
                                     "«Физика», 5Б — кабинет 21 в это время занят")
        assert err.value.fields == {"teacher_id": "учитель в это время уже ведёт урок",
                                    "room": "кабинет 21 в это время занят"}
    reject(MATHS, [booking(), booking(class_group="6A")], "среда, 2-й урок")  # nothing clashes: no refusal


def test_many_new_lessons_clash_with_the_stored_ones_and_with_each_other():
    loads = []

    def stored(slot):
        loads.append(slot)
        return [MATHS] if slot == ("y", 1, 1) else []

    book = SlotBook(stored)
    with pytest.raises(Conflict) as err:  # a stored lesson of the slot
        book.take(("y", 1, 1), booking(teacher="t1"), "понедельник, 1-й урок")
    assert err.value.fields == {"teacher_id": "учитель в это время уже ведёт урок"}
    book.take(("y", 1, 2), booking(class_group="5A", subgroup="g1", room="31"), "понедельник, 2-й урок")
    book.take(("y", 1, 2), booking(class_group="5A", subgroup="g2", teacher="t2", room="32"), "понедельник, 2-й урок")
    with pytest.raises(Conflict) as err:  # a lesson taken earlier in the same batch
        book.take(("y", 1, 2), booking(class_group="6A", teacher="t3", room="31", name="«Химия», 6А"),
                  "понедельник, 2-й урок")
    assert err.value.message == ("Урок «Химия», 6А пересекается с уроком «Физика», 5Б (понедельник, 2-й урок): "
                                 "кабинет 31 в это время занят")
    book.take(("y", 1, 3), booking(class_group="6A", teacher="t3", room="31"), "понедельник, 3-й урок")
    assert sorted(loads) == [("y", 1, 1), ("y", 1, 2), ("y", 1, 3)]  # each slot's stored lessons read once


def test_a_refused_lesson_does_not_hold_the_slot():
    book = SlotBook(lambda slot: [MATHS])
    with pytest.raises(Conflict):
        book.take("slot", booking(class_group="5A", teacher="t5", room="5"), "вторник, 1-й урок")
    book.take("slot", booking(class_group="6A", teacher="t5", room="5"), "вторник, 1-й урок")
    with pytest.raises(Conflict):  # the lesson taken after the refusal does hold it
        book.take("slot", booking(class_group="7A", teacher="t5", room="7"), "вторник, 1-й урок")
