"""The school-wide reports on the real PostgreSQL and Keycloak, fed through reporting's consumer: class fill on a date
(genders from PersonRegistered and PersonCorrected, the classes of the year containing the date, a transfer and a
leaver on their days) and student movement for a period (a cancelled order left out), as data, PDF and XLSX."""
import io
import uuid

import grpc
import pytest
from openpyxl import load_workbook
from sqlalchemy import select

from proto.identity.v1 import identity_pb2 as identity
from proto.reporting.v1 import reporting_pb2 as pb
from proto.schedule.v1 import schedule_pb2 as schedule
from services.common.consumer import IdempotentConsumer
from services.common.outbox import envelope
from services.reporting.adapters import tables
from services.reporting.entrypoints.consumers import handlers
from tests.integration.reporting.test_movement_register import deliver
from tests.support import stack
from tests.support.grpc_harness import call, rpc_error
from tests.support.pdf_text import needs_pdftotext, pdf_text

pytestmark = pytest.mark.stack


class School:
    """A year (1st term from 01.09.2026) with 5А, 5Б and 10А, and the year before with its 5А; five students: a boy
    transferred 5А → 5Б on 14.01.2027 (a first transfer of him on 02.10 cancelled), a girl who left 5А on 01.12.2026
    (her last day there 30.11), a girl and a boy in 5А, 10А, and a student registered as a boy whom the secretary
    corrected to a girl."""

    def __init__(self):
        self.school_id, self.year, self.last_year = (str(uuid.uuid4()) for _ in range(3))
        self.c5a, self.c5b, self.c10a, self.old4a = (str(uuid.uuid4()) for _ in range(4))
        self.ivanov, self.petrova, self.sidorova, self.orlov, self.kim = (str(uuid.uuid4()) for _ in range(5))
        self.o1, self.o2, self.o3, self.o4, self.o5 = (str(uuid.uuid4()) for _ in range(5))

    def person(self, person_id: str, last: str, first: str, gender: str, class_group_id: str) -> identity.Person:
        return identity.Person(id=person_id, school_id=self.school_id, kind=identity.STUDENT, gender=gender,
                               name=identity.PersonName(last_name=last, first_name=first),
                               memberships=[identity.ClassMembership(class_group_id=class_group_id)])

    def order(self, order_id, kind, number, effective, lines, **told) -> identity.MovementOrder:
        return identity.MovementOrder(id=order_id, school_id=self.school_id, kind=kind, number=number,
                                      order_date=effective, effective_date=effective, academic_year_id=self.year,
                                      lines=lines, **told)

    def events(self) -> list:
        m = identity.ClassMembership
        transfer = identity.OrderLine(student_id=self.ivanov, student_name="Иванов Иван", from_class_group_id=self.c5a,
                                      to_class_group_id=self.c5b)
        cancelled = self.order(self.o2, identity.TRANSFER, "2", "2026-10-02", [transfer])
        cancellation = self.order(self.o3, identity.CANCELLATION, "3", "2026-10-02", [transfer],
                                  cancels_order_id=self.o2)
        return [
            identity.SchoolOnboarded(school_id=self.school_id, name="МБОУ «Средняя школа № 7»", short_name="СШ № 7"),
            *(schedule.AcademicYearCreated(academic_year=schedule.AcademicYear(
                id=year, school_id=self.school_id, name=name, terms=[schedule.Term(
                    id=str(uuid.uuid4()), name="1 четверть", start_date=start)]))
              for year, name, start in ((self.last_year, "2025/2026", "2025-09-01"),
                                        (self.year, "2026/2027", "2026-09-01"))),
            *(schedule.ClassGroupCreated(class_group=schedule.ClassGroup(
                id=c, school_id=self.school_id, academic_year_id=year, grade=grade, name=name))
              for c, year, grade, name in ((self.c10a, self.year, 10, "10А"), (self.c5b, self.year, 5, "5Б"),
                                           (self.c5a, self.year, 5, "5А"), (self.old4a, self.last_year, 4, "4А"))),
            identity.PersonRegistered(person=self.person(self.ivanov, "Иванов", "Иван", "male", self.c5a)),
            identity.PersonRegistered(person=self.person(self.petrova, "Петрова", "Мария", "female", self.c5a)),
            identity.PersonRegistered(person=self.person(self.sidorova, "Сидорова", "Анна", "female", self.c5a)),
            identity.PersonRegistered(person=self.person(self.orlov, "Орлов", "Пётр", "male", self.c10a)),
            identity.PersonRegistered(person=self.person(self.kim, "Ким", "Саша", "male", self.c5b)),
            identity.PersonCorrected(person=self.person(self.kim, "Ким", "Александра", "female", self.c5b)),
            identity.MovementOrderSigned(order=self.order(self.o1, identity.ENROLMENT, "1", "2026-09-01", [
                identity.OrderLine(student_id=self.orlov, student_name="Орлов Пётр", to_class_group_id=self.c10a)])),
            identity.MovementOrderSigned(order=cancelled),
            identity.MovementOrderSigned(order=cancellation),
            identity.MovementOrderCancelled(order=self.order(self.o2, identity.TRANSFER, "2", "2026-10-02", [transfer],
                                                             cancelled_by_order_id=self.o3),
                                            cancellation=cancellation),
            identity.MovementOrderSigned(order=self.order(self.o4, identity.LEAVING, "4", "2026-12-01", [
                identity.OrderLine(student_id=self.petrova, student_name="Петрова Мария",
                                   from_class_group_id=self.c5a, destination="школа № 2")])),
            identity.StudentLeft(student_id=self.petrova, from_class_group_id=self.c5a, effective_date="2026-12-01",
                                 full_name="Петрова Мария", memberships=[m(class_group_id=self.c5a,
                                                                           date_to="2026-11-30")]),
            identity.MovementOrderSigned(order=self.order(self.o5, identity.TRANSFER, "10", "2027-01-14", [transfer])),
            identity.StudentTransferred(student_id=self.ivanov, from_class_group_id=self.c5a,
                                        to_class_group_id=self.c5b, effective_date="2027-01-14",
                                        full_name="Иванов Иван", memberships=[
                                            m(class_group_id=self.c5a, date_to="2027-01-13"),
                                            m(class_group_id=self.c5b, date_from="2027-01-14")]),
        ]


