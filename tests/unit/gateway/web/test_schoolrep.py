"""The school-wide period reports' pages and REST rows with fake services: the year (today's by default) and the
period (the last one ended by default) reach reporting, the periods' due dates are shown, each report's table shows
its numbers with the classes left out, the PDF and XLSX are reporting's files, a refusal is said in the table's place,
the /api/v1 rows, and the home page's links for the managers only."""
import datetime

import pytest

from gateway.web import pages
from proto.identity.v1 import identity_pb2 as pb
from proto.reporting.v1 import reporting_pb2 as rpb
from proto.schedule.v1 import schedule_pb2 as spb
from services.common.errors import Forbidden
from tests.unit.gateway.fakes import refused

SCHOOL = "0b6f5a8e-3c1d-4b7a-9a55-2f7c1f0e9d11"
YEAR = "5e0c7a1d-2222-4b7a-9a55-2f7c1f0e9d11"
Q1 = "6a1b2c3d-3333-4b7a-9a55-2f7c1f0e9d11"
XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
YEARS = spb.ListAcademicYearsResponse(academic_years=[spb.AcademicYear(
    id=YEAR, name="2026/2027", start_date="2026-09-01", end_date="2027-05-31")])
PERIODS = rpb.SchoolPeriods(academic_year_id=YEAR, academic_year_name="2026/2027", today="2026-10-28", periods=[
    rpb.SchoolPeriod(id=Q1, name="1 четверть", date_from="2026-09-01", date_to="2026-10-24", grades="1–9 классы",
                     due_date="2026-10-27", status="late"),
    rpb.SchoolPeriod(id="q2", name="2 четверть", date_from="2026-11-05", date_to="2026-12-28", grades="1–9 классы",
                     due_date="2026-12-30", status="open"),
    rpb.SchoolPeriod(id="year", name="Учебный год 2026/2027", date_from="2026-09-01", date_to="2027-05-31",
                     grades="все классы", due_date="2027-06-02", status="open")])
HEADING = rpb.PeriodReportHeading(school_id=SCHOOL, school_name="МБОУ «Школа № 1»", academic_year_id=YEAR,
                                  period_id=Q1, period_name="1 четверть", date_from="2026-09-01", date_to="2026-10-24",
                                  left_out=["10А — не аттестуются за период «1 четверть» (их периоды: 1 полугодие)"])
ROW_5A = rpb.ResultsRow(class_group_id="c5a", name="5А", grade=5, students=3, with_result=3, excellent=1, good=1,
                        satisfactory=1, quality="66.7", pass_rate="100.0", average="4.17")
GRADE_5 = rpb.ResultsRow(name="5 классы", grade=5, students=3, with_result=3, excellent=1, good=1, satisfactory=1,
                         quality="66.7", pass_rate="100.0", average="4.17")
TOTAL = rpb.ResultsRow(name="Итого по школе", students=3, with_result=3, excellent=1, good=1, satisfactory=1,
                       quality="66.7", pass_rate="100.0", average="4.17")
QUALITY = rpb.KnowledgeQuality(heading=HEADING, classes=[ROW_5A], grades=[GRADE_5], total=TOTAL, subjects=[
    rpb.SubjectQuality(subject_id="m", subject_name="Математика", with_result=3, quality="66.7", pass_rate="100.0",
                       average="4.00")])
SUMMARY = rpb.SchoolSummary(
    heading=HEADING, on_date="2026-10-24",
    reasons=[rpb.AttendanceReason(code=c, name=n) for c, n in (("absent", "Н"), ("ill", "Б"), ("excused", "УП"),
                                                              ("unexcused", "НП"))],
    rows=[rpb.SchoolSummaryRow(class_group_id="c5a", name="5А", grade=5, boys=2, girls=1, students=3, results=ROW_5A,
                               assessed=True, missed=rpb.AttendanceMissed(by_reason=[1, 1, 0, 0], total=2),
                               lessons_planned=2, lessons_given=1)],
    total=rpb.SchoolSummaryRow(name="Итого по школе", boys=2, girls=1, students=3, results=TOTAL, assessed=True,
                               missed=rpb.AttendanceMissed(by_reason=[1, 1, 0, 0], total=2), lessons_planned=2,
                               lessons_given=1))
PROGRESS = rpb.ProgressSummary(heading=HEADING, previous_period_names=["1 четверть"], grades=[rpb.ProgressRow(
    now=GRADE_5, has_previous=True, previous_quality="40.0", previous_pass_rate="60.0", quality_change="+26.7",
    pass_rate_change="+40.0")], total=rpb.ProgressRow(now=TOTAL, has_previous=True, previous_quality="40.0",
                                                       previous_pass_rate="60.0", quality_change="+26.7",
                                                       pass_rate_change="+40.0"))


def calls(peers, rpc):
    return [req for _, name, req, _ in peers.calls if name == rpc]


@pytest.fixture
def school(monkeypatch, peers):
    monkeypatch.setattr(pages, "today", lambda: datetime.date(2026, 10, 28))
    peers.responses.update(ListAcademicYears=YEARS, ListSchoolPeriods=PERIODS, GetKnowledgeQuality=QUALITY,
                           GetSchoolSummary=SUMMARY, GetProgressSummary=PROGRESS)


