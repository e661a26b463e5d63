"""Curriculum hours, thematic plans and plan progress on the real PostgreSQL: set/get, completeness warnings
(with the clock past the due date and a per-school due date), CSV import with line-numbered errors, all-or-nothing
apply that replaces the plan, hand-computed progress numbers, refusal fields, roles and RLS of the new tables."""
import datetime as dt
import uuid

import grpc
import pytest
from sqlalchemy import func, insert, select
from sqlalchemy.exc import DBAPIError

from proto.journal.v1 import journal_pb2
from proto.schedule.v1 import schedule_pb2 as pb
from services.schedule.adapters.tables import curriculum_hours, plan_topics, schedule_policy
from tests.integration.schedule.conftest import entry
from tests.integration.schedule.test_timetable_changes import record
from tests.support.grpc_harness import rpc_error
from tests.unit.schedule.domain.test_plans import xlsx

pytestmark = pytest.mark.stack

PLAN = "order;title;hours\n2;Дроби;3\n1;Натуральные числа;2,5\n3;Проценты;1\n".encode()


def set_hours(schedule, school, hours: str, subject_id: str | None = None, class_group_id: str | None = None):
    return schedule.call("SetCurriculumHours", pb.SetCurriculumHoursRequest(
        school_id=school.id, class_group_id=class_group_id or school.class_group.id,
        subject_id=subject_id or school.subject.id, hours_per_week=hours))


def import_plan(schedule, school, content: bytes, dry_run: bool = False, filename: str = "план.csv"):
    return schedule.call("ImportThematicPlan", pb.ImportThematicPlanRequest(
        school_id=school.id, class_group_id=school.class_group.id, subject_id=school.subject.id,
        filename=filename, content=content, dry_run=dry_run))


def topics(schedule, school) -> list[tuple[int, str, str]]:
    reply = schedule.call("ListPlanTopics", pb.ListPlanTopicsRequest(
        school_id=school.id, class_group_id=school.class_group.id, subject_id=school.subject.id))
    return [(t.position, t.title, t.hours) for t in reply.topics]


def warnings(schedule, school) -> list[tuple[str, str]]:
    reply = schedule.call("CurriculumWarnings", pb.CurriculumWarningsRequest(school_id=school.id,
                                                                             academic_year_id=school.year.id))
    return [(w.kind, w.message) for w in reply.warnings]


def test_curriculum_hours_are_set_changed_and_read_with_their_total(schedule, school):
    physics = schedule.call("CreateSubject", pb.CreateSubjectRequest(school_id=school.id, name="Физика"))
    assert set_hours(schedule, school, "5").hours_per_week == "5"
    assert set_hours(schedule, school, "4,5").hours_per_week == "4.5"      # changed, not added
    set_hours(schedule, school, "0.5", subject_id=physics.id)
    reply = schedule.call("GetCurriculum", pb.GetCurriculumRequest(school_id=school.id,
                                                                   class_group_id=school.class_group.id))
    assert [(h.subject_name, h.hours_per_week) for h in reply.hours] == [("Математика", "4.5"), ("Физика", "0.5")]
    assert reply.total_hours_per_week == "5"


def test_curriculum_warnings_name_what_is_missing_and_the_overdue_curriculum(schedule, school):
    other = schedule.call("CreateClassGroup", pb.CreateClassGroupRequest(
        school_id=school.id, academic_year_id=school.year.id, grade=6, name="6Б"))
    physics = schedule.call("CreateSubject", pb.CreateSubjectRequest(school_id=school.id, name="Физика"))
    assert [kind for kind, _ in warnings(schedule, school)] == ["no_curriculum", "no_curriculum"]
    set_hours(schedule, school, "5")                              # 5А: taught by the assigned teacher
    set_hours(schedule, school, "2", subject_id=physics.id)       # 5А: nobody teaches it
    assert warnings(schedule, school) == [
        ("no_curriculum", "У класса 6Б нет учебного плана (часов по предметам)"),
        ("no_teacher", "Класс 5А: по предмету «Физика» 2 ч. в неделю, но учитель не назначен")]
    schedule.clock.today = dt.date(2025, 9, 15)                    # the due date itself: still in time
    assert "overdue" not in [kind for kind, _ in warnings(schedule, school)]
    schedule.clock.today = dt.date(2025, 9, 16)
    assert warnings(schedule, school)[-1] == (
        "overdue", "Учебный план не заполнен после 15 сентября 2025: нет часов у классов 6Б")
    with schedule.db.tenant_session(school.id) as session:
        session.execute(insert(schedule_policy).values(school_id=school.id, key="curriculum_due", value="10-01"))
    assert "overdue" not in [kind for kind, _ in warnings(schedule, school)]
    set_hours(schedule, school, "1", class_group_id=other.id)
    schedule.clock.today = dt.date(2025, 9, 20)                    # the first timetable's due date: in time
    assert [kind for kind, _ in warnings(schedule, school)] == ["no_teacher", "no_teacher"]
    schedule.call("CreateTimetableEntry", entry(school))
    schedule.clock.today = dt.date(2025, 9, 21)
    assert warnings(schedule, school)[-1] == (
        "timetable_overdue", "Расписание не составлено после 20 сентября 2025: нет уроков у классов 6Б")
    with schedule.db.tenant_session(school.id) as session:
        session.execute(insert(schedule_policy).values(school_id=school.id, key="timetable_due", value="10-01"))
    assert [kind for kind, _ in warnings(schedule, school)] == ["no_teacher", "no_teacher"]


