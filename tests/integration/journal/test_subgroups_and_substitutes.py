"""Substitutes (S5) and subgroups (J10) on the real PostgreSQL: the substitute records that lesson only (and may
ask to open it), a subgroup's lesson takes the subgroup's students only, the grid of a subgroup keeps its own
lessons and students, the diary shows a student their own subgroup's lessons."""
import datetime as dt
import uuid

import grpc
import pytest
from sqlalchemy import select

from proto.journal.v1 import journal_pb2 as pb
from services.journal.adapters.tables import ledger, lesson_records
from tests.integration.journal.conftest import act_as_person, add_lesson, add_subgroup, new_lesson, school_today
from tests.integration.journal.test_policy_and_locks import refused
from tests.integration.journal.test_service import save

pytestmark = pytest.mark.stack


def test_the_substitute_records_that_lesson_and_no_other(journal, past_lesson):
    substitute = str(uuid.uuid4())
    lesson = past_lesson.lesson
    lesson.substitute_teacher_id = substitute
    other = add_lesson(journal, past_lesson.school_id, lesson.class_group_id, past_lesson.teacher_id,
                       dt.date.fromisoformat(lesson.date), 2, lesson.subject_id)
    a, b, _ = past_lesson.students
    act_as_person(journal, past_lesson.school_id, substitute, "subject_teacher")
    record = save(journal, past_lesson, marks=[dict(student_id=a, value="5")], topic="Дроби", reason="Замена")
    assert [m.value for m in record.marks] == ["5"]
    code, _, _ = refused(journal.call, "SaveLesson", pb.SaveLessonRequest(
        school_id=past_lesson.school_id, lesson_id=other.id, topic="Не мой урок", reason="Замена"))
    assert code == grpc.StatusCode.PERMISSION_DENIED
    act_as_person(journal, past_lesson.school_id, past_lesson.teacher_id, "subject_teacher")
    save(journal, past_lesson, marks=[dict(student_id=a, value="5"), dict(student_id=b, value="4")], topic="Дроби",
         reason="Вернулся с больничного")
    with journal.db.tenant_session(past_lesson.school_id) as session:
        actors = session.execute(select(ledger.c.actor_person_id, ledger.c.entity).order_by(ledger.c.occurred_at)).all()
        stored = session.execute(select(lesson_records.c.substitute_teacher_id)).scalar_one()
    assert sorted(actors) == sorted([(substitute, "mark"), (substitute, "topic"), (past_lesson.teacher_id, "mark")])
    assert stored == substitute
    since, until = school_today().isoformat(), school_today().isoformat()
    journal.principals.grant(past_lesson.school_id, "school_admin")
    reply = journal.call("ListAnomalies", pb.ListAnomaliesRequest(school_id=past_lesson.school_id,
                                                                  date_from=since, date_to=until))
    assert [f.kind for f in reply.anomalies if f.kind == "not_own_lesson"] == []


def test_the_substitute_asks_to_open_a_closed_lesson_for_themselves(journal, old_lesson):
    substitute = str(uuid.uuid4())
    old_lesson.lesson.substitute_teacher_id = substitute
    act_as_person(journal, old_lesson.school_id, substitute, "subject_teacher")
    request = journal.call("RequestUnlock", pb.RequestUnlockRequest(
        school_id=old_lesson.school_id, lesson_id=old_lesson.lesson.id, reason="Забыл отметить отсутствующих"))
    assert request.teacher_id == substitute
    journal.principals.grant(old_lesson.school_id, "deputy_head", subject="deputy")
    journal.call("DecideUnlock", pb.DecideUnlockRequest(school_id=old_lesson.school_id, request_id=request.id,
                                                        decision="approve"))
    act_as_person(journal, old_lesson.school_id, old_lesson.teacher_id, "subject_teacher")
    code, _, fields = refused(save, journal, old_lesson, topic="Дроби", reason="Исправление")
    assert code == grpc.StatusCode.FAILED_PRECONDITION and "lesson_id" in fields  # opened for the substitute only
    act_as_person(journal, old_lesson.school_id, substitute, "subject_teacher")
    record = save(journal, old_lesson, attendance=[dict(student_id=old_lesson.students[0], status="absent")],
                  reason="Исправление по запросу")
    assert [a.status for a in record.attendance] == ["absent"]


