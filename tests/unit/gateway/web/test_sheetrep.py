"""sheetrep's pages and REST rows with fake services: the summary mark sheet (the class and the period picked reach
reporting, the periods come from ListReportPeriods, the weighted averages and the council's decisions are shown, PDF
and XLSX are reporting's files), curriculum fulfilment (this year by default, the lag highlighted), and the home
page's links by role."""
import datetime

import pytest

from gateway.web import pages
from proto.identity.v1 import identity_pb2 as pb
from proto.reporting.v1 import reporting_pb2 as rpb
from proto.schedule.v1 import schedule_pb2 as spb
from services.common.errors import Forbidden
from tests.unit.gateway.fakes import refused
from tests.unit.gateway.web.test_reports import C5A, SCHOOL, XLSX, calls

Q1, YEAR_ID = "5e1c0e5a-2222-4b7a-9a55-2f7c1f0e9d11", "6f1c0e5a-3333-4b7a-9a55-2f7c1f0e9d11"
SHEET = rpb.SummarySheet(
    school_id=SCHOOL, class_group_id=C5A, class_group_name="5А", academic_year_name="2026/2027", period_id="year",
    period_name="Учебный год 2026/2027", decisions_shown=True,
    subjects=[rpb.SummarySubject(id="m", name="Математика")],
    periods=[rpb.SummaryPeriod(id=Q1, name="1 четверть", kind="term")],
    rows=[rpb.SummaryRow(student_id="s1", student_name="Зайцев Пётр", decision="переведён в 6А", cells=[
        rpb.SummaryCell(subject_id="m", marks=["5", "3"], average="3.50", period_marks=[
            rpb.SummaryPeriodMark(period_id=Q1, period_name="1 четверть", value="4")])])])
PERIODS = rpb.ReportPeriods(class_group_id=C5A, class_group_name="5А", periods=[
    rpb.ReportPeriod(id=Q1, name="1 четверть", date_from="2026-09-01", date_to="2026-10-24"),
    rpb.ReportPeriod(id="year", name="Учебный год 2026/2027", date_from="2026-09-01", date_to="2027-05-31")])
ROW = rpb.CurriculumFulfilmentRow
FULFILMENT = rpb.CurriculumFulfilment(
    school_id=SCHOOL, school_name="МБОУ «Школа № 1»", academic_year_id=YEAR_ID, academic_year_name="2026/2027",
    as_of="2026-10-01", rows=[
        ROW(class_group_id=C5A, class_group_name="5А", subject_id="m", subject_name="Математика", hours_per_week="4",
            study_weeks=17, hours_per_year="68", lessons_planned=3, lessons_to_date=2, lessons_given=1, lag=1,
            fulfilment="33.3"),
        ROW(class_group_id=C5A, class_group_name="5А", subject_id="e", subject_name="Английский язык",
            hours_per_week="1.5", study_weeks=17, hours_per_year="25.5", lessons_planned=3, lessons_to_date=3,
            lessons_given=3, lag=0, fulfilment="100.0")],
    total=ROW(class_group_name="Итого по школе", hours_per_year="93.5", lessons_planned=6, lessons_to_date=5,
              lessons_given=4, lag=1, fulfilment="66.7"))
YEARS = spb.ListAcademicYearsResponse(academic_years=[
    spb.AcademicYear(id=YEAR_ID, name="2026/2027", start_date="2026-09-01", end_date="2027-05-31"),
    spb.AcademicYear(id="old", name="2025/2026", start_date="2025-09-01", end_date="2026-05-31")])


@pytest.fixture
def today(monkeypatch):
    monkeypatch.setattr(pages, "today", lambda: datetime.date(2026, 10, 1))


def test_the_summary_sheet_page_shows_the_form_teachers_class_and_the_period_picked(browser, peers, today):
    peers.responses.update(GetSummarySheet=SHEET, ListReportPeriods=PERIODS, ListClassGroups=spb.ListClassGroupsResponse(
        class_groups=[spb.ClassGroup(id=C5A, name="5А", grade=5)]), GetMe=pb.Me(memberships=[pb.Membership(
            school=pb.School(id=SCHOOL), principal=pb.Principal(school_id=SCHOOL, form_class_group_ids=[C5A]))]))
    page = browser.get(f"/schools/{SCHOOL}/reports/summary-sheet").get_data(as_text=True)
    asked = calls(peers, "GetSummarySheet")[0]
    assert (asked.class_group_id, asked.period_id) == (C5A, "")
    assert calls(peers, "ListReportPeriods")[0].class_group_id == C5A
    assert f'<option value="{Q1}">1 четверть</option>' in page and '<option value="" selected>Весь год' in page
    assert "ср. 3,50" in page and "1 четверть: <strong>4</strong>" in page
    assert "<th>Решение педагогического совета</th>" in page and "переведён в 6А" in page
    assert f"/schools/{SCHOOL}/reports/summary-sheet.xlsx?class_group_id={C5A}&amp;period_id=" in page
    browser.get(f"/schools/{SCHOOL}/reports/summary-sheet?class_group_id=other&period_id={Q1}")
    asked = calls(peers, "GetSummarySheet")[1]
    assert (asked.class_group_id, asked.period_id) == ("other", Q1)