def test_a_dry_run_reports_every_bad_row_with_its_line_and_changes_nothing(schedule, school):
    content = "1;Числа;2\n\n1;Повтор;1\nx;;много\n4;Дроби\n5;Проценты;0,25\n".encode()
    reply = import_plan(schedule, school, content, dry_run=True)
    assert not reply.applied
    assert [(e.line, e.field) for e in reply.errors] == [
        (3, "order"), (4, "order"), (4, "title"), (4, "hours"), (5, "row"), (6, "hours")]
    assert reply.errors[0].message == "номер 1 уже есть в строке 1"
    assert reply.errors[-1].message == "от 0.5 до 200 ч."
    with pytest.raises(grpc.RpcError) as err:
        import_plan(schedule, school, content)
    code, message, fields = rpc_error(err)
    assert code == grpc.StatusCode.INVALID_ARGUMENT and "план не загружен" in message
    assert fields["content[4].title"] == "тема не указана"
    assert topics(schedule, school) == []


def test_an_import_replaces_the_plan_and_lists_it_in_plan_order(schedule, school):
    dry = import_plan(schedule, school, PLAN, dry_run=True)
    assert (dry.applied, dry.total_hours, list(dry.errors)) == (False, "6.5", [])
    assert topics(schedule, school) == []
    reply = import_plan(schedule, school, PLAN)
    assert reply.applied and [t.position for t in reply.topics] == [1, 2, 3]
    assert topics(schedule, school) == [(1, "Натуральные числа", "2.5"), (2, "Дроби", "3"), (3, "Проценты", "1")]
    import_plan(schedule, school, "\ufeff1,\"Повторение, итог\",4\n".encode(), filename="PLAN.CSV")  # BOM, commas
    assert topics(schedule, school) == [(1, "Повторение, итог", "4")]
    import_plan(schedule, school, xlsx(["order", "title", "hours"], [1, "Введение", 1], [2, "Итоги", 0.5]),
                filename="план.xlsx")
    assert topics(schedule, school) == [(1, "Введение", "1"), (2, "Итоги", "0.5")]


def test_progress_sets_plan_and_curriculum_hours_against_scheduled_lessons(schedule, school):
    # 2025/2026 here: 1 четверть 01.09-24.10.2025 (Mon..Fri: 8 weeks), 2 четверть 05.11-28.12.2025 (weeks of
    # 3.11 .. 22.12: 8 weeks) -> 16 study weeks; Monday lessons: 8 + 7 (10.11 .. 22.12) = 15
    schedule.call("CreateTimetableEntry", entry(school, weekday=1))
    set_hours(schedule, school, "1.5")
    import_plan(schedule, school, PLAN)
    schedule.clock.today = dt.date(2025, 9, 30)        # Mondays 1, 8, 15, 22, 29 September
    september = schedule.call("ListLessons", pb.ListLessonsRequest(
        school_id=school.id, class_group_id=school.class_group.id, date_to="2025-09-30")).lessons
    for lesson in september[:3]:  # the journal has records for three of the five
        record(schedule, school.id, journal_pb2.TopicSet(lesson_id=lesson.id, topic="Тема"))
    report = schedule.call("PlanProgress", pb.PlanProgressRequest(
        school_id=school.id, class_group_id=school.class_group.id, subject_id=school.subject.id))
    assert (report.plan_topics, report.plan_hours, report.hours_per_week, report.study_weeks,
            report.curriculum_hours, report.lessons_total, report.lessons_to_date, report.as_of) == (
        3, "6.5", "1.5", 16, "24", 15, 5, "2025-09-30")
    # 3 delivered hours cover «Натуральные числа» (2.5 h) but not «Дроби» (2.5 + 3 h)
    assert (report.lessons_delivered, report.topics_covered) == (3, 1)
    assert report.warnings == ["«Математика», 5А: в тематическом плане 6.5 ч., по учебному плану 24 ч.",
                               "«Математика», 5А: в тематическом плане 6.5 ч., в расписании уроков на год 15",
                               "«Математика», 5А: по расписанию прошло уроков 5, в журнале записаны 3 (без записей 2)"]


