"""Re-entry of a paper journal (J12) on the real PostgreSQL: a dry run checks and writes nothing, the import adds
marks, attendance and topics to the lessons of their original dates with the reason in the ledger, a second import
of the same file adds nothing, and a file with any bad line writes nothing and names each problem."""
import datetime as dt
import uuid

import grpc
import pytest

from proto.journal.v1 import journal_pb2 as pb
from proto.schedule.v1 import schedule_pb2
from tests.integration.journal.conftest import add_lesson, new_lesson, school_today
from tests.integration.journal.test_policy_and_locks import refused
from tests.integration.journal.test_service import ledger_rows

pytestmark = pytest.mark.stack


@pytest.fixture
def paper(journal):
    """Two days ago: lesson 1 (Математика) and lesson 2 (История) of the class, both the teacher's; ten days ago
    a lesson already closed; the students are Антонова Анна, Петров Пётр and Сидоров Иван."""
    day = school_today() - dt.timedelta(days=2)
    first = new_lesson(journal, day)
    a, b, c = first.students
    journal.identity.names.update({a: ("Антонова", "Анна"), b: ("Петров", "Пётр"), c: ("Сидоров", "Иван")})
    group = first.lesson.class_group_id
    second = add_lesson(journal, first.school_id, group, first.teacher_id, day, 2)
    second.subject_name = "История"
    old = add_lesson(journal, first.school_id, group, first.teacher_id, school_today() - dt.timedelta(days=10), 1)
    other = add_lesson(journal, first.school_id, group, str(uuid.uuid4()), day, 3)
    return dict(school=first.school_id, group=group, day=day.isoformat(), students=(a, b, c),
                lessons=(first.lesson, second, old, other))


def run(journal, paper, text: str, dry_run=False, reason="Сбой 10.03 с 9:00 до 14:00, журнал вёлся на бумаге"):
    return journal.call("ImportPaperJournal", pb.ImportPaperJournalRequest(
        school_id=paper["school"], class_group_id=paper["group"], filename="journal.csv",
        content=text.encode(), reason=reason, dry_run=dry_run))


def record(journal, paper, lesson: schedule_pb2.Lesson) -> pb.LessonRecord:
    return journal.call("GetLessonRecord", pb.GetLessonRecordRequest(school_id=paper["school"], lesson_id=lesson.id))


HEADER = "date;lesson_number;subject;student;mark;work_type;attendance;topic\n"


def test_a_paper_journal_is_checked_imported_once_and_kept_with_its_dates(journal, paper):
    a, b, c = paper["students"]
    first, second, _, _ = paper["lessons"]
    day = paper["day"]
    text = (HEADER + f"{day};1;;Петров Пётр;5;;;Дроби\n{day};1;;антонова анна;;;н;Дроби\n"
                     f"{day};2;история;{c};4;test;;\n")
    dry = run(journal, paper, text, dry_run=True)
    assert (dry.applied, dry.added, dry.errors) == (False, 3, 0)
    assert ledger_rows(journal, paper["school"]) == []
    done = run(journal, paper, text)
    assert (done.applied, done.added, done.unchanged) == (True, 3, 0)
    assert [(r.line, r.status, r.lesson_id) for r in done.rows] == [(2, "added", first.id), (3, "added", first.id),
                                                                    (4, "added", second.id)]
    one, two = record(journal, paper, first), record(journal, paper, second)
    assert (one.topic, one.lesson_date) == ("Дроби", day)
    assert [(m.student_id, m.value) for m in one.marks] == [(b, "5")]
    assert [(e.student_id, e.status) for e in one.attendance] == [(a, "absent")]
    assert [(m.student_id, m.value, m.work_type) for m in two.marks] == [(c, "4", "test")]
    rows = ledger_rows(journal, paper["school"])
    assert len(rows) == 4 and {r.reason for r in rows} == {
        "Перенос из бумажного журнала: Сбой 10.03 с 9:00 до 14:00, журнал вёлся на бумаге"}
    again = run(journal, paper, text)
    assert (again.applied, again.added, again.unchanged) == (True, 0, 3)
    assert len(ledger_rows(journal, paper["school"])) == 4


def test_any_bad_line_writes_nothing_and_each_is_named(journal, paper):
    day, old_day = paper["day"], paper["lessons"][2].date
    run(journal, paper, HEADER + f"{day};1;;Петров Пётр;5;;;\n")
    before = len(ledger_rows(journal, paper["school"]))
    text = HEADER + "\n".join([
        f"{day};1;;Петров Пётр;4;;;",            # 2: the journal has 5
        f"{day};1;;Иванов Иван;4;;;",            # 3: no such student
        f"{day};7;;Петров Пётр;4;;;",            # 4: no lesson 7 that day
        f"{day};3;;Петров Пётр;4;;;",            # 5: another teacher's lesson
        f"{old_day};1;;Петров Пётр;4;;;",        # 6: closed
        f"{day};1;;Петров Пётр;6;;;",            # 7: not a mark
        f"{day};1;;Петров Пётр;;;х;",            # 8: not an attendance letter
        "31.02.2026;1;;Петров Пётр;4;;;",       # 9: not an ISO date
        f"{day};1;;Петров Пётр;4;essay;;",       # 10: unknown work type
        f"{day};1;;Антонова Анна;;;б;Дроби",     # 11: fine
    ]) + "\n"
    result = run(journal, paper, text)
    assert (result.applied, result.errors, result.added) == (False, 9, 1)
    assert [(r.line, r.field) for r in result.rows if r.status == "error"] == [
        (2, "mark"), (3, "student"), (4, "lesson_number"), (5, "lesson_number"), (6, "date"), (7, "mark"),
        (8, "attendance"), (9, "date"), (10, "work_type")]
    assert len(ledger_rows(journal, paper["school"])) == before
    for bad, field in ((dict(reason=" "), "reason"), (dict(text="a;b\n1;2\n"), "content")):
        code, _, fields = refused(run, journal, paper, bad.get("text", HEADER), reason=bad.get("reason", "Сбой"))
        assert code == grpc.StatusCode.INVALID_ARGUMENT and field in fields
