"""R1's control view on the real PostgreSQL: the past lessons never filled in (no topic, never saved), the recorded
lessons without homework, the students with too few current marks before their term ends, and the deputy head's
remarks to teachers with their answers; who may ask, refusals with the field named, another school seeing nothing."""
import datetime as dt
import uuid

import grpc
import pytest
from sqlalchemy import select, text

from proto.identity.v1 import identity_pb2
from proto.journal.v1 import journal_pb2 as pb
from proto.schedule.v1 import schedule_pb2
from services.journal.adapters.tables import control_remarks, ledger
from tests.integration.journal.conftest import Lesson, Term, act_as_person, add_lesson, school_today
from tests.integration.journal.test_policy_and_locks import refused
from tests.integration.journal.test_service import save
from tests.integration.journal.test_term_marks import as_teacher_of, set_mark

pytestmark = pytest.mark.stack


def open_year(journal, school_id: str, class_group_id: str, *terms: schedule_pb2.Term) -> str:
    """An open academic year around today with these terms, the class group in it."""
    year = schedule_pb2.AcademicYear(id=str(uuid.uuid4()), school_id=school_id, name="2025/2026", status="open",
                                     start_date=(school_today() - dt.timedelta(days=120)).isoformat(),
                                     end_date=(school_today() + dt.timedelta(days=200)).isoformat(), terms=terms)
    journal.schedule.academic_years[year.id] = year
    journal.schedule.years[class_group_id] = year.id
    return year.id


def days_ago(n: int) -> dt.date:
    return school_today() - dt.timedelta(days=n)


def control_lessons(journal, rpc: str, school_id: str, date_from: dt.date, date_to: dt.date, **narrow) -> list:
    return list(journal.call(rpc, pb.ControlLessonsRequest(school_id=school_id, date_from=date_from.isoformat(),
                                                           date_to=date_to.isoformat(), **narrow)).lessons)


@pytest.fixture
def week(journal, past_lesson):
    """A class with five lessons of the last days: never saved (5 days ago), saved without a topic (4), with a topic
    and no homework (3), filled in (2), and today's (not due yet); the teacher and a deputy head."""
    school_id, teacher_id = past_lesson.school_id, past_lesson.teacher_id
    group = past_lesson.lesson.class_group_id
    open_year(journal, school_id, group)
    journal.schedule.lessons.pop(past_lesson.lesson.id)
    lessons = [add_lesson(journal, school_id, group, teacher_id, days_ago(n), subject_id=past_lesson.lesson.subject_id)
               for n in (5, 4, 3, 2, 0)]
    act_as_person(journal, school_id, teacher_id, "subject_teacher")
    students = past_lesson.students
    save(journal, Lesson(school_id, teacher_id, students, lessons[1]), reason="Внесено позже",
         attendance=[dict(student_id=students[0], status="absent")])
    save(journal, Lesson(school_id, teacher_id, students, lessons[2]), reason="Внесено позже", topic="Дроби")
    save(journal, Lesson(school_id, teacher_id, students, lessons[3]), reason="Внесено позже", topic="Проценты",
         homework="№ 12, 14")
    return school_id, teacher_id, group, lessons


def test_unfilled_lessons_and_missing_homework_of_the_period(journal, week):
    school_id, teacher_id, group, lessons = week
    act_as_person(journal, school_id, str(uuid.uuid4()), "deputy_head")
    unfilled = control_lessons(journal, "ListUnfilledLessons", school_id, days_ago(7), school_today())
    assert [(u.lesson_id, list(u.missing)) for u in unfilled] == [
        (lessons[0].id, ["нет темы", "нет отметок посещаемости"]), (lessons[1].id, ["нет темы"])]
    assert (unfilled[0].lesson_date, unfilled[0].class_group_id, unfilled[0].teacher_id, unfilled[0].subject_name) == (
        days_ago(5).isoformat(), group, teacher_id, "Математика")
    homework = control_lessons(journal, "ListMissingHomework", school_id, days_ago(7), school_today())
    assert [(h.lesson_id, h.topic) for h in homework] == [(lessons[1].id, ""), (lessons[2].id, "Дроби")]
    assert control_lessons(journal, "ListUnfilledLessons", school_id, days_ago(7), school_today(),
                           teacher_id=str(uuid.uuid4())) == []
    assert len(control_lessons(journal, "ListUnfilledLessons", school_id, days_ago(7), school_today(),
                               class_group_id=group, teacher_id=teacher_id)) == 2
    assert control_lessons(journal, "ListUnfilledLessons", school_id, days_ago(3), days_ago(2)) == []


