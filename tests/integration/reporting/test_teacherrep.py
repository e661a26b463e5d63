"""The teachers' period reports on the real PostgreSQL and Keycloak, fed through reporting's consumer (the year's
terms, two classes, marks with the school's weights, a term mark, schedule's lessons with their teachers, cancelled or
given, absences) and read through the RPCs on a servicer whose clock is 01.12.2026: the subject teacher's report (the
teacher's classes from their lessons, totals, lag), the form teacher's report (subjects, rates, attendance, lists) and
the class's results (estimated results, rates); the PDFs' text, the XLSX cells and formulas; who may read them."""
import datetime as dt
import io
import uuid

import grpc
import pytest
from openpyxl import load_workbook

from proto.identity.v1 import identity_pb2 as identity
from proto.journal.v1 import journal_pb2 as journal
from proto.reporting.v1 import reporting_pb2 as pb
from proto.reporting.v1 import reporting_pb2_grpc
from proto.schedule.v1 import schedule_pb2 as schedule
from services.common.outbox import Outbox
from services.reporting import bootstrap
from services.reporting.adapters import tables
from services.reporting.entrypoints.servicer import ReportingServicer
from tests.integration.reporting.test_movement_register import deliver
from tests.support import stack
from tests.support.grpc_harness import call, rpc_error, serving
from tests.support.pdf_text import needs_pdftotext, pdf_text

pytestmark = pytest.mark.stack
FORMED = dt.datetime(2026, 12, 1, 10, 0)


