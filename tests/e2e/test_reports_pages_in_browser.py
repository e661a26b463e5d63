"""The reports' Russian pages in headless Chromium, through the running gateway: the deputy head opens class fill
from the home page, picks a date and sees each class by gender; then student movement for a period with the transfer
it made, and the PDF and XLSX links; then the attendance sheet of 5А for January with an absence the teacher
recorded. Keeps screenshots in .run/screenshots/."""
import time
import uuid

import pytest
from playwright.sync_api import Page, expect

from services.tooling.api_client import BASE, Api
from tests.e2e.test_journal_pages_in_browser import signed_in
from tests.e2e.test_pages_in_browser import new_page, screenshot  # noqa: F401 (fixture)
from tests.support import stack
from tests.support.school import seed_school

pytestmark = pytest.mark.stack


@pytest.fixture
def school(installation):
    """5А (Иванов Пётр, Петрова Дарья) and 5Б; Иванов is transferred to 5Б on 14.01.2026; Петрова is ill on Monday
    12.01.2026 (5А's mathematics)."""
    seeded = seed_school(stack.env(), f"Школа № {uuid.uuid4().hex[:6]} (отчёты в браузере)")
    sid, admin = seeded["school"]["id"], seeded["admin_api"]
    b5 = admin.post(f"/schools/{sid}/class-groups", {"academic_year_id": seeded["year"]["id"], "grade": 5, "name": "5Б"})
    admin.post(f"/schools/{sid}/orders", {
        "kind": "transfer", "number": "7-о", "order_date": "2026-01-14", "effective_date": "2026-01-14",
        "reason": "Заявление родителей", "lines": [{"student_id": seeded["students"][0]["id"],
                                                     "to_class_group_id": b5["id"]}]})
    [lesson] = admin.get(f"/schools/{sid}/lessons", params={"class_group_id": seeded["class_group"]["id"],
                                                             "from": "2026-01-12", "to": "2026-01-12"})["lessons"]
    teacher = Api(stack.password_token(seeded["teacher"]["person"]["username"], seeded["teacher"]["password"]))
    teacher.put(f"/schools/{sid}/lessons/{lesson['id']}/record", {
        "topic": "Дроби", "reason": "Ввод журнала",
        "attendance": [{"student_id": seeded["students"][1]["id"], "status": "ill"}]})
    return {"deputy": (seeded["deputy"]["person"]["username"], seeded["deputy"]["password"])}


def once_reported(page: Page, check, seconds: float = 30) -> None:
    """Reporting is fed by events: the page is loaded again until it shows what `check` expects."""
    deadline = time.monotonic() + seconds
    while True:
        try:
            check()
            return
        except AssertionError:
            if time.monotonic() > deadline:
                raise
            page.reload()


def test_the_deputy_head_reads_class_fill_and_movement(school, new_page):  # noqa: F811
    page = signed_in(new_page(), school["deputy"])
    page.get_by_role("link", name="наполняемость классов").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Наполняемость классов")
    page.locator('input[name="on_date"]').fill("2026-01-14")
    page.get_by_role("button", name="Показать").click()
    table = page.locator("table.class-fill")

    def filled() -> None:
        for name, boys, girls, total in (("5А", 0, 1, 1), ("5Б", 1, 0, 1)):
            expect(table.locator("tbody tr").filter(has_text=name).locator("td")).to_have_text(
                [name, str(boys), str(girls), str(total)], timeout=1000)
        expect(table.locator("tfoot th")).to_have_text(["Итого по школе", "1", "1", "2"], timeout=1000)

    once_reported(page, filled)
    expect(page.get_by_role("link", name="Скачать PDF")).to_be_visible()
    screenshot(page, "reports-class-fill.png")

    page.goto(f"{BASE}/")
    page.get_by_role("link", name="движение учащихся за период").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Движение учащихся за период")
    page.locator('input[name="from"]').fill("2026-01-01")
    page.locator('input[name="to"]').fill("2026-01-31")
    page.get_by_role("button", name="Показать").click()
    entry = page.locator("table.movement-entries tbody tr").filter(has_text="7-о")
    once_reported(page, lambda: expect(entry).to_contain_text("Иванов Пётр", timeout=1000))
    expect(entry).to_contain_text("5А")
    expect(entry).to_contain_text("5Б")
    expect(page.get_by_role("link", name="Скачать XLSX")).to_be_visible()
    screenshot(page, "reports-movement.png")


def test_the_deputy_head_reads_a_class_attendance_sheet(school, new_page):  # noqa: F811
    page = signed_in(new_page(), school["deputy"])
    page.get_by_role("link", name="сводная ведомость посещаемости").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Сводная ведомость посещаемости")
    page.get_by_label("Класс").select_option(label="5А")
    page.locator('input[name="from"]').fill("2026-01-01")
    page.locator('input[name="to"]').fill("2026-01-31")
    page.get_by_role("button", name="Показать").click()
    sheet = page.locator("table.attendance-sheet")
    once_reported(page, lambda: expect(sheet.locator("tbody tr").filter(has_text="Петрова Дарья").first).to_contain_text(
        "Математика", timeout=1000))
    expect(sheet.locator("tbody tr").last).to_contain_text("Итого по классу")
    expect(page.get_by_role("link", name="Скачать PDF")).to_be_visible()
    screenshot(page, "reports-attendance.png")