@pytest.fixture(scope="module")
def school(db) -> School:
    school = School()
    assert all(deliver(db, school.school_id, school.events()))
    return school


def ask(stub, principals, school: School, rpc: str, request, role: str = "secretary"):
    principals.grant(school.school_id, role)
    try:
        return call(stub, rpc, request, stack.operator_token())
    finally:
        principals.grants.pop(school.school_id)


def fill(stub, principals, school: School, on_date: str, **told):
    return ask(stub, principals, school, "GetClassFill", pb.GetClassFillRequest(
        school_id=school.school_id, on_date=on_date), **told)


def rows(report: pb.ClassFill) -> list[tuple]:
    return [(r.class_group_name, r.boys, r.girls, r.total) for r in (*report.rows, report.total)]


def test_class_fill_counts_the_students_of_each_class_of_the_year_on_the_date_by_gender(stub, principals, school):
    report = fill(stub, principals, school, "2026-11-30")
    assert (report.school_name, report.academic_year_name, report.on_date) == (
        "МБОУ «Средняя школа № 7»", "2026/2027", "2026-11-30")
    assert rows(report) == [("5А", 1, 2, 3), ("5Б", 0, 1, 1), ("10А", 1, 0, 1), ("Итого по школе", 2, 3, 5)], \
        "the corrected gender counts; last year's 4А is not listed"
    assert rows(fill(stub, principals, school, "2026-12-01")) == [
        ("5А", 1, 1, 2), ("5Б", 0, 1, 1), ("10А", 1, 0, 1), ("Итого по школе", 2, 2, 4)], "the leaver is gone"
    assert rows(fill(stub, principals, school, "2027-01-14")) == [
        ("5А", 0, 1, 1), ("5Б", 1, 1, 2), ("10А", 1, 0, 1), ("Итого по школе", 2, 2, 4)], "the transfer moved him"
    last_year = fill(stub, principals, school, "2026-05-20")
    assert last_year.academic_year_name == "2025/2026" and [r.class_group_name for r in last_year.rows] == ["4А"]


def test_a_correction_told_twice_changes_nothing_and_a_redelivered_one_is_skipped(db):
    school = School()
    consumer = IdempotentConsumer(db, tables.inbox, handlers)
    registered = identity.PersonRegistered(person=school.person(school.kim, "Ким", "Саша", "male", school.c5b))
    corrected = envelope(school.school_id, identity.PersonCorrected(
        person=school.person(school.kim, "Ким", "Александра", "female", school.c5b)), actor="test").SerializeToString()
    assert consumer.handle(envelope(school.school_id, registered, actor="test").SerializeToString())
    assert consumer.handle(corrected) and not consumer.handle(corrected), "the same event id is applied once"

    def facts():
        with db.tenant_session(school.school_id) as session:
            return [sorted(map(tuple, session.execute(select(t)).all()))
                    for t in (tables.students, tables.class_memberships)]
    before = facts()
    assert before[0] == [(school.kim, school.school_id, "Ким Александра", "female", None)]  # no birth date told
    assert deliver(db, school.school_id, [identity.PersonCorrected(person=school.person(
        school.kim, "Ким", "Александра", "female", school.c5b))]) == [True]
    assert facts() == before, "a correction told again (re-published) changes nothing, memberships untouched"


