"""The teachers' period report pages in headless Chromium, through the running gateway: the deputy head opens the
class's results from the home page, picks 5А and the first term and sees the estimated results marked «*», then the
form teacher's report with the lists; the teacher opens their own subject teacher report. The marks are those of
tests/e2e/test_teacherrep_api.py (Иванов 5 and 4, Петрова 3 and 2 in September 2025). Keeps screenshots in
.run/screenshots/."""
import pytest
from playwright.sync_api import expect

from services.tooling.api_client import BASE
from tests.e2e.test_journal_pages_in_browser import signed_in
from tests.e2e.test_pages_in_browser import new_page, screenshot  # noqa: F401 (fixture)
from tests.e2e.test_reports_pages_in_browser import once_reported
from tests.e2e.test_teacherrep_api import seed_with_marks
from tests.support.school import CALENDAR

pytestmark = pytest.mark.stack
FIRST_TERM = CALENDAR.terms[0][0]


def pick_first_term(page) -> None:
    """The period picker offers the terms once reporting knows them (the page is reloaded until then)."""
    option = page.get_by_label("Период").locator("option", has_text=FIRST_TERM)
    once_reported(page, lambda: expect(option).to_have_count(1, timeout=1000))
    page.get_by_label("Период").select_option(label=FIRST_TERM)
    page.get_by_role("button", name="Показать").click()


@pytest.fixture
def school(installation):
    seeded, _ = seed_with_marks("отчёты учителей в браузере")
    return {"deputy": (seeded["deputy"]["person"]["username"], seeded["deputy"]["password"]),
            "teacher": (seeded["teacher"]["person"]["username"], seeded["teacher"]["password"])}


def test_the_deputy_head_reads_the_class_results_and_the_form_teachers_report(school, new_page):  # noqa: F811
    page = signed_in(new_page(), school["deputy"])
    page.get_by_role("link", name="итоги успеваемости класса").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Итоги успеваемости класса")
    page.get_by_label("Класс").select_option(label="5А")
    page.get_by_role("button", name="Показать").click()  # the class's periods come with it
    pick_first_term(page)
    grid = page.locator("table.class-results")
    once_reported(page, lambda: expect(grid.locator("tbody tr").filter(has_text="Иванов Пётр")).to_contain_text(
        "5*", timeout=1000))
    expect(grid.locator("tbody tr").filter(has_text="Петрова Дарья")).to_contain_text("3*")
    expect(grid.locator("tbody tr").last).to_contain_text("4.00")
    expect(page.locator("table.period-rates")).to_contain_text("50.0")
    expect(page.get_by_text("* — по текущим отметкам, отметка за период не выставлена")).to_be_visible()
    expect(page.get_by_role("link", name="Скачать XLSX")).to_be_visible()
    screenshot(page, "reports-class-results.png")

    page.goto(f"{BASE}/")
    page.get_by_role("link", name="отчёт классного руководителя").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Отчёт классного руководителя за период")
    page.get_by_label("Класс").select_option(label="5А")
    page.get_by_role("button", name="Показать").click()
    pick_first_term(page)
    expect(page.locator("table.form-teacher-subjects tbody tr").first).to_contain_text("Математика")
    expect(page.locator("ul.student-list").nth(1)).to_contain_text("Петрова Дарья Сергеевна — Математика")  # one 3
    expect(page.get_by_role("link", name="Скачать PDF")).to_be_visible()
    screenshot(page, "reports-form-teacher.png")


def test_the_teacher_reads_their_own_subject_teacher_report(school, new_page):  # noqa: F811
    page = signed_in(new_page(), school["teacher"])
    page.get_by_role("link", name="мой отчёт учителя-предметника").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Отчёт учителя-предметника")
    pick_first_term(page)
    table = page.locator("table.subject-teacher")
    once_reported(page, lambda: expect(table.locator("tbody tr").first).to_contain_text("5А", timeout=1000))
    expect(table.locator("tbody tr").first).to_contain_text("4.00")
    expect(table.locator("tbody tr").last).to_contain_text("Все классы")
    screenshot(page, "reports-subject-teacher.png")