def test_the_summary_sheet_page_without_a_class_asks_for_one_and_says_a_refusal(browser, peers, today):
    peers.responses.update(ListClassGroups=spb.ListClassGroupsResponse(), GetMe=pb.Me())
    page = browser.get(f"/schools/{SCHOOL}/reports/summary-sheet").get_data(as_text=True)
    assert "Выберите класс." in page and not calls(peers, "GetSummarySheet")
    peers.responses.update(GetSummarySheet=refused(Forbidden()), ListReportPeriods=refused(Forbidden()))
    resp = browser.get(f"/schools/{SCHOOL}/reports/summary-sheet?class_group_id={C5A}")
    assert resp.status_code == 200 and "Недостаточно прав для этого действия" in resp.get_data(as_text=True)


def test_the_curriculum_page_shows_this_years_fulfilment_with_the_lag_highlighted(browser, peers, today):
    peers.responses.update(GetCurriculumFulfilment=FULFILMENT, ListAcademicYears=YEARS)
    page = browser.get(f"/schools/{SCHOOL}/reports/curriculum").get_data(as_text=True)
    assert calls(peers, "GetCurriculumFulfilment")[0].academic_year_id == YEAR_ID
    assert '<strong class="lag-value">1</strong>' in page and "<td>33,3</td>" in page
    assert "<td>25,5</td>" in page and "Итого по школе" in page and "01.10.2026" in page
    assert f"/schools/{SCHOOL}/reports/curriculum.pdf?academic_year_id={YEAR_ID}" in page
    browser.get(f"/schools/{SCHOOL}/reports/curriculum?academic_year_id=old")
    assert calls(peers, "GetCurriculumFulfilment")[1].academic_year_id == "old"


@pytest.mark.parametrize(("path", "rpc"), [
    (f"summary-sheet.pdf?class_group_id={C5A}&period_id={Q1}", "RenderSummarySheetPdf"),
    (f"summary-sheet.xlsx?class_group_id={C5A}&period_id=year", "RenderSummarySheetXlsx"),
    (f"curriculum.pdf?academic_year_id={YEAR_ID}", "RenderCurriculumFulfilmentPdf"),
    (f"curriculum.xlsx?academic_year_id={YEAR_ID}", "RenderCurriculumFulfilmentXlsx")])
def test_the_files_are_reportings(browser, peers, today, path, rpc):
    peers.responses[rpc] = rpb.RenderedReport(media_type=XLSX, filename="report.xlsx", content=b"PK")
    resp = browser.get(f"/schools/{SCHOOL}/reports/{path}")
    assert (resp.status_code, resp.mimetype, resp.data) == (200, XLSX, b"PK") and len(calls(peers, rpc)) == 1


def test_the_rest_rows(client, peers, auth):
    peers.responses["GetSummarySheet"] = SHEET
    resp = client.get(f"/api/v1/schools/{SCHOOL}/class-groups/{C5A}/summary-sheet?period_id={Q1}", headers=auth)
    assert resp.status_code == 200 and resp.json["rows"][0]["decision"] == "переведён в 6А"
    assert calls(peers, "GetSummarySheet")[0].period_id == Q1
    peers.responses["RenderSummarySheetXlsx"] = rpb.RenderedReport(media_type=XLSX, filename="s.xlsx", content=b"PK")
    resp = client.get(f"/api/v1/schools/{SCHOOL}/class-groups/{C5A}/summary-sheet.xlsx?period_id=year", headers=auth)
    assert (resp.status_code, resp.mimetype, resp.data) == (200, XLSX, b"PK")
    assert calls(peers, "RenderSummarySheetXlsx")[0].period_id == "year"
    peers.responses["GetCurriculumFulfilment"] = FULFILMENT
    resp = client.get(f"/api/v1/schools/{SCHOOL}/reports/curriculum?academic_year_id={YEAR_ID}", headers=auth)
    assert resp.status_code == 200 and resp.json["rows"][0]["lag"] == 1 and resp.json["total"]["fulfilment"] == "66.7"
    resp = client.get(f"/api/v1/schools/{SCHOOL}/reports/curriculum.pdf?academic_year_id=2026", headers=auth)
    assert resp.status_code == 400 and "academic_year_id" in resp.json["error"]["fields"]


@pytest.mark.parametrize(("roles", "form_classes", "sheet", "curriculum"), [
    (["deputy_head"], [], True, True), (["director"], [C5A], True, True), (["form_teacher"], [C5A], True, False),
    (["secretary"], [], False, False), (["subject_teacher"], [], False, False)])
def test_the_home_page_links_the_reports_by_role(browser, peers, roles, form_classes, sheet, curriculum):
    peers.responses["GetMe"] = pb.Me(memberships=[pb.Membership(
        school=pb.School(id=SCHOOL, name="Школа № 1", status="active"),
        principal=pb.Principal(school_id=SCHOOL, roles=roles, form_class_group_ids=form_classes))])
    page = browser.get("/").get_data(as_text=True)
    assert (f'href="/schools/{SCHOOL}/reports/summary-sheet"' in page) is sheet
    assert (f'href="/schools/{SCHOOL}/reports/curriculum"' in page) is curriculum
