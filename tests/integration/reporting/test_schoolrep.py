"""The school-wide period reports read from the real PostgreSQL, fed through reporting's consumer: results and
knowledge quality, the school summary report and the school progress summary of 2026/2027 (5А and 5Б on quarters, 10А
on a half-year: left out of the quarters), the school's periods with their due dates; as data, PDF and XLSX; who may
read them; and a 30-class school formed in one call (timed once)."""
import datetime as dt
import io
import time
import uuid

import grpc
import pytest
from openpyxl import load_workbook

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
from tests.support.grpc_harness import FakePrincipals, call, rpc_error, serving
from tests.support.pdf_text import needs_pdftotext, pdf_text

pytestmark = pytest.mark.stack

NOW = dt.datetime(2026, 12, 29, 10, 0, tzinfo=SCHOOL_ZONE)  # the quarters have ended; the second one's reports are due


class School:
    """2026/2027: 1 четверть 01.09–24.10 and 2 четверть 05.11–28.12 for grades 1–9, 1 полугодие 01.09–28.12 for 10–11;
    5А (Антонов, Белова, Волков), 5Б (Громова, Дёмин), 10А (Егоров); mathematics and Russian, term marks set."""

    def __init__(self):
        ids = (str(uuid.uuid4()) for _ in range(30))
        self.school_id, self.year, self.q1, self.q2, self.h1 = (next(ids) for _ in range(5))
        self.c5a, self.c5b, self.c10a, self.math, self.russian = (next(ids) for _ in range(5))
        self.antonov, self.belova, self.volkov, self.gromova, self.demin, self.egorov = (next(ids) for _ in range(6))
        self.l1, self.l2, self.l3, self.l4 = (next(ids) for _ in range(4))

    def term_marks(self, term: str, class_group: str, student: str, math: str, russian: str) -> list:
        return [journal.TermMarkSet(term_mark=journal.TermMark(
            id=str(uuid.uuid4()), student_id=student, subject_id=subject, term_id=term, class_group_id=class_group,
            value=value, special="not_assessed" if value == "Н/А" else ""))
            for subject, value in ((self.math, math), (self.russian, russian))]

    def lesson(self, lesson_id: str, class_group: str, subject: str, date: str) -> list:
        return [schedule.LessonScheduled(lesson=schedule.Lesson(
            id=lesson_id, school_id=self.school_id, class_group_id=class_group, subject_id=subject,
            teacher_id=self.school_id, date=date, status="scheduled"))]

    def absence(self, lesson_id: str, class_group: str, student: str, date: str, status: str):
        return journal.AttendanceRecorded(entry=journal.AttendanceEntry(lesson_id=lesson_id, student_id=student,
                                                                        status=status),
                                          class_group_id=class_group, lesson_date=date)

    def events(self) -> list:
        term = schedule.Term
        students = ((self.antonov, "Антонов", "male", self.c5a), (self.belova, "Белова", "female", self.c5a),
                    (self.volkov, "Волков", "male", self.c5a), (self.gromova, "Громова", "female", self.c5b),
                    (self.demin, "Дёмин", "male", self.c5b), (self.egorov, "Егоров", "male", self.c10a))
        return [
            identity.SchoolOnboarded(school_id=self.school_id, name="МБОУ «Средняя школа № 9»", short_name="СШ № 9"),
            schedule.AcademicYearCreated(academic_year=schedule.AcademicYear(
                id=self.year, school_id=self.school_id, name="2026/2027", terms=[
                    term(id=self.q1, name="1 четверть", start_date="2026-09-01", end_date="2026-10-24",
                         grade_from=1, grade_to=9),
                    term(id=self.q2, name="2 четверть", start_date="2026-11-05", end_date="2026-12-28",
                         grade_from=1, grade_to=9),
                    term(id=self.h1, name="1 полугодие", start_date="2026-09-01", end_date="2026-12-28",
                         grade_from=10, grade_to=11)])),
            *(schedule.ClassGroupCreated(class_group=schedule.ClassGroup(
                id=c, school_id=self.school_id, name=n, grade=g, academic_year_id=self.year))
              for c, n, g in ((self.c5a, "5А", 5), (self.c5b, "5Б", 5), (self.c10a, "10А", 10))),
            *(schedule.SubjectCreated(subject=schedule.Subject(id=s, school_id=self.school_id, name=n))
              for s, n in ((self.math, "Математика"), (self.russian, "Русский язык"))),
            *(identity.PersonRegistered(person=identity.Person(
                id=p, school_id=self.school_id, kind=identity.STUDENT, gender=gender,
                name=identity.PersonName(last_name=last, first_name="Имя"),
                memberships=[identity.ClassMembership(class_group_id=c)])) for p, last, gender, c in students),
            # 1 четверть: отличник, хорошист, троечник in 5А; неуспевающая and не аттестован in 5Б
            *self.term_marks(self.q1, self.c5a, self.antonov, "5", "5"),
            *self.term_marks(self.q1, self.c5a, self.belova, "4", "5"),
            *self.term_marks(self.q1, self.c5a, self.volkov, "3", "3"),
            *self.term_marks(self.q1, self.c5b, self.gromova, "2", "3"),
            *self.term_marks(self.q1, self.c5b, self.demin, "Н/А", "4"),
            # 2 четверть: хорошист, хорошистка, неуспевающий; троечница, хорошист
            *self.term_marks(self.q2, self.c5a, self.antonov, "4", "5"),
            *self.term_marks(self.q2, self.c5a, self.belova, "4", "4"),
            *self.term_marks(self.q2, self.c5a, self.volkov, "2", "3"),
            *self.term_marks(self.q2, self.c5b, self.gromova, "3", "3"),
            *self.term_marks(self.q2, self.c5b, self.demin, "4", "4"),
            *self.term_marks(self.h1, self.c10a, self.egorov, "5", "4"),
            *self.lesson(self.l1, self.c5a, self.math, "2026-09-10"),
            *self.lesson(self.l2, self.c5a, self.math, "2026-09-17"),
            *self.lesson(self.l3, self.c5b, self.russian, "2026-10-01"),
            *self.lesson(self.l4, self.c10a, self.math, "2026-09-15"),
            *(journal.TopicSet(lesson_id=lesson, topic="Тема", class_group_id=c, lesson_date=d)
              for lesson, c, d in ((self.l1, self.c5a, "2026-09-10"), (self.l3, self.c5b, "2026-10-01"),
                                   (self.l4, self.c10a, "2026-09-15"))),
            self.absence(self.l1, self.c5a, self.volkov, "2026-09-10", "absent"),
            self.absence(self.l1, self.c5a, self.antonov, "2026-09-10", "late"),  # late is no missed lesson
            self.absence(self.l2, self.c5a, self.volkov, "2026-09-17", "ill"),
            self.absence(self.l3, self.c5b, self.gromova, "2026-10-01", "excused"),
            self.absence(self.l4, self.c10a, self.egorov, "2026-09-15", "unexcused"),
        ]