def test_the_control_lists_are_the_managers_and_check_their_period(journal, week):
    school_id, teacher_id, _, _ = week
    act_as_person(journal, school_id, teacher_id, "subject_teacher")
    for rpc in ("ListUnfilledLessons", "ListMissingHomework"):
        code, _, _ = refused(control_lessons, journal, rpc, school_id, days_ago(7), school_today())
        assert code == grpc.StatusCode.PERMISSION_DENIED
    code, _, _ = refused(journal.call, "ListMarkShortfalls", pb.ListMarkShortfallsRequest(school_id=school_id))
    assert code == grpc.StatusCode.PERMISSION_DENIED
    act_as_person(journal, school_id, str(uuid.uuid4()), "director")
    code, message, fields = refused(control_lessons, journal, "ListUnfilledLessons", school_id, school_today(),
                                    days_ago(7))
    assert (code, list(fields)) == (grpc.StatusCode.INVALID_ARGUMENT, ["date_to"])
    code, _, fields = refused(journal.call, "ListMarkShortfalls", pb.ListMarkShortfallsRequest(
        school_id=school_id, days=-1))
    assert (code, list(fields)) == (grpc.StatusCode.INVALID_ARGUMENT, ["days"])
    other = str(uuid.uuid4())  # another school: its deputy head sees none of these lessons
    act_as_person(journal, other, str(uuid.uuid4()), "deputy_head")
    assert control_lessons(journal, "ListUnfilledLessons", other, days_ago(7), school_today()) == []


def test_too_few_marks_before_the_term_ends(journal, term: Term):
    a, b, c = term.students
    open_year(journal, term.school_id, term.class_group_id, term.term)
    as_teacher_of(journal, term, term.math)
    save(journal, term.lesson(term.math[-1]), reason="Контрольная", marks=[
        dict(student_id=a, value="5"), dict(student_id=a, value="4", work_type="test"),
        dict(student_id=a, value="5", work_type="oral"), dict(student_id=b, value="3")])
    save(journal, term.lesson(term.math[-2]), reason="Опрос", marks=[
        dict(student_id=a, value="4"), dict(student_id=a, value="5", work_type="homework"),
        dict(student_id=b, value="4")])
    as_teacher_of(journal, term, term.history)
    save(journal, term.lesson(term.history[-1]), reason="Опрос", marks=[
        dict(student_id=a, value="5"), dict(student_id=a, value="4", work_type="oral"),
        dict(student_id=a, value="5", work_type="homework")])
    set_mark(journal, term, c, term.history, "Н/А")  # a term mark set: no longer short
    act_as_person(journal, term.school_id, str(uuid.uuid4()), "deputy_head")
    reply = journal.call("ListMarkShortfalls", pb.ListMarkShortfallsRequest(school_id=term.school_id))
    assert reply.days == 14
    found = sorted((s.subject_id, s.student_id, s.marks, s.needed, s.hours_per_week) for s in reply.shortfalls)
    math, history = term.math[0].subject_id, term.history[0].subject_id
    assert found == sorted([(math, b, 2, 5, 2), (math, c, 0, 5, 2), (history, b, 0, 3, 1)])
    assert {(s.term_id, s.term_end_date, s.class_group_id) for s in reply.shortfalls} == {
        (term.term.id, term.term.end_date, term.class_group_id)}
    assert journal.call("ListMarkShortfalls", pb.ListMarkShortfallsRequest(
        school_id=term.school_id, class_group_id=str(uuid.uuid4()))).shortfalls == []
    other = str(uuid.uuid4())
    act_as_person(journal, other, str(uuid.uuid4()), "deputy_head")
    assert journal.call("ListMarkShortfalls", pb.ListMarkShortfallsRequest(school_id=other)).shortfalls == []