@pytest.fixture
def english(journal):
    """A class of four split into two English subgroups, each with its own teacher and lesson today, and a
    whole-class English lesson yesterday."""
    week = new_lesson(journal, school_today() - dt.timedelta(days=1))
    school, group, subject = week.school_id, week.lesson.class_group_id, week.lesson.subject_id
    students = sorted(week.students + [str(uuid.uuid4())])
    journal.identity.classes[group] = set(students)
    first = add_subgroup(journal, school, group, students[:2], "Английский, 1 группа")
    second = add_subgroup(journal, school, group, students[2:], "Английский, 2 группа")
    first_teacher, second_teacher = str(uuid.uuid4()), str(uuid.uuid4())
    lessons = [add_lesson(journal, school, group, first_teacher, school_today(), 3, subject, subgroup_id=first.id),
               add_lesson(journal, school, group, second_teacher, school_today(), 3, subject, subgroup_id=second.id)]
    return dict(school=school, group=group, subject=subject, students=students, subgroups=(first, second),
                lessons=lessons, whole=week)


def save_as(journal, school, lesson, **content):
    act_as_person(journal, school, lesson.teacher_id, "subject_teacher")
    return journal.call("SaveLesson", pb.SaveLessonRequest(school_id=school, lesson_id=lesson.id, **content))


def test_a_subgroup_lesson_takes_its_own_students_only(journal, english):
    school, (first_lesson, _) = english["school"], english["lessons"]
    a, b, c, _ = english["students"]
    record = save_as(journal, school, first_lesson, marks=[pb.MarkInput(student_id=a, value="4"),
                                                           pb.MarkInput(student_id=b, value="5")])
    assert sorted(m.student_id for m in record.marks) == [a, b]
    code, message, fields = refused(save_as, journal, school, first_lesson,
                                    marks=[pb.MarkInput(student_id=c, value="3")])
    assert code == grpc.StatusCode.INVALID_ARGUMENT and "marks[0].student_id" in fields


def test_the_grid_of_a_subgroup_keeps_its_own_lessons_and_students(journal, english):
    school, group, subject = english["school"], english["group"], english["subject"]
    (first, second), (first_lesson, second_lesson) = english["subgroups"], english["lessons"]
    a, b, c, d = english["students"]
    save_as(journal, school, first_lesson, marks=[pb.MarkInput(student_id=a, value="4")])
    save_as(journal, school, second_lesson, marks=[pb.MarkInput(student_id=c, value="2")])
    journal.principals.grant(school, "deputy_head")
    period = dict(date_from=(school_today() - dt.timedelta(days=1)).isoformat(), date_to=school_today().isoformat())

    def grid(subgroup_id=""):
        return journal.call("GetGrid", pb.GetGridRequest(school_id=school, class_group_id=group, subject_id=subject,
                                                         subgroup_id=subgroup_id, **period))
    one, two, whole = grid(first.id), grid(second.id), grid()
    assert (one.subgroup_name, [g.lesson_id for g in one.lessons]) == ("Английский, 1 группа", [first_lesson.id])
    assert sorted(s.student_id for s in one.students) == [a, b]
    assert {s.student_id: s.average for s in one.students} == {a: "4.00", b: ""}
    assert [g.lesson_id for g in two.lessons] == [second_lesson.id]
    assert {s.student_id: s.average for s in two.students} == {c: "2.00", d: ""}
    assert len(whole.students) == 4 and whole.subgroup_id == ""
    assert sorted(g.lesson_id for g in whole.lessons) == sorted([english["whole"].lesson.id, first_lesson.id,
                                                                  second_lesson.id])
    by_lesson = {g.lesson_id: g.subgroup_id for g in whole.lessons}
    assert by_lesson[first_lesson.id] == first.id and by_lesson[english["whole"].lesson.id] == ""
    cells = {s.student_id: {c.lesson_id: c.outside for c in s.cells} for s in whole.students}
    assert cells[a] == {english["whole"].lesson.id: False, first_lesson.id: False, second_lesson.id: True}
    assert cells[c][first_lesson.id] and not cells[c][second_lesson.id]
    assert {s.student_id: s.average for s in whole.students} == {a: "4.00", b: "", c: "2.00", d: ""}
    stranger = add_subgroup(journal, school, str(uuid.uuid4()), [a], "Чужая группа")
    code, _, fields = refused(grid, stranger.id)
    assert code == grpc.StatusCode.INVALID_ARGUMENT and "subgroup_id" in fields


def test_the_diary_shows_the_whole_class_lessons_and_the_students_own_subgroup(journal, english):
    school, (first_lesson, _) = english["school"], english["lessons"]
    a = english["students"][0]
    save_as(journal, school, first_lesson, homework="Выучить слова")
    journal.principals.grant(school, "guardian", student_ids=[a])
    diary = journal.call("GetDiary", pb.GetDiaryRequest(
        school_id=school, student_id=a, date_from=(school_today() - dt.timedelta(days=1)).isoformat(),
        date_to=school_today().isoformat()))
    assert [(e.lesson_id, e.homework) for e in diary.entries] == [(english["whole"].lesson.id, ""),
                                                                  (first_lesson.id, "Выучить слова")]
