"""The summary mark sheet per period with weighted averages, its XLSX and the pedagogical council's decisions, and the
school's curriculum fulfilment (R4), on the real PostgreSQL fed through reporting's consumer and read through the
gRPC stub with the servicer's clock on 1 October 2026."""
import datetime as dt
import io
import uuid

import grpc
import pytest
from openpyxl import load_workbook
from sqlalchemy import select

from proto.identity.v1 import identity_pb2 as identity
from proto.journal.v1 import journal_pb2 as journal
from proto.reporting.v1 import reporting_pb2 as pb
from proto.reporting.v1 import reporting_pb2_grpc
from proto.schedule.v1 import schedule_pb2 as schedule
from services.common.dates import SCHOOL_ZONE
from services.common.outbox import Outbox
from services.reporting import bootstrap
from services.reporting.adapters import tables
from services.reporting.entrypoints.servicer import ReportingServicer
from tests.integration.reporting.test_movement_register import deliver
from tests.support import stack
from tests.support.grpc_harness import call, rpc_error, serving
from tests.support.pdf_text import needs_pdftotext, pdf_text

pytestmark = pytest.mark.stack
NOW = dt.datetime(2026, 10, 1, 9, 30, tzinfo=SCHOOL_ZONE)


class School:
    """5А of 2026/2027 (1 четверть 01.09–24.10, 2 четверть 05.11–28.12: 17 study weeks), a test weighing 3: Зайцев,
    Орлова and Петров; mathematics 4 h a week, English 2 h a week in two subgroups; the year-end orders (Орлова
    promoted to 6А, Зайцев conditionally with a debt, Петров's repetition cancelled)."""

    def __init__(self):
        ids = (str(uuid.uuid4()) for _ in range(40))
        self.school_id, self.year, self.next_year, self.q1, self.q2 = (next(ids) for _ in range(5))
        self.c5a, self.c6a, self.c5b, self.math, self.english = (next(ids) for _ in range(5))
        self.zaitsev, self.orlova, self.petrov, self.g1, self.g2 = (next(ids) for _ in range(5))
        self.promotion, self.conditional, self.repetition, self.cancellation = (next(ids) for _ in range(4))
        self.lesson_ids = [next(ids) for _ in range(9)]

    def mark(self, student: str, date: str, value: str, work_type: str) -> journal.MarkRecorded:
        return journal.MarkRecorded(mark=journal.Mark(
            id=str(uuid.uuid4()), lesson_id=str(uuid.uuid4()), student_id=student, subject_id=self.math,
            lesson_date=date, value=value, work_type=work_type), class_group_id=self.c5a)

    def lessons(self) -> list:
        """Mathematics: 10.09 given, 17.09 not, 24.09 cancelled, 08.10 ahead; English: the 1st group 11.09 and 18.09,
        the 2nd 11.09, 18.09, 25.09, all given."""
        l1, l2, l3, l4, e1, e2, e3, e4, e5 = self.lesson_ids

        def lesson(lesson_id, subject, date, subgroup="", status="scheduled"):
            return schedule.Lesson(id=lesson_id, school_id=self.school_id, class_group_id=self.c5a, subject_id=subject,
                                   teacher_id=self.school_id, date=date, status=status, subgroup_id=subgroup)
        scheduled = [lesson(l1, self.math, "2026-09-10"), lesson(l2, self.math, "2026-09-17"),
                     lesson(l3, self.math, "2026-09-24"), lesson(l4, self.math, "2026-10-08"),
                     lesson(e1, self.english, "2026-09-11", self.g1), lesson(e2, self.english, "2026-09-18", self.g1),
                     lesson(e3, self.english, "2026-09-11", self.g2), lesson(e4, self.english, "2026-09-18", self.g2),
                     lesson(e5, self.english, "2026-09-25", self.g2)]
        given = [(l1, "2026-09-10"), (e1, "2026-09-11"), (e2, "2026-09-18"), (e3, "2026-09-11"), (e4, "2026-09-18"),
                 (e5, "2026-09-25")]
        return [*(schedule.LessonScheduled(lesson=one) for one in scheduled),
                schedule.LessonCancelled(lesson=lesson(l3, self.math, "2026-09-24", status="cancelled")),
                *(journal.TopicSet(lesson_id=i, topic="Тема", class_group_id=self.c5a, lesson_date=d) for i, d in given)]

    def hours(self, class_group_id: str, subject_id: str, value: str) -> schedule.CurriculumHoursSet:
        return schedule.CurriculumHoursSet(hours=schedule.CurriculumHours(
            id=str(uuid.uuid4()), school_id=self.school_id, class_group_id=class_group_id, subject_id=subject_id,
            hours_per_week=value))

    def order(self, order_id: str, kind: int, number: str, student: str, name: str, to_class: str = "",
              debts=(), **told) -> identity.MovementOrder:
        return identity.MovementOrder(
            id=order_id, school_id=self.school_id, kind=kind, number=number, academic_year_id=self.year,
            order_date="2027-05-30", effective_date="2027-09-01", lines=[identity.OrderLine(
                student_id=student, student_name=name, from_class_group_id=self.c5a, to_class_group_id=to_class,
                debts=debts)], **told)

    def events(self) -> list:
        term = schedule.Term
        repetition = self.order(self.repetition, identity.REPETITION, "12", self.petrov, "Петров Илья", self.c5b)
        cancellation = identity.MovementOrder(id=self.cancellation, school_id=self.school_id, kind=identity.CANCELLATION,
                                              number="13", academic_year_id=self.year, cancels_order_id=self.repetition,
                                              order_date="2027-05-31", effective_date="2027-09-01",
                                              lines=list(repetition.lines))
        return [
            identity.SchoolUpdated(school=identity.School(id=self.school_id, name="МБОУ «Школа № 9»")),
            schedule.AcademicYearCreated(academic_year=schedule.AcademicYear(
                id=self.year, school_id=self.school_id, name="2026/2027", terms=[
                    term(id=self.q1, name="1 четверть", start_date="2026-09-01", end_date="2026-10-24",
                         grade_from=1, grade_to=9),
                    term(id=self.q2, name="2 четверть", start_date="2026-11-05", end_date="2026-12-28",
                         grade_from=1, grade_to=9)])),
            schedule.ClassGroupCreated(class_group=schedule.ClassGroup(
                id=self.c5a, school_id=self.school_id, name="5А", grade=5, academic_year_id=self.year)),
            *(schedule.ClassGroupCreated(class_group=schedule.ClassGroup(
                id=c, school_id=self.school_id, name=n, grade=g, academic_year_id=self.next_year))
              for c, n, g in ((self.c6a, "6А", 6), (self.c5b, "5Б", 5))),
            *(schedule.SubjectCreated(subject=schedule.Subject(id=s, school_id=self.school_id, name=n))
              for s, n in ((self.math, "Математика"), (self.english, "Английский язык"))),
            *(identity.PersonRegistered(person=identity.Person(
                id=p, school_id=self.school_id, kind=identity.STUDENT,
                name=identity.PersonName(last_name=last, first_name=first),
                memberships=[identity.ClassMembership(class_group_id=self.c5a)]))
              for p, last, first in ((self.zaitsev, "Зайцев", "Пётр"), (self.orlova, "Орлова", "Анна"),
                                     (self.petrov, "Петров", "Илья"))),
            journal.JournalSettingsChanged(school_id=self.school_id, mark_scale="five_point", work_types=[
                journal.WorkType(code="classwork", name="Работа на уроке", weight="1"),
                journal.WorkType(code="test", name="Контрольная работа", weight="3")]),
            self.mark(self.zaitsev, "2026-09-10", "5", "classwork"),
            self.mark(self.zaitsev, "2026-10-01", "3", "test"),
            self.mark(self.zaitsev, "2026-11-10", "2", "classwork"),
            self.mark(self.orlova, "2026-09-10", "4", "classwork"),
            journal.TermMarkSet(term_mark=journal.TermMark(
                id=str(uuid.uuid4()), student_id=self.zaitsev, subject_id=self.math, term_id=self.q1,
                class_group_id=self.c5a, value="4")),
            journal.FinalMarkSet(final_mark=journal.FinalMark(
                id=str(uuid.uuid4()), student_id=self.orlova, subject_id=self.math, class_group_id=self.c5a,
                kind="annual", value="5")),
            identity.MovementOrderSigned(order=self.order(self.promotion, identity.PROMOTION, "10", self.orlova,
                                                          "Орлова Анна", self.c6a)),
            identity.MovementOrderSigned(order=self.order(
                self.conditional, identity.CONDITIONAL_PROMOTION, "11", self.zaitsev, "Зайцев Пётр", self.c6a,
                debts=[identity.AcademicDebt(subject_id=self.math, subject_name="Математика", deadline="2027-10-15")])),
            identity.MovementOrderSigned(order=repetition),
            identity.MovementOrderSigned(order=cancellation),
            identity.MovementOrderCancelled(order=self.order(self.repetition, identity.REPETITION, "12", self.petrov,
                                                             "Петров Илья", self.c5b,
                                                             cancelled_by_order_id=self.cancellation),
                                            cancellation=cancellation),
            self.hours(self.c5a, self.math, "5"),
            self.hours(self.c5a, self.math, "4"),  # changed: the last one told counts
            self.hours(self.c5a, self.english, "2"),
            *self.lessons(),
        ]