def staff(journal, school_id: str, *roles: str) -> str:
    person = identity_pb2.Person(id=str(uuid.uuid4()), school_id=school_id, kind=identity_pb2.STAFF, roles=roles)
    journal.identity.staff[person.id] = person
    return person.id


def add_remark(journal, school_id: str, teacher_id: str, text: str = "Не выставлены темы уроков за неделю", **about):
    return journal.call("AddControlRemark", pb.AddControlRemarkRequest(school_id=school_id, teacher_id=teacher_id,
                                                                       text=text, **about))


def remarks(journal, school_id: str, **where) -> list[pb.ControlRemark]:
    return list(journal.call("ListControlRemarks", pb.ListControlRemarksRequest(school_id=school_id, **where)).remarks)


def test_a_remark_to_a_teacher_and_the_teachers_one_answer(journal, week):
    school_id, teacher_id, group, lessons = week
    journal.identity.staff[teacher_id] = identity_pb2.Person(id=teacher_id, school_id=school_id,
                                                             kind=identity_pb2.STAFF, roles=["subject_teacher"])
    colleague = staff(journal, school_id, "subject_teacher")
    deputy = str(uuid.uuid4())
    act_as_person(journal, school_id, deputy, "deputy_head")
    remark = add_remark(journal, school_id, teacher_id, lesson_id=lessons[0].id)
    assert (remark.author_id, remark.teacher_id, remark.class_group_id, remark.subject_id, remark.answer) == (
        deputy, teacher_id, group, lessons[0].subject_id, "")
    add_remark(journal, school_id, colleague, "Проверьте домашние задания", class_group_id=group)

    act_as_person(journal, school_id, teacher_id, "subject_teacher")
    assert [r.id for r in remarks(journal, school_id)] == [remark.id]  # a teacher sees theirs only
    assert [r.id for r in remarks(journal, school_id, teacher_id=colleague)] == [remark.id]
    answered = journal.call("AnswerControlRemark", pb.AnswerControlRemarkRequest(
        school_id=school_id, remark_id=remark.id, answer="Исправлено 12.09"))
    assert (answered.answer, bool(answered.answered_at)) == ("Исправлено 12.09", True)
    code, message, fields = refused(journal.call, "AnswerControlRemark", pb.AnswerControlRemarkRequest(
        school_id=school_id, remark_id=remark.id, answer="Ещё раз"))
    assert (code, list(fields)) == (grpc.StatusCode.FAILED_PRECONDITION, ["remark_id"])

    act_as_person(journal, school_id, colleague, "subject_teacher")
    (theirs,) = remarks(journal, school_id)
    assert refused(journal.call, "AnswerControlRemark", pb.AnswerControlRemarkRequest(
        school_id=school_id, remark_id=remark.id, answer="Не моё"))[0] == grpc.StatusCode.PERMISSION_DENIED

    act_as_person(journal, school_id, str(uuid.uuid4()), "director")
    assert [(r.id, r.answer) for r in remarks(journal, school_id, status="answered")] == [
        (remark.id, "Исправлено 12.09")]
    assert [r.id for r in remarks(journal, school_id, status="open")] == [theirs.id]
    assert len(remarks(journal, school_id)) == 2 and [r.id for r in remarks(
        journal, school_id, teacher_id=colleague)] == [theirs.id]
    with journal.db.tenant_session(school_id) as session:
        logged = session.scalars(select(ledger.c.entity_id).where(ledger.c.entity == "control_remark")).all()
    assert sorted(logged) == sorted([remark.id, theirs.id, remark.id])

    other = str(uuid.uuid4())
    act_as_person(journal, other, str(uuid.uuid4()), "deputy_head")
    assert remarks(journal, other) == []
    with journal.db.tenant_session(other) as session:
        assert session.scalars(select(control_remarks.c.id)).all() == []


