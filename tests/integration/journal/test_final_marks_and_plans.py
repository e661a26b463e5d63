"""Annual, exam and final marks (J7) and student plans (J9) on the real PostgreSQL: who sets them, their values,
the ledger and events; a home-schooled student gets period marks only (without the minimum of current marks), a
student on an individual plan no marks in a subject it leaves out; the grid shows each student's plan."""
import uuid

import grpc
import pytest
from sqlalchemy import func, select

from proto.journal.v1 import journal_pb2 as pb
from services.journal.adapters.tables import final_marks, student_plans
from tests.integration.journal.conftest import act_as_person
from tests.integration.journal.test_policy_and_locks import refused
from tests.integration.journal.test_service import event_types, ledger_rows, save
from tests.integration.journal.test_term_marks import as_teacher_of, set_mark

pytestmark = pytest.mark.stack


def set_final(journal, term, student_id, lessons, kind, value, reason=""):
    return journal.call("SetFinalMark", pb.SetFinalMarkRequest(
        school_id=term.school_id, student_id=student_id, subject_id=lessons[0].subject_id, kind=kind, value=value,
        reason=reason))


def set_plan(journal, term, student_id, home_schooled=False, excluded=(), reason="Приказ № 12"):
    return journal.call("SetStudentPlan", pb.SetStudentPlanRequest(
        school_id=term.school_id, student_id=student_id, home_schooled=home_schooled,
        excluded_subject_ids=list(excluded), reason=reason))


def test_annual_exam_and_final_marks_by_the_subjects_teacher_or_the_form_teacher(journal, term):
    a, b, _ = term.students
    as_teacher_of(journal, term, term.math)
    assert set_final(journal, term, a, term.math, "annual", "5").value == "5"
    assert set_final(journal, term, a, term.math, "exam", "н/а").special == "not_assessed"
    assert set_final(journal, term, a, term.math, "annual", "5").value == "5"  # the same: nothing written
    changed = set_final(journal, term, a, term.math, "annual", "4", reason="Пересчёт")
    assert changed.academic_year_id == journal.schedule.years[term.class_group_id]
    code, _, fields = refused(set_final, journal, term, a, term.math, "quarter", "5")
    assert code == grpc.StatusCode.INVALID_ARGUMENT and "kind" in fields
    assert refused(set_final, journal, term, a, term.history, "final", "5")[0] == grpc.StatusCode.PERMISSION_DENIED
    act_as_person(journal, term.school_id, str(uuid.uuid4()), "form_teacher", form_class_group_ids=[term.class_group_id])
    assert set_final(journal, term, b, term.history, "final", "ОСВ").special == "exempt"
    rows = [(r.entity, r.old_value, r.new_value, r.reason) for r in ledger_rows(journal, term.school_id)]
    assert rows == [("final_mark", None, {"kind": "annual", "value": "5"}, ""),
                    ("final_mark", None, {"kind": "exam", "value": "Н/А"}, ""),
                    ("final_mark", {"kind": "annual", "value": "5"}, {"kind": "annual", "value": "4"}, "Пересчёт"),
                    ("final_mark", None, {"kind": "final", "value": "ОСВ"}, "")]
    assert event_types(journal, term.school_id) == ["FinalMarkSet"] * 4
    listed = journal.call("ListFinalMarks", pb.ListFinalMarksRequest(school_id=term.school_id,
                                                                      class_group_id=term.class_group_id))
    assert sorted((m.student_id, m.kind, m.value) for m in listed.final_marks) == sorted([
        (a, "annual", "4"), (a, "exam", "Н/А"), (b, "final", "ОСВ")])


