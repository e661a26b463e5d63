"""The reports on a student on the real PostgreSQL and Keycloak, fed through reporting's consumer: the average's
dynamics over the terms, the report cards of a term and of the year (annual and exam marks), the progress and
attendance report and the letters to guardians — their numbers (weighted averages with the school's weights, term
marks, lessons missed by reason), the PDFs' text (pdftotext), the XLSX cells and formulas; who may read them and the
refusals (another class's form teacher, a teacher, a guardian, a wrong period, a student not of the class, a text too
long)."""
import io
import uuid

import grpc
import pytest
from openpyxl import load_workbook

from proto.identity.v1 import identity_pb2 as identity
from proto.journal.v1 import journal_pb2 as journal
from proto.reporting.v1 import reporting_pb2 as pb
from proto.schedule.v1 import schedule_pb2 as schedule
from tests.integration.reporting.test_movement_register import deliver
from tests.support import stack
from tests.support.grpc_harness import call, rpc_error
from tests.support.pdf_text import needs_pdftotext, pdf_text

pytestmark = pytest.mark.stack


class School:
    """7А of 2026/2027 (1 четверть 01.09–24.10, 2 четверть 05.11–28.12) and 7Б; Зайцев and Орлова in 7А; mathematics
    and history; a test weighs 3. Зайцев: mathematics 5 and a test 3 in the first term (term mark 4), 4 and 5 in the
    second (term mark 5), the annual 5 and the exam 4; history 4 and 5. Absences in the second term: Зайцев ill at
    mathematics on 10.11, unexcused at history on 12.11; Орлова late on 10.11."""

    def __init__(self):
        ids = (str(uuid.uuid4()) for _ in range(20))
        self.school_id, self.year, self.q1, self.q2, self.c7a, self.c7b = (next(ids) for _ in range(6))
        self.math, self.history, self.zaitsev, self.orlova, self.l1, self.l2 = (next(ids) for _ in range(6))

    def mark(self, student: str, subject: str, date: str, value: str, work_type: str = "classwork"
             ) -> journal.MarkRecorded:
        return journal.MarkRecorded(mark=journal.Mark(
            id=str(uuid.uuid4()), lesson_id=str(uuid.uuid4()), student_id=student, subject_id=subject,
            lesson_date=date, value=value, work_type=work_type), class_group_id=self.c7a)

    def term_mark(self, subject: str, term: str, value: str) -> journal.TermMarkSet:
        return journal.TermMarkSet(term_mark=journal.TermMark(
            id=str(uuid.uuid4()), student_id=self.zaitsev, subject_id=subject, term_id=term, class_group_id=self.c7a,
            value=value))

    def final_mark(self, kind: str, value: str) -> journal.FinalMarkSet:
        return journal.FinalMarkSet(final_mark=journal.FinalMark(
            id=str(uuid.uuid4()), student_id=self.zaitsev, subject_id=self.math, class_group_id=self.c7a, kind=kind,
            value=value))

    def absence(self, lesson_id: str, student: str, status: str, date: str) -> journal.AttendanceRecorded:
        return journal.AttendanceRecorded(entry=journal.AttendanceEntry(lesson_id=lesson_id, student_id=student,
                                                                        status=status),
                                          class_group_id=self.c7a, lesson_date=date)

    def events(self) -> list:
        term = schedule.Term
        return [
            identity.SchoolOnboarded(school_id=self.school_id, name="МБОУ «Средняя школа № 7»"),
            schedule.AcademicYearCreated(academic_year=schedule.AcademicYear(
                id=self.year, school_id=self.school_id, name="2026/2027", terms=[
                    term(id=self.q1, name="1 четверть", start_date="2026-09-01", end_date="2026-10-24",
                         grade_from=1, grade_to=9),
                    term(id=self.q2, name="2 четверть", start_date="2026-11-05", end_date="2026-12-28",
                         grade_from=1, grade_to=9)])),
            *(schedule.ClassGroupCreated(class_group=schedule.ClassGroup(
                id=c, school_id=self.school_id, name=name, grade=7, academic_year_id=self.year))
              for c, name in ((self.c7a, "7А"), (self.c7b, "7Б"))),
            *(schedule.SubjectCreated(subject=schedule.Subject(id=s, school_id=self.school_id, name=n))
              for s, n in ((self.math, "Математика"), (self.history, "История"))),
            *(identity.PersonRegistered(person=identity.Person(
                id=p, school_id=self.school_id, kind=identity.STUDENT,
                name=identity.PersonName(last_name=last, first_name=first),
                memberships=[identity.ClassMembership(class_group_id=self.c7a)]))
              for p, last, first in ((self.zaitsev, "Зайцев", "Пётр"), (self.orlova, "Орлова", "Анна"))),
            journal.JournalSettingsChanged(school_id=self.school_id, mark_scale="five_point", work_types=[
                journal.WorkType(code="classwork", name="Работа на уроке", weight="1"),
                journal.WorkType(code="test", name="Контрольная работа", weight="3")]),
            self.mark(self.zaitsev, self.math, "2026-09-10", "5"),
            self.mark(self.zaitsev, self.math, "2026-10-01", "3", "test"),  # (5 + 3·3) / 4 = 3.50
            self.mark(self.zaitsev, self.history, "2026-09-11", "4"),  # 4.00; the term: (3.50 + 4.00) / 2 = 3.75
            self.mark(self.zaitsev, self.math, "2026-11-10", "4"), self.mark(self.zaitsev, self.math, "2026-12-01", "5"),
            self.mark(self.zaitsev, self.history, "2026-11-12", "5"),  # 4.50 and 5.00: 4.75, +1.00
            self.mark(self.orlova, self.math, "2026-09-10", "4"),
            self.term_mark(self.math, self.q1, "4"), self.term_mark(self.history, self.q1, "4"),
            self.term_mark(self.math, self.q2, "5"),
            self.final_mark("annual", "5"), self.final_mark("exam", "4"),
            schedule.LessonScheduled(lesson=schedule.Lesson(id=self.l1, school_id=self.school_id,
                                                            class_group_id=self.c7a, subject_id=self.math,
                                                            date="2026-11-10")),
            schedule.LessonScheduled(lesson=schedule.Lesson(id=self.l2, school_id=self.school_id,
                                                            class_group_id=self.c7a, subject_id=self.history,
                                                            date="2026-11-12")),
            self.absence(self.l1, self.zaitsev, "ill", "2026-11-10"),
            self.absence(self.l1, self.orlova, "late", "2026-11-10"),
            self.absence(self.l2, self.zaitsev, "unexcused", "2026-11-12"),
        ]


