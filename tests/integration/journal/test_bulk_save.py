"""SaveLessons on the real PostgreSQL: several whole lessons in one transaction, each by SaveLesson's rules, the
same ledger rows and events per lesson; one refused lesson (named by its index) writes nothing; a re-sent call adds
nothing; the statements sent do not grow with the number of lessons."""
import datetime as dt
import uuid

import grpc
import pytest
from sqlalchemy import event as sqlalchemy_event
from sqlalchemy import select

from proto.journal.v1 import journal_pb2 as pb
from services.common.consumer import IdempotentConsumer
from services.journal.adapters import tables
from services.journal.adapters.tables import ledger
from services.journal.domain import lesson_entry as domain
from services.journal.entrypoints.consumers import handlers
from tests.integration.journal.conftest import Lesson, add_lesson, school_today
from tests.integration.journal.test_closed_years import CLOSED, close_year
from tests.integration.journal.test_policy_and_locks import refused
from tests.integration.journal.test_service import counts, event_types, ledger_rows, save
from tests.integration.journal.test_term_marks import as_teacher_of

pytestmark = pytest.mark.stack


def item(lesson_id: str, marks=(), attendance=(), topic="", homework="", reason="", plan_topic_id="") -> pb.LessonInput:
    return pb.LessonInput(lesson_id=lesson_id, topic=topic, homework=homework, reason=reason,
                          plan_topic_id=plan_topic_id, marks=[pb.MarkInput(**m) for m in marks],
                          attendance=[pb.AttendanceInput(**a) for a in attendance])


def save_all(journal, school_id: str, *items: pb.LessonInput) -> list[pb.LessonRecord]:
    return list(journal.call("SaveLessons", pb.SaveLessonsRequest(school_id=school_id, lessons=items)).records)


@pytest.fixture
def week(journal, today_lesson) -> tuple[Lesson, list]:
    """The teacher's lesson today and three more of the class today."""
    lesson = today_lesson.lesson
    more = [add_lesson(journal, lesson.school_id, lesson.class_group_id, today_lesson.teacher_id,
                       school_today(), lesson_number=n, subject_id=lesson.subject_id) for n in (2, 3, 4)]
    return today_lesson, [lesson, *more]


def test_lessons_are_saved_together_with_the_ledger_rows_and_events_of_each(journal, week, monkeypatch):
    school, lessons = week
    a, b, c = school.students
    asked = []
    class_people = journal.identity.class_people
    monkeypatch.setattr(journal.identity, "class_people", lambda *args: asked.append(args) or class_people(*args))
    records = save_all(journal, school.school_id,
                       item(lessons[0].id, topic="Дроби", homework="№ 1", marks=[dict(student_id=a, value="5")],
                            attendance=[dict(student_id=b, status="ill")]),
                       item(lessons[1].id, topic="Десятичные дроби",
                            marks=[dict(student_id=b, value="4"), dict(student_id=c, value="3", work_type="test")]),
                       item(lessons[2].id, attendance=[dict(student_id=c, status="late")]))
    assert [r.lesson_id for r in records] == [lesson.id for lesson in lessons[:3]], "in the order of the request"
    assert [(r.topic, r.homework) for r in records] == [("Дроби", "№ 1"), ("Десятичные дроби", ""), ("", "")]
    assert [[(m.student_id, m.value, m.work_type) for m in r.marks] for r in records] == [
        [(a, "5", "classwork")], [(b, "4", "classwork"), (c, "3", "test")], []]
    assert [[(e.student_id, e.status) for e in r.attendance] for r in records] == [[(b, "ill")], [], [(c, "late")]]
    assert len(asked) == 1, "the class list is asked once for the lessons of one class"
    rows = ledger_rows(journal, school.school_id)
    assert sorted((r.lesson_id, r.entity) for r in rows) == sorted([
        (lessons[0].id, "topic"), (lessons[0].id, "homework"), (lessons[0].id, "mark"), (lessons[0].id, "attendance"),
        (lessons[1].id, "topic"), (lessons[1].id, "mark"), (lessons[1].id, "mark"), (lessons[2].id, "attendance")])
    assert event_types(journal, school.school_id) == sorted(
        ["TopicSet", "HomeworkSet", "MarkRecorded", "AttendanceRecorded", "TopicSet", "MarkRecorded", "MarkRecorded",
         "AttendanceRecorded"])
    for record in records:
        assert journal.call("GetLessonRecord", pb.GetLessonRecordRequest(
            school_id=school.school_id, lesson_id=record.lesson_id)) == record


