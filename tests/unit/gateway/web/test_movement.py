"""The secretary's pages of the movement register with fake services: the register of a year (kinds in Russian, classes,
the late flag, the cancelling order) and its XLSX and CSV; a new order with its students picked from a class list,
refusals next to their fields and students; an order cancelled by another; the personal record with a correction;
the links on the home page by role."""
import csv
import datetime
import io
import re

import pytest
from openpyxl import load_workbook

from gateway.web import pages
from proto.identity.v1 import identity_pb2 as pb
from proto.journal.v1 import journal_pb2
from proto.reporting.v1 import reporting_pb2
from proto.schedule.v1 import schedule_pb2
from services.common.errors import Forbidden, Invalid
from tests.unit.gateway.fakes import FakeMovementRegister, refused

SCHOOL = "0b6f5a8e-3c1d-4b7a-9a55-2f7c1f0e9d11"
YEAR = "1b6f5a8e-3c1d-4b7a-9a55-2f7c1f0e9d11"
OLD_YEAR = "1c6f5a8e-3c1d-4b7a-9a55-2f7c1f0e9d11"
CLASS_5A = "5c1e2c3b-4a59-4e6f-8a7b-9c0d1e2f3a4b"
CLASS_5B = "5d1e2c3b-4a59-4e6f-8a7b-9c0d1e2f3a4b"
PETR = "2a2b3c4d-5e6f-4a7b-8c9d-0e1f2a3b4c5d"
DARIA = "2b2b3c4d-5e6f-4a7b-8c9d-0e1f2a3b4c5d"
SECRETARY = "3a2b3c4d-5e6f-4a7b-8c9d-0e1f2a3b4c5d"
MATHS = "4a2b3c4d-5e6f-4a7b-8c9d-0e1f2a3b4c5d"
CSRF = {"csrf_token": "csrf-123"}
NEW_ORDER = f"/schools/{SCHOOL}/movement/orders/new"


@pytest.fixture
def school(peers, monkeypatch):
    """Two years (this one contains "today"), 5А and 5Б, two students of 5А, a subject, and an in-memory register."""
    monkeypatch.setattr(pages, "today", lambda: datetime.date(2026, 1, 13))
    peers.responses["ListAcademicYears"] = schedule_pb2.ListAcademicYearsResponse(academic_years=[
        schedule_pb2.AcademicYear(id=YEAR, name="2025/2026", start_date="2025-09-01", end_date="2026-05-31"),
        schedule_pb2.AcademicYear(id=OLD_YEAR, name="2024/2025", start_date="2024-09-01", end_date="2025-05-31",
                                  status="closed")])
    peers.responses["ListClassGroups"] = schedule_pb2.ListClassGroupsResponse(class_groups=[
        schedule_pb2.ClassGroup(id=CLASS_5B, academic_year_id=YEAR, grade=5, name="5Б"),
        schedule_pb2.ClassGroup(id=CLASS_5A, academic_year_id=YEAR, grade=5, name="5А")])
    peers.responses["ListSubjects"] = schedule_pb2.ListSubjectsResponse(subjects=[
        schedule_pb2.Subject(id=MATHS, name="Математика")])
    peers.responses["ListPeople"] = pb.ListPeopleResponse(people=[
        pb.Person(id=DARIA, name=pb.PersonName(last_name="Петрова", first_name="Дарья"), class_group_id=CLASS_5A),
        pb.Person(id=PETR, name=pb.PersonName(last_name="Иванов", first_name="Пётр"), class_group_id=CLASS_5A)])
    return FakeMovementRegister(YEAR, {PETR: "Иванов Пётр Сергеевич", DARIA: "Петрова Дарья Сергеевна"}).install(peers)


def _calls(peers, rpc):
    return [req for _, name, req, _ in peers.calls if name == rpc]


def _transfer(register, late=False):
    order = register.sign(pb.SignOrderRequest(
        school_id=SCHOOL, kind=pb.TRANSFER, number="1-у", effective_date="2026-01-14", reason="заявление родителей",
        lines=[pb.OrderLine(student_id=PETR, from_class_group_id=CLASS_5A, to_class_group_id=CLASS_5B)]))
    order.late = late
    return order