@pytest.fixture(scope="module")
def school(db) -> School:
    school = School()
    assert all(deliver(db, school.school_id, school.events()))
    return school


@pytest.fixture(scope="module")
def clocked(db, principals):
    """The servicer with its clock on 1 October 2026 09:30."""
    servicer = ReportingServicer(bootstrap.units_of_work(db, Outbox("reporting", tables.outbox)), clock=lambda: NOW)
    with serving(reporting_pb2_grpc.add_ReportingServiceServicer_to_server, servicer,
                 reporting_pb2_grpc.ReportingServiceStub, principals) as served:
        yield served


def asked(stub, principals, school: School, rpc: str, request, role: str = "deputy_head", **grant):
    principals.grant(school.school_id, role, **grant)
    try:
        return call(stub, rpc, request, stack.operator_token())
    finally:
        principals.grants.pop(school.school_id)


def sheet(stub, principals, school: School, period_id: str = "", rpc: str = "GetSummarySheet", **who):
    return asked(stub, principals, school, rpc, pb.GetSummarySheetRequest(
        school_id=school.school_id, class_group_id=school.c5a, period_id=period_id), **who)


def fulfilment(stub, principals, school: School, rpc: str = "GetCurriculumFulfilment", **who):
    return asked(stub, principals, school, rpc, pb.GetCurriculumFulfilmentRequest(
        school_id=school.school_id, academic_year_id=school.year), **who)


