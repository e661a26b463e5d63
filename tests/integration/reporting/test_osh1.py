"""Form ОШ-1 on the real PostgreSQL and Keycloak: identity's and schedule's events (students with birth dates,
genders and classes; repetition, leaving and graduation orders of the previous year, one cancelled) fed through the
consumer; GetFormOsh1's numbers, its PDF (pdftotext) and XLSX (openpyxl); two schools summed by GetMunicipalFormOsh1,
refused without the realm role authority_operator; the birth date tenant-scoped and never wiped by an empty one."""
import datetime as dt
import io
import uuid

import grpc
import openpyxl
import pytest
from sqlalchemy import func, select

from proto.identity.v1 import identity_pb2 as identity
from proto.reporting.v1 import reporting_pb2, reporting_pb2_grpc
from proto.schedule.v1 import schedule_pb2 as schedule
from services.common.outbox import Outbox
from services.reporting import bootstrap
from services.reporting.adapters import tables
from services.reporting.entrypoints.servicer import ReportingServicer
from tests.integration.reporting.test_movement_register import deliver
from tests.support import stack
from tests.support.grpc_harness import FakePrincipals, call, rpc_error, serving
from tests.support.pdf_text import needs_pdftotext, pdf_text

pytestmark = pytest.mark.stack
NOW = dt.datetime(2025, 10, 1, 9, 30)
ON_DATE = "2025-09-20"


def new_id() -> str:
    return str(uuid.uuid4())