def test_the_register_of_the_current_year_shows_each_order_in_russian(browser, peers, school):
    order = _transfer(school, late=True)
    school.sign(pb.SignOrderRequest(school_id=SCHOOL, kind=pb.CANCELLATION, number="2-у", cancels_order_id=order.id,
                                    effective_date="2026-01-14", reason="ошибка в приказе"))
    page = browser.get(f"/schools/{SCHOOL}/movement").get_data(as_text=True)
    assert "Книга движения учащихся" in page and f'<option value="{YEAR}" selected>2025/2026</option>' in page
    assert _calls(peers, "ListOrders")[0].academic_year_id == YEAR
    row = page[page.index(">1-у</a>"):page.index("</tr>", page.index(">1-у</a>"))]
    assert "Перевод в другой класс" in row and "Иванов Пётр Сергеевич" in row and "14.01.2026" in row
    assert "<td>5А</td><td>5Б</td>" in row and "позже срока" in row and "отменён приказом № 2-у" in row
    assert "Отмена приказа" in page and "ошибка в приказе" in page
    assert f"/schools/{SCHOOL}/people/{PETR}/record" in page and "register.xlsx" in page and "register.csv" in page
    browser.get(f"/schools/{SCHOOL}/movement?academic_year_id={OLD_YEAR}")
    assert _calls(peers, "ListOrders")[-1].academic_year_id == OLD_YEAR


def test_the_register_downloads_as_xlsx_and_csv(browser, school):
    _transfer(school)
    resp = browser.get(f"/schools/{SCHOOL}/movement/register.xlsx?academic_year_id={YEAR}")
    assert resp.status_code == 200 and resp.mimetype.endswith("spreadsheetml.sheet")
    assert "kniga-dvizheniya-2025-2026.xlsx" in resp.headers["Content-Disposition"]
    rows = list(load_workbook(io.BytesIO(resp.data)).active.iter_rows(values_only=True))
    assert rows[0][0] == "Книга движения учащихся 2025/2026" and rows[1][:4] == (
        "№ приказа", "Дата приказа", "Вступает в силу", "Вид")
    assert rows[2][:7] == ("1-у", "2026-01-13", "2026-01-14", "Перевод в другой класс", "Иванов Пётр Сергеевич", "5А",
                           "5Б")
    resp = browser.get(f"/schools/{SCHOOL}/movement/register.csv")
    assert resp.mimetype == "text/csv" and resp.data.startswith("\ufeff".encode())
    table = list(csv.reader(io.StringIO(resp.data.decode("utf-8-sig")), delimiter=";"))
    assert table[0][0] == "№ приказа" and table[1][3:7] == ["Перевод в другой класс", "Иванов Пётр Сергеевич", "5А", "5Б"]



def test_a_reason_typed_as_a_formula_stays_text_in_the_files(browser, school):
    school.sign(pb.SignOrderRequest(
        school_id=SCHOOL, kind=pb.LEAVING, number="2-у", effective_date="2026-01-14",
        reason='=HYPERLINK("http://example.invalid","x")', lines=[pb.OrderLine(student_id=PETR, destination="-1+1")]))
    rows = list(load_workbook(io.BytesIO(browser.get(f"/schools/{SCHOOL}/movement/register.xlsx?academic_year_id="
                                                     f"{YEAR}").data)).active.iter_rows(values_only=True))
    assert rows[2][8] == """'=HYPERLINK("http://example.invalid","x")""" and rows[2][7].startswith("'")
    table = browser.get(f"/schools/{SCHOOL}/movement/register.csv").data.decode("utf-8-sig")
    assert "\"'=HYPERLINK(" in table and ";'-1+1;" in table


def test_the_register_downloads_as_the_pdf_reporting_prints(browser, peers, school):
    peers.responses["RenderMovementRegisterPdf"] = reporting_pb2.RenderedReport(
        media_type="application/pdf", filename="movement-register.pdf", content=b"%PDF-1.4 register")
    resp = browser.get(f"/schools/{SCHOOL}/movement/register.pdf?academic_year_id={OLD_YEAR}")
    assert (resp.status_code, resp.mimetype, resp.data) == (200, "application/pdf", b"%PDF-1.4 register")
    assert "kniga-dvizheniya-2024-2025.pdf" in resp.headers["Content-Disposition"]
    assert _calls(peers, "RenderMovementRegisterPdf")[0].academic_year_id == OLD_YEAR
    assert "register.pdf" in browser.get(f"/schools/{SCHOOL}/movement").get_data(as_text=True)