@pytest.fixture(scope="module")
def principals():
    return FakePrincipals()


@pytest.fixture(scope="module")
def stub(db, principals):
    servicer = ReportingServicer(bootstrap.units_of_work(db, Outbox("reporting", tables.outbox)), clock=lambda: NOW)
    with serving(reporting_pb2_grpc.add_ReportingServiceServicer_to_server, servicer,
                 reporting_pb2_grpc.ReportingServiceStub, principals) as served:
        yield served


@pytest.fixture(scope="module")
def school(db) -> School:
    school = School()
    assert all(deliver(db, school.school_id, school.events()))
    return school


def ask(stub, principals, school_id: str, rpc: str, request, role: str = "deputy_head", **grant):
    principals.grant(school_id, role, **grant)
    try:
        return call(stub, rpc, request, stack.operator_token())
    finally:
        principals.grants.pop(school_id)


def report(stub, principals, school: School, rpc: str, period_id: str, role: str = "deputy_head", **grant):
    return ask(stub, principals, school.school_id, rpc, pb.SchoolPeriodReportRequest(
        school_id=school.school_id, academic_year_id=school.year, period_id=period_id), role, **grant)


def results(row: pb.ResultsRow) -> tuple:
    return (row.name, row.students, row.excellent, row.good, row.one_three, row.satisfactory, row.failing,
            row.not_assessed, row.quality, row.pass_rate, row.average)