class School:
    """2026/2027 with 1 четверть 01.09–24.10 and 2 четверть 05.11–28.12; 7А (Зайцев, Орлова) and 7Б (Петров);
    Т teaches mathematics in both, И history in 7А."""

    def __init__(self):
        ids = (str(uuid.uuid4()) for _ in range(30))
        self.school_id, self.year, self.q1, self.q2, self.c7a, self.c7b = (next(ids) for _ in range(6))
        self.math, self.history, self.zaitsev, self.orlova, self.petrov = (next(ids) for _ in range(5))
        self.t, self.h = next(ids), next(ids)
        self.l1, self.l2, self.l3, self.l4, self.l5, self.l6 = (next(ids) for _ in range(6))

    def mark(self, student: str, subject: str, date: str, value: str, work_type: str = "classwork",
             class_group_id: str = "") -> journal.MarkRecorded:
        return journal.MarkRecorded(mark=journal.Mark(
            id=str(uuid.uuid4()), lesson_id=str(uuid.uuid4()), student_id=student, subject_id=subject,
            lesson_date=date, value=value, work_type=work_type), class_group_id=class_group_id or self.c7a)

    def lesson(self, lesson_id: str, class_group_id: str, subject_id: str, teacher_id: str, date: str,
               status: str = "scheduled") -> schedule.Lesson:
        return schedule.Lesson(id=lesson_id, school_id=self.school_id, class_group_id=class_group_id,
                               subject_id=subject_id, teacher_id=teacher_id, date=date, status=status)

    def topic(self, lesson_id: str, class_group_id: str, date: str) -> journal.TopicSet:
        return journal.TopicSet(lesson_id=lesson_id, topic="Тема", class_group_id=class_group_id, lesson_date=date)

    def absence(self, lesson_id: str, student_id: str, status: str, date: str) -> journal.AttendanceRecorded:
        return journal.AttendanceRecorded(entry=journal.AttendanceEntry(lesson_id=lesson_id, student_id=student_id,
                                                                        status=status),
                                          class_group_id=self.c7a, lesson_date=date)

    def events(self) -> list:
        term = schedule.Term
        return [
            identity.SchoolOnboarded(school_id=self.school_id, name="МБОУ «Гимназия № 3»"),
            schedule.AcademicYearCreated(academic_year=schedule.AcademicYear(
                id=self.year, school_id=self.school_id, name="2026/2027", terms=[
                    term(id=self.q1, name="1 четверть", start_date="2026-09-01", end_date="2026-10-24"),
                    term(id=self.q2, name="2 четверть", start_date="2026-11-05", end_date="2026-12-28")])),
            *(schedule.ClassGroupCreated(class_group=schedule.ClassGroup(
                id=c, school_id=self.school_id, name=name, grade=7, academic_year_id=self.year))
              for c, name in ((self.c7a, "7А"), (self.c7b, "7Б"))),
            *(schedule.SubjectCreated(subject=schedule.Subject(id=s, school_id=self.school_id, name=n))
              for s, n in ((self.math, "Математика"), (self.history, "История"))),
            *(identity.PersonRegistered(person=identity.Person(
                id=p, school_id=self.school_id, kind=identity.STUDENT,
                name=identity.PersonName(last_name=last, first_name=first),
                memberships=[identity.ClassMembership(class_group_id=c)]))
              for p, last, first, c in ((self.zaitsev, "Зайцев", "Пётр", self.c7a),
                                        (self.orlova, "Орлова", "Анна", self.c7a),
                                        (self.petrov, "Петров", "Иван", self.c7b))),
            journal.JournalSettingsChanged(school_id=self.school_id, mark_scale="five_point", work_types=[
                journal.WorkType(code="classwork", name="Работа на уроке", weight="1"),
                journal.WorkType(code="test", name="Контрольная работа", weight="3")]),
            # Зайцев: mathematics (5 + 3·3) / 4 = 3.50 with the term mark 4; history 2 (estimated)
            self.mark(self.zaitsev, self.math, "2026-09-10", "5"),
            self.mark(self.zaitsev, self.math, "2026-10-01", "3", "test"),
            self.mark(self.zaitsev, self.history, "2026-09-11", "2"),
            journal.TermMarkSet(term_mark=journal.TermMark(
                id=str(uuid.uuid4()), student_id=self.zaitsev, subject_id=self.math, term_id=self.q1,
                class_group_id=self.c7a, value="4")),
            # Орлова: 4 and 5, estimated; Петров in 7Б: 5, 5
            self.mark(self.orlova, self.math, "2026-09-10", "4"), self.mark(self.orlova, self.history, "2026-09-11", "5"),
            self.mark(self.petrov, self.math, "2026-09-10", "5", class_group_id=self.c7b),
            self.mark(self.petrov, self.math, "2026-09-17", "5", class_group_id=self.c7b),
            # 7А mathematics: four lessons, one cancelled, one given; 7Б one given; 7А history one given (by И)
            schedule.LessonScheduled(lesson=self.lesson(self.l1, self.c7a, self.math, self.t, "2026-09-10")),
            schedule.LessonScheduled(lesson=self.lesson(self.l2, self.c7a, self.math, self.t, "2026-09-17")),
            schedule.LessonScheduled(lesson=self.lesson(self.l3, self.c7a, self.math, self.t, "2026-09-24")),
            schedule.LessonCancelled(lesson=self.lesson(self.l3, self.c7a, self.math, self.t, "2026-09-24",
                                                        "cancelled")),
            schedule.LessonScheduled(lesson=self.lesson(self.l4, self.c7a, self.math, self.t, "2026-10-01")),
            schedule.LessonScheduled(lesson=self.lesson(self.l5, self.c7b, self.math, self.t, "2026-09-10")),
            schedule.LessonScheduled(lesson=self.lesson(self.l6, self.c7a, self.history, self.h, "2026-09-11")),
            self.topic(self.l1, self.c7a, "2026-09-10"), self.topic(self.l5, self.c7b, "2026-09-10"),
            self.topic(self.l6, self.c7a, "2026-09-11"),
            self.absence(self.l2, self.orlova, "ill", "2026-09-17"),
            self.absence(self.l6, self.zaitsev, "unexcused", "2026-09-11"),
            self.absence(self.l6, self.orlova, "late", "2026-09-11"),
        ]


@pytest.fixture(scope="module")
def school(db) -> School:
    school = School()
    assert all(deliver(db, school.school_id, school.events()))
    return school


