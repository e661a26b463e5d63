"""Topics from the thematic plan and the school's mark scale on the real PostgreSQL: the plan offered in order with
the next uncovered topic suggested, a chosen plan topic stored with the lesson and in the ledger, a topic of
another plan refused; marks, term marks, final marks, averages and the paper import on a ten-point and a pass/fail
scale; changing the scale refused once the school has marks."""
import datetime as dt
import uuid

import grpc
import pytest

from proto.journal.v1 import journal_pb2 as pb
from proto.schedule.v1 import schedule_pb2
from tests.integration.journal.conftest import add_lesson
from tests.integration.journal.test_policy_and_locks import act_as, refused
from tests.integration.journal.test_service import event_types, ledger_rows

pytestmark = pytest.mark.stack


def plan_for(journal, lesson: schedule_pb2.Lesson, *titles: str) -> list[schedule_pb2.PlanTopic]:
    topics = [schedule_pb2.PlanTopic(id=str(uuid.uuid4()), position=n, title=title, hours="1")
              for n, title in enumerate(titles, start=1)]
    journal.schedule.plans[lesson.class_group_id, lesson.subject_id] = topics
    return topics


def save(journal, lesson, plan_topic_id="", topic="", marks=(), reason="Запись урока"):
    return journal.call("SaveLesson", pb.SaveLessonRequest(
        school_id=lesson.school_id, lesson_id=lesson.lesson.id, topic=topic, plan_topic_id=plan_topic_id,
        reason=reason, marks=[pb.MarkInput(**m) for m in marks]))


def topics(journal, lesson) -> pb.ListLessonTopicsResponse:
    return journal.call("ListLessonTopics", pb.ListLessonTopicsRequest(school_id=lesson.school_id,
                                                                       lesson_id=lesson.lesson.id))


def next_lesson(journal, lesson, days: int):
    later = add_lesson(journal, lesson.school_id, lesson.lesson.class_group_id, lesson.teacher_id,
                       dt.date.fromisoformat(lesson.lesson.date) + dt.timedelta(days=days),
                       subject_id=lesson.lesson.subject_id)
    return type(lesson)(lesson.school_id, lesson.teacher_id, lesson.students, later)


def set_scale(journal, school_id: str, scale: str) -> pb.JournalPolicy:
    act_as_admin(journal, school_id)
    return journal.call("SetJournalPolicy", pb.SetJournalPolicyRequest(school_id=school_id, mark_scale=scale))


def act_as_admin(journal, school_id: str) -> None:
    journal.principals.grant(school_id, "school_admin", person_id=str(uuid.uuid4()), subject="subject-admin")


def act_as_teacher(journal, lesson) -> None:
    journal.principals.grant(lesson.school_id, "subject_teacher", person_id=lesson.teacher_id,
                             subject=f"subject-{lesson.teacher_id}")


def test_the_teacher_chooses_the_topic_from_the_plan(journal, past_lesson):
    first = past_lesson
    second = next_lesson(journal, first, 1)
    plan = plan_for(journal, first.lesson, "Дроби", "Сложение дробей", "Вычитание дробей")
    offered = topics(journal, first)
    assert [(t.title, t.position, t.covered) for t in offered.topics] == [
        ("Дроби", 1, False), ("Сложение дробей", 2, False), ("Вычитание дробей", 3, False)]
    assert offered.suggested_topic_id == plan[0].id

    record = save(journal, first, plan_topic_id=plan[0].id, reason="Тема из плана")
    assert (record.topic, record.plan_topic_id) == ("Дроби", plan[0].id)
    assert topics(journal, first).suggested_topic_id == plan[0].id, "the lesson's own choice"
    after = topics(journal, second)
    assert [t.covered for t in after.topics] == [True, False, False] and after.suggested_topic_id == plan[1].id

    record = save(journal, second, plan_topic_id=plan[1].id, topic="Сложение дробей с разными знаменателями")
    assert (record.topic, record.plan_topic_id) == ("Сложение дробей с разными знаменателями", plan[1].id)
    assert journal.call("GetLessonRecord", pb.GetLessonRecordRequest(
        school_id=first.school_id, lesson_id=first.lesson.id)).plan_topic_id == plan[0].id
    rows = [(r.entity, r.new_value) for r in ledger_rows(journal, first.school_id)]
    assert ("plan_topic", {"plan_topic_id": plan[0].id}) in rows and ("topic", {"topic": "Дроби"}) in rows
    assert event_types(journal, first.school_id).count("TopicSet") == 2

    record = save(journal, second, topic="Повторение")
    assert (record.topic, record.plan_topic_id) == ("Повторение", ""), "a typed topic clears the plan's"
    assert topics(journal, second).suggested_topic_id == plan[1].id

    other = plan_for(journal, schedule_pb2.Lesson(class_group_id=str(uuid.uuid4()), subject_id=first.lesson.subject_id),
                     "Чужая тема")
    code, _, fields = refused(save, journal, second, plan_topic_id=other[0].id)
    assert (code, list(fields)) == (grpc.StatusCode.INVALID_ARGUMENT, ["plan_topic_id"])
    assert journal.call("GetLessonRecord", pb.GetLessonRecordRequest(
        school_id=first.school_id, lesson_id=second.lesson.id)).topic == "Повторение"


