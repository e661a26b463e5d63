"""The page of the reports formed in the background with fake services: the forms start the year's summary sheets
and a period's school reports as jobs, the list shows a progress bar while a job is formed (with the script asking the
page's own JSON every second and a reload link), the download link once done and the reason once failed; the
progress JSON and the file are reporting's; the schedule form for school_admin and director, read-only for the
others; the home page's link for the managers."""
import datetime

import pytest

from gateway.web import pages
from proto.identity.v1 import identity_pb2 as pb
from proto.reporting.v1 import reporting_pb2 as rpb
from services.common.errors import Forbidden, Invalid
from tests.unit.gateway.fakes import refused
from tests.unit.gateway.web.test_schoolrep import PERIODS, Q1, SCHOOL, YEAR, YEARS, calls

CSRF = {"csrf_token": "csrf-123"}
RUNNING, DONE, FAILED = (f"{n:08d}-0000-4000-8000-000000000000" for n in (1, 2, 3))
JOBS = rpb.ReportJobs(jobs=[
    rpb.ReportJob(id=RUNNING, kind="summary-sheets", kind_name="Сводные ведомости всех классов", format="zip",
                  params={"academic_year_id": YEAR}, status="running", done=2, total=5,
                  created_at="2026-10-28T07:05:00+00:00"),
    rpb.ReportJob(id=DONE, kind="period-reports", kind_name="Отчёты по школе за период", format="zip",
                  params={"academic_year_id": YEAR, "period_id": Q1}, status="done", done=3, total=3,
                  filename="period-reports.zip", created_at="2026-10-25T00:05:00+00:00",
                  expires_at="2026-11-24T00:06:00+00:00", scheduled_for="2026-10-24"),
    rpb.ReportJob(id=FAILED, kind="school-summary", kind_name="Отчёт о всей школе", format="pdf",
                  params={"academic_year_id": YEAR, "period_id": "year"}, status="failed",
                  reason="Период не найден", created_at="2026-10-20T10:00:00+00:00")])


def me(*roles: str) -> pb.Me:
    return pb.Me(memberships=[pb.Membership(school=pb.School(id=SCHOOL, name="Школа № 1", status="active"),
                                            principal=pb.Principal(school_id=SCHOOL, roles=roles))])


@pytest.fixture
def school(monkeypatch, peers):
    monkeypatch.setattr(pages, "today", lambda: datetime.date(2026, 10, 28))
    peers.responses.update(ListAcademicYears=YEARS, ListSchoolPeriods=PERIODS, ListReportJobs=JOBS, GetMe=me("director"),
                           GetReportSchedule=rpb.ReportSchedule(summary_sheets_day=15, period_reports=True,
                                                                activity_weekday=1))


def test_the_page_lists_the_jobs_with_progress_download_and_reason(browser, peers, school):
    page = browser.get(f"/schools/{SCHOOL}/reports/files").get_data(as_text=True)
    assert calls(peers, "ListSchoolPeriods")[0].academic_year_id == YEAR, "today's year"
    assert '<progress max="5" value="2"></progress>' in page and "формируется: 2 из 5" in page
    assert f'data-job="{RUNNING}" data-status="running"' in page and 'src="/static/report_jobs.js"' in page
    assert f'data-jobs="/schools/{SCHOOL}/reports/files"' in page
    assert f'href="/schools/{SCHOOL}/reports/files?academic_year_id={YEAR}" class="reload">Обновить список' in page
    assert f'href="/schools/{SCHOOL}/reports/files/{DONE}" class="download">Скачать period-reports.zip' in page
    assert "Отчёты по школе за период, 2026/2027, 1 четверть (ZIP)" in page and "по расписанию" in page
    assert "25.10.2026 03:05" in page, "the moment on the school's clock"
    assert "Не сформирован: Период не найден" in page
    assert f'<option value="{Q1}" selected>' in page, "the last period ended"
    assert 'name="summary_sheets_day" min="0" max="28" value="15"' in page and 'name="period_reports" checked' in page