def test_a_resent_call_adds_nothing_and_a_bulk_save_replaces_like_save_lesson(journal, week):
    school, lessons = week
    a, b, c = school.students
    body = [item(lessons[0].id, topic="Дроби", marks=[dict(student_id=a, value="5"), dict(student_id=b, value="4")],
                 attendance=[dict(student_id=c, status="absent")]),
            item(lessons[1].id, homework="§ 2", marks=[dict(student_id=c, value="3")])]
    first = save_all(journal, school.school_id, *body)
    written = counts(journal, school.school_id)
    assert save_all(journal, school.school_id, *body) == first
    assert counts(journal, school.school_id) == written, "the same lessons again: no ledger row, no event"

    save_all(journal, school.school_id, item(lessons[0].id, topic="Дроби", marks=[dict(student_id=a, value="4")]),
             item(lessons[1].id, homework="§ 2", marks=[dict(student_id=c, value="3")]))
    new_rows = ledger_rows(journal, school.school_id)[written[3]:]
    assert sorted((r.entity, r.student_id, (r.old_value or {}).get("value", (r.old_value or {}).get("status")),
                   (r.new_value or {}).get("value")) for r in new_rows) == sorted([
        ("mark", a, "5", "4"), ("mark", b, "4", None), ("attendance", c, "absent", None)]), \
        "what a lesson no longer lists is removed, as in SaveLesson"


def test_one_bad_lesson_refuses_the_call_by_its_index_and_writes_nothing(journal, week):
    school, lessons = week
    a, b, _ = school.students
    save(journal, school, topic="Уже записано", marks=[dict(student_id=a, value="5")])
    before = counts(journal, school.school_id)
    stranger = str(uuid.uuid4())
    good = item(lessons[1].id, topic="Хорошая", marks=[dict(student_id=a, value="4")])
    for bad, field in [(item(lessons[2].id, marks=[dict(student_id=b, value="7")]), "lessons[1].marks[0].value"),
                       (item(lessons[2].id, marks=[dict(student_id=stranger, value="5")]),
                        "lessons[1].marks[0].student_id"),
                       (item(lessons[2].id, attendance=[dict(student_id=a, status="sleeping")]),
                        "lessons[1].attendance[0].status"),
                       (item(lessons[2].id, marks=[dict(student_id=a, value="5", work_type="нет такого")]),
                        "lessons[1].marks[0].work_type"),
                       (item(lessons[1].id), "lessons[1].lesson_id"),
                       (item("не uuid"), "lessons[1].lesson_id")]:
        code, message, fields = refused(save_all, journal, school.school_id, good, bad)
        assert (code, list(fields)) == (grpc.StatusCode.INVALID_ARGUMENT, [field]), message
        assert "lessons[1]" in message and "Урок 2" in message
    code, _, fields = refused(save_all, journal, school.school_id, good,
                              item(str(uuid.uuid4()), marks=[dict(student_id=a, value="5")]))
    assert (code, list(fields)) == (grpc.StatusCode.NOT_FOUND, ["lessons[1].lesson_id"])
    assert counts(journal, school.school_id) == before, "nothing of the good lesson was written either"


def test_every_past_lesson_needs_its_reason(journal, past_lesson):
    a = past_lesson.students[0]
    lesson = past_lesson.lesson
    earlier = add_lesson(journal, lesson.school_id, lesson.class_group_id, past_lesson.teacher_id,
                         school_today() - dt.timedelta(days=3), subject_id=lesson.subject_id)
    code, _, fields = refused(save_all, journal, lesson.school_id,
                              item(lesson.id, marks=[dict(student_id=a, value="5")], reason="Перенос с бумаги"),
                              item(earlier.id, marks=[dict(student_id=a, value="4")]))
    assert (code, list(fields)) == (grpc.StatusCode.INVALID_ARGUMENT, ["lessons[1].reason"])
    records = save_all(journal, lesson.school_id,
                       item(lesson.id, marks=[dict(student_id=a, value="5")], reason="Перенос с бумаги"),
                       item(earlier.id, marks=[dict(student_id=a, value="4")], reason="Перенос с бумаги"))
    assert [r.marks[0].value for r in records] == ["5", "4"]
    assert {r.reason for r in ledger_rows(journal, lesson.school_id)} == {"Перенос с бумаги"}


