"""The page of the reports formed in the background in headless Chromium, through the running gateway: the deputy
head opens «Сформированные отчёты» from the home page, starts the summary sheets of every class of the seeded year,
watches the progress bar until the job is done (the page's script asks for its progress every second and loads the
page again once formed) and downloads the ZIP with 5А's sheet; the deputy head reads the report schedule, the
school's administrator changes it. Keeps screenshots in .run/screenshots/."""
import io
import uuid
import zipfile

import pytest
from playwright.sync_api import expect

from services.tooling.api_client import BASE
from tests.e2e.test_journal_pages_in_browser import signed_in
from tests.e2e.test_pages_in_browser import new_page, screenshot  # noqa: F401 (fixture)
from tests.support import stack
from tests.support.school import seed_school

pytestmark = pytest.mark.stack
FORMED = 90_000  # ms: reporting may still be applying the seeding's events, the worker looks every 2 s


@pytest.fixture
def school(installation):
    seeded = seed_school(stack.env(), f"Школа № {uuid.uuid4().hex[:6]} (фоновые отчёты в браузере)")
    return {"id": seeded["school"]["id"], "year": seeded["year"]["name"],
            "deputy": (seeded["deputy"]["person"]["username"], seeded["deputy"]["password"]),
            "admin": (seeded["admin"]["username"], seeded["admin"]["password"])}


def test_the_deputy_head_forms_the_summary_sheets_of_the_year_and_downloads_them(school, new_page):  # noqa: F811
    page = signed_in(new_page(), school["deputy"])
    page.get_by_role("link", name="Сформированные отчёты").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Сформированные отчёты")
    expect(page.locator('select[name="academic_year_id"] option:checked')).to_have_text(school["year"])
    page.get_by_role("button", name="Сформировать сводные ведомости").click()
    expect(page.locator("p.notice")).to_have_text("Отчёт поставлен в очередь на формирование")
    row = page.locator("table.report-jobs tbody tr").filter(has_text="Сводные ведомости всех классов").first
    bar = row.locator("progress")
    if bar.count():  # still queued or running: the bar shows the classes formed of all
        assert 0 <= float(bar.get_attribute("value")) <= float(bar.get_attribute("max"))
    screenshot(page, "reports-files-forming.png")
    download_link = row.locator("a.download")
    expect(download_link).to_be_visible(timeout=FORMED)  # the script loaded the page again once the job was done
    expect(row.locator("progress")).to_have_count(0)
    with page.expect_download() as download:
        download_link.click()
    assert download.value.suggested_filename.startswith("summary-sheets-")
    with open(download.value.path(), "rb") as file, zipfile.ZipFile(io.BytesIO(file.read())) as archive:
        assert "summary-sheet-5А.pdf" in archive.namelist()
        assert archive.read("summary-sheet-5А.pdf").startswith(b"%PDF")
    screenshot(page, "reports-files-done.png")

    schedule = page.locator("p.report-schedule")
    expect(schedule).to_contain_text("15-го числа каждого месяца")
    expect(schedule).to_contain_text("Отчёты по школе за окончившийся период: формируются")
    expect(page.locator('input[name="summary_sheets_day"]')).to_have_count(0)


def test_the_schools_administrator_changes_the_report_schedule(school, new_page):  # noqa: F811
    page = signed_in(new_page(), school["admin"])
    page.goto(f"{BASE}/schools/{school['id']}/reports/files")
    expect(page.get_by_role("heading", level=1)).to_have_text("Сформированные отчёты")
    day = page.locator('input[name="summary_sheets_day"]')
    expect(day).to_have_value("15")
    day.fill("20")
    page.locator('input[name="period_reports"]').uncheck()
    page.get_by_role("button", name="Сохранить расписание").click()
    expect(page.locator("p.notice")).to_have_text("Расписание отчётов сохранено")
    expect(page.locator('input[name="summary_sheets_day"]')).to_have_value("20")
    expect(page.locator('input[name="period_reports"]')).not_to_be_checked()
    day = page.locator('input[name="summary_sheets_day"]')
    day.fill("31")
    day.evaluate("input => input.removeAttribute('max')")  # what the browser would stop: the service refuses it
    page.get_by_role("button", name="Сохранить расписание").click()
    expect(page.locator(".error-box")).to_contain_text("день месяца от 1 до 28")
    screenshot(page, "reports-files-schedule.png")