def test_the_register_lists_a_class_for_the_personal_records(browser, peers, school):
    page = browser.get(f"/schools/{SCHOOL}/movement?class_group_id={CLASS_5A}").get_data(as_text=True)
    assert page.index("Иванов Пётр") < page.index("Петрова Дарья")  # by name
    assert f"/schools/{SCHOOL}/people/{DARIA}/record" in page
    asked = _calls(peers, "ListPeople")[-1]
    assert (asked.class_group_id, asked.on_date, asked.kind) == (CLASS_5A, "", pb.STUDENT)  # all who ever were in it
    browser.get(f"{NEW_ORDER}?class_group_id={CLASS_5A}")
    assert _calls(peers, "ListPeople")[-1].on_date == "2026-01-13"  # the order form: the class today by default


def test_a_new_order_picks_its_students_from_a_class_and_is_signed(browser, peers, school):
    page = browser.get(f"{NEW_ORDER}?class_group_id={CLASS_5A}&effective_date=2026-01-14").get_data(as_text=True)
    assert "Новый приказ о движении учащихся" in page and f'name="student_id" value="{PETR}"' in page
    assert _calls(peers, "ListPeople")[-1].on_date == "2026-01-14"
    assert "Перевод в другой класс" in page and "Отмена приказа" not in page
    resp = browser.post(NEW_ORDER, data={
        **CSRF, "kind": "transfer", "number": "", "order_date": "2026-01-13", "effective_date": "2026-01-14",
        "reason": "заявление родителей", "class_group_id": CLASS_5A, "student_id": [PETR],
        "to_class_group_id": CLASS_5B, "destination": "не для перевода", "debt_subject_id": MATHS})
    assert resp.status_code == 302
    (signed,) = _calls(peers, "SignOrder")
    assert (signed.kind, signed.number, signed.effective_date, signed.reason) == (
        pb.TRANSFER, "", "2026-01-14", "заявление родителей")
    assert [(x.student_id, x.to_class_group_id, x.destination, len(x.debts)) for x in signed.lines] == [
        (PETR, CLASS_5B, "", 0)]
    page = browser.get(resp.headers["Location"]).get_data(as_text=True)
    assert "Приказ № 1-у: Перевод в другой класс" in page and "Приказ подписан" in page
    assert "Иванов Пётр Сергеевич" in page and "Подписать приказ об отмене" in page


@pytest.mark.parametrize(("kind", "extra", "expected"), [
    ("conditional_promotion", {"debt_subject_id": MATHS, "debt_deadline": "2026-10-15", "to_class_group_id": CLASS_5B},
     lambda line: [(d.subject_id, d.deadline) for d in line.debts] == [(MATHS, "2026-10-15")] and line.to_class_group_id),
    ("graduation", {f"document-{PETR}": "аттестат № 123", "to_class_group_id": CLASS_5B},
     lambda line: line.document == "аттестат № 123" and not line.to_class_group_id),
    ("leaving", {"destination": "МБОУ «Школа № 3»"},
     lambda line: line.destination == "МБОУ «Школа № 3»" and not line.document),
])
def test_each_kind_takes_the_fields_it_needs(browser, peers, school, kind, extra, expected):
    browser.post(NEW_ORDER, data={**CSRF, "kind": kind, "effective_date": "2026-06-01", "reason": "решение",
                                  "student_id": PETR, **extra})
    (signed,) = _calls(peers, "SignOrder")
    assert signed.kind == pb.OrderKind.Value(kind.upper()) and expected(signed.lines[0])


