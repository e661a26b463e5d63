"""The report pages and their REST rows with fake services: class fill on a date, student movement for a period and a
class's summary attendance sheet (the picker's values reach reporting, the table shows its numbers, the PDF and XLSX
are reporting's files, a refusal is said in the table's place), the /api/v1 rows, and the home page's links by role."""
import datetime

import pytest

from gateway.web import pages
from proto.identity.v1 import identity_pb2 as pb
from proto.reporting.v1 import reporting_pb2 as rpb
from proto.schedule.v1 import schedule_pb2 as spb
from services.common.errors import Forbidden
from tests.unit.gateway.fakes import refused

SCHOOL = "0b6f5a8e-3c1d-4b7a-9a55-2f7c1f0e9d11"
XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
FILL = rpb.ClassFill(school_id=SCHOOL, school_name="МБОУ «Школа № 1»", on_date="2027-01-14",
                     academic_year_name="2026/2027", rows=[
                         rpb.ClassFillRow(class_group_id="c5a", class_group_name="5А", grade=5, boys=12, girls=13,
                                          total=25)],
                     total=rpb.ClassFillRow(class_group_name="Итого по школе", boys=12, girls=13, total=25))
MOVEMENT = rpb.StudentMovement(school_id=SCHOOL, date_from="2026-09-01", date_to="2027-01-31", kinds=[
    rpb.MovementKindSummary(kind="leaving", kind_name="Выбытие", total=1, classes=[
        rpb.MovementClassCount(class_group_id="c5a", class_group_name="5А", count=1)])], entries=[
    rpb.MovementEntry(kind="leaving", kind_name="Выбытие", order_number="4-у", order_date="2026-12-01",
                      effective_date="2026-12-01", student_name="Петрова Мария", from_class_group_name="5А")])

C5A = "7d1c0e5a-1111-4b7a-9a55-2f7c1f0e9d11"
MISSED = rpb.AttendanceMissed
ATTENDANCE = rpb.AttendanceSheet(
    school_id=SCHOOL, class_group_id=C5A, class_group_name="5А", date_from="2027-01-01", date_to="2027-01-20",
    reasons=[rpb.AttendanceReason(code=c, name=n) for c, n in (
        ("absent", "Н — отсутствовал"), ("ill", "Б — болел"), ("excused", "УП — уважительная"),
        ("unexcused", "НП — неуважительная"))],
    students=[rpb.AttendanceStudentLines(student_id="s1", student_name="Иванов Иван", subjects=[
        rpb.AttendanceSubjectLine(subject_id="m", subject_name="Математика", missed=MISSED(by_reason=[0, 2, 0, 1],
                                                                                           total=3))],
        missed=MISSED(by_reason=[0, 2, 0, 1], total=3))],
    subjects=[rpb.AttendanceSubjectLine(subject_id="m", subject_name="Математика",
                                        missed=MISSED(by_reason=[0, 2, 0, 1], total=3))],
    missed=MISSED(by_reason=[0, 2, 0, 1], total=3))


def calls(peers, rpc):
    return [req for _, name, req, _ in peers.calls if name == rpc]


@pytest.fixture
def today(monkeypatch):
    monkeypatch.setattr(pages, "today", lambda: datetime.date(2027, 1, 20))


def test_the_class_fill_page_shows_the_date_asked_for_or_today(browser, peers, today):
    peers.responses["GetClassFill"] = FILL
    page = browser.get(f"/schools/{SCHOOL}/reports/class-fill").get_data(as_text=True)
    assert calls(peers, "GetClassFill")[0].on_date == "2027-01-20"
    assert "<td>5А</td><td>12</td><td>13</td><td>25</td>" in page and "Итого по школе" in page
    assert f"/schools/{SCHOOL}/reports/class-fill.pdf?on_date=2027-01-20" in page and "class-fill.xlsx" in page
    browser.get(f"/schools/{SCHOOL}/reports/class-fill?on_date=2026-12-01")
    assert calls(peers, "GetClassFill")[1].on_date == "2026-12-01"