class School:
    """A school's previous year 2024/2025 (3А, 7А, 9А, 11А) and this year 2025/2026 (1А, 3Б, 10А): two 1st-formers born
    in 2018 (a girl, a boy), a girl in 1А with no birth date, a repeater of the 3rd grade (a boy born 2016), a 9th
    grade graduate now in 10А (a girl born 2010), an 11th grade graduate (a boy), a leaver of 7А (a girl) and one whose
    leaving was cancelled, and a boy who left 1А before the date."""

    def __init__(self, name: str):
        self.name = name
        self.school_id, self.previous, self.year = new_id(), new_id(), new_id()
        self.c3a, self.c7a, self.c9a, self.c11a, self.c1a, self.c3b, self.c10a = (new_id() for _ in range(7))
        self.ids = {key: new_id() for key in ("anna", "boris", "vera", "gleb", "darya", "egor", "zoya", "ilya", "kim")}

    def person(self, key: str, gender: str, birth: str, memberships: list[tuple[str, str, str]]):
        return identity.PersonRegistered(person=identity.Person(
            id=self.ids[key], school_id=self.school_id, kind=identity.STUDENT, gender=gender, birth_date=birth,
            name=identity.PersonName(last_name=key.title(), first_name="Тест"),
            memberships=[identity.ClassMembership(class_group_id=c, date_from=f, date_to=t) for c, f, t in memberships]))

    def order(self, kind: int, number: str, key: str, from_class: str, to_class: str = "", **told):
        return identity.MovementOrder(
            id=told.pop("order_id", new_id()), school_id=self.school_id, kind=kind, number=number,
            academic_year_id=self.previous, order_date="2025-06-20", effective_date="2025-06-30", lines=[
                identity.OrderLine(student_id=self.ids[key], student_name=key, from_class_group_id=from_class,
                                   to_class_group_id=to_class)], **told)

    def events(self) -> list:
        def year(year_id: str, name: str, start: str):
            return schedule.AcademicYearCreated(academic_year=schedule.AcademicYear(
                id=year_id, school_id=self.school_id, name=name,
                terms=[schedule.Term(id=new_id(), name="1 четверть", start_date=start, end_date=start[:5] + "10-31")]))
        classes = ((self.c3a, self.previous, 3, "3А"), (self.c7a, self.previous, 7, "7А"),
                   (self.c9a, self.previous, 9, "9А"), (self.c11a, self.previous, 11, "11А"),
                   (self.c1a, self.year, 1, "1А"), (self.c3b, self.year, 3, "3Б"), (self.c10a, self.year, 10, "10А"))
        leaving = new_id()
        cancelled = self.order(identity.LEAVING, "5", "kim", self.c7a, order_id=leaving)
        cancellation = identity.MovementOrder(
            id=new_id(), school_id=self.school_id, kind=identity.CANCELLATION, number="6", cancels_order_id=leaving,
            academic_year_id=self.previous, order_date="2025-06-25", effective_date="2025-06-30",
            lines=list(cancelled.lines))
        return [
            identity.SchoolUpdated(school=identity.School(id=self.school_id, name=self.name)),
            year(self.previous, "2024/2025", "2024-09-01"), year(self.year, "2025/2026", "2025-09-01"),
            *(schedule.ClassGroupCreated(class_group=schedule.ClassGroup(
                id=c, school_id=self.school_id, academic_year_id=y, grade=g, name=n)) for c, y, g, n in classes),
            self.person("anna", "female", "2018-03-10", [(self.c1a, "2025-09-01", "")]),
            self.person("boris", "male", "2018-11-01", [(self.c1a, "2025-09-01", "")]),
            self.person("vera", "female", "", [(self.c1a, "2025-09-01", "")]),
            self.person("gleb", "male", "2016-05-05", [(self.c3a, "2024-09-01", "2025-06-30"),
                                                       (self.c3b, "2025-09-01", "")]),
            self.person("darya", "female", "2010-02-02", [(self.c9a, "2024-09-01", "2025-06-30"),
                                                          (self.c10a, "2025-09-01", "")]),
            self.person("egor", "male", "2007-04-04", [(self.c11a, "2024-09-01", "2025-06-30")]),
            self.person("zoya", "female", "2012-07-07", [(self.c7a, "2024-09-01", "2025-03-01")]),
            self.person("kim", "male", "2012-08-08", [(self.c7a, "2024-09-01", "2025-06-30")]),
            self.person("ilya", "male", "2018-01-05", [(self.c1a, "2025-09-01", "2025-09-10")]),
            identity.MovementOrderSigned(order=self.order(identity.REPETITION, "1", "gleb", self.c3a, self.c3b)),
            identity.MovementOrderSigned(order=self.order(identity.GRADUATION, "2", "darya", self.c9a)),
            identity.MovementOrderSigned(order=self.order(identity.GRADUATION, "3", "egor", self.c11a)),
            identity.MovementOrderSigned(order=self.order(identity.LEAVING, "4", "zoya", self.c7a)),
            identity.MovementOrderSigned(order=cancelled),
            identity.MovementOrderCancelled(order=self.order(identity.LEAVING, "5", "kim", self.c7a, order_id=leaving,
                                                             cancelled_by_order_id=cancellation.id),
                                            cancellation=cancellation),
        ]


@pytest.fixture(scope="module")
def db():
    from tests.support.grpc_harness import database
    with database("reporting") as db:
        yield db


@pytest.fixture(scope="module")
def schools(db) -> tuple[School, School]:
    one, two = School("МБОУ «Средняя школа № 7»"), School("МБОУ «Гимназия № 2»")
    for school in (one, two):
        assert all(deliver(db, school.school_id, school.events()))
    return one, two


@pytest.fixture(scope="module")
def principals():
    return FakePrincipals()


@pytest.fixture(scope="module")
def stub(db, principals, schools):
    servicer = ReportingServicer(bootstrap.units_of_work(db, Outbox("reporting", tables.outbox)), clock=lambda: NOW,
                                 schools=lambda: [s.school_id for s in schools])
    with serving(reporting_pb2_grpc.add_ReportingServiceServicer_to_server, servicer,
                 reporting_pb2_grpc.ReportingServiceStub, principals) as served:
        yield served


def ask(stub, principals, school: School, method: str = "GetFormOsh1", role: str = "deputy_head", **asked):
    principals.grant(school.school_id, role)
    try:
        return call(stub, method, reporting_pb2.GetFormOsh1Request(
            school_id=school.school_id, academic_year_id=asked.get("academic_year_id", school.year),
            on_date=asked.get("on_date", ON_DATE)), stack.operator_token())
    finally:
        principals.grants.pop(school.school_id)