def test_refusals_are_shown_next_to_their_fields_and_students(browser, peers, school):
    resp = browser.post(NEW_ORDER, data={**CSRF, "kind": "transfer", "effective_date": "2026-01-14",
                                         "class_group_id": CLASS_5A, "reason": "x"})
    page = resp.get_data(as_text=True)
    assert resp.status_code == 422 and "Отметьте учеников, которых касается приказ" in page and not _calls(
        peers, "SignOrder")
    peers.responses["SignOrder"] = refused(Invalid(fields={
        "lines[1].to_class_group_id": "Петрова Дарья Сергеевна не в классе 5А на 13.01.2026",
        "reason": "укажите основание приказа"}))
    resp = browser.post(NEW_ORDER, data={**CSRF, "kind": "transfer", "number": "7-у", "effective_date": "2026-01-14",
                                         "class_group_id": CLASS_5A, "student_id": [PETR, DARIA],
                                         "to_class_group_id": CLASS_5B, "reason": ""})
    page = resp.get_data(as_text=True)
    assert resp.status_code == 422 and "Приказ не подписан" in page and 'value="7-у"' in page
    daria_row = page[page.index(f'value="{DARIA}"'):]
    assert "не в классе 5А на 13.01.2026" in daria_row[:daria_row.index("</tr>")]
    petr_row = page[page.index(f'value="{PETR}"'):]
    assert "не в классе 5А" not in petr_row[:petr_row.index("</tr>")]
    reason = page[page.index('name="reason"'):]
    assert '<span class="field-error" role="alert">укажите основание приказа</span>' in reason[:300]
    assert page.count(f'value="{PETR}" checked') == 1 and page.count(f'value="{DARIA}" checked') == 1


def test_a_form_without_the_csrf_token_and_a_forbidden_order_are_refused(browser, peers, school):
    assert browser.post(NEW_ORDER, data={"kind": "transfer", "student_id": PETR}).status_code == 400
    peers.responses["SignOrder"] = refused(Forbidden())
    resp = browser.post(NEW_ORDER, data={**CSRF, "kind": "transfer", "student_id": PETR, "effective_date": "2026-01-14"})
    assert resp.status_code == 403 and "Недостаточно прав" in resp.get_data(as_text=True)
    assert not _calls(peers, "SignOrder")[1:]


def test_an_order_is_cancelled_by_a_cancelling_order(browser, peers, school):
    order = _transfer(school)
    resp = browser.post(f"/schools/{SCHOOL}/movement/orders/{order.id}/cancel", data={
        **CSRF, "number": "2-у", "effective_date": "2026-01-14", "reason": "ошибка в приказе"})
    assert resp.status_code == 302
    cancellation = _calls(peers, "SignOrder")[-1]
    assert (cancellation.kind, cancellation.cancels_order_id, cancellation.reason) == (
        pb.CANCELLATION, order.id, "ошибка в приказе")
    page = browser.get(resp.headers["Location"]).get_data(as_text=True)
    assert "Приказ № 2-у: Отмена приказа" in page and "Отменяет приказ" in page and "№ 1-у" in page
    assert "Подписать приказ об отмене" not in page
    page = browser.get(f"/schools/{SCHOOL}/movement/orders/{order.id}").get_data(as_text=True)
    assert "Отменён приказом" in page and "№ 2-у" in page and "Подписать приказ об отмене" not in page
    peers.responses["SignOrder"] = refused(Invalid(fields={"reason": "укажите основание отмены"}))
    other = _transfer(school)
    resp = browser.post(f"/schools/{SCHOOL}/movement/orders/{other.id}/cancel", data={**CSRF, "reason": ""})
    assert resp.status_code == 422 and "укажите основание отмены" in resp.get_data(as_text=True)


def _record(peers, school):
    order = _transfer(school)
    peers.responses["GetPersonalRecord"] = pb.PersonalRecord(
        person=pb.Person(id=PETR, name=pb.PersonName(last_name="Иванов", first_name="Пётр", middle_name="Сергеевич"),
                         gender="male", birth_date="2014-05-20", memberships=[
                             pb.ClassMembership(class_group_id=CLASS_5A, date_to="2026-01-13"),
                             pb.ClassMembership(class_group_id=CLASS_5B, date_from="2026-01-14", order_id=order.id)]),
        orders=[order],
        corrections=[pb.PersonCorrection(corrected_at="2026-01-10T09:30:00+03:00", corrected_by=SECRETARY,
                                         reason="опечатка", field="first_name", old_value="Петр", new_value="Пётр")])
    peers.responses["GetPerson"] = peers.responses["GetPersonalRecord"].person
    return order


