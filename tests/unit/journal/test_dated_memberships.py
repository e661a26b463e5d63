"""The journal's handlers with dated class membership (A1), against the fake unit of work: a lesson is recorded for
the students in its class on its day, and a term mark is of the student's class in the term with the current marks
of every class they were in during it."""
import datetime as dt

import pytest

from services.common.errors import FailedPrecondition, Forbidden, Invalid
from services.journal.domain.journal_policy import DEFAULT
from services.journal.domain.lesson_entry import school_today
from services.journal.service_layer import term_marks
from tests.unit.journal.test_handlers import School, event_types, new_id, term_of


def day(days_ago: int) -> str:
    return (school_today(DEFAULT.zone) - dt.timedelta(days=days_ago)).isoformat()


def test_a_lesson_is_recorded_for_the_students_in_the_class_on_its_day():
    """a left the class three days ago; d joined it two days ago (transferred in)."""
    school = School()
    a, b, _ = school.students
    d = new_id()
    school.identity.move(a, (school.class_group_id, "", day(4)))
    school.identity.move(d, (new_id(), "", day(3)), (school.class_group_id, day(2), ""))
    before, after = school.lesson(days_ago=4), school.lesson(days_ago=2)
    school.save(before, marks=[(a, "5"), (b, "4")], reason="Заполняю за прошлые дни")
    with pytest.raises(Invalid) as err:
        school.save(after, marks=[(b, "4"), (a, "5")], reason="Заполняю за прошлые дни")
    assert err.value.fields == {"marks[1].student_id": "ученик не учится в этом классе в день урока"}
    with pytest.raises(Invalid) as err:
        school.save(before, attendance=[(d, "ill")], reason="Заполняю за прошлые дни")
    assert list(err.value.fields) == ["attendance[0].student_id"]
    school.save(after, marks=[(d, "3")], attendance=[(b, "late")], reason="Заполняю за прошлые дни")
    assert event_types(school.uow) == ["TopicSet", "MarkRecorded", "MarkRecorded", "TopicSet", "MarkRecorded",
                                       "AttendanceRecorded"]


def test_a_term_mark_is_of_the_class_the_student_ended_the_term_in_with_the_marks_of_both_classes():
    school = School()
    term, lessons = term_of(school)  # lessons of the school's class, 1, 4, 7 … 22 days ago
    a = school.students[0]
    new_class, new_teacher = new_id(), new_id()
    school.identity.move(a, (school.class_group_id, "", day(11)), (new_class, day(10), ""))
    later = []
    for k in range(3):  # the new class's lessons of the subject, 2, 5 and 8 days ago
        lesson = school.lesson(days_ago=2 + 3 * k, term_id=term.id)
        lesson.class_group_id, lesson.teacher_id = new_class, new_teacher
        later.append(lesson)
    before = [lesson for lesson in lessons if lesson.date <= day(11)]

    def mark(lesson) -> None:
        school.uow.lessons.marks[new_id()] = dict(id=new_id(), lesson_id=lesson.id, student_id=a, value="5",
                                                  work_type="classwork", comment="")
    for lesson in before[:2] + later[:2] + [lessons[0]]:  # lessons[0] (yesterday) is his old class's: not his
        mark(lesson)
    assert DEFAULT.min_marks_2h == 5, "7 lessons in 4 weeks: 2 hours a week"
    with pytest.raises(Forbidden):  # the old class's teacher no longer teaches him
        term_marks.set_term_mark(school.scope(), school.uow, a, school.subject_id, term.id, "5", "")
    school.principals.act(school.id, new_teacher, "subject_teacher")
    with pytest.raises(FailedPrecondition):  # 4 of his marks: the one of the old class after he left does not count
        term_marks.set_term_mark(school.scope(), school.uow, a, school.subject_id, term.id, "5", "")
    mark(later[2])
    given = term_marks.set_term_mark(school.scope(), school.uow, a, school.subject_id, term.id, "5", "")
    assert (given.class_group_id, given.value) == (new_class, "5")


def test_a_term_mark_of_a_student_in_no_class_during_the_term_is_refused():
    school = School()
    term, _ = term_of(school)
    a = school.students[0]
    school.identity.move(a, (school.class_group_id, "", day(60)))
    with pytest.raises(Invalid) as err:
        term_marks.set_term_mark(school.scope(), school.uow, a, school.subject_id, term.id, "Н/А", "")
    assert list(err.value.fields) == ["student_id"]