def cells(report: pb.SummarySheet) -> list[tuple]:
    """(student, marks, average, period marks, decision) of the mathematics column."""
    column = [s.id for s in report.subjects].index(report.subjects[0].id)
    return [(r.student_name, list(r.cells[column].marks), r.cells[column].average,
             [m.value for m in r.cells[column].period_marks], r.decision) for r in report.rows]


def test_the_whole_years_sheet_weighs_the_marks_and_shows_the_councils_decisions(stub, principals, school):
    report = sheet(stub, principals, school)
    assert [s.name for s in report.subjects] == ["Математика"]
    assert [(p.name, p.kind) for p in report.periods] == [("1 четверть", "term"), ("2 четверть", "term"),
                                                          ("Годовая", "annual"), ("Итоговая", "final")]
    # Зайцев: (5·1 + 3·3 + 2·1) / 5 = 3.20 (the plain mean was 3.33); the cancelled repetition leaves Петров blank
    assert report.decisions_shown and (report.period_id, report.period_name) == ("", "")
    assert cells(report) == [
        ("Зайцев Пётр", ["5", "3", "2"], "3.20", ["4", "", "", ""],
         "переведён условно (задолженность: Математика до 15.10.2027)"),
        ("Орлова Анна", ["4"], "4.00", ["", "", "5", ""], "переведён в 6А"),
        ("Петров Илья", [], "", ["", "", "", ""], "")]
    year = sheet(stub, principals, school, "year")
    assert (year.period_id, year.period_name, year.decisions_shown) == ("year", "Учебный год 2026/2027", True)
    assert cells(year) == cells(report)