def test_the_knowledge_quality_page_asks_for_todays_year_and_the_last_period_ended(browser, peers, school):
    page = browser.get(f"/schools/{SCHOOL}/reports/knowledge-quality").get_data(as_text=True)
    assert calls(peers, "ListSchoolPeriods")[0].academic_year_id == YEAR
    asked = calls(peers, "GetKnowledgeQuality")[0]
    assert (asked.school_id, asked.academic_year_id, asked.period_id) == (SCHOOL, YEAR, Q1)
    assert "<td>5А</td><td>3</td><td>3</td><td>1</td><td>1</td><td>0</td><td>1</td>" in page
    assert "<th>Итого по школе</th>" in page and "<td>Математика</td><td>Вся школа</td>" in page
    assert "10А — не аттестуются" in page and "срок прошёл 27.10.2026" in page and "период идёт" in page
    assert f"/schools/{SCHOOL}/reports/knowledge-quality.pdf?academic_year_id={YEAR}&amp;period_id={Q1}" in page
    browser.get(f"/schools/{SCHOOL}/reports/knowledge-quality?academic_year_id={YEAR}&period_id=year")
    assert calls(peers, "GetKnowledgeQuality")[1].period_id == "year"


def test_the_school_summary_and_progress_pages_show_their_numbers(browser, peers, school):
    page = browser.get(f"/schools/{SCHOOL}/reports/school-summary").get_data(as_text=True)
    assert "<td>5А</td><td>2</td><td>1</td><td>3</td>" in page and "учащиеся на 24.10.2026" in page
    assert "<td>1</td><td>1</td><td>0</td><td>0</td><td>2</td><td>2</td><td>1</td>" in page
    page = browser.get(f"/schools/{SCHOOL}/reports/progress-summary").get_data(as_text=True)
    assert "<td>5 классы</td><td>3</td><td>40.0</td><td>66.7</td><td>+26.7</td>" in page


@pytest.mark.parametrize("path", ["knowledge-quality.pdf", "school-summary.xlsx", "progress-summary.pdf"])
def test_the_files_are_reportings(browser, peers, school, path):
    report, kind = path.split(".")
    rpc = "Render" + {"knowledge-quality": "KnowledgeQuality", "school-summary": "SchoolSummary",
                      "progress-summary": "ProgressSummary"}[report] + kind.title()
    peers.responses[rpc] = rpb.RenderedReport(media_type=XLSX, filename="report.xlsx", content=b"PK")
    resp = browser.get(f"/schools/{SCHOOL}/reports/{path}?academic_year_id={YEAR}&period_id={Q1}")
    assert (resp.status_code, resp.data) == (200, b"PK") and calls(peers, rpc)[0].period_id == Q1


def test_a_refusal_is_said_in_the_tables_place(browser, peers, school):
    peers.responses["ListSchoolPeriods"] = refused(Forbidden("Отчёты по всей школе читают директор, его заместители "
                                                             "и администратор школы"))
    resp = browser.get(f"/schools/{SCHOOL}/reports/school-summary")
    assert resp.status_code == 200 and "Отчёты по всей школе читают директор" in resp.get_data(as_text=True)
    assert not calls(peers, "GetSchoolSummary")


def test_the_rest_rows(client, peers, auth):
    peers.responses.update(ListSchoolPeriods=PERIODS, GetKnowledgeQuality=QUALITY, GetProgressSummary=PROGRESS)
    resp = client.get(f"/api/v1/schools/{SCHOOL}/reports/school-periods?academic_year_id={YEAR}", headers=auth)
    assert resp.status_code == 200 and resp.json["periods"][0]["due_date"] == "2026-10-27"
    resp = client.get(f"/api/v1/schools/{SCHOOL}/reports/knowledge-quality?academic_year_id={YEAR}&period_id={Q1}",
                      headers=auth)
    assert resp.status_code == 200 and resp.json["total"]["quality"] == "66.7"
    assert calls(peers, "GetKnowledgeQuality")[0].period_id == Q1
    resp = client.get(f"/api/v1/schools/{SCHOOL}/reports/progress-summary?academic_year_id={YEAR}&period_id={Q1}",
                      headers=auth)
    assert resp.status_code == 200 and resp.json["grades"][0]["quality_change"] == "+26.7"
    peers.responses["RenderSchoolSummaryXlsx"] = rpb.RenderedReport(media_type=XLSX, filename="s.xlsx", content=b"PK")
    resp = client.get(f"/api/v1/schools/{SCHOOL}/reports/school-summary.xlsx?academic_year_id={YEAR}&period_id=year",
                      headers=auth)
    assert (resp.status_code, resp.mimetype, resp.data) == (200, XLSX, b"PK")
    resp = client.get(f"/api/v1/schools/{SCHOOL}/reports/knowledge-quality?academic_year_id=2026&period_id=year",
                      headers=auth)
    assert resp.status_code == 400 and "academic_year_id" in resp.json["error"]["fields"]


@pytest.mark.parametrize(("roles", "form_classes", "linked"), [
    (["director"], [], True), (["deputy_head"], [], True), (["school_admin"], [], True), (["secretary"], [], False),
    (["form_teacher"], ["c5a"], False), (["subject_teacher"], [], False)])
def test_the_home_page_links_the_school_reports_for_the_managers(browser, peers, roles, form_classes, linked):
    peers.responses["GetMe"] = pb.Me(memberships=[pb.Membership(
        school=pb.School(id=SCHOOL, name="Школа № 1", status="active"),
        principal=pb.Principal(school_id=SCHOOL, roles=roles, form_class_group_ids=form_classes))])
    page = browser.get("/").get_data(as_text=True)
    for report in ("knowledge-quality", "school-summary", "progress-summary"):
        assert (f'href="/schools/{SCHOOL}/reports/{report}"' in page) is linked
