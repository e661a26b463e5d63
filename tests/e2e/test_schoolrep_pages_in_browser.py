"""The school-wide period reports' Russian pages in headless Chromium, through the running gateway: the deputy head
opens results and knowledge quality from the home page, picks the first quarter of 2025/2026 and sees 5А's numbers
(Иванов 5: отличник; Петрова 3: с одной «3») with the quarter's due date passed; then the school summary report and the
progress summary of the same school. Keeps screenshots in .run/screenshots/."""
import uuid

import pytest
from playwright.sync_api import expect

from services.tooling.api_client import BASE, Api
from tests.e2e.test_journal_pages_in_browser import signed_in
from tests.e2e.test_pages_in_browser import new_page, screenshot  # noqa: F401 (fixture)
from tests.e2e.test_reports_pages_in_browser import once_reported
from tests.support import stack
from tests.support.school import seed_school

pytestmark = pytest.mark.stack


@pytest.fixture
def school(installation):
    """5А's mathematics on Monday 08.09.2025: Иванов 5, Петрова 3 (of the first quarter)."""
    seeded = seed_school(stack.env(), f"Школа № {uuid.uuid4().hex[:6]} (отчёты по школе в браузере)")
    sid, admin = seeded["school"]["id"], seeded["admin_api"]
    [lesson] = admin.get(f"/schools/{sid}/lessons", params={"class_group_id": seeded["class_group"]["id"],
                                                             "from": "2025-09-08", "to": "2025-09-08"})["lessons"]
    teacher = Api(stack.password_token(seeded["teacher"]["person"]["username"], seeded["teacher"]["password"]))
    ivanov, petrova = (s["id"] for s in seeded["students"])
    teacher.put(f"/schools/{sid}/lessons/{lesson['id']}/record", {
        "topic": "Дроби", "reason": "Ввод журнала",
        "marks": [{"student_id": ivanov, "value": "5"}, {"student_id": petrova, "value": "3"}]})
    return {"deputy": (seeded["deputy"]["person"]["username"], seeded["deputy"]["password"]),
            "q1": seeded["year"]["terms"][0]["id"]}


def test_the_deputy_head_reads_the_school_reports_of_a_quarter(school, new_page):  # noqa: F811
    page = signed_in(new_page(), school["deputy"])
    page.get_by_role("link", name="итоги успеваемости и качество знаний").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Итоги успеваемости и качество знаний")
    expect(page.locator("ul.report-deadlines")).to_contain_text("срок прошёл 28.10.2025")
    page.get_by_label("Период").select_option(value=school["q1"])
    page.get_by_role("button", name="Показать").click()
    table = page.locator("table.knowledge-quality")
    once_reported(page, lambda: expect(table.locator("tbody tr").filter(has_text="5А").first.locator("td")).to_have_text(
        ["5А", "2", "2", "1", "0", "1", "0", "0", "0", "50.0", "100.0", "4.00"], timeout=1000))
    expect(table.locator("tbody tr").last).to_contain_text("Итого по школе")
    expect(page.get_by_role("link", name="Скачать PDF")).to_be_visible()
    expect(page.get_by_role("link", name="Скачать XLSX")).to_be_visible()
    screenshot(page, "reports-knowledge-quality.png")

    page.goto(f"{BASE}/")
    page.get_by_role("link", name="отчёт о всей школе").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Отчёт о всей школе")
    page.get_by_label("Период").select_option(value=school["q1"])
    page.get_by_role("button", name="Показать").click()
    row = page.locator("table.school-summary tbody tr").filter(has_text="5А").first
    expect(row.locator("td").nth(3)).to_have_text("2")  # Иванов and Петрова on the quarter's last day
    screenshot(page, "reports-school-summary.png")

    page.goto(f"{BASE}/")
    page.get_by_role("link", name="сводный отчёт об успеваемости").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Сводный отчёт об успеваемости")
    page.get_by_label("Период").select_option(value=school["q1"])
    page.get_by_role("button", name="Показать").click()
    expect(page.locator("table.progress-summary tbody tr").first).to_contain_text("5 классы")
    expect(page.get_by_text("У периода нет предыдущего в этом учебном году.")).to_be_visible()
    screenshot(page, "reports-progress-summary.png")