def test_a_terms_sheet_has_its_marks_and_its_column_only(stub, principals, school):
    report = sheet(stub, principals, school, school.q1)
    assert (report.period_id, report.period_name, report.decisions_shown) == (school.q1, "1 четверть", False)
    assert [p.id for p in report.periods] == [school.q1]
    # (5·1 + 3·3) / 4 = 3.50; the November 2 is of the second term
    assert cells(report) == [("Зайцев Пётр", ["5", "3"], "3.50", ["4"], ""), ("Орлова Анна", ["4"], "4.00", [""], ""),
                             ("Петров Илья", [], "", [""], "")]
    second = sheet(stub, principals, school, school.q2)
    assert cells(second)[0] == ("Зайцев Пётр", ["2"], "2.00", [""], "")


def test_a_period_the_class_does_not_have_is_not_found(stub, principals, school):
    for period_id in (str(uuid.uuid4()), "annual"):
        with pytest.raises(grpc.RpcError) as refused:
            sheet(stub, principals, school, period_id)
        assert rpc_error(refused) == (grpc.StatusCode.NOT_FOUND, "Период не найден",
                                      {"period_id": "нет такого периода у класса"})


def test_the_sheets_xlsx_is_the_grid_with_numbers_and_the_decisions(stub, principals, school):
    report = sheet(stub, principals, school, "year", rpc="RenderSummarySheetXlsx")
    assert report.filename == f"summary-sheet-{school.c5a}-year.xlsx"
    book = load_workbook(io.BytesIO(report.content))
    grid = book["Ведомость"]
    rows = [list(r) for r in grid.iter_rows(values_only=True)]
    assert rows[0][0] == "Сводная ведомость учёта успеваемости" and rows[1][0] == "МБОУ «Школа № 9»"
    header_at = next(i for i, r in enumerate(rows) if r[0] == "Обучающийся")
    assert rows[header_at] == ["Обучающийся", "Математика: отметки", "Математика: средний балл",
                               "Математика: 1 четверть", "Математика: 2 четверть", "Математика: Годовая",
                               "Математика: Итоговая", "Решение педагогического совета"]
    assert rows[header_at + 1] == ["Зайцев Пётр", "5 3 2", 3.2, 4, None, None, None,
                                   "переведён условно (задолженность: Математика до 15.10.2027)"]
    assert rows[header_at + 2][:3] == ["Орлова Анна", "4", 4.0] and rows[header_at + 2][5] == 5
    assert grid.freeze_panes == f"B{header_at + 2}"
    term = sheet(stub, principals, school, school.q1, rpc="RenderSummarySheetXlsx")
    assert term.filename == f"summary-sheet-{school.c5a}-{school.q1}.xlsx"
    term_rows = list(load_workbook(io.BytesIO(term.content))["Ведомость"].iter_rows(values_only=True))
    assert ("Зайцев Пётр", "5 3", 3.5, 4) in term_rows


@needs_pdftotext
def test_the_sheets_pdf_has_the_weighted_averages_and_the_decisions(stub, principals, school, tmp_path):
    report = sheet(stub, principals, school, rpc="RenderSummarySheetPdf")
    assert (report.media_type, report.filename) == ("application/pdf", f"summary-sheet-{school.c5a}.pdf")
    text = pdf_text(report.content, tmp_path)
    assert "ср. 3,20" in text and "Решение педагогического" in text
    assert "переведён в 6А" in text and "15.10.2027" in text
    term = pdf_text(sheet(stub, principals, school, school.q1, rpc="RenderSummarySheetPdf").content, tmp_path)
    assert "класс 5А, 1 четверть" in term and "ср. 3,50" in term and "Решение педагогического" not in term


def test_the_form_teacher_reads_their_classs_sheet_only(stub, principals, school):
    assert sheet(stub, principals, school, school.q1, role="form_teacher", leads=[school.c5a]).rows
    for role, grant in (("form_teacher", {"leads": [school.c6a]}), ("teacher", {}), ("guardian", {})):
        with pytest.raises(grpc.RpcError) as refused:
            sheet(stub, principals, school, school.q1, rpc="RenderSummarySheetXlsx", role=role, **grant)
        assert refused.value.code() == grpc.StatusCode.PERMISSION_DENIED, role


