"""The reports on a student in headless Chromium, through the running gateway: the deputy head opens the average's
dynamics from the home page, picks 5А and Иванов and sees the first two terms' averages with the inline SVG chart;
then the report cards of the first term (a card a student); then types a text for the letters to guardians, sees it
in the letters and downloads their PDF. Keeps screenshots in .run/screenshots/."""
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
    """5А's mathematics: Иванов gets a 5 on 08.09.2025 and a 4 on 10.11.2025 (the first and the second term);
    Петрова is ill on 08.09.2025."""
    seeded = seed_school(stack.env(), f"Школа № {uuid.uuid4().hex[:6]} (ученик в браузере)")
    sid, admin, group = seeded["school"]["id"], seeded["admin_api"], seeded["class_group"]
    teacher = Api(stack.password_token(seeded["teacher"]["person"]["username"], seeded["teacher"]["password"]))
    ivanov, petrova = (s["id"] for s in seeded["students"])
    for day, value in (("2025-09-08", "5"), ("2025-11-10", "4")):
        [lesson] = admin.get(f"/schools/{sid}/lessons", params={"class_group_id": group["id"], "from": day,
                                                                 "to": day})["lessons"]
        teacher.put(f"/schools/{sid}/lessons/{lesson['id']}/record", {
            "topic": f"Урок {day}", "reason": "Ввод журнала", "marks": [{"student_id": ivanov, "value": value}],
            "attendance": [{"student_id": petrova, "status": "ill"}] if day == "2025-09-08" else []})
    return {"deputy": (seeded["deputy"]["person"]["username"], seeded["deputy"]["password"])}


def test_the_deputy_head_reads_the_reports_on_a_student(school, new_page):  # noqa: F811
    page = signed_in(new_page(), school["deputy"])
    page.get_by_role("link", name="средний балл и его динамика").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Средний балл ученика и его динамика")
    page.locator('select[name="class_group_id"]').select_option(label="5А")
    page.get_by_role("button", name="Показать").click()
    page.get_by_label("Ученик").select_option(label="Иванов Пётр")
    page.get_by_role("button", name="Показать").click()
    totals = page.locator("table.student-dynamics tbody tr").filter(has_text="Средний балл")
    once_reported(page, lambda: expect(totals).to_contain_text("4,00", timeout=1000))
    expect(totals).to_contain_text("5,00")
    expect(page.locator("table.student-dynamics tbody tr").filter(has_text="Изменение")).to_contain_text("-1,00")
    chart = page.locator("svg.dynamics-chart")
    expect(chart).to_be_visible()
    expect(chart.locator("circle")).to_have_count(2)
    expect(chart).to_contain_text("1 четверть")
    expect(page.get_by_role("link", name="Скачать PDF")).to_be_visible()
    screenshot(page, "reports-student-dynamics.png")

    page.goto(f"{BASE}/")
    page.get_by_role("link", name="табель успеваемости").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Табель успеваемости")
    page.locator('select[name="class_group_id"]').select_option(label="5А")
    page.get_by_role("button", name="Показать").click()
    page.get_by_label("Период").select_option(label="1 четверть")
    page.get_by_role("button", name="Показать").click()
    cards = page.locator("section.report-card")
    once_reported(page, lambda: expect(cards.filter(has_text="Петрова Дарья").locator("table").last).to_contain_text(
        "1", timeout=1000))
    expect(cards).to_have_count(2)
    screenshot(page, "reports-report-cards.png")

    page.goto(f"{BASE}/")
    page.get_by_role("link", name="информационное письмо родителям").click()
    page.locator('select[name="class_group_id"]').select_option(label="5А")
    page.get_by_role("button", name="Показать").click()
    page.get_by_label("Период").select_option(label="1 четверть")
    page.locator('textarea[name="text"]').fill("Родительское собрание — 25 октября.")
    page.get_by_role("button", name="Показать").click()
    letter = page.locator("section.guardian-letter").filter(has_text="Петрова Дарья")
    once_reported(page, lambda: expect(letter).to_contain_text("Б — болел — 1", timeout=1000))
    expect(letter).to_contain_text("Родительское собрание — 25 октября.")
    with page.expect_download() as download:
        page.get_by_role("button", name="Скачать PDF").click()
    assert download.value.suggested_filename.startswith("guardian-letters-")
    screenshot(page, "reports-guardian-letters.png")