@pytest.fixture(scope="module")
def reports(db, principals):
    """The servicer with its clock on 01.12.2026 (the first term is over)."""
    servicer = ReportingServicer(bootstrap.units_of_work(db, Outbox("reporting", tables.outbox)), clock=lambda: FORMED)
    with serving(reporting_pb2_grpc.add_ReportingServiceServicer_to_server, servicer,
                 reporting_pb2_grpc.ReportingServiceStub, principals) as served:
        yield served


def ask(reports, principals, school: School, rpc: str, request, role: str = "deputy_head", **grant):
    principals.grant(school.school_id, role, **grant)
    try:
        return call(reports, rpc, request, stack.operator_token())
    finally:
        principals.grants.pop(school.school_id)


def teacher_request(school: School, teacher_id: str, period_id: str) -> pb.GetSubjectTeacherReportRequest:
    return pb.GetSubjectTeacherReportRequest(school_id=school.school_id, teacher_id=teacher_id, period_id=period_id)


def class_request(school: School, period_id: str, class_group_id: str = "") -> pb.GetClassPeriodReportRequest:
    return pb.GetClassPeriodReportRequest(school_id=school.school_id, class_group_id=class_group_id or school.c7a,
                                          period_id=period_id)


def summary(s: pb.SubjectPeriodSummary) -> tuple:
    return (s.subject_name, [(d.value, d.count) for d in s.distribution if d.count], s.with_result, s.average,
            s.quality, s.pass_rate, (s.lessons.planned, s.lessons.to_date, s.lessons.given, s.lessons.lag))


def test_the_subject_teachers_report_covers_their_classes_with_totals_and_the_lag(reports, principals, school):
    report = ask(reports, principals, school, "GetSubjectTeacherReport", teacher_request(school, school.t, school.q1))
    assert (report.school_name, report.teacher_id, report.period_name) == ("МБОУ «Гимназия № 3»", school.t,
                                                                          "1 четверть")
    assert [p.id for p in report.periods] == [school.q1, school.q2, "year"]
    assert [(r.class_group_name, r.period.date_to, summary(r.subject)) for r in report.rows] == [
        # 7А: Зайцев's term mark 4 and Орлова's estimated 4; three lessons held by the plan, one given: two behind
        ("7А", "2026-10-24", ("Математика", [("4", 2)], 2, "4.00", "100.0", "100.0", (3, 3, 1, 2))),
        ("7Б", "2026-10-24", ("Математика", [("5", 1)], 1, "5.00", "100.0", "100.0", (1, 1, 1, 0)))]
    assert [summary(t) for t in report.totals] == [
        ("Математика", [("5", 1), ("4", 2)], 3, "4.33", "100.0", "100.0", (4, 4, 2, 2))]
    # the history teacher reads their own report ("" = the caller); the year counts the same marks here
    own = ask(reports, principals, school, "GetSubjectTeacherReport", teacher_request(school, "", "year"),
              role="subject_teacher", person_id=school.h)
    assert [(r.class_group_name, summary(r.subject)) for r in own.rows] == [
        ("7А", ("История", [("5", 1), ("2", 1)], 2, "3.50", "50.0", "50.0", (1, 1, 1, 0)))]
    assert own.period_name == "Учебный год 2026/2027"


def test_the_form_teachers_report_has_every_subject_the_rates_the_attendance_and_the_lists(reports, principals, school):
    report = ask(reports, principals, school, "GetFormTeacherReport", class_request(school, school.q1),
                 role="form_teacher", leads=[school.c7a])
    assert (report.class_group_name, report.period.name) == ("7А", "1 четверть")
    assert [summary(s) for s in report.subjects] == [
        ("История", [("5", 1), ("2", 1)], 2, "3.50", "50.0", "50.0", (1, 1, 1, 0)),
        ("Математика", [("4", 2)], 2, "4.00", "100.0", "100.0", (3, 3, 1, 2))]
    rates = report.rates
    assert [(c.name, c.count) for c in rates.categories if c.count] == [("Хорошисты", 1), ("Неуспевающие", 1)]
    assert (rates.with_result, rates.quality, rates.pass_rate, rates.counted_on) == (2, "50.0", "50.0", "2026-10-24")
    # late is no missed lesson: Зайцев НП 1, Орлова Б 1
    assert [(s.student_name, list(s.missed.by_reason)) for s in report.attendance.students] == [
        ("Зайцев Пётр", [0, 0, 0, 1]), ("Орлова Анна", [0, 1, 0, 0])]
    assert report.attendance.missed.total == 2
    assert [(x.title, [(s.student_name, list(s.subject_names)) for s in x.students]) for x in report.lists] == [
        ("Имеют «2»", [("Зайцев Пётр", ["История"])]), ("Имеют одну «3»", []),
        ("Хорошисты (только «4» и «5»)", [("Орлова Анна", [])]), ("Отличники", []), ("Не аттестованы", [])]