def test_the_movement_page_shows_the_period_asked_for_or_this_month(browser, peers, today):
    peers.responses["GetStudentMovement"] = MOVEMENT
    page = browser.get(f"/schools/{SCHOOL}/reports/movement").get_data(as_text=True)
    asked = calls(peers, "GetStudentMovement")[0]
    assert (asked.date_from, asked.date_to) == ("2027-01-01", "2027-01-20")
    assert "<td>Выбытие</td><td>5А</td><td>1</td>" in page and "Петрова Мария" in page and "01.12.2026" in page
    assert f"/schools/{SCHOOL}/reports/movement.xlsx?from=2027-01-01&amp;to=2027-01-20" in page
    browser.get(f"/schools/{SCHOOL}/reports/movement?from=2026-09-01&to=2027-01-31")
    asked = calls(peers, "GetStudentMovement")[1]
    assert (asked.date_from, asked.date_to) == ("2026-09-01", "2027-01-31")


def test_the_attendance_page_shows_the_form_teachers_class_for_this_month_or_the_one_asked_for(browser, peers, today):
    peers.responses.update(GetAttendanceSheet=ATTENDANCE, ListClassGroups=spb.ListClassGroupsResponse(class_groups=[
        spb.ClassGroup(id=C5A, name="5А", grade=5)]), GetMe=pb.Me(memberships=[pb.Membership(
            school=pb.School(id=SCHOOL), principal=pb.Principal(school_id=SCHOOL, form_class_group_ids=[C5A]))]))
    page = browser.get(f"/schools/{SCHOOL}/reports/attendance").get_data(as_text=True)
    asked = calls(peers, "GetAttendanceSheet")[0]
    assert (asked.class_group_id, asked.date_from, asked.date_to) == (C5A, "2027-01-01", "2027-01-20")
    assert f'<option value="{C5A}" selected>5А</option>' in page and "<th>Б — болел</th>" in page
    assert "<tr><td>Иванов Иван</td><td>Математика</td><td>0</td><td>2</td><td>0</td><td>1</td><td>3</td></tr>" in page
    assert "<th>Итого по классу</th><th>Итого</th>" in page
    assert f"/schools/{SCHOOL}/reports/attendance.pdf?class_group_id={C5A}&amp;from=2027-01-01&amp;to=2027-01-20" in page
    browser.get(f"/schools/{SCHOOL}/reports/attendance?class_group_id=other&from=2026-09-01&to=2026-12-31")
    asked = calls(peers, "GetAttendanceSheet")[1]
    assert (asked.class_group_id, asked.date_from, asked.date_to) == ("other", "2026-09-01", "2026-12-31")


def test_the_attendance_page_without_a_class_asks_for_one(browser, peers, today):
    peers.responses.update(ListClassGroups=spb.ListClassGroupsResponse(), GetMe=pb.Me())
    page = browser.get(f"/schools/{SCHOOL}/reports/attendance").get_data(as_text=True)
    assert "Выберите класс." in page and not calls(peers, "GetAttendanceSheet")


@pytest.mark.parametrize(("path", "rpc"), [("class-fill.pdf?on_date=2027-01-14", "RenderClassFillPdf"),
                                           (f"attendance.pdf?class_group_id={C5A}&from=2027-01-01&to=2027-01-20",
                                            "RenderAttendanceSheetPdf"),
                                           (f"attendance.xlsx?class_group_id={C5A}&from=2027-01-01&to=2027-01-20",
                                            "RenderAttendanceSheetXlsx"),
                                           ("class-fill.xlsx?on_date=2027-01-14", "RenderClassFillXlsx"),
                                           ("movement.pdf?from=2026-09-01&to=2027-01-31", "RenderStudentMovementPdf"),
                                           ("movement.xlsx?from=2026-09-01&to=2027-01-31",
                                            "RenderStudentMovementXlsx")])
def test_the_files_are_reportings(browser, peers, today, path, rpc):
    peers.responses[rpc] = rpb.RenderedReport(media_type=XLSX, filename="report.xlsx", content=b"PK")
    resp = browser.get(f"/schools/{SCHOOL}/reports/{path}")
    assert (resp.status_code, resp.mimetype, resp.data) == (200, XLSX, b"PK")
    assert "report.xlsx" in resp.headers["Content-Disposition"] and len(calls(peers, rpc)) == 1


def test_a_refusal_is_said_in_the_tables_place(browser, peers, today):
    peers.responses["GetClassFill"] = refused(Forbidden())
    resp = browser.get(f"/schools/{SCHOOL}/reports/class-fill")
    assert resp.status_code == 200 and "Недостаточно прав для этого действия" in resp.get_data(as_text=True)