@needs_pdftotext
def test_class_fill_as_pdf_and_xlsx(stub, principals, school, tmp_path):
    def render(kind: str) -> pb.RenderedReport:
        return ask(stub, principals, school, f"RenderClassFill{kind.title()}", pb.GetClassFillRequest(
            school_id=school.school_id, on_date="2027-01-14"))

    pdf = render("pdf")
    assert (pdf.media_type, pdf.filename) == ("application/pdf", "class-fill-2027-01-14.pdf")
    text = pdf_text(pdf.content, tmp_path)
    for expected in ("МБОУ «Средняя школа № 7»", "Наполняемость классов", "на 14.01.2027, учебный год 2026/2027",
                     "Сформирован:", "стр. 1 из 1", "Директор"):
        assert expected in text
    assert [line.split() for line in text.splitlines() if line.split()[:1] == ["5Б"]] == [["5Б", "1", "1", "2"]]
    xlsx = render("xlsx")
    assert xlsx.filename == "class-fill-2027-01-14.xlsx" and xlsx.media_type.endswith("spreadsheetml.sheet")
    cells = list(load_workbook(io.BytesIO(xlsx.content)).active.iter_rows(values_only=True))
    assert cells[-4:] == [("5А", 0, 1, 1), ("5Б", 1, 1, 2), ("10А", 1, 0, 1), ("Итого по школе", 2, 2, 4)]


def movement(stub, principals, school: School, date_from: str, date_to: str, kind: str = ""):
    request = pb.GetStudentMovementRequest(school_id=school.school_id, date_from=date_from, date_to=date_to)
    return ask(stub, principals, school, f"RenderStudentMovement{kind.title()}" if kind else "GetStudentMovement",
               request)


@needs_pdftotext
def test_student_movement_for_a_period_without_the_cancelled_order(stub, principals, school, tmp_path):
    report = movement(stub, principals, school, "2026-09-01", "2027-01-31")
    assert [(k.kind, [(c.class_group_name, c.count) for c in k.classes], k.total) for k in report.kinds] == [
        ("enrolment", [("10А", 1)], 1), ("transfer", [("5Б", 1)], 1), ("leaving", [("5А", 1)], 1)]
    assert [(e.order_number, e.effective_date, e.student_name, e.from_class_group_name, e.to_class_group_name)
            for e in report.entries] == [
        ("1", "2026-09-01", "Орлов Пётр", "", "10А"), ("4", "2026-12-01", "Петрова Мария", "5А", ""),
        ("10", "2027-01-14", "Иванов Иван", "5А", "5Б")]
    assert [k.kind for k in movement(stub, principals, school, "2026-10-01", "2026-12-01").kinds] == ["leaving"]
    text = pdf_text(movement(stub, principals, school, "2026-09-01", "2027-01-31", "pdf").content, tmp_path)
    for expected in ("Движение учащихся за период", "с 01.09.2026 по 31.01.2027", "Зачисление", "Иванов Иван",
                     "Директор", "стр. 1 из 1"):
        assert expected in text
    assert "02.10.2026" not in text, "the cancelled transfer (and its cancellation) of 02.10 is not listed"
    xlsx = movement(stub, principals, school, "2026-09-01", "2027-01-31", "xlsx")
    assert xlsx.filename == "student-movement-2026-09-01-2027-01-31.xlsx"
    book = load_workbook(io.BytesIO(xlsx.content))
    assert ("Выбытие", "5А", 1) in list(book["Итоги"].iter_rows(values_only=True))
    assert [r[1] for r in book["Ученики"].iter_rows(min_row=7, values_only=True)] == ["1", "4", "10"]


def test_who_may_read_the_school_reports_and_what_is_refused(stub, principals, school):
    assert rows(fill(stub, principals, school, "2027-01-14", role="director"))[-1][-1] == 4
    for role in ("form_teacher", "teacher", "guardian"):
        with pytest.raises(grpc.RpcError) as refused:
            fill(stub, principals, school, "2027-01-14", role=role)
        assert refused.value.code() == grpc.StatusCode.PERMISSION_DENIED, role
    with pytest.raises(grpc.RpcError) as refused:
        fill(stub, principals, school, "14.01.2027")
    assert rpc_error(refused)[0] == grpc.StatusCode.INVALID_ARGUMENT and "on_date" in rpc_error(refused)[2]
    with pytest.raises(grpc.RpcError) as refused:
        movement(stub, principals, school, "2027-01-31", "2026-09-01")
    assert rpc_error(refused)[0] == grpc.StatusCode.INVALID_ARGUMENT and "date_to" in rpc_error(refused)[2]