def test_a_lesson_without_a_plan_offers_no_topics(journal, today_lesson):
    assert not topics(journal, today_lesson).topics and topics(journal, today_lesson).suggested_topic_id == ""
    act_as(journal, today_lesson, "guardian")
    assert refused(topics, journal, today_lesson)[0] == grpc.StatusCode.PERMISSION_DENIED


def test_a_ten_point_school_records_and_averages_marks_up_to_ten(journal, today_lesson):
    a, b, _ = today_lesson.students
    assert set_scale(journal, today_lesson.school_id, "ten_point").mark_scale == "ten_point"
    act_as_teacher(journal, today_lesson)
    code, message, fields = refused(save, journal, today_lesson, marks=[dict(student_id=a, value="11")])
    assert (code, list(fields)) == (grpc.StatusCode.INVALID_ARGUMENT, ["marks[0].value"]) and "1 до 10" in message
    save(journal, today_lesson, marks=[dict(student_id=a, value="10"), dict(student_id=a, value="7", work_type="test"),
                                       dict(student_id=b, value="3")])
    grid = journal.call("GetGrid", pb.GetGridRequest(
        school_id=today_lesson.school_id, class_group_id=today_lesson.lesson.class_group_id,
        subject_id=today_lesson.lesson.subject_id, date_from=today_lesson.lesson.date, date_to=today_lesson.lesson.date))
    assert grid.mark_scale == "ten_point"
    assert {s.student_id: s.average for s in grid.students if s.marks_count} == {a: "8.00", b: "3.00"}  # (10+7·2)/3

    act_as_admin(journal, today_lesson.school_id)
    code, message, fields = refused(set_scale, journal, today_lesson.school_id, "five_point")
    assert (code, list(fields)) == (grpc.StatusCode.FAILED_PRECONDITION, ["mark_scale"]) and "(3)" in message
    assert journal.call("GetJournalPolicy", pb.GetJournalPolicyRequest(
        school_id=today_lesson.school_id)).mark_scale == "ten_point"


def test_a_pass_fail_school_has_no_averages_and_pass_fail_period_marks(journal, term):
    a, b, _ = term.students
    assert set_scale(journal, term.school_id, "pass_fail").mark_scale == "pass_fail"
    math = term.math
    journal.principals.grant(term.school_id, "subject_teacher", person_id=math[0].teacher_id,
                             subject=f"subject-{math[0].teacher_id}")
    lesson = term.lesson(math[-1])
    assert list(refused(save, journal, lesson, marks=[dict(student_id=a, value="5")], reason="Зачёт")[2]) == [
        "marks[0].value"]
    record = save(journal, lesson, reason="Зачёт", marks=[dict(student_id=a, value="Зачет"),
                                                          dict(student_id=b, value="незачёт")])
    assert sorted(m.value for m in record.marks) == ["зачёт", "незачёт"]
    grid = journal.call("GetGrid", pb.GetGridRequest(school_id=term.school_id, class_group_id=term.class_group_id,
                                                     subject_id=math[0].subject_id, term_id=term.term.id))
    assert {s.average for s in grid.students} == {""} and grid.mark_scale == "pass_fail"

    act_as_admin(journal, term.school_id)
    journal.call("SetJournalPolicy", pb.SetJournalPolicyRequest(school_id=term.school_id, min_marks_2h=1))
    journal.principals.grant(term.school_id, "subject_teacher", person_id=math[0].teacher_id,
                             subject=f"subject-{math[0].teacher_id}")

    def period(value: str, kind: str = ""):
        if kind:
            return journal.call("SetFinalMark", pb.SetFinalMarkRequest(
                school_id=term.school_id, student_id=a, subject_id=math[0].subject_id, kind=kind, value=value))
        return journal.call("SetTermMark", pb.SetTermMarkRequest(
            school_id=term.school_id, student_id=a, subject_id=math[0].subject_id, term_id=term.term.id, value=value))
    assert list(refused(period, "5")[2]) == ["value"]
    assert period("зачёт").value == "зачёт" and period("Н/А").special == "not_assessed"
    assert list(refused(period, "4", "annual")[2]) == ["value"]
    assert period("незачет", "annual").value == "незачёт"


def test_the_paper_import_follows_the_scale(journal, past_lesson):
    a = past_lesson.students[0]
    journal.identity.names[a] = ("Иванова", "Анна")
    set_scale(journal, past_lesson.school_id, "ten_point")
    act_as_teacher(journal, past_lesson)

    def load(mark: str):
        text = f"date;lesson_number;student;mark\n{past_lesson.lesson.date};1;Иванова Анна;{mark}\n"
        return journal.call("ImportPaperJournal", pb.ImportPaperJournalRequest(
            school_id=past_lesson.school_id, class_group_id=past_lesson.lesson.class_group_id, filename="paper.csv",
            content=text.encode(), reason="Сбой сети", dry_run=True))
    assert [(r.status, r.field) for r in load("12").rows] == [("error", "mark")]
    assert [r.status for r in load("9").rows] == ["added"]


def test_the_scale_stays_five_point_by_default(journal):
    school_id = str(uuid.uuid4())
    act_as_admin(journal, school_id)
    assert journal.call("GetJournalPolicy", pb.GetJournalPolicyRequest(school_id=school_id)).mark_scale == "five_point"