def test_bad_input_is_refused_with_the_field(schedule, school):
    cases = [
        ("SetCurriculumHours", pb.SetCurriculumHoursRequest(school_id=school.id, class_group_id=school.class_group.id,
                                                            subject_id=school.subject.id, hours_per_week="11"),
         "hours_per_week"),
        ("SetCurriculumHours", pb.SetCurriculumHoursRequest(school_id=school.id, class_group_id=school.class_group.id,
                                                            subject_id=school.subject.id, hours_per_week="два"),
         "hours_per_week"),
        ("SetCurriculumHours", pb.SetCurriculumHoursRequest(school_id=school.id, class_group_id="5А",
                                                            subject_id=school.subject.id, hours_per_week="1"),
         "class_group_id"),
        ("ImportThematicPlan", pb.ImportThematicPlanRequest(school_id=school.id, class_group_id=school.class_group.id,
                                                            subject_id=school.subject.id, filename="план.txt",
                                                            content=PLAN), "filename"),
        ("ImportThematicPlan", pb.ImportThematicPlanRequest(school_id=school.id, class_group_id=school.class_group.id,
                                                            subject_id=school.subject.id, filename="план.csv",
                                                            content="1;Тема;1".encode("cp1251")), "content"),
        ("ImportThematicPlan", pb.ImportThematicPlanRequest(school_id=school.id, class_group_id=school.class_group.id,
                                                            subject_id=school.subject.id, filename="план.csv",
                                                            content=b"order;title;hours\n"), "content"),
    ]
    for method, request, field in cases:
        with pytest.raises(grpc.RpcError) as err:
            schedule.call(method, request)
        code, _, fields = rpc_error(err)
        assert (code, field in fields) == (grpc.StatusCode.INVALID_ARGUMENT, True), (method, fields)
    with pytest.raises(grpc.RpcError) as err:
        set_hours(schedule, school, "1", subject_id=str(uuid.uuid4()))
    assert rpc_error(err)[0] == grpc.StatusCode.NOT_FOUND


def test_only_managers_change_plans_and_no_school_sees_anothers(schedule, school):
    set_hours(schedule, school, "5")
    import_plan(schedule, school, PLAN)
    other = str(uuid.uuid4())
    schedule.principals.grant(other, "school_admin")
    with pytest.raises(grpc.RpcError) as err:
        schedule.call("GetCurriculum", pb.GetCurriculumRequest(school_id=other, class_group_id=school.class_group.id))
    assert err.value.code() == grpc.StatusCode.NOT_FOUND
    with schedule.db.tenant_session(other) as session:
        assert [session.scalar(select(func.count()).select_from(t)) for t in (curriculum_hours, plan_topics)] == [0, 0]
    with schedule.db.tenant_session(school.id) as session:
        assert [session.scalar(select(func.count()).select_from(t)) for t in (curriculum_hours, plan_topics)] == [1, 3]
    with pytest.raises(DBAPIError, match="row-level security"), schedule.db.tenant_session(other) as session:
        session.execute(insert(plan_topics).values(id=str(uuid.uuid4()), school_id=school.id, position=9, title="чужая",
                                                   class_group_id=school.class_group.id, subject_id=school.subject.id,
                                                   hours=1))
    schedule.principals.grant(school.id, "subject_teacher")
    with pytest.raises(grpc.RpcError) as err:
        set_hours(schedule, school, "4")
    assert err.value.code() == grpc.StatusCode.PERMISSION_DENIED
    assert topics(schedule, school)[0] == (1, "Натуральные числа", "2.5")