@pytest.fixture(scope="module")
def school(db) -> School:
    school = School()
    assert all(deliver(db, school.school_id, school.events()))
    return school


def ask(stub, principals, school: School, rpc: str, request, role: str = "deputy_head", **grant):
    principals.grant(school.school_id, role, **grant)
    try:
        return call(stub, rpc, request, stack.operator_token())
    finally:
        principals.grants.pop(school.school_id)


def dynamics_request(school: School, student: str = "", class_group: str = "") -> pb.GetStudentDynamicsRequest:
    return pb.GetStudentDynamicsRequest(school_id=school.school_id, class_group_id=class_group or school.c7a,
                                        student_id=student or school.zaitsev)


def cards_request(school: School, period: str, student: str = "") -> pb.GetReportCardsRequest:
    return pb.GetReportCardsRequest(school_id=school.school_id, class_group_id=school.c7a, period_id=period,
                                    student_id=student)


def progress_request(school: School, period: str = "", student: str = "") -> pb.GetStudentProgressRequest:
    return pb.GetStudentProgressRequest(school_id=school.school_id, class_group_id=school.c7a,
                                        period_id=period or school.q2, student_id=student or school.zaitsev)


def letters_request(school: School, text: str = "Родительское собрание — 25 декабря в 18:00.",
                    student: str = "") -> pb.GetGuardianLettersRequest:
    return pb.GetGuardianLettersRequest(school_id=school.school_id, class_group_id=school.c7a, period_id=school.q2,
                                        student_id=student, text=text)


def test_the_dynamics_weigh_each_terms_marks_and_follow_the_mean_from_term_to_term(stub, principals, school):
    report = ask(stub, principals, school, "GetStudentDynamics", dynamics_request(school))
    assert (report.school_name, report.class_group_name, report.academic_year_name, report.student_name) == (
        "МБОУ «Средняя школа № 7»", "7А", "2026/2027", "Зайцев Пётр")
    assert [(t.period_id, t.name, t.average, t.change) for t in report.terms] == [
        (school.q1, "1 четверть", "3.75", ""), (school.q2, "2 четверть", "4.75", "+1.00")]
    assert [(s.subject_name, [(c.average, c.term_mark) for c in s.terms]) for s in report.subjects] == [
        ("История", [("4.00", "4"), ("5.00", "")]), ("Математика", [("3.50", "4"), ("4.50", "5")])]