def test_the_forms_start_the_summary_sheets_and_a_period_report(browser, peers, school):
    peers.responses["StartReportJob"] = rpb.ReportJob(id=RUNNING, status="queued")
    resp = browser.post(f"/schools/{SCHOOL}/reports/files", data={
        **CSRF, "academic_year_id": YEAR, "report": "summary-sheets:zip"})
    assert resp.status_code == 302 and f"started={RUNNING}" in resp.headers["Location"]
    browser.post(f"/schools/{SCHOOL}/reports/files", data={
        **CSRF, "academic_year_id": YEAR, "period_id": Q1, "report": "knowledge-quality:xlsx"})
    sheets, quality = calls(peers, "StartReportJob")
    assert (sheets.kind, dict(sheets.params), sheets.format) == ("summary-sheets", {"academic_year_id": YEAR}, "zip")
    assert (quality.kind, dict(quality.params), quality.format) == (
        "knowledge-quality", {"academic_year_id": YEAR, "period_id": Q1}, "xlsx")
    assert "Отчёт поставлен в очередь" in browser.get(resp.headers["Location"]).get_data(as_text=True)


def test_a_refused_start_is_said_on_the_page(browser, peers, school):
    peers.responses["StartReportJob"] = refused(Invalid("academic_year_id", "неверный идентификатор"))
    resp = browser.post(f"/schools/{SCHOOL}/reports/files", data={**CSRF, "report": "summary-sheets:zip"})
    assert resp.status_code == 422 and "неверный идентификатор" in resp.get_data(as_text=True)


def test_the_progress_json_and_the_file_are_reportings(browser, peers, school):
    peers.responses["GetReportJob"] = JOBS.jobs[0]
    assert browser.get(f"/schools/{SCHOOL}/reports/files/{RUNNING}.json").json == {
        "status": "running", "status_name": "формируется", "done": 2, "total": 5, "reason": "", "filename": ""}
    peers.responses["GetReportJobFile"] = rpb.RenderedReport(media_type="application/zip", filename="period-reports.zip",
                                                             content=b"PK\x03\x04")
    resp = browser.get(f"/schools/{SCHOOL}/reports/files/{DONE}")
    assert resp.data == b"PK\x03\x04" and "period-reports.zip" in resp.headers["Content-Disposition"]
    assert calls(peers, "GetReportJobFile")[0].job_id == DONE


def test_the_director_sets_the_schedule_and_the_deputy_head_reads_it(browser, peers, school):
    resp = browser.post(f"/schools/{SCHOOL}/reports/schedule", data={**CSRF, "summary_sheets_day": "20",
                                                                      "activity_weekday": "3"})
    assert resp.status_code == 302
    [asked] = calls(peers, "SetReportSchedule")
    assert (asked.summary_sheets_day, asked.HasField("period_reports"), asked.period_reports) == (20, True, False)
    assert asked.activity_weekday == 3
    peers.responses["GetMe"] = me("deputy_head")
    page = browser.get(f"/schools/{SCHOOL}/reports/files").get_data(as_text=True)
    assert 'name="summary_sheets_day"' not in page
    assert "15-го числа каждого месяца" in page and "за окончившийся период: формируются" in page
    assert "активности пользователей за прошедшую неделю: по понедельникам" in page
    peers.responses["SetReportSchedule"] = refused(Forbidden("Расписание отчётов меняют администратор школы и директор"))
    resp = browser.post(f"/schools/{SCHOOL}/reports/schedule", data={**CSRF, "summary_sheets_day": "20",
                                                                      "period_reports": "on"})
    assert resp.status_code == 403 and "меняют администратор школы и директор" in resp.get_data(as_text=True)


@pytest.mark.parametrize(("roles", "linked"), [
    (["director"], True), (["deputy_head"], True), (["school_admin"], True), (["secretary"], False),
    (["subject_teacher"], False)])
def test_the_home_page_links_the_formed_reports_for_the_managers(browser, peers, roles, linked):
    peers.responses["GetMe"] = me(*roles)
    page = browser.get("/").get_data(as_text=True)
    assert (f'href="/schools/{SCHOOL}/reports/files">Сформированные отчёты</a>' in page) is linked