def test_the_class_results_mark_the_estimated_results(reports, principals, school):
    report = ask(reports, principals, school, "GetClassResults", class_request(school, school.q1))
    assert [s.subject_name for s in report.subjects] == ["История", "Математика"]
    assert [(s.student_name, [(r.result, r.estimated) for r in s.results], s.average, s.category_name)
            for s in report.students] == [
        ("Зайцев Пётр", [("2", True), ("4", False)], "3.00", "Неуспевающие"),
        ("Орлова Анна", [("5", True), ("4", True)], "4.50", "Хорошисты")]
    assert report.students[0].results[1].average == "3.50" and report.students[0].results[1].period_mark == "4"
    assert (report.rates.quality, report.rates.pass_rate) == ("50.0", "50.0")
    assert report.legend == "* — по текущим отметкам, отметка за период не выставлена"


@needs_pdftotext
def test_the_reports_as_pdf_and_xlsx(reports, principals, school, tmp_path):
    pdf = ask(reports, principals, school, "RenderClassResultsPdf", class_request(school, school.q1))
    assert (pdf.media_type, pdf.filename) == ("application/pdf", f"class-results-{school.c7a}-{school.q1}.pdf")
    text = pdf_text(pdf.content, tmp_path)
    for expected in ("МБОУ «Гимназия № 3»", "Итоги успеваемости класса", "класс 7А, 1 четверть, с 01.09.2026 по "
                     "24.10.2026", "Сформирован: 01.12.2026 10:00", "2*", "5*", "4,50", "Средний балл по предмету",
                     "Качество знаний, %", "50,0", "Классный руководитель", "стр. 1 из 1"):
        assert expected in text, expected
    xlsx = ask(reports, principals, school, "RenderClassResultsXlsx", class_request(school, school.q1))
    book = load_workbook(io.BytesIO(xlsx.content))
    grid = list(book["Итоги класса"].iter_rows(values_only=True))
    header = grid.index(("Ученик", "История", "Математика", "Средний балл", "Категория")) + 1
    assert grid[header:header + 3] == [
        ("Зайцев Пётр", 2, 4, 3.0, "Неуспевающие"), ("Орлова Анна", 5, 4, 4.5, "Хорошисты"),
        ("Средний балл по предмету", *(f'=IFERROR(ROUND(AVERAGE({c}{header + 1}:{c}{header + 2}),2),"")'
                                       for c in "BC"), None, None)]
    assert book["Итоги класса"].cell(header + 1, 2).number_format == '0"*"'

    pdf = ask(reports, principals, school, "RenderFormTeacherReportPdf", class_request(school, school.q1))
    assert pdf.filename == f"form-teacher-{school.c7a}-{school.q1}.pdf"
    text = pdf_text(pdf.content, tmp_path)
    for expected in ("Отчёт классного руководителя за период", "Пропущено уроков за период", "НП — неуважительная",
                     "Имеют «2»", "Зайцев Пётр", "Хорошисты", "Классный руководитель"):
        assert expected in text, expected
    xlsx = ask(reports, principals, school, "RenderFormTeacherReportXlsx", class_request(school, school.q1))
    missed = list(load_workbook(io.BytesIO(xlsx.content))["Посещаемость"].iter_rows(values_only=True))
    first = len(missed) - 2
    assert missed[-3:] == [("Зайцев Пётр", 0, 0, 0, 1, 1), ("Орлова Анна", 0, 1, 0, 0, 1),
                           ("Итого по классу", *(f"=SUM({c}{first}:{c}{first + 1})" for c in "BCDEF"))]

    pdf = ask(reports, principals, school, "RenderSubjectTeacherReportPdf", teacher_request(school, school.t, school.q1))
    assert pdf.filename == f"subject-teacher-{school.t}-{school.q1}.pdf"
    text = pdf_text(pdf.content, tmp_path)
    for expected in ("Отчёт учителя-предметника", "период: 1 четверть", "Математика", "7Б", "4,33", "Все классы",
                     "Учитель", "Заместитель директора"):
        assert expected in text, expected
    xlsx = ask(reports, principals, school, "RenderSubjectTeacherReportXlsx", teacher_request(school, school.t, "year"))
    assert xlsx.filename == f"subject-teacher-{school.t}-year.xlsx"
    rows = list(load_workbook(io.BytesIO(xlsx.content))["По классам"].iter_rows(values_only=True))
    assert rows[-2][:2] == ("Математика", "7А") and rows[-2][-4:-1] == (3, 3, 1)
    assert rows[-2][-1] == f"=MAX(0,N{len(rows) - 1}-O{len(rows) - 1})"