def test_the_personal_record_shows_classes_by_year_orders_and_corrections(browser, peers, school):
    _record(peers, school)
    peers.responses["ListPeople"] = pb.ListPeopleResponse(people=[
        pb.Person(id=SECRETARY, name=pb.PersonName(last_name="Орлова", first_name="Нина"))])
    page = re.sub(r">\s+<", "><", browser.get(f"/schools/{SCHOOL}/people/{PETR}/record").get_data(as_text=True))
    assert "Личное дело: Иванов Пётр Сергеевич" in page and "20.05.2014" in page and "мужской" in page
    assert "<td>2025/2026</td><td>5А</td><td>с начала года</td><td>13.01.2026</td>" in page
    assert "<td>2025/2026</td><td>5Б</td><td>14.01.2026</td><td>по настоящее время</td>" in page
    assert ">1-у</a>" in page and "Перевод в другой класс" in page
    assert "<td>Имя</td>" in page and "<td>Петр</td><td>Пётр</td><td>опечатка</td><td>Орлова Нина</td>" in page
    assert "Годовых оценок пока нет" in page


def test_the_personal_record_shows_the_final_marks_of_each_year_from_the_classes_journals(browser, peers, school):
    _record(peers, school)
    peers.responses["ListFinalMarks"] = journal_pb2.ListFinalMarksResponse(final_marks=[
        journal_pb2.FinalMark(student_id=PETR, subject_id=MATHS, academic_year_id=YEAR, kind="annual", value="4"),
        journal_pb2.FinalMark(student_id=DARIA, subject_id=MATHS, academic_year_id=YEAR, kind="annual", value="5"),
        journal_pb2.FinalMark(student_id=PETR, subject_id=MATHS, academic_year_id=YEAR, kind="final",
                              special="exempt")])
    page = re.sub(r">\s+<", "><", browser.get(f"/schools/{SCHOOL}/people/{PETR}/record").get_data(as_text=True))
    assert "<caption>2025/2026</caption>" in page
    assert "<tr><td>Математика</td><td>4</td><td></td><td>ОСВ</td></tr>" in page  # Дарья's 5 is not his
    assert {req.class_group_id for req in _calls(peers, "ListFinalMarks")} == {CLASS_5A, CLASS_5B}


def test_a_correction_sends_only_what_changed_with_the_reason(browser, peers, school):
    _record(peers, school)
    url = f"/schools/{SCHOOL}/people/{PETR}/corrections"
    form = {**CSRF, "last_name": "Смирнов", "first_name": "Пётр", "middle_name": "Сергеевич", "gender": "male",
            "birth_date": "2014-05-20", "reason": "смена фамилии"}
    resp = browser.post(url, data=form)
    assert resp.status_code == 302 and "notice=corrected" in resp.headers["Location"]
    (sent,) = _calls(peers, "CorrectPerson")
    assert sent.HasField("name") and sent.name.last_name == "Смирнов" and sent.name.first_name == "Пётр"
    assert (sent.gender, sent.birth_date, sent.reason) == ("", "", "смена фамилии")
    browser.post(url, data={**form, "last_name": "Иванов", "birth_date": "2014-05-21"})
    sent = _calls(peers, "CorrectPerson")[-1]
    assert not sent.HasField("name") and sent.birth_date == "2014-05-21"
    resp = browser.post(url, data={**form, "last_name": "Иванов"})
    assert resp.status_code == 422 and "Измените хотя бы одно поле" in resp.get_data(as_text=True)
    peers.responses["CorrectPerson"] = refused(Invalid(fields={"reason": "укажите причину исправления"}))
    resp = browser.post(url, data={**form, "reason": ""})
    page = resp.get_data(as_text=True)
    assert resp.status_code == 422 and "Исправление не сохранено" in page and 'value="Смирнов"' in page
    reason = page[page.index('name="reason"'):]
    assert '<span class="field-error" role="alert">укажите причину исправления</span>' in reason[:300]
    assert browser.post(url, data={"last_name": "Смирнов", "reason": "x"}).status_code == 400  # no CSRF


def test_a_form_teacher_reaches_the_personal_records_of_their_class(browser, peers, school):
    peers.responses["GetMe"] = pb.Me(memberships=[pb.Membership(
        school=pb.School(id=SCHOOL, name="Школа № 1", status="active"),
        principal=pb.Principal(school_id=SCHOOL, roles=["form_teacher"], form_class_group_ids=[CLASS_5A]))])
    page = browser.get("/").get_data(as_text=True)
    link = f"/schools/{SCHOOL}/movement?class_group_id={CLASS_5A}"
    assert f'href="{link}">Личные дела учеников моего класса</a>' in page and "Книга движения учащихся" not in page
    peers.responses["ListOrders"] = refused(Forbidden())
    resp = browser.get(link)
    page = resp.get_data(as_text=True)
    assert resp.status_code == 200 and "Недостаточно прав для этого действия" in page
    assert f"/schools/{SCHOOL}/people/{PETR}/record" in page


