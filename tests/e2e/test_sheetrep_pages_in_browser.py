"""sheetrep's Russian pages in headless Chromium, through the running gateway: the deputy head opens the summary mark
sheet from the home page, picks 5А and the first quarter and sees Иванов's weighted average (a 5 for classwork, a 3
for a test: 3,67) with the PDF and XLSX links; then curriculum fulfilment of 2025/2026 with mathematics' lag in red.
Keeps screenshots in .run/screenshots/."""
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
    """5А: Иванов Пётр has a 5 (classwork) on 08.09.2025 and a 3 (test) on 15.09.2025, both lessons recorded with a
    topic; mathematics 4 hours a week."""
    seeded = seed_school(stack.env(), f"Школа № {uuid.uuid4().hex[:6]} (ведомость в браузере)")
    sid, admin, group = seeded["school"]["id"], seeded["admin_api"], seeded["class_group"]
    teacher = Api(stack.password_token(seeded["teacher"]["person"]["username"], seeded["teacher"]["password"]))
    ivanov = seeded["students"][0]["id"]
    for day, value, work_type in (("2025-09-08", "5", "classwork"), ("2025-09-15", "3", "test")):
        [lesson] = admin.get(f"/schools/{sid}/lessons", params={"class_group_id": group["id"], "from": day,
                                                                 "to": day})["lessons"]
        teacher.put(f"/schools/{sid}/lessons/{lesson['id']}/record", {
            "topic": f"Урок {day}", "reason": "Ввод журнала",
            "marks": [{"student_id": ivanov, "value": value, "work_type": work_type}]})
    admin.put(f"/schools/{sid}/class-groups/{group['id']}/curriculum/{seeded['subject']['id']}",
              {"hours_per_week": "4"})
    return {"deputy": (seeded["deputy"]["person"]["username"], seeded["deputy"]["password"]),
            "year": seeded["year"]["name"]}


def test_the_deputy_head_reads_the_summary_sheet_of_a_quarter_and_the_curriculum(school, new_page):  # noqa: F811
    page = signed_in(new_page(), school["deputy"])
    page.get_by_role("link", name="сводная ведомость учёта успеваемости").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Сводная ведомость учёта успеваемости")
    page.get_by_label("Класс").select_option(label="5А")
    page.get_by_role("button", name="Показать").click()
    page.get_by_label("Период").select_option(label="1 четверть")
    page.get_by_role("button", name="Показать").click()
    sheet = page.locator("table.summary-sheet")
    once_reported(page, lambda: expect(sheet.locator("tbody tr").filter(has_text="Иванов Пётр")).to_contain_text(
        "ср. 3,67", timeout=1000))
    expect(page.get_by_role("heading", level=2)).to_contain_text("1 четверть")
    expect(page.get_by_role("link", name="Скачать XLSX")).to_be_visible()
    screenshot(page, "sheetrep-summary-sheet.png")

    page.goto(f"{BASE}/")
    page.get_by_role("link", name="выполнение учебного плана").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Выполнение учебного плана")
    page.get_by_label("Учебный год").select_option(label=school["year"])
    page.get_by_role("button", name="Показать").click()
    maths = page.locator("table.curriculum-fulfilment tbody tr").filter(has_text="Математика")
    once_reported(page, lambda: expect(maths.locator("td").nth(2)).to_have_text("4", timeout=1000))
    expect(maths.locator("td").nth(4)).to_have_text("140")
    expect(maths.locator("td.lag strong")).to_have_css("color", "rgb(192, 0, 0)")
    expect(page.get_by_role("link", name="Скачать PDF")).to_be_visible()
    screenshot(page, "sheetrep-curriculum.png")
