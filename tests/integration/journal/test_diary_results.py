"""The whole diary's results on the real PostgreSQL: a guardian reads their child's term mark once it is set, the
annual mark, the weighted averages per subject and term with their changes, every subject together, the lessons by
attendance kind, in one statement of the journal; the other child's guardian and another school are refused; the years
offered are the student's."""
import datetime as dt
import uuid

import grpc
import pytest
from sqlalchemy import event as sqlalchemy_event

from proto.journal.v1 import journal_pb2 as pb
from proto.schedule.v1 import schedule_pb2
from tests.integration.journal.conftest import add_lesson, school_today
from tests.integration.journal.test_final_marks_and_plans import set_final
from tests.integration.journal.test_policy_and_locks import refused
from tests.integration.journal.test_service import save
from tests.integration.journal.test_term_marks import as_teacher_of, set_mark

pytestmark = pytest.mark.stack


def days_ago(n: int) -> dt.date:
    return school_today() - dt.timedelta(days=n)


@pytest.fixture
def year(journal, term):
    """The term's school year: an earlier quarter (a lesson of Математика in it) and the term as the 2nd quarter;
    the teachers' marks: the first student gets 2 in the 1st quarter and 5, 4 (test), 4, 5 (homework), 5 (oral) in
    the 2nd in Математика, 3 in История, is absent once in each quarter's Математика and late once in История."""
    q1 = schedule_pb2.Term(id=str(uuid.uuid4()), name="1 четверть", kind="quarter",
                           start_date=days_ago(150).isoformat(), end_date=days_ago(60).isoformat())
    school_year = schedule_pb2.AcademicYear(id=str(uuid.uuid4()), school_id=term.school_id, name="2025/2026",
                                            status="open", start_date=days_ago(160).isoformat(),
                                            end_date=(school_today() + dt.timedelta(days=100)).isoformat(),
                                            terms=[q1, term.term])
    journal.schedule.academic_years[school_year.id] = school_year
    journal.schedule.years[term.class_group_id] = school_year.id
    math, history = term.math, term.history
    early = add_lesson(journal, term.school_id, term.class_group_id, math[0].teacher_id, days_ago(100),
                       subject_id=math[0].subject_id)
    a = term.students[0]
    journal.principals.grant(term.school_id, "school_admin", person_id=str(uuid.uuid4()))  # the past stays open
    journal.call("SetJournalPolicy", pb.SetJournalPolicyRequest(school_id=term.school_id, edit_lock_days=0))
    as_teacher_of(journal, term, math)
    save(journal, term.lesson(early), reason="Внесено", marks=[dict(student_id=a, value="2")],
         attendance=[dict(student_id=term.students[1], status="absent")])
    save(journal, term.lesson(math[-1]), reason="Внесено", marks=[dict(student_id=a, value="5"),
                                                                  dict(student_id=a, value="4", work_type="test")])
    save(journal, term.lesson(math[-2]), reason="Внесено", marks=[dict(student_id=a, value="4"),
                                                                  dict(student_id=a, value="5", work_type="homework")])
    save(journal, term.lesson(math[-3]), reason="Внесено", marks=[dict(student_id=a, value="5", work_type="oral")])
    save(journal, term.lesson(math[-4]), reason="Внесено", attendance=[dict(student_id=a, status="absent")])
    save(journal, term.lesson(math[2]), reason="Внесено", attendance=[dict(student_id=a, status="ill")])
    as_teacher_of(journal, term, history)
    save(journal, term.lesson(history[-1]), reason="Внесено", marks=[dict(student_id=a, value="3", work_type="oral")])
    save(journal, term.lesson(history[-2]), reason="Внесено", attendance=[dict(student_id=a, status="late")])
    return school_year, q1


def results(journal, term, student_id: str, academic_year_id: str = "") -> pb.DiaryResults:
    return journal.call("GetDiaryResults", pb.GetDiaryResultsRequest(
        school_id=term.school_id, student_id=student_id, academic_year_id=academic_year_id))


def as_guardian_of(journal, term, student_id: str) -> None:
    journal.principals.grant(term.school_id, "guardian", person_id=str(uuid.uuid4()), student_ids=[student_id])


def counted(period: pb.PeriodResult) -> dict[str, int]:
    return {c.status: c.count for c in period.attendance}