@needs_pdftotext
def test_the_dynamics_as_pdf_with_its_chart_and_as_xlsx(stub, principals, school, tmp_path):
    pdf = ask(stub, principals, school, "RenderStudentDynamicsPdf", dynamics_request(school))
    assert (pdf.media_type, pdf.filename) == ("application/pdf",
                                              f"student-dynamics-{school.c7a}-{school.zaitsev}.pdf")
    text = pdf_text(pdf.content, tmp_path)
    for expected in ("МБОУ «Средняя школа № 7»", "Средний балл ученика и его динамика", "Зайцев Пётр, класс 7А",
                     "3,75", "4,75", "+1,00", "Средний балл по четвертям", "стр. 1 из 1"):
        assert expected in text
    xlsx = ask(stub, principals, school, "RenderStudentDynamicsXlsx", dynamics_request(school))
    book = load_workbook(io.BytesIO(xlsx.content))
    assert list(book["Динамика"].iter_rows(values_only=True))[-2:] == [("1 четверть", 3.75, None),
                                                                       ("2 четверть", 4.75, 1.0)]
    assert len(book["Динамика"]._charts) == 1


def test_the_report_cards_of_the_second_term_and_of_the_year(stub, principals, school):
    cards = ask(stub, principals, school, "GetReportCards", cards_request(school, school.q2))
    assert (cards.period.id, cards.period.name, [c.name for c in cards.columns]) == (
        school.q2, "2 четверть", ["1 четверть", "2 четверть"])
    assert [c.student_name for c in cards.cards] == ["Зайцев Пётр", "Орлова Анна"]
    zaitsev, orlova = cards.cards
    assert [(s.subject_name, list(s.marks)) for s in zaitsev.subjects] == [
        ("История", ["4", ""]), ("Математика", ["4", "5"])]
    assert (list(zaitsev.missed.by_reason), zaitsev.missed.total, orlova.missed.total) == ([0, 1, 0, 1], 2, 0)
    year = ask(stub, principals, school, "GetReportCards", cards_request(school, "year", school.zaitsev))
    assert [c.name for c in year.columns] == ["1 четверть", "2 четверть", "Годовая", "Экзаменационная", "Итоговая"]
    (card,) = year.cards
    assert [(s.subject_name, list(s.marks)) for s in card.subjects] == [
        ("История", ["4", "", "", "", ""]), ("Математика", ["4", "5", "5", "4", ""])]


@needs_pdftotext
def test_the_classs_report_cards_print_in_one_pdf_a_student_a_page(stub, principals, school, tmp_path):
    pdf = ask(stub, principals, school, "RenderReportCardsPdf", cards_request(school, school.q2))
    assert pdf.filename == f"report-cards-{school.c7a}-{school.q2}.pdf"
    text = pdf_text(pdf.content, tmp_path)
    assert text.count("Табель успеваемости") == 2 and "стр. 2 из 2" in text
    for expected in ("Зайцев Пётр, класс 7А, 2 четверть: с 05.11.2026 по 28.12.2026", "Орлова Анна",
                     "Классный руководитель", "Родитель (законный представитель)", "Б — болел"):
        assert expected in text
    xlsx = ask(stub, principals, school, "RenderReportCardsXlsx", cards_request(school, school.q2, school.zaitsev))
    assert xlsx.filename == f"report-cards-{school.c7a}-{school.q2}-{school.zaitsev}.xlsx"
    book = load_workbook(io.BytesIO(xlsx.content))
    assert ("Зайцев Пётр", "Математика", 4, 5) in list(book["Табель"].iter_rows(values_only=True))
    missed = list(book["Пропуски"].iter_rows(values_only=True))
    assert missed[-1] == ("Зайцев Пётр", 0, 1, 0, 1, f"=SUM(B{len(missed)}:E{len(missed)})")


def test_the_progress_report_lists_marks_averages_and_missed_lessons(stub, principals, school):
    report = ask(stub, principals, school, "GetStudentProgress", progress_request(school))
    assert [(r.code, r.name) for r in report.reasons][1] == ("ill", "Б — болел")
    (zaitsev,) = report.students
    assert [(s.subject_name, list(s.marks), s.average, s.period_mark, list(s.missed.by_reason))
            for s in zaitsev.subjects] == [("История", ["5"], "5.00", "", [0, 0, 0, 1]),
                                           ("Математика", ["4", "5"], "4.50", "5", [0, 1, 0, 0])]
    assert (list(zaitsev.missed.by_reason), zaitsev.missed.total) == ([0, 1, 0, 1], 2)


