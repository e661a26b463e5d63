"""Flags of marks through the service layer against the fake unit of work (no PostgreSQL): a guardian flags their
child's mark (an event, no ledger row), once while it is open; the other child's mark, a staff member and another
school are refused; the teacher answers once, "corrected" only after the lesson's save changed the mark; who sees
which flags."""
import uuid

import pytest

from proto.journal.v1 import journal_pb2 as pb
from services.common.errors import Conflict, FailedPrecondition, Forbidden, Invalid, NotFound
from services.journal.service_layer import mark_flags
from tests.unit.journal.test_handlers import School, event_types


def new_id() -> str:
    return str(uuid.uuid4())


@pytest.fixture
def marked():
    """A school whose teacher gave the first student a 3 for a test and the second a 5 yesterday."""
    school = School()
    a, b, _ = school.students
    lesson = school.lesson(days_ago=1)
    record = school.save(lesson, marks=[(a, "3", "test"), (b, "5")], reason="Внесено")
    school.lesson_ = lesson
    school.mark_of = {m.student_id: m for m in record.marks}
    return school


def as_guardian_of(school: School, student: str) -> str:
    guardian = new_id()
    school.principals.act(school.id, guardian, "guardian", children=[student])
    return guardian


def flag(school: School, student: str, text: str = "Я исправил работу, должна быть 4") -> pb.MarkFlag:
    return mark_flags.flag_mark(school.scope(), school.uow, school.mark_of[student].id, text)


def test_a_guardian_flags_their_childs_mark_with_an_event_and_no_ledger_row(marked):
    a = marked.students[0]
    guardian = as_guardian_of(marked, a)
    ledger_before = len(marked.uow.ledger_rows)
    flagged = flag(marked, a)
    assert (flagged.mark_value, flagged.work_type, flagged.student_id, flagged.lesson_id) == (
        "3", "test", a, marked.lesson_.id)
    assert (flagged.teacher_id, flagged.author_id, flagged.author_role, flagged.answer) == (
        marked.teacher_id, guardian, "guardian", "")
    assert (flagged.class_group_id, flagged.subject_name, flagged.current_value) == (
        marked.class_group_id, "Математика", "3")
    assert event_types(marked.uow)[-1] == "MarkFlagged" and marked.uow.events[-1].flag.school_id == marked.id
    assert len(marked.uow.ledger_rows) == ledger_before
    with pytest.raises(Conflict) as err:  # once while it is open
        flag(marked, a, "Ещё раз")
    assert list(err.value.fields) == ["mark_id"] and len(marked.uow.mark_flags.rows) == 1


def test_the_student_flags_their_own_mark(marked):
    a = marked.students[0]
    marked.principals.act(marked.id, a, "student", children=[a])
    assert flag(marked, a).author_role == "student"


def test_another_childs_mark_staff_and_another_school_are_refused_and_nothing_is_written(marked):
    a, b, _ = marked.students
    as_guardian_of(marked, a)
    with pytest.raises(Forbidden):
        flag(marked, b)
    marked.as_teacher()
    with pytest.raises(Forbidden):
        flag(marked, a)
    marked.principals.act(marked.id, new_id())  # no role in the school
    with pytest.raises(NotFound):
        flag(marked, a)
    as_guardian_of(marked, a)
    with pytest.raises(NotFound) as err:
        mark_flags.flag_mark(marked.scope(), marked.uow, new_id(), "Нет такой")
    assert list(err.value.fields) == ["mark_id"]
    with pytest.raises(Invalid) as err:
        flag(marked, a, "   ")
    assert list(err.value.fields) == ["text"]
    assert marked.uow.mark_flags.rows == {} and "MarkFlagged" not in event_types(marked.uow)


def answer(school: School, flag_id: str, outcome: str, text: str = "Проверил работу") -> pb.MarkFlag:
    return mark_flags.answer_mark_flag(school.scope(), school.uow, flag_id, text, outcome)


def test_the_teacher_corrects_the_mark_through_the_lesson_then_answers_once(marked):
    a, b, _ = marked.students
    as_guardian_of(marked, a)
    flagged = flag(marked, a)
    marked.as_teacher()
    with pytest.raises(FailedPrecondition) as err:  # not changed yet
        answer(marked, flagged.id, "corrected")
    assert list(err.value.fields) == ["outcome"]
    marked.save(marked.lesson_, marks=[(a, "4", "test"), (b, "5")], reason="Обращение родителя: пересчитал")
    assert marked.uow.ledger_rows[-1]["old_value"]["value"] == "3"  # the correction is on the ledger
    answered = answer(marked, flagged.id, "corrected", "Исправлено на 4")
    assert (answered.outcome, answered.answer, answered.value_after, answered.answered_by) == (
        "corrected", "Исправлено на 4", "4", marked.teacher_id)
    assert event_types(marked.uow)[-1] == "MarkFlagAnswered"
    with pytest.raises(FailedPrecondition) as err:
        answer(marked, flagged.id, "explained")
    assert list(err.value.fields) == ["flag_id"]
    as_guardian_of(marked, a)
    assert flag(marked, a, "Теперь верно?").mark_value == "4"  # answered: the mark may be flagged again


def test_who_answers_the_teacher_the_form_teacher_a_manager_not_another_teacher_nor_the_family(marked):
    a = marked.students[0]
    as_guardian_of(marked, a)
    flagged = flag(marked, a)
    with pytest.raises(Forbidden):
        answer(marked, flagged.id, "explained")
    marked.principals.act(marked.id, new_id(), "subject_teacher")
    with pytest.raises(Forbidden):
        answer(marked, flagged.id, "explained")
    marked.principals.act(marked.id, new_id(), "form_teacher", leads=[marked.class_group_id])
    assert answer(marked, flagged.id, "explained").outcome == "explained"
    as_guardian_of(marked, a)
    second = flag(marked, a, "Не согласен")
    marked.as_deputy_head()
    assert answer(marked, second.id, "explained", "Работа проверена повторно").outcome == "explained"
    with pytest.raises(NotFound):
        answer(marked, new_id(), "explained")
    with pytest.raises(Invalid) as err:
        answer(marked, second.id, "deleted")
    assert list(err.value.fields) == ["outcome"]


def test_who_sees_which_flags(marked):
    a, b, _ = marked.students
    as_guardian_of(marked, a)
    of_a = flag(marked, a)
    as_guardian_of(marked, b)
    of_b = flag(marked, b, "Я не отвечал")

    def listed(status: str = "", **filters) -> list[str]:
        values = {k: filters.get(k, "") for k in ("teacher_id", "class_group_id", "student_id", "lesson_id")}
        return [f.id for f in mark_flags.list_mark_flags(marked.scope(), marked.uow, status, **values)]

    assert listed(student_id=b) == [of_b.id]  # a family: their own child's
    with pytest.raises(Forbidden):
        listed(student_id=a)
    with pytest.raises(Invalid) as err:
        listed()
    assert list(err.value.fields) == ["student_id"]
    marked.as_teacher()
    assert set(listed()) == {of_a.id, of_b.id} and listed(lesson_id=marked.lesson_.id, student_id=a) == [of_a.id]
    marked.principals.act(marked.id, new_id(), "subject_teacher")  # another teacher: none of theirs
    assert listed() == []
    marked.principals.act(marked.id, new_id(), "form_teacher", leads=[marked.class_group_id])
    assert set(listed()) == {of_a.id, of_b.id}
    marked.as_deputy_head()
    answer(marked, of_a.id, "explained")
    assert listed("open") == [of_b.id] and listed("answered") == [of_a.id]
    with pytest.raises(Invalid):
        listed("closed")