def test_the_guardian_reads_the_term_mark_once_set_and_the_averages_and_attendance(journal, term, year):
    school_year, q1 = year
    a = term.students[0]
    math_id, history_id = term.math[0].subject_id, term.history[0].subject_id
    as_guardian_of(journal, term, a)
    before = results(journal, term, a)
    assert (before.academic_year_id, before.academic_year_name, before.class_group_id) == (
        school_year.id, "2025/2026", term.class_group_id)
    assert [(t.term_id, t.name) for t in before.terms] == [(q1.id, "1 четверть"), (term.term.id, "2 четверть")]
    assert [(y.academic_year_id, y.class_group_id) for y in before.years] == [(school_year.id, term.class_group_id)]
    assert {s.subject_id: [p.mark for p in s.terms] for s in before.subjects} == {math_id: ["", ""],
                                                                                  history_id: ["", ""]}
    as_teacher_of(journal, term, term.math)
    set_mark(journal, term, a, term.math, "5")
    set_final(journal, term, a, term.math, "annual", "5")
    as_guardian_of(journal, term, a)

    statements = []

    def seen(conn, cursor, statement, parameters, context, executemany):
        statements.append(statement)
    sqlalchemy_event.listen(journal.db.engine, "before_cursor_execute", seen)
    try:
        found = results(journal, term, a)
    finally:
        sqlalchemy_event.remove(journal.db.engine, "before_cursor_execute", seen)
    assert len(statements) == 2, statements  # binding the school, then the one read

    subjects = {s.subject_id: s for s in found.subjects}
    math, history = subjects[math_id], subjects[history_id]
    assert [p.mark for p in math.terms] == ["", "5"] and (math.year.mark, math.exam, math.final) == ("5", "", "")
    # 1st quarter: 2; 2nd: (5 + 4·2 + 4 + 5 + 5) / 6 = 4.5; the year: (2 + 27) / 7 = 4.142… → 4.14
    assert [(p.average, p.change, p.marks_count) for p in math.terms] == [("2.00", "", 1), ("4.50", "+2.50", 5)]
    assert (math.year.average, math.year.marks_count) == ("4.14", 6)
    assert [(p.average, p.change) for p in history.terms] == [("", ""), ("3.00", "")]
    assert [(p.average, p.change) for p in found.totals] == [("2.00", ""), ("3.75", "+1.75")]  # (4.50 + 3.00) / 2
    assert found.total.average == "3.57"  # (4.14 + 3.00) / 2 = 3.57
    assert [counted(p) for p in math.terms] == [{}, {"absent": 1, "ill": 1}]
    assert counted(history.year) == {"late": 1}
    assert counted(found.total) == {"absent": 1, "ill": 1, "late": 1}  # the classmate's absence is not theirs
    assert [c.code for c in found.attendance_kinds][:2] == ["absent", "late"] and found.mark_scale == "five_point"


def test_only_the_childs_family_reads_it_and_the_years_are_the_students(journal, term, year):
    school_year, _ = year
    a, b, _ = term.students
    as_guardian_of(journal, term, b)
    assert refused(results, journal, term, a)[0] == grpc.StatusCode.PERMISSION_DENIED
    assert [(s.subject_id, counted(s.year), s.year.marks_count, s.year.average) for s in results(
        journal, term, b).subjects] == [(term.math[0].subject_id, {"absent": 1}, 0, "")]  # their absence only
    elsewhere = str(uuid.uuid4())  # a guardian of that id in another school: nothing of this school
    journal.principals.grant(elsewhere, "guardian", person_id=str(uuid.uuid4()), student_ids=[a])
    assert list(journal.call("GetDiaryResults", pb.GetDiaryResultsRequest(school_id=elsewhere, student_id=a)).subjects) == []
    journal.principals.grant(term.school_id, "deputy_head", person_id=str(uuid.uuid4()))  # staff read any student
    assert len(results(journal, term, a, school_year.id).subjects) == 2
    code, _, fields = refused(results, journal, term, a, str(uuid.uuid4()))
    assert (code, list(fields)) == (grpc.StatusCode.NOT_FOUND, ["academic_year_id"])
    stranger = str(uuid.uuid4())  # in no class: no year, nothing
    empty = results(journal, term, stranger)
    assert (empty.academic_year_id, list(empty.years), list(empty.subjects)) == ("", [], [])