def lines(form) -> dict[tuple[str, str], tuple[int, list]]:
    """(section, row number) -> (column 3, grades 1-11 with None for a crossed-out cell)."""
    return {(s.code, ln.number): (ln.total, [None if x else n for n, x in zip(ln.by_grade, ln.crossed, strict=True)])
            for s in form.sections for ln in s.lines}


def test_a_schools_form_counts_its_classes_students_ages_and_last_years_movement(stub, principals, schools):
    form = ask(stub, principals, schools[0])
    assert (form.name, form.academic_year_name, form.previous_year_name) == (
        "МБОУ «Средняя школа № 7»", "2025/2026", "2024/2025")
    assert form.age_reference == "2026-01-01"
    rows = lines(form)
    assert rows["1", "01"] == (3, [1, 0, 1, 0, 0, 0, 0, 0, 0, 1, 0])  # 1А, 3Б, 10А
    assert rows["1", "02"] == (5, [3, 0, 1, 0, 0, 0, 0, 0, 0, 1, 0])  # ilya left 1А before the date
    assert rows["1", "03"] == (3, [2, 0, 0, 0, 0, 0, 0, 0, 0, 1, 0])
    ages = {ln.name.split(" (")[0]: ln for ln in form.sections[1].lines if ln.name != "из них девочки"}
    assert ages["7 лет"].total == 2 and list(ages["7 лет"].by_grade)[0] == 2
    assert ages["9 лет"].total == 1 and list(ages["9 лет"].by_grade)[2] == 1
    assert ages["15 лет"].total == 1 and list(ages["15 лет"].by_grade)[9] == 1
    assert ages["Дата рождения не указана"].total == 1
    assert ages["Всего обучающихся"].total == 5
    assert "7 лет (родились в 2018 г.)" in [ln.name for ln in form.sections[1].lines]
    assert rows["3", "01"][0] == 1 and rows["3", "01"][1][2] == 1 and rows["3", "02"][0] == 0
    assert rows["4", "01"] == (1, [0, 0, 0, 0, 0, 0, 1, 0, 0, 0, 0]), "the cancelled leaving is not counted"
    assert rows["4", "02"][0] == 1
    assert rows["5", "01"] == (1, [None] * 8 + [1, None, None]) and rows["5", "02"][0] == 1
    assert rows["5", "03"] == (1, [None] * 10 + [1]) and rows["5", "04"][0] == 0
    blank = {(s.code, ln.number) for s in form.sections for ln in s.lines if ln.blank}
    assert blank == {("4", "03"), ("5", "05")}
    assert "свободным текстом" in form.sections[3].note and "с отличием" not in form.sections[3].note


@needs_pdftotext
def test_the_pdf_prints_the_forms_tables(stub, principals, schools, tmp_path):
    report = ask(stub, principals, schools[0], "RenderFormOsh1Pdf")
    assert report.filename == f"form-osh1-{schools[0].year}-{ON_DATE}.pdf"
    text = pdf_text(report.content, tmp_path)
    for expected in ("Форма ОШ-1", "МБОУ «Средняя школа № 7»", "Контингент на 20.09.2025", "Сформирован: 01.10.2025",
                     "Раздел 1. Число классов и численность обучающихся в них", "Раздел 5. Выпуск",
                     "Оставлены на повторное обучение", "Директор", "стр. 1 из", "Всего",
                     "Примечание: Строка 03 не заполняется"):
        assert expected in text, expected
    students = next(line for line in text.splitlines() if "В них обучающихся" in line)
    assert students.split()[-13:] == ["02", "5", "3", "0", "1", "0", "0", "0", "0", "0", "0", "1", "0"]
    graduates = next(line for line in text.splitlines() if "Окончили 9 класс" in line)
    assert graduates.split()[-13:] == ["01", "1", *["х"] * 8, "1", "х", "х"]