def test_the_school_periods_with_their_grades_and_due_dates(stub, principals, school):
    periods = ask(stub, principals, school.school_id, "ListSchoolPeriods", pb.ListSchoolPeriodsRequest(
        school_id=school.school_id, academic_year_id=school.year), "director")
    assert (periods.academic_year_name, periods.today) == ("2026/2027", "2026-12-29")
    # a period's reports are due 2 working days after its last day: Saturday 24.10 → Tuesday 27.10
    assert [(p.id, p.name, p.grades, p.date_to, p.due_date, p.status) for p in periods.periods] == [
        (school.q1, "1 четверть", "1–9 классы", "2026-10-24", "2026-10-27", "late"),
        (school.h1, "1 полугодие", "10–11 классы", "2026-12-28", "2026-12-30", "due"),
        (school.q2, "2 четверть", "1–9 классы", "2026-12-28", "2026-12-30", "due"),
        ("year", "Учебный год 2026/2027", "все классы", "2026-12-28", "2026-12-30", "due")]


def test_knowledge_quality_of_the_first_quarter_per_class_grade_subject_and_school(stub, principals, school):
    got = report(stub, principals, school, "GetKnowledgeQuality", school.q1)
    assert (got.heading.school_name, got.heading.period_name, got.heading.date_to) == (
        "МБОУ «Средняя школа № 9»", "1 четверть", "2026-10-24")
    assert [results(r) for r in got.classes] == [
        # 2 of 3 with 4s and 5s; (5+5+4+5+3+3)/6
        ("5А", 3, 1, 1, 0, 1, 0, 0, "66.7", "100.0", "4.17"),
        # a 2 and an Н/А: nobody passes; (2+3+4)/3
        ("5Б", 2, 0, 0, 0, 0, 1, 1, "0.0", "0.0", "3.00")]
    assert [results(r) for r in got.grades] == [("5 классы", 5, 1, 1, 0, 1, 1, 1, "40.0", "60.0", "3.78")]
    assert results(got.total) == ("Итого по школе", 5, 1, 1, 0, 1, 1, 1, "40.0", "60.0", "3.78")
    assert list(got.heading.left_out) == ["10А — не аттестуются за период «1 четверть» (их периоды: 1 полугодие)"]
    subjects = [(s.subject_name, s.with_result, s.quality, s.pass_rate, s.average) for s in got.subjects]
    assert subjects == [("Математика", 5, "40.0", "60.0", "3.50"), ("Русский язык", 5, "60.0", "100.0", "4.00")]
    assert [(g.name, len(g.subjects)) for g in got.grade_subjects] == [("5 классы", 2)]


def test_the_half_year_takes_the_tenth_grade_only_and_the_year_every_class(stub, principals, school):
    half = report(stub, principals, school, "GetKnowledgeQuality", school.h1)
    assert [results(r) for r in half.classes] == [("10А", 1, 0, 1, 0, 0, 0, 0, "100.0", "100.0", "4.50")]
    assert list(half.heading.left_out) == [
        "5А, 5Б — не аттестуются за период «1 полугодие» (их периоды: 1 четверть, 2 четверть)"]
    year = report(stub, principals, school, "GetKnowledgeQuality", "year")
    assert [r.name for r in year.classes] == ["5А", "5Б", "10А"] and not year.heading.left_out


def test_the_school_summary_of_the_first_quarter(stub, principals, school):
    got = report(stub, principals, school, "GetSchoolSummary", school.q1, "school_admin")
    assert got.on_date == "2026-10-24" and [r.code for r in got.reasons] == ["absent", "ill", "excused", "unexcused"]
    rows = [(r.name, r.boys, r.girls, r.students, r.assessed, r.results.quality, r.results.pass_rate,
             tuple(r.missed.by_reason), r.missed.total, r.lessons_planned, r.lessons_given)
            for r in (*got.rows, got.total)]
    assert rows == [
        ("5А", 2, 1, 3, True, "66.7", "100.0", (1, 1, 0, 0), 2, 2, 1),  # the late arrival is no missed lesson
        ("5Б", 1, 1, 2, True, "0.0", "0.0", (0, 0, 1, 0), 1, 1, 1),
        ("10А", 1, 0, 1, False, "", "", (0, 0, 0, 1), 1, 0, 0),  # not assessed; its absence still counts
        ("Итого по школе", 4, 2, 6, True, "40.0", "60.0", (1, 1, 1, 1), 4, 3, 2)]