def test_the_rest_rows(client, peers, auth):
    peers.responses["GetClassFill"] = FILL
    resp = client.get(f"/api/v1/schools/{SCHOOL}/reports/class-fill?on_date=2027-01-14", headers=auth)
    assert resp.status_code == 200 and resp.json["total"]["total"] == 25 and resp.json["rows"][0]["girls"] == 13
    assert calls(peers, "GetClassFill")[0].on_date == "2027-01-14"
    peers.responses["GetStudentMovement"] = MOVEMENT
    resp = client.get(f"/api/v1/schools/{SCHOOL}/reports/movement?from=2026-09-01&to=2027-01-31", headers=auth)
    assert resp.status_code == 200 and resp.json["kinds"][0]["kind"] == "leaving"
    asked = calls(peers, "GetStudentMovement")[0]
    assert (asked.school_id, asked.date_from, asked.date_to) == (SCHOOL, "2026-09-01", "2027-01-31")
    peers.responses["RenderStudentMovementXlsx"] = rpb.RenderedReport(media_type=XLSX, filename="m.xlsx", content=b"PK")
    resp = client.get(f"/api/v1/schools/{SCHOOL}/reports/movement.xlsx?from=2026-09-01&to=2027-01-31", headers=auth)
    assert (resp.status_code, resp.mimetype, resp.data) == (200, XLSX, b"PK")
    assert calls(peers, "RenderStudentMovementXlsx")[0].date_to == "2027-01-31"
    peers.responses["GetAttendanceSheet"] = ATTENDANCE
    resp = client.get(f"/api/v1/schools/{SCHOOL}/reports/attendance?class_group_id={C5A}&from=2027-01-01&to=2027-01-20",
                      headers=auth)
    assert resp.status_code == 200 and resp.json["students"][0]["missed"]["by_reason"] == [0, 2, 0, 1]
    asked = calls(peers, "GetAttendanceSheet")[0]
    assert (asked.class_group_id, asked.date_from, asked.date_to) == (C5A, "2027-01-01", "2027-01-20")
    peers.responses["RenderAttendanceSheetPdf"] = rpb.RenderedReport(media_type="application/pdf", filename="a.pdf",
                                                                     content=b"%PDF")
    resp = client.get(f"/api/v1/schools/{SCHOOL}/reports/attendance.pdf?class_group_id={C5A}&from=2027-01-01"
                      "&to=2027-01-20", headers=auth)
    assert (resp.status_code, resp.mimetype, resp.data) == (200, "application/pdf", b"%PDF")
    resp = client.get(f"/api/v1/schools/{SCHOOL}/reports/class-fill.pdf?on_date=14.01.2027", headers=auth)
    assert resp.status_code == 400 and "on_date" in resp.json["error"]["fields"]


@pytest.mark.parametrize(("roles", "linked"), [(["secretary"], True), (["director"], True), (["deputy_head"], True),
                                               (["subject_teacher"], False), (["form_teacher"], False)])
def test_the_home_page_links_the_reports_by_role(browser, peers, roles, linked):
    peers.responses["GetMe"] = pb.Me(memberships=[pb.Membership(
        school=pb.School(id=SCHOOL, name="Школа № 1", status="active"),
        principal=pb.Principal(school_id=SCHOOL, roles=roles))])
    page = browser.get("/").get_data(as_text=True)
    assert (f'href="/schools/{SCHOOL}/reports/class-fill"' in page) is linked
    assert (f'href="/schools/{SCHOOL}/reports/movement"' in page) is linked


@pytest.mark.parametrize(("roles", "form_classes", "text"), [
    (["deputy_head"], [], "сводная ведомость посещаемости<"), (["form_teacher"], [C5A], "моего класса"),
    (["secretary"], [], None), (["subject_teacher"], [], None)])
def test_the_home_page_links_the_attendance_sheet_for_managers_and_form_teachers(browser, peers, roles, form_classes,
                                                                                text):
    peers.responses["GetMe"] = pb.Me(memberships=[pb.Membership(
        school=pb.School(id=SCHOOL, name="Школа № 1", status="active"),
        principal=pb.Principal(school_id=SCHOOL, roles=roles, form_class_group_ids=form_classes))])
    page = browser.get("/").get_data(as_text=True)
    assert (f'href="/schools/{SCHOOL}/reports/attendance"' in page) is (text is not None)
    assert text is None or text in page