def test_the_xlsx_has_a_sheet_per_section_numbers_and_a_total_formula(stub, principals, schools):
    report = ask(stub, principals, schools[0], "RenderFormOsh1Xlsx")
    book = openpyxl.load_workbook(io.BytesIO(report.content))
    assert book.sheetnames == ["Раздел 1", "Раздел 2", "Раздел 3", "Раздел 4", "Раздел 5"]
    sheet = book["Раздел 1"]
    row = next(r for r in sheet.iter_rows(values_only=True) if r[0] == "В них обучающихся, чел")
    assert row[1] == "02" and row[3:] == (3, 0, 1, 0, 0, 0, 0, 0, 0, 1, 0)
    assert isinstance(row[2], str) and row[2].startswith("=SUM(D") and row[2].endswith(")")
    graduates = next(r for r in book["Раздел 5"].iter_rows(values_only=True)
                     if r[0] and r[0].startswith("Окончили 9"))
    assert graduates[3] == "х" and graduates[11] == 1


def test_the_municipality_sums_every_schools_numbers(stub, schools):
    form = call(stub, "GetMunicipalFormOsh1", reporting_pb2.GetMunicipalFormOsh1Request(on_date=ON_DATE),
                stack.operator_token())
    assert form.schools == 2 and form.school_id == ""
    rows = lines(form)
    assert rows["1", "02"] == (10, [6, 0, 2, 0, 0, 0, 0, 0, 0, 2, 0])
    assert rows["5", "03"][0] == 2 and rows["4", "01"][0] == 2 and rows["4", "03"][1] == [None] * 11
    pdf = call(stub, "RenderMunicipalFormOsh1Xlsx", reporting_pb2.GetMunicipalFormOsh1Request(on_date=ON_DATE),
               stack.operator_token())
    assert pdf.filename == f"form-osh1-municipality-{ON_DATE}.xlsx"
    names = [ln.name for s in form.sections for ln in s.lines]
    assert not any("Тест" in name for name in names), "no person's name leaves a school"


def test_the_municipal_form_needs_the_operators_realm_role(stub):
    with pytest.raises(grpc.RpcError) as refused:
        call(stub, "GetMunicipalFormOsh1", reporting_pb2.GetMunicipalFormOsh1Request(on_date=ON_DATE),
             stack.service_token())
    assert refused.value.code() == grpc.StatusCode.PERMISSION_DENIED
    assert "оператор муниципалитета" in rpc_error(refused)[1]


def test_who_may_read_a_schools_form_and_what_is_refused(stub, principals, schools):
    for role in ("teacher", "guardian"):
        with pytest.raises(grpc.RpcError) as refused:
            ask(stub, principals, schools[0], role=role)
        assert refused.value.code() in (grpc.StatusCode.PERMISSION_DENIED, grpc.StatusCode.NOT_FOUND), role
    with pytest.raises(grpc.RpcError) as refused:
        ask(stub, principals, schools[0], academic_year_id=new_id())
    assert rpc_error(refused)[0] == grpc.StatusCode.NOT_FOUND and "academic_year_id" in rpc_error(refused)[2]
    with pytest.raises(grpc.RpcError) as refused:
        ask(stub, principals, schools[0], on_date="20.09.2025")
    assert rpc_error(refused)[0] == grpc.StatusCode.INVALID_ARGUMENT and "on_date" in rpc_error(refused)[2]


def test_birth_dates_are_tenant_scoped_and_never_wiped_by_an_empty_one(db, schools):
    one = schools[0]
    assert all(deliver(db, one.school_id, [identity.PersonCorrected(person=identity.Person(
        id=one.ids["anna"], school_id=one.school_id, kind=identity.STUDENT,
        name=identity.PersonName(last_name="Анна", first_name="Тест")))]))
    with db.tenant_session(one.school_id) as session:
        born = session.scalar(select(tables.students.c.birth_date).where(tables.students.c.id == one.ids["anna"]))
    assert born == dt.date(2018, 3, 10)
    with db.tenant_session(schools[1].school_id) as session:
        assert session.scalar(select(func.count()).where(tables.students.c.id == one.ids["anna"])) == 0
    with db.engine.connect() as raw:
        assert raw.scalar(select(func.count()).select_from(tables.students)) == 0