def test_the_progress_summary_compares_the_second_quarter_with_the_first(stub, principals, school):
    got = report(stub, principals, school, "GetProgressSummary", school.q2, "director")
    assert list(got.previous_period_names) == ["1 четверть"]
    rows = [(r.now.name, r.previous_quality, r.now.quality, r.quality_change, r.previous_pass_rate, r.now.pass_rate,
             r.pass_rate_change) for r in (*got.grades, got.total)]
    assert rows == [("5 классы", "40.0", "60.0", "+20.0", "60.0", "80.0", "+20.0"),
                    ("Итого по школе", "40.0", "60.0", "+20.0", "60.0", "80.0", "+20.0")]
    first = report(stub, principals, school, "GetProgressSummary", school.q1)
    assert not first.total.has_previous and first.total.quality_change == "", "the first quarter has no previous"


@needs_pdftotext
def test_the_reports_as_pdf_and_xlsx(stub, principals, school, tmp_path):
    def render(rpc: str, period_id: str = school.q1) -> pb.RenderedReport:
        return report(stub, principals, school, rpc, period_id)

    pdf = render("RenderKnowledgeQualityPdf")
    assert (pdf.media_type, pdf.filename) == ("application/pdf", f"knowledge-quality-{school.year}-{school.q1}.pdf")
    text = pdf_text(pdf.content, tmp_path)
    for expected in ("МБОУ «Средняя школа № 9»", "Итоги успеваемости и качество знаний",
                     "1 четверть, учебный год 2026/2027 (с 01.09.2026 по 24.10.2026)", "Сформирован: 29.12.2026 10:00",
                     "стр. 1 из", "Заместитель директора", "10А — не аттестуются"):
        assert expected in text
    assert [line.split() for line in text.splitlines() if line.split()[:1] == ["5А"]] == [
        ["5А", "3", "3", "1", "1", "0", "1", "0", "0", "66,7", "100,0", "4,17"]]
    xlsx = render("RenderKnowledgeQualityXlsx")
    assert xlsx.filename == f"knowledge-quality-{school.year}-{school.q1}.xlsx"
    book = load_workbook(io.BytesIO(xlsx.content))
    classes = [row for row in book["По классам"].iter_rows(values_only=True) if row[0]]
    five_a = next(row for row in classes if row[0] == "5А")
    assert five_a[:9] == ("5А", 3, 3, 1, 1, 0, 1, 0, 0)
    assert five_a[9].startswith("=IF(") and "ROUND((D" in five_a[9], "the class's quality is a formula of its counts"
    assert classes[-1] == ("Итого по школе", 5, 5, 1, 1, 0, 1, 1, 1, 40.0, 60.0, 3.78)
    subjects = [row for row in book["По предметам"].iter_rows(values_only=True) if row[0] == "Математика"]
    assert subjects[0] == ("Математика", "Вся школа", 5, 40.0, 60.0, 3.5)

    summary = render("RenderSchoolSummaryXlsx")
    assert summary.filename == f"school-summary-{school.year}-{school.q1}.xlsx"
    sheet = load_workbook(io.BytesIO(summary.content))["Отчёт о школе"]
    lines = [row for row in sheet.iter_rows(values_only=True) if row[0] in ("5А", "10А", "Итого по школе")]
    assert lines[0] == ("5А", 2, 1, 3, 1, 1, 0, 1, 0, 0, 66.7, 100.0, 4.17, 1, 1, 0, 0, 2, 2, 1)
    assert lines[1][:4] == ("10А", 1, 0, 1) and lines[1][4:13] == (None,) * 9
    assert lines[2][1].startswith("=SUM(B") and lines[2][10:13] == (40.0, 60.0, 3.78), "totals are sums"
    summary_text = pdf_text(render("RenderSchoolSummaryPdf").content, tmp_path)
    assert "Отчёт о всей школе" in summary_text and "Директор" in summary_text

    progress = render("RenderProgressSummaryXlsx", school.q2)
    rows = [row for row in load_workbook(io.BytesIO(progress.content)).active.iter_rows(values_only=True)
            if row[0] == "5 классы"]
    assert rows[0][:4] == ("5 классы", 5, 40.0, 60.0) and rows[0][4].startswith("=IF(OR(C")
    progress_text = pdf_text(render("RenderProgressSummaryPdf", school.q2).content, tmp_path)
    assert "Сводный отчёт об успеваемости" in progress_text and "+20,0" in progress_text