def test_who_may_read_the_reports_and_what_is_refused(reports, principals, school):
    def refused(rpc, request, role="deputy_head", **grant):
        with pytest.raises(grpc.RpcError) as error:
            ask(reports, principals, school, rpc, request, role=role, **grant)
        return rpc_error(error)

    for role, grant in (("subject_teacher", {"person_id": school.h}), ("form_teacher", {"leads": [school.c7b]}),
                        ("guardian", {})):
        assert refused("GetSubjectTeacherReport", teacher_request(school, school.t, school.q1), role,
                       **grant)[0] == grpc.StatusCode.PERMISSION_DENIED, role
    for rpc in ("GetFormTeacherReport", "GetClassResults", "RenderClassResultsPdf"):
        for role, grant in (("form_teacher", {"leads": [school.c7b]}), ("subject_teacher", {"person_id": school.t}),
                            ("guardian", {})):
            assert refused(rpc, class_request(school, school.q1), role, **grant)[0] == \
                grpc.StatusCode.PERMISSION_DENIED, (rpc, role)
    code, message, fields = refused("GetClassResults", class_request(school, str(uuid.uuid4())))
    assert (code, message, list(fields)) == (grpc.StatusCode.NOT_FOUND, "Период не найден", ["period_id"])
    code, message, _ = refused("GetClassResults", class_request(school, school.q1, str(uuid.uuid4())))
    assert (code, message) == (grpc.StatusCode.NOT_FOUND, "Класс не найден")
    assert refused("GetFormTeacherReport", class_request(school, "четверть"))[::2] == (
        grpc.StatusCode.INVALID_ARGUMENT, {"period_id": "ожидается идентификатор (UUID)"})
    assert ask(reports, principals, school, "GetFormTeacherReport", class_request(school, "")).period.id == school.q2, \
        "no period asked for: the term under way on 01.12.2026"
    assert ask(reports, principals, school, "GetSubjectTeacherReport", teacher_request(school, school.t, "")
               ).period_id == school.q2
    code, message, fields = refused("GetSubjectTeacherReport", teacher_request(school, school.t, str(uuid.uuid4())))
    assert (code, message, list(fields)) == (grpc.StatusCode.NOT_FOUND, "Период не найден", ["period_id"])
    assert "teacher_id" in refused("GetSubjectTeacherReport", teacher_request(school, "", school.q1))[2], \
        "a manager with no person card names the teacher"
    # a teacher of no lesson: an empty report
    assert ask(reports, principals, school, "GetSubjectTeacherReport",
               teacher_request(school, str(uuid.uuid4()), "year")).rows == []