def test_remarks_are_refused_with_the_field_named(journal, week):
    school_id, teacher_id, group, lessons = week
    journal.identity.staff[teacher_id] = identity_pb2.Person(id=teacher_id, school_id=school_id,
                                                             kind=identity_pb2.STAFF, roles=["subject_teacher"])
    act_as_person(journal, school_id, teacher_id, "subject_teacher")
    assert refused(add_remark, journal, school_id, teacher_id)[0] == grpc.StatusCode.PERMISSION_DENIED
    act_as_person(journal, school_id, str(uuid.uuid4()), "school_admin")
    cases = [
        (dict(text=""), grpc.StatusCode.INVALID_ARGUMENT, "text"),
        (dict(text="я" * 2001), grpc.StatusCode.INVALID_ARGUMENT, "text"),
        (dict(teacher_id=str(uuid.uuid4())), grpc.StatusCode.NOT_FOUND, "teacher_id"),
        (dict(teacher_id=staff(journal, school_id, "secretary")), grpc.StatusCode.NOT_FOUND, "teacher_id"),
        (dict(teacher_id="нет"), grpc.StatusCode.INVALID_ARGUMENT, "teacher_id"),
        (dict(lesson_id=str(uuid.uuid4())), grpc.StatusCode.NOT_FOUND, "lesson_id"),
        (dict(subject_id=str(uuid.uuid4())), grpc.StatusCode.NOT_FOUND, "subject_id"),
    ]
    for change, status, field in cases:
        values = {"teacher_id": teacher_id, "text": "Замечание", **change}
        code, _, fields = refused(add_remark, journal, school_id, **values)
        assert (code, list(fields)) == (status, [field]), change
    other_teacher = staff(journal, school_id, "subject_teacher")
    code, _, fields = refused(add_remark, journal, school_id, other_teacher, lesson_id=lessons[0].id)
    assert (code, list(fields)) == (grpc.StatusCode.INVALID_ARGUMENT, ["lesson_id"])
    assert len(add_remark(journal, school_id, teacher_id, "я" * 2000).text) == 2000
    code, _, fields = refused(journal.call, "AnswerControlRemark", pb.AnswerControlRemarkRequest(
        school_id=school_id, remark_id=str(uuid.uuid4()), answer="Да"))
    assert code == grpc.StatusCode.PERMISSION_DENIED  # a school administrator answers no remark
    act_as_person(journal, school_id, teacher_id, "subject_teacher")
    code, _, fields = refused(journal.call, "AnswerControlRemark", pb.AnswerControlRemarkRequest(
        school_id=school_id, remark_id=str(uuid.uuid4()), answer="Да"))
    assert (code, list(fields)) == (grpc.StatusCode.NOT_FOUND, ["remark_id"])
    (remark,) = remarks(journal, school_id)
    code, _, fields = refused(journal.call, "AnswerControlRemark", pb.AnswerControlRemarkRequest(
        school_id=school_id, remark_id=remark.id, answer=" "))
    assert (code, list(fields)) == (grpc.StatusCode.INVALID_ARGUMENT, ["answer"])


def test_remarks_and_answers_are_append_only_for_the_app(journal, week):
    with journal.db.tenant_session(week[0]) as session:
        comments = dict(session.execute(text(
            "SELECT c.relname, obj_description(c.oid, 'pg_class') FROM pg_class c "
            "WHERE c.relname IN ('control_remarks', 'control_remark_answers')")).all())
    assert all(comment.startswith("append-only") for comment in comments.values()) and len(comments) == 2