def test_only_the_managers_read_the_school_reports_and_wrong_questions_are_refused(stub, principals, school):
    for role, grant in (("form_teacher", {"leads": (school.c5a,)}), ("subject_teacher", {}), ("guardian", {}),
                        ("secretary", {})):
        with pytest.raises(grpc.RpcError) as refused:
            report(stub, principals, school, "GetKnowledgeQuality", school.q1, role, **grant)
        assert refused.value.code() == grpc.StatusCode.PERMISSION_DENIED, role
    with pytest.raises(grpc.RpcError) as unknown:
        report(stub, principals, school, "GetSchoolSummary", str(uuid.uuid4()))
    assert rpc_error(unknown)[:2] == (grpc.StatusCode.NOT_FOUND, "Период не найден") and "period_id" in rpc_error(
        unknown)[2]
    with pytest.raises(grpc.RpcError) as invalid:
        report(stub, principals, school, "GetProgressSummary", "first")
    assert invalid.value.code() == grpc.StatusCode.INVALID_ARGUMENT and "period_id" in rpc_error(invalid)[2]
    with pytest.raises(grpc.RpcError) as no_year:
        ask(stub, principals, school.school_id, "ListSchoolPeriods", pb.ListSchoolPeriodsRequest(
            school_id=school.school_id, academic_year_id=str(uuid.uuid4())))
    assert rpc_error(no_year)[:2] == (grpc.StatusCode.NOT_FOUND, "Учебный год не найден")


def test_a_school_of_thirty_classes_forms_in_one_call(db, stub, principals):
    """30 classes of 25 students, two subjects with term marks and marks: the summary formed once and timed."""
    school_id, year, term = (str(uuid.uuid4()) for _ in range(3))
    events = [schedule.AcademicYearCreated(academic_year=schedule.AcademicYear(
        id=year, school_id=school_id, name="2026/2027", terms=[schedule.Term(
            id=term, name="1 четверть", start_date="2026-09-01", end_date="2026-10-24")]))]
    subjects = [str(uuid.uuid4()), str(uuid.uuid4())]
    events += [schedule.SubjectCreated(subject=schedule.Subject(id=s, school_id=school_id, name=f"Предмет {i}"))
               for i, s in enumerate(subjects)]
    for number in range(30):
        class_group = str(uuid.uuid4())
        events.append(schedule.ClassGroupCreated(class_group=schedule.ClassGroup(
            id=class_group, school_id=school_id, name=f"{number // 3 + 1}{'АБВ'[number % 3]}", grade=number // 3 + 1,
            academic_year_id=year)))
        for n in range(25):
            student = str(uuid.uuid4())
            events.append(identity.PersonRegistered(person=identity.Person(
                id=student, school_id=school_id, kind=identity.STUDENT, gender=("male", "female")[n % 2],
                name=identity.PersonName(last_name=f"Ученик {n}", first_name="Имя"),
                memberships=[identity.ClassMembership(class_group_id=class_group)])))
            events += [journal.MarkRecorded(mark=journal.Mark(
                id=str(uuid.uuid4()), lesson_id=str(uuid.uuid4()), student_id=student, subject_id=s,
                lesson_date="2026-09-15", value=str(3 + n % 3), work_type="classwork"), class_group_id=class_group)
                for s in subjects]
    assert all(deliver(db, school_id, events))
    started = time.monotonic()
    got = ask(stub, principals, school_id, "GetSchoolSummary", pb.SchoolPeriodReportRequest(
        school_id=school_id, academic_year_id=year, period_id=term))
    print(f"\nthe school summary of 30 classes (750 students) formed in {time.monotonic() - started:.2f} s")
    assert len(got.rows) == 30 and got.total.students == 750 and got.total.results.students == 750
