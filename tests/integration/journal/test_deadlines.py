"""Deadlines (J3) on the real PostgreSQL: entries after their deadline are accepted and flagged in the ledger, a
written-work mark has working days, corrections are not measured; the deputy head lists late entries by teacher,
class group and lesson date; teachers may not."""
import datetime as dt
import uuid

import grpc
import pytest

from proto.journal.v1 import journal_pb2 as pb
from services.journal.domain.journal_policy import DEFAULT
from tests.integration.journal.conftest import Lesson, act_as_person, add_lesson, new_lesson, school_today
from tests.integration.journal.test_policy_and_locks import refused
from tests.integration.journal.test_service import ledger_rows, save

pytestmark = pytest.mark.stack


def late_entries(journal, school_id, days_back=3, **filters):
    return journal.call("ListLateEntries", pb.ListLateEntriesRequest(
        school_id=school_id, date_from=(school_today() - dt.timedelta(days=days_back)).isoformat(),
        date_to=school_today().isoformat(), **filters)).entries


def test_late_entries_are_accepted_flagged_and_listed_for_the_deputy_head(journal, past_lesson):
    a, b, _ = past_lesson.students
    school, lesson = past_lesson.school_id, past_lesson.lesson
    today = add_lesson(journal, school, lesson.class_group_id, past_lesson.teacher_id, school_today(), 2,
                       lesson.subject_id)
    today.ends_at = "23:59"  # its homework is due after midnight: never late today
    record = save(journal, past_lesson, topic="Дроби", reason="Заполняю после урока",
                  marks=[dict(student_id=a, value="5"), dict(student_id=b, value="4", work_type="test")],
                  attendance=[dict(student_id=b, status="late")])
    assert record.topic == "Дроби"  # accepted
    rows = {(r.entity, r.student_id): r for r in ledger_rows(journal, school)}
    assert {key: r.late for key, r in rows.items()} == {("topic", None): True, ("mark", a): True,
                                                       ("mark", b): False, ("attendance", b): True}
    assert rows["mark", b].due_at > rows["mark", a].due_at  # written work: working days after the lesson
    save(journal, past_lesson, topic="Дроби десятичные", reason="Уточнил тему",
         marks=[dict(student_id=a, value="4"), dict(student_id=b, value="4", work_type="test")],
         attendance=[dict(student_id=b, status="late")])  # a correction is not an entry
    save(journal, Lesson(school, past_lesson.teacher_id, past_lesson.students, today), topic="Сегодня", homework="§5")
    assert sum(r.late for r in ledger_rows(journal, school)) == 3

    journal.principals.grant(school, "deputy_head")
    listed = late_entries(journal, school)
    assert sorted((e.entity, e.student_id) for e in listed) == [("attendance", b), ("mark", a), ("topic", "")]
    assert {(e.lesson_id, e.teacher_id, e.actor_person_id) for e in listed} == {
        (lesson.id, past_lesson.teacher_id, past_lesson.teacher_id)}
    assert {e.lesson_date for e in listed} == {lesson.date}
    assert len(late_entries(journal, school, teacher_id=past_lesson.teacher_id)) == 3
    assert late_entries(journal, school, teacher_id=str(uuid.uuid4())) == []
    assert late_entries(journal, school, class_group_id=str(uuid.uuid4())) == []
    assert late_entries(journal, school, days_back=1) == []  # by lesson date
    act_as_person(journal, school, past_lesson.teacher_id, "subject_teacher")
    assert refused(late_entries, journal, school)[0] == grpc.StatusCode.PERMISSION_DENIED


def test_the_homework_deadline_follows_the_lesson_end(journal):
    lesson = new_lesson(journal, school_today())
    lesson.lesson.ends_at = "00:00"  # ended at midnight: homework due at 01:30 school time
    due = dt.datetime.combine(dt.date.fromisoformat(lesson.lesson.date), dt.time(1, 30), DEFAULT.zone)
    before = dt.datetime.now(DEFAULT.zone)
    save(journal, lesson, homework="§7")
    after = dt.datetime.now(DEFAULT.zone)  # the service reads its clock in between: 01:30 may pass only there
    (row,) = ledger_rows(journal, lesson.school_id)
    assert row.due_at == due
    assert row.late in {before > due, after > due}