def test_curriculum_fulfilment_counts_a_subgroups_lessons_once_and_the_lag_to_date(clocked, principals, school):
    report = fulfilment(clocked, principals, school)
    assert (report.school_name, report.academic_year_name, report.as_of) == ("МБОУ «Школа № 9»", "2026/2027",
                                                                              "2026-10-01")
    rows = [(r.class_group_name, r.subject_name, r.hours_per_week, r.study_weeks, r.hours_per_year, r.lessons_planned,
             r.lessons_to_date, r.lessons_given, r.lag, r.fulfilment) for r in [*report.rows, report.total]]
    # English: the 2nd group's 3 lessons (not 2 + 3), all given; mathematics: 3 not cancelled, 2 up to 01.10, 1 given
    assert rows == [("5А", "Английский язык", "2", 17, "34", 3, 3, 3, 0, "100.0"),
                    ("5А", "Математика", "4", 17, "68", 3, 2, 1, 1, "33.3"),
                    ("Итого по школе", "", "", 0, "102", 6, 5, 4, 1, "66.7")]


def test_curriculum_fulfilment_xlsx_has_formulas_and_highlights_the_lag(clocked, principals, school):
    xlsx = fulfilment(clocked, principals, school, rpc="RenderCurriculumFulfilmentXlsx")
    assert xlsx.filename == f"curriculum-fulfilment-{school.year}.xlsx"
    table = load_workbook(io.BytesIO(xlsx.content))["Учебный план"]
    rows = list(table.iter_rows())
    header_at = next(i for i, r in enumerate(rows) if r[0].value == "Класс")
    maths = rows[header_at + 2]
    number = header_at + 3  # the sheet's row number of mathematics
    assert [c.value for c in maths] == ["5А", "Математика", 4, 17, 68, 3, 2, 1, f"=G{number}-H{number}",
                                        f'=IF(F{number}>0,ROUND(H{number}/F{number}*100,1),"")']
    assert maths[8].font.b and not rows[header_at + 1][8].font.b, "only a lag is bold"
    assert table.freeze_panes == f"C{header_at + 2}"


@needs_pdftotext
def test_curriculum_fulfilment_pdf(clocked, principals, school, tmp_path):
    text = pdf_text(fulfilment(clocked, principals, school, rpc="RenderCurriculumFulfilmentPdf").content, tmp_path)
    assert "Выполнение учебного плана" in text and "Учебный год 2026/2027, уроки на 01.10.2026" in text
    assert "Английский язык" in text and "33,3" in text and "Итого по школе" in text


def test_curriculum_fulfilment_is_the_managers(clocked, principals, school):
    assert fulfilment(clocked, principals, school, role="director").rows
    for role, grant in (("form_teacher", {"leads": [school.c5a]}), ("teacher", {}), ("guardian", {})):
        with pytest.raises(grpc.RpcError) as refused:
            fulfilment(clocked, principals, school, rpc="RenderCurriculumFulfilmentPdf", role=role, **grant)
        assert refused.value.code() == grpc.StatusCode.PERMISSION_DENIED, role
    with pytest.raises(grpc.RpcError) as refused:
        asked(clocked, principals, school, "GetCurriculumFulfilment", pb.GetCurriculumFulfilmentRequest(
            school_id=school.school_id, academic_year_id=str(uuid.uuid4())))
    assert rpc_error(refused)[:2] == (grpc.StatusCode.NOT_FOUND, "Учебный год не найден")
    with pytest.raises(grpc.RpcError) as refused:
        asked(clocked, principals, school, "GetCurriculumFulfilment", pb.GetCurriculumFulfilmentRequest(
            school_id=school.school_id, academic_year_id="2026"))
    assert rpc_error(refused)[0] == grpc.StatusCode.INVALID_ARGUMENT and "academic_year_id" in rpc_error(refused)[2]


def test_curriculum_hours_told_again_change_nothing_and_are_the_schools(db, school):
    def kept(school_id):
        with db.tenant_session(school_id) as session:
            return sorted(map(tuple, session.execute(select(tables.curriculum_hours)).all()))
    before = kept(school.school_id)
    assert [(r[1], str(r[3])) for r in before] == sorted([(school.english, "2.00"), (school.math, "4.00")])
    assert deliver(db, school.school_id, [school.hours(school.c5a, school.math, "4")]) == [True]
    assert kept(school.school_id) == before
    assert kept(str(uuid.uuid4())) == []
