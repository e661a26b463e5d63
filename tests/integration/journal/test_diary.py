"""The diary on the real PostgreSQL: each student sees the lessons' topics and homework with their own marks,
absence, individual homework and files (the whole lesson's and their own), nothing of a classmate's; the journal's
rows of a week come in one statement."""
import datetime as dt
import uuid

import pytest
from sqlalchemy import event as sqlalchemy_event

from proto.journal.v1 import journal_pb2 as pb
from tests.integration.journal.conftest import add_lesson
from tests.integration.journal.test_homework import PDF, PNG, attach, own_homework
from tests.integration.journal.test_service import save

pytestmark = pytest.mark.stack


def read(journal, lesson, student_id, days=6):
    journal.principals.grant(lesson.school_id, "guardian", person_id=str(uuid.uuid4()), student_ids=[student_id])
    day = dt.date.fromisoformat(lesson.lesson.date)
    return journal.call("GetDiary", pb.GetDiaryRequest(school_id=lesson.school_id, student_id=student_id,
                                                       date_from=day.isoformat(),
                                                       date_to=(day + dt.timedelta(days=days)).isoformat())).entries


def shown(entry) -> tuple:
    return (entry.topic, entry.homework, [(m.value, m.work_type, m.comment) for m in entry.marks], entry.attendance,
            entry.individual_homework, [f.filename for f in entry.attachments])


def test_each_student_sees_their_own_marks_absence_homework_and_files_only(journal, past_lesson):
    a, b, c = past_lesson.students
    school_id, lesson = past_lesson.school_id, past_lesson.lesson
    record = save(journal, past_lesson, topic="Дроби", homework="№ 12", reason="Перенос",
                  marks=[dict(student_id=a, value="5", comment="у доски"), dict(student_id=a, value="4", work_type="test"),
                         dict(student_id=b, value="2")],
                  attendance=[dict(student_id=b, status="absent"), dict(student_id=c, status="late")])
    own_homework(journal, past_lesson, a, "№ 41")
    own_homework(journal, past_lesson, b, "№ 7")
    attach(journal, past_lesson, "задание.pdf", PDF)
    attach(journal, past_lesson, "схема.png", PNG, student_id=a)
    attach(journal, past_lesson, "разбор.pdf", PDF, student_id=b)
    day = dt.date.fromisoformat(lesson.date)
    later = add_lesson(journal, school_id, lesson.class_group_id, past_lesson.teacher_id, day + dt.timedelta(days=1))

    statements = []

    def seen(conn, cursor, statement, parameters, context, executemany):
        statements.append(statement)
    sqlalchemy_event.listen(journal.db.engine, "before_cursor_execute", seen)
    try:
        diary_of_a = read(journal, past_lesson, a)
    finally:
        sqlalchemy_event.remove(journal.db.engine, "before_cursor_execute", seen)
    assert len(statements) == 2, statements  # binding the school, then the one read

    assert [e.lesson_id for e in diary_of_a] == [lesson.id, later.id]
    assert shown(diary_of_a[0]) == ("Дроби", "№ 12", [("5", "classwork", "у доски"), ("4", "test", "")], "", "№ 41",
                                    ["задание.pdf", "схема.png"])
    assert shown(diary_of_a[1]) == ("", "", [], "", "", [])
    stored = {m.id for m in record.marks if m.student_id == a}
    assert {m.id for m in diary_of_a[0].marks} == stored
    assert {(m.student_id, m.lesson_id, m.subject_id, m.lesson_date) for m in diary_of_a[0].marks} == {
        (a, lesson.id, lesson.subject_id, lesson.date)}
    file = diary_of_a[0].attachments[1]
    assert (file.student_id, file.lesson_id, file.media_type, file.size) == (a, lesson.id, "image/png", len(PNG))
    assert file.uploaded_at and diary_of_a[0].attachments[0].student_id == ""

    assert shown(read(journal, past_lesson, b)[0]) == ("Дроби", "№ 12", [("2", "classwork", "")], "absent", "№ 7",
                                                       ["задание.pdf", "разбор.pdf"])
    assert shown(read(journal, past_lesson, c)[0]) == ("Дроби", "№ 12", [], "late", "", ["задание.pdf"])


def test_a_student_without_lessons_in_the_range_gets_an_empty_diary(journal, past_lesson):
    stranger = str(uuid.uuid4())  # in no class
    assert list(read(journal, past_lesson, stranger)) == []
