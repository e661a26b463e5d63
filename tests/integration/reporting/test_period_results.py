"""A class's period results read from the real PostgreSQL, fed through reporting's consumer: the year's terms with
their end dates, the journal's marks with work types and the school's weights (JournalSettingsChanged), term and
annual marks, schedule's lessons (cancelled, moved to another class's timetable) and the journal's topics (given)."""
import datetime as dt
import uuid

import grpc
import pytest
from sqlalchemy import select

from proto.identity.v1 import identity_pb2 as identity
from proto.journal.v1 import journal_pb2 as journal
from proto.reporting.v1 import reporting_pb2 as pb
from proto.schedule.v1 import schedule_pb2 as schedule
from services.common.outbox import Outbox
from services.common.scope import Scope
from services.reporting import bootstrap
from services.reporting.adapters import tables
from services.reporting.domain import period_results as rules
from tests.integration.reporting.test_movement_register import deliver
from tests.support import stack
from tests.support.grpc_harness import call

pytestmark = pytest.mark.stack


class School:
    """7А of 2026/2027 (terms: 1 четверть 01.09–24.10, 2 четверть 05.11–28.12, and 10–11 grades' half-year);
    Зайцев and Орлова; mathematics and history."""

    def __init__(self):
        ids = (str(uuid.uuid4()) for _ in range(20))
        self.school_id, self.year, self.q1, self.q2, self.h1, self.c7a = (next(ids) for _ in range(6))
        self.math, self.history, self.zaitsev, self.orlova = (next(ids) for _ in range(4))
        self.l1, self.l2, self.l3, self.l4 = (next(ids) for _ in range(4))

    def mark(self, student: str, subject: str, date: str, value: str, work_type: str) -> journal.MarkRecorded:
        return journal.MarkRecorded(mark=journal.Mark(
            id=str(uuid.uuid4()), lesson_id=str(uuid.uuid4()), student_id=student, subject_id=subject,
            lesson_date=date, value=value, work_type=work_type), class_group_id=self.c7a)

    def lesson(self, lesson_id: str, date: str, status: str = "scheduled") -> schedule.Lesson:
        return schedule.Lesson(id=lesson_id, school_id=self.school_id, class_group_id=self.c7a, subject_id=self.math,
                               teacher_id=self.school_id, date=date, status=status)

    def events(self) -> list:
        term = schedule.Term
        return [
            schedule.AcademicYearCreated(academic_year=schedule.AcademicYear(
                id=self.year, school_id=self.school_id, name="2026/2027", terms=[
                    term(id=self.q1, name="1 четверть", start_date="2026-09-01", end_date="2026-10-24",
                         grade_from=1, grade_to=9),
                    term(id=self.q2, name="2 четверть", start_date="2026-11-05", end_date="2026-12-28",
                         grade_from=1, grade_to=9),
                    term(id=self.h1, name="1 полугодие", start_date="2026-09-01", end_date="2026-12-28",
                         grade_from=10, grade_to=11)])),
            schedule.ClassGroupCreated(class_group=schedule.ClassGroup(
                id=self.c7a, school_id=self.school_id, name="7А", grade=7, academic_year_id=self.year)),
            *(schedule.SubjectCreated(subject=schedule.Subject(id=s, school_id=self.school_id, name=n))
              for s, n in ((self.math, "Математика"), (self.history, "История"))),
            *(identity.PersonRegistered(person=identity.Person(
                id=p, school_id=self.school_id, kind=identity.STUDENT,
                name=identity.PersonName(last_name=last, first_name=first),
                memberships=[identity.ClassMembership(class_group_id=self.c7a)]))
              for p, last, first in ((self.zaitsev, "Зайцев", "Пётр"), (self.orlova, "Орлова", "Анна"))),
            # the school makes a test weigh 3 (its other work types the defaults)
            journal.JournalSettingsChanged(school_id=self.school_id, mark_scale="five_point", work_types=[
                journal.WorkType(code="classwork", name="Работа на уроке", weight="1"),
                journal.WorkType(code="test", name="Контрольная работа", weight="3")]),
            self.mark(self.zaitsev, self.math, "2026-09-10", "5", "classwork"),
            self.mark(self.zaitsev, self.math, "2026-10-01", "3", "test"),
            self.mark(self.zaitsev, self.math, "2026-11-10", "2", "classwork"),  # of the second term
            self.mark(self.orlova, self.math, "2026-09-10", "4", "classwork"),
            self.mark(self.orlova, self.history, "2026-09-11", "5", "homework"),
            journal.TermMarkSet(term_mark=journal.TermMark(
                id=str(uuid.uuid4()), student_id=self.zaitsev, subject_id=self.math, term_id=self.q1,
                class_group_id=self.c7a, value="4")),
            journal.FinalMarkSet(final_mark=journal.FinalMark(
                id=str(uuid.uuid4()), student_id=self.orlova, subject_id=self.math, class_group_id=self.c7a,
                kind="annual", value="5")),
            # the journal's topic may come before schedule's lesson
            journal.TopicSet(lesson_id=self.l1, topic="Дроби", class_group_id=self.c7a, lesson_date="2026-09-10"),
            schedule.LessonScheduled(lesson=self.lesson(self.l1, "2026-09-10")),
            schedule.LessonScheduled(lesson=self.lesson(self.l2, "2026-09-17")),
            schedule.LessonScheduled(lesson=self.lesson(self.l3, "2026-09-24")),
            schedule.LessonCancelled(lesson=self.lesson(self.l3, "2026-09-24", "cancelled")),
            schedule.LessonScheduled(lesson=self.lesson(self.l4, "2026-10-01")),
            journal.TopicSet(lesson_id=self.l4, topic="Уравнения", class_group_id=self.c7a, lesson_date="2026-10-01"),
            journal.TopicSet(lesson_id=self.l4, topic="", class_group_id=self.c7a, lesson_date="2026-10-01"),
        ]