@pytest.mark.parametrize(("roles", "register", "new_order", "transition"), [
    (["secretary"], True, True, False),
    (["school_admin"], True, True, True),
    (["deputy_head"], True, True, True),
    (["director"], True, False, True),
    (["subject_teacher"], False, False, False),
])
def test_the_home_page_links_by_role(browser, peers, roles, register, new_order, transition):
    peers.responses["GetMe"] = pb.Me(memberships=[pb.Membership(
        school=pb.School(id=SCHOOL, name="Школа № 1", status="active"),
        principal=pb.Principal(school_id=SCHOOL, roles=roles))])
    page = browser.get("/").get_data(as_text=True)
    assert ("Книга движения учащихся" in page) is register
    assert (f'href="/schools/{SCHOOL}/movement/orders/new"' in page) is new_order
    assert (f'href="/schools/{SCHOOL}/year-transition"' in page) is transition


def test_a_refusal_says_each_text_once_and_none_is_lost(browser, peers, school):
    peers.responses["SignOrder"] = refused(Invalid("reason", "укажите основание приказа"))
    page = browser.post(NEW_ORDER, data={**CSRF, "kind": "transfer", "student_id": PETR}).get_data(as_text=True)
    assert "Неверное поле" not in page and page.count("укажите основание приказа") == 1
    peers.responses["SignOrder"] = refused(Invalid(message="Приказ не подходит", fields={
        "cancels_order_id": "приказ уже отменён", "reason": "укажите основание"}))
    page = browser.post(NEW_ORDER, data={**CSRF, "kind": "transfer", "student_id": PETR}).get_data(as_text=True)
    assert "Приказ не подписан. Приказ не подходит приказ уже отменён</p>" in page
    assert page.count("укажите основание") == 1


def test_a_reader_outside_their_duties_is_asked_why_and_the_reason_goes_to_identity(browser, peers, school):
    """The school administrator: identity asks for a reason (INVALID_ARGUMENT on `reason`); the page shows a form for
    it with 422, then sends it with the reading and keeps it through a correction of the record."""
    record = pb.PersonalRecord(person=pb.Person(id=PETR, name=pb.PersonName(last_name="Иванов", first_name="Пётр")))

    def answer(request):
        if not request.reason:
            raise Invalid(message="Администратор школы читает его только с указанием причины", fields={"reason": "укажите"})
        return record

    peers.responses["GetPersonalRecord"] = answer
    resp = browser.get(f"/schools/{SCHOOL}/people/{PETR}/record")
    page = resp.get_data(as_text=True)
    assert resp.status_code == 422 and "Причина просмотра" in page and 'name="read_reason"' in page
    assert "только с указанием причины" in page and "Иванов" not in page
    assert 'method="post"' in page and 'name="csrf_token"' in page  # the reason never goes into a URL
    resp = browser.post(f"/schools/{SCHOOL}/people/{PETR}/record", data={**CSRF, "read_reason": " жалоба родителя "})
    assert resp.status_code == 302 and resp.headers["Location"] == f"/schools/{SCHOOL}/people/{PETR}/record"
    page = browser.get(resp.headers["Location"]).get_data(as_text=True)
    assert "Личное дело: Иванов Пётр" in page and "жалоба" not in page
    assert [c[2].reason for c in peers.calls if c[1] == "GetPersonalRecord"] == ["", "жалоба родителя"]
    peers.responses["GetPerson"] = record.person
    resp = browser.post(f"/schools/{SCHOOL}/people/{PETR}/corrections",
                        data={**CSRF, "gender": "male", "reason": "опечатка"})
    assert resp.status_code == 302 and "reason" not in resp.headers["Location"]
    browser.get(resp.headers["Location"])  # the record again after the correction: read with the same reason
    assert [c[2].reason for c in peers.calls if c[1] == "GetPersonalRecord"][-1] == "жалоба родителя"