def test_every_lesson_must_be_the_callers(journal, week):
    school, lessons = week
    a = school.students[0]
    other = add_lesson(journal, school.school_id, lessons[0].class_group_id, str(uuid.uuid4()), school_today(),
                       lesson_number=6)
    before = counts(journal, school.school_id)
    code, message, fields = refused(save_all, journal, school.school_id,
                                    item(lessons[0].id, marks=[dict(student_id=a, value="5")]),
                                    item(other.id, marks=[dict(student_id=a, value="5")]))
    assert code == grpc.StatusCode.PERMISSION_DENIED and "lessons[1]" in message, (message, fields)
    assert counts(journal, school.school_id) == before
    journal.principals.grant(school.school_id, "student", person_id=a)
    code, _, _ = refused(save_all, journal, school.school_id, item(lessons[0].id))
    assert code == grpc.StatusCode.PERMISSION_DENIED, "who may not record refused before anything else"


def test_a_lesson_of_a_closed_year_refuses_the_call(journal, term):
    math = term.math
    as_teacher_of(journal, term, math)
    a = term.students[0]
    other_class = str(uuid.uuid4())
    journal.identity.classes[other_class] = set(term.students)
    open_lesson = add_lesson(journal, term.school_id, other_class, math[0].teacher_id, school_today())
    year_id = journal.schedule.years.setdefault(term.class_group_id, str(uuid.uuid4()))
    assert IdempotentConsumer(journal.db, tables.inbox, handlers).handle(close_year(journal, term, year_id))
    before = counts(journal, term.school_id)
    code, message, fields = refused(save_all, journal, term.school_id,
                                    item(open_lesson.id, marks=[dict(student_id=a, value="5")]),
                                    item(math[-1].id, marks=[dict(student_id=a, value="5")], reason="Исправление"))
    assert (code, list(fields)) == (grpc.StatusCode.FAILED_PRECONDITION, ["lessons[1].lesson_id"])
    assert CLOSED in message
    assert counts(journal, term.school_id) == before


def test_the_number_of_lessons_is_bounded(journal, today_lesson):
    school_id = today_lesson.school_id
    for lessons, text in [([], "хотя бы один"),
                          ([item(str(uuid.uuid4())) for _ in range(domain.MAX_LESSONS + 1)], "не больше 50")]:
        code, message, fields = refused(save_all, journal, school_id, *lessons)
        assert (code, list(fields)) == (grpc.StatusCode.INVALID_ARGUMENT, ["lessons"]) and text in message


def test_the_statements_of_a_save_do_not_grow_with_its_lessons(journal, week):
    school, lessons = week
    a, b, c = school.students
    statements: list[str] = []

    def seen(conn, cursor, statement, parameters, context, executemany):
        statements.append(" ".join(statement.split()[:3]))

    def whole(lesson, value: str) -> pb.LessonInput:
        return item(lesson.id, topic=f"Тема {value}", marks=[dict(student_id=s, value=value) for s in (a, b, c)],
                    attendance=[dict(student_id=a, status="late" if value == "5" else "absent")])
    sent = {}
    for label, chosen in (("one", lessons[:1]), ("three", lessons[1:])):
        for value in ("5", "4"):  # recorded, then every mark and status changed
            statements.clear()
            sqlalchemy_event.listen(journal.db.engine, "before_cursor_execute", seen)
            try:
                save_all(journal, school.school_id, *(whole(lesson, value) for lesson in chosen))
            finally:
                sqlalchemy_event.remove(journal.db.engine, "before_cursor_execute", seen)
            sent[label, value] = list(statements)
    assert sent["one", "5"] == sent["three", "5"] and sent["one", "4"] == sent["three", "4"]
    for kind in ("INSERT INTO marks", "INSERT INTO attendance", "INSERT INTO ledger", "INSERT INTO outbox"):
        assert sent["three", "5"].count(kind) == 1, (kind, sent["three", "5"])
    for kind in ("UPDATE marks SET", "UPDATE attendance SET", "INSERT INTO ledger", "INSERT INTO outbox"):
        assert sent["three", "4"].count(kind) == 1, (kind, sent["three", "4"])
    with journal.db.tenant_session(school.school_id) as session:
        assert session.scalar(select(ledger.c.id).where(ledger.c.lesson_id == lessons[3].id).limit(1))