@pytest.fixture(scope="module")
def school(db) -> School:
    school = School()
    assert all(deliver(db, school.school_id, school.events()))
    return school


def read(db, school: School, method: str, *args):
    uow = bootstrap.units_of_work(db, Outbox("reporting", tables.outbox))(Scope.of_event(school.school_id))
    with uow:
        return getattr(uow.period_results, method)(*args)


def test_the_periods_of_a_class_are_its_grades_terms_with_their_end_dates_then_the_year(db, school):
    periods = read(db, school, "class_periods", school.c7a)
    assert [(p.id, p.name, p.date_from, p.date_to) for p in periods] == [
        (school.q1, "1 четверть", dt.date(2026, 9, 1), dt.date(2026, 10, 24)),
        (school.q2, "2 четверть", dt.date(2026, 11, 5), dt.date(2026, 12, 28)),
        (rules.YEAR, "Учебный год 2026/2027", dt.date(2026, 9, 1), dt.date(2026, 12, 28))]
    assert read(db, school, "class_periods", str(uuid.uuid4())) is None


def test_the_first_terms_results_weigh_marks_as_the_school_told(db, school):
    report = read(db, school, "class_results", school.c7a, school.q1, dt.date(2026, 12, 1))
    assert [s.subject.name for s in report.subjects] == ["История", "Математика"]
    zaitsev, orlova = report.students
    # (5·1 + 3·3) / 4 = 3.50; the term mark 4 counts; the November 2 is of the second term
    assert [(r.marks, r.average, r.period_mark, r.result) for r in zaitsev.subjects] == [
        ((), "", "", ""), (("5", "3"), "3.50", "4", "4")]
    assert [(r.average, r.result, r.estimated) for r in orlova.subjects] == [("5.00", "5", True), ("4.00", "4", True)]
    assert (zaitsev.category, orlova.category, report.rates.quality, report.rates.pass_rate) == (
        rules.GOOD, rules.GOOD, "100.0", "100.0")
    math = report.subjects[1]
    # four lessons, one cancelled; given = with a topic (the one of 01.10 was cleared)
    assert (math.lessons.planned, math.lessons.to_date, math.lessons.given) == (3, 3, 1)
    assert math.teacher_ids == (school.school_id,)


def test_the_year_counts_the_annual_mark_and_an_unknown_period_is_none(db, school):
    report = read(db, school, "class_results", school.c7a, rules.YEAR, dt.date(2026, 12, 1))
    zaitsev, orlova = report.students
    assert zaitsev.subjects[1].marks == ("5", "3", "2") and zaitsev.subjects[1].average == "3.20"  # (5 + 3·3 + 2) / 5
    assert (orlova.subjects[1].period_mark, orlova.subjects[1].result) == ("5", "5")
    assert read(db, school, "class_results", school.c7a, school.h1, dt.date(2026, 12, 1)) is None


def test_the_settings_and_lessons_are_kept_as_told(db, school):
    with db.tenant_session(school.school_id) as session:
        settings = session.execute(select(tables.school_settings.c.mark_scale, tables.school_settings.c.work_types)).one()
        lessons = dict(session.execute(select(tables.lessons.c.id, tables.lessons.c.cancelled)).all())
    assert settings.mark_scale == "five_point" and [w["weight"] for w in settings.work_types] == ["1", "3"]
    assert lessons == {school.l1: False, school.l2: False, school.l3: True, school.l4: False}


def test_the_staff_read_a_classs_report_periods(stub, principals, school):
    principals.grant(school.school_id, "subject_teacher")
    try:
        periods = call(stub, "ListReportPeriods", pb.ListReportPeriodsRequest(
            school_id=school.school_id, class_group_id=school.c7a), stack.operator_token())
        assert periods.class_group_name == "7А"
        assert [(p.id, p.name, p.date_from, p.date_to) for p in periods.periods] == [
            (school.q1, "1 четверть", "2026-09-01", "2026-10-24"), (school.q2, "2 четверть", "2026-11-05", "2026-12-28"),
            ("year", "Учебный год 2026/2027", "2026-09-01", "2026-12-28")]
        with pytest.raises(grpc.RpcError) as unknown:
            call(stub, "ListReportPeriods", pb.ListReportPeriodsRequest(
                school_id=school.school_id, class_group_id=str(uuid.uuid4())), stack.operator_token())
        assert unknown.value.code() == grpc.StatusCode.NOT_FOUND
    finally:
        principals.grants.pop(school.school_id)
    principals.grant(school.school_id, "guardian")
    try:
        with pytest.raises(grpc.RpcError) as refused:
            call(stub, "ListReportPeriods", pb.ListReportPeriodsRequest(
                school_id=school.school_id, class_group_id=school.c7a), stack.operator_token())
        assert refused.value.code() == grpc.StatusCode.PERMISSION_DENIED
    finally:
        principals.grants.pop(school.school_id)