@needs_pdftotext
def test_the_progress_report_as_pdf_and_xlsx(stub, principals, school, tmp_path):
    pdf = ask(stub, principals, school, "RenderStudentProgressPdf", progress_request(school))
    assert pdf.filename == f"student-progress-{school.c7a}-{school.q2}-{school.zaitsev}.pdf"
    text = pdf_text(pdf.content, tmp_path)
    for expected in ("Отчёт об успеваемости и посещаемости ученика", "Зайцев Пётр, класс 7А, 2 четверть", "4, 5",
                     "4,50", "Итого", "Классный руководитель"):
        assert expected in text
    xlsx = ask(stub, principals, school, "RenderStudentProgressXlsx", progress_request(school))
    rows = list(load_workbook(io.BytesIO(xlsx.content)).active.iter_rows(values_only=True))
    first = len(rows) - 2  # История, Математика, Итого
    assert rows[-3:] == [("История", "5", 5.0, None, 0, 0, 0, 1, 1), ("Математика", "4, 5", 4.5, 5, 0, 1, 0, 0, 1),
                         ("Итого", None, None, None, *(f"=SUM({c}{first}:{c}{first + 1})" for c in "EFGHI"))]


@needs_pdftotext
def test_the_letters_to_guardians_carry_the_marks_absences_and_the_form_teachers_text(stub, principals, school,
                                                                                      tmp_path):
    letters = ask(stub, principals, school, "GetGuardianLetters", letters_request(school), role="form_teacher",
                  leads=[school.c7a])
    assert letters.text == "Родительское собрание — 25 декабря в 18:00."
    assert [(s.student_name, s.missed.total) for s in letters.progress.students] == [("Зайцев Пётр", 2),
                                                                                    ("Орлова Анна", 0)]
    pdf = ask(stub, principals, school, "RenderGuardianLettersPdf", letters_request(school), role="form_teacher",
              leads=[school.c7a])
    assert (pdf.media_type, pdf.filename) == ("application/pdf", f"guardian-letters-{school.c7a}-{school.q2}.pdf")
    text = pdf_text(pdf.content, tmp_path)
    assert text.count("Информационное письмо родителям") == 2 and "стр. 2 из 2" in text
    for expected in ("Уважаемые родители (законные представители) Зайцев Пётр!",
                     "Уважаемые родители (законные представители) Орлова Анна!", "4,50",
                     "Пропущено уроков за период: 2 (Б — болел — 1; НП — неуважительная — 1).",
                     "Родительское собрание — 25 декабря в 18:00.", "Классный руководитель"):
        assert expected in text
    one = ask(stub, principals, school, "GetGuardianLetters", letters_request(school, student=school.orlova))
    assert [s.student_name for s in one.progress.students] == ["Орлова Анна"]


def test_who_may_read_the_reports_on_a_student_and_what_is_refused(stub, principals, school):
    assert ask(stub, principals, school, "GetStudentDynamics", dynamics_request(school), role="form_teacher",
               leads=[school.c7a]).student_name == "Зайцев Пётр"
    for role, grant in (("form_teacher", {"leads": [school.c7b]}), ("teacher", {}), ("guardian", {})):
        for rpc, request in (("GetStudentDynamics", dynamics_request(school)),
                             ("RenderReportCardsPdf", cards_request(school, school.q2)),
                             ("GetStudentProgress", progress_request(school)),
                             ("RenderGuardianLettersPdf", letters_request(school))):
            with pytest.raises(grpc.RpcError) as refused:
                ask(stub, principals, school, rpc, request, role=role, **grant)
            assert refused.value.code() == grpc.StatusCode.PERMISSION_DENIED, (role, rpc)
    refusals = [
        ("GetReportCards", cards_request(school, str(uuid.uuid4())), grpc.StatusCode.NOT_FOUND, "period_id"),
        ("GetStudentProgress", progress_request(school, period="q9"), grpc.StatusCode.NOT_FOUND, "period_id"),
        ("GetStudentProgress", progress_request(school, student=str(uuid.uuid4())), grpc.StatusCode.NOT_FOUND,
         "student_id"),
        ("GetStudentDynamics", dynamics_request(school, student="кто-то"), grpc.StatusCode.INVALID_ARGUMENT,
         "student_id"),
        ("GetStudentDynamics", dynamics_request(school, class_group=school.c7b), grpc.StatusCode.NOT_FOUND,
         "student_id"),
        ("GetReportCards", pb.GetReportCardsRequest(school_id=school.school_id, class_group_id=str(uuid.uuid4()),
                                                    period_id="year"), grpc.StatusCode.NOT_FOUND, "class_group_id"),
        ("GetGuardianLetters", letters_request(school, text="а" * 2001), grpc.StatusCode.INVALID_ARGUMENT, "text"),
    ]
    for rpc, request, code, field in refusals:
        with pytest.raises(grpc.RpcError) as refused:
            ask(stub, principals, school, rpc, request)
        assert (rpc_error(refused)[0], field in rpc_error(refused)[2]) == (code, True), (rpc, field)
    assert ask(stub, principals, school, "GetGuardianLetters", letters_request(school, text="а" * 2000)).text