def test_only_the_admin_or_deputy_head_sets_a_plan_and_it_is_on_the_ledger(journal, term):
    a = term.students[0]
    as_teacher_of(journal, term, term.math)
    assert refused(set_plan, journal, term, a, True)[0] == grpc.StatusCode.PERMISSION_DENIED
    journal.principals.grant(term.school_id, "deputy_head")
    assert "excluded_subject_ids[0]" in refused(set_plan, journal, term, a, excluded=["физра"])[2]
    plan = set_plan(journal, term, a, True, [term.history[0].subject_id])
    assert plan.home_schooled and list(plan.excluded_subject_ids) == [term.history[0].subject_id]
    set_plan(journal, term, a, True, [term.history[0].subject_id])  # the same: nothing written
    rows = [(r.entity, r.student_id, r.old_value, r.new_value, r.reason) for r in ledger_rows(journal, term.school_id)]
    assert rows == [("student_plan", a, {"home_schooled": False, "excluded_subject_ids": []},
                     {"home_schooled": True, "excluded_subject_ids": [term.history[0].subject_id]}, "Приказ № 12")]
    assert event_types(journal, term.school_id) == ["StudentPlanSet"]
    listed = journal.call("ListStudentPlans", pb.ListStudentPlansRequest(school_id=term.school_id)).plans
    assert [(p.student_id, p.home_schooled) for p in listed] == [(a, True)]


def test_plans_govern_marks(journal, term):
    home, individual, regular = term.students
    math, history = term.math, term.history
    journal.principals.grant(term.school_id, "school_admin")
    set_plan(journal, term, home, home_schooled=True)
    set_plan(journal, term, individual, excluded=[history[0].subject_id])
    as_teacher_of(journal, term, history)
    lesson = term.lesson(history[-1])
    for i, student in enumerate((home, individual)):
        code, _, fields = refused(save, journal, lesson, reason="Опрос", marks=[
            dict(student_id=regular, value="5"), dict(student_id=student, value="4")])
        assert code == grpc.StatusCode.INVALID_ARGUMENT and "marks[1].student_id" in fields, i
    save(journal, lesson, reason="Опрос", marks=[dict(student_id=regular, value="5")],
         attendance=[dict(student_id=home, status="absent")])  # attendance of everyone is still kept
    assert set_mark(journal, term, home, history, "5").value == "5"  # no current marks needed at home
    code, _, fields = refused(set_mark, journal, term, individual, history, "ОСВ")
    assert code == grpc.StatusCode.FAILED_PRECONDITION and "subject_id" in fields
    assert refused(set_final, journal, term, individual, history, "annual", "5")[0] == grpc.StatusCode.FAILED_PRECONDITION
    journal.principals.grant(term.school_id, "deputy_head")
    grid = journal.call("GetGrid", pb.GetGridRequest(school_id=term.school_id, class_group_id=term.class_group_id,
                                                     subject_id=history[0].subject_id, term_id=term.term.id))
    assert {s.student_id: s.plan for s in grid.students} == {home: "home_schooled", individual: "not_studied",
                                                             regular: ""}
    assert {s.student_id: s.plan for s in journal.call("GetGrid", pb.GetGridRequest(
        school_id=term.school_id, class_group_id=term.class_group_id, subject_id=math[0].subject_id,
        term_id=term.term.id)).students}[individual] == ""


def test_the_new_tables_show_nothing_without_the_school_bound(journal, term):
    a = term.students[0]
    journal.principals.grant(term.school_id, "school_admin")
    set_plan(journal, term, a, home_schooled=True)
    act_as_person(journal, term.school_id, str(uuid.uuid4()), "form_teacher", form_class_group_ids=[term.class_group_id])
    set_final(journal, term, a, term.math, "annual", "5")
    with journal.db.tenant_session(term.school_id) as session:
        assert [session.scalar(select(func.count()).select_from(t)) for t in (final_marks, student_plans)] == [1, 1]
    with journal.db.engine.connect() as raw:  # the app role with no tenant bound sees nothing
        assert [raw.scalar(select(func.count()).select_from(t)) for t in (final_marks, student_plans)] == [0, 0]
    with journal.db.tenant_session(str(uuid.uuid4())) as session:
        assert [session.scalar(select(func.count()).select_from(t)) for t in (final_marks, student_plans)] == [0, 0]
