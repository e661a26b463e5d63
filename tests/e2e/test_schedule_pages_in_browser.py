"""The deputy head's schedule pages in headless Chromium, through the running gateway: she signs in at Keycloak,
sees the warnings and the class list, opens 5А's week, gives Monday's lesson to a substitute, moves it to
Tuesday and cancels it; a teacher's date-mismatch report (sent through the API) is resolved on its page.
Keeps screenshots in .run/screenshots/."""
import uuid

import pytest
from playwright.sync_api import Page, expect

from services.tooling.api_client import BASE
from tests.e2e.test_pages_in_browser import new_page, screenshot, sign_in_at_keycloak  # noqa: F401 (fixture)
from tests.support import stack
from tests.support.api import Api
from tests.support.school import seed_school

pytestmark = pytest.mark.stack

MONDAY = "2025-09-01"


@pytest.fixture(scope="module")
def school(installation):
    seeded = seed_school(stack.env(), f"Школа № {uuid.uuid4().hex[:6]} (расписание)")
    sid = seeded["school"]["id"]
    lesson = seeded["lesson"]
    return {"id": sid, "class_group_id": seeded["class_group"]["id"], "lesson_id": lesson["id"],
            "deputy": (seeded["deputy"]["person"]["username"], seeded["deputy"]["password"]),
            "teacher": (seeded["teacher"]["person"]["username"], seeded["teacher"]["password"])}


def lesson_row(page: Page):
    return page.locator("tr[data-lesson]").first


def test_the_deputy_head_changes_a_lesson_and_resolves_a_mismatch_report(school, new_page):  # noqa: F811
    page, sid = new_page(), school["id"]
    page.goto(f"{BASE}/login?next=/schools/{sid}/schedule")
    page.get_by_role("link", name="Войти", exact=True).click()
    sign_in_at_keycloak(page, *school["deputy"])
    page.goto(f"{BASE}/schools/{sid}/schedule")
    expect(page.get_by_role("heading", level=1)).to_have_text("Расписание школы")
    expect(page.locator(".warnings")).to_contain_text("У класса 5А нет учебного плана")
    expect(page.get_by_role("link", name="5А")).to_be_visible()
    page.goto(f"{BASE}/schools/{sid}/schedule/class-groups/{school['class_group_id']}?week={MONDAY}")
    expect(page.get_by_role("heading", level=1)).to_have_text("Расписание класса 5А")
    expect(page.locator("table.timetable")).to_contain_text("Математика")
    expect(page.locator("table.timetable")).to_contain_text("08:30–09:15, каб. 21")
    row = lesson_row(page)
    expect(row).to_contain_text("понедельник, 01.09.2025")
    expect(row).to_contain_text("Кузнецов Андрей")

    row.get_by_text("Замена", exact=True).click()
    row.get_by_label("Учитель").select_option(label="Волкова Елена")
    row.locator('form[action$="/substitute"]').get_by_label("Причина").fill("курсы повышения квалификации")
    row.get_by_role("button", name="Назначить замену").click()
    expect(page.locator(".notice")).to_have_text("Замена назначена")
    expect(lesson_row(page)).to_contain_text("замена: Волкова Елена")
    expect(lesson_row(page)).to_contain_text("Замена: курсы повышения квалификации")

    row = lesson_row(page)
    row.get_by_text("Перенести", exact=True).click()
    row.get_by_label("Дата").fill("2025-09-02")
    row.locator('form[action$="/move"]').get_by_label("Причина").fill("экскурсия")
    row.get_by_role("button", name="Перенести урок").click()
    expect(page.locator(".notice")).to_have_text("Урок перенесён")
    expect(lesson_row(page)).to_contain_text("вторник, 02.09.2025")
    expect(lesson_row(page)).to_contain_text("Урок перенесён с 1 сентября 2025, 1-й урок: экскурсия")
    screenshot(page, "schedule-week.png")

    Api(stack.password_token(*school["teacher"])).post(f"/schools/{sid}/lessons/{school['lesson_id']}/mismatch-reports",
                                                       {"message": "В журнале урок записан на 1 сентября"})
    row = lesson_row(page)
    row.get_by_text("Отменить", exact=True).click()
    row.locator('form[action$="/cancel"]').get_by_label("Причина").fill("карантин")
    row.get_by_role("button", name="Отменить урок").click()
    expect(page.locator(".notice")).to_have_text("Урок отменён")
    expect(lesson_row(page)).to_contain_text("отменён")
    expect(lesson_row(page)).to_contain_text("Урок отменён: карантин")

    page.goto(f"{BASE}/schools/{sid}/schedule/mismatch-reports")
    report = page.get_by_role("row").filter(has_text="В журнале урок записан на 1 сентября")
    expect(report).to_contain_text("Математика")
    report.get_by_label("Ответ").fill("Урок перенесён на 2 сентября, исправьте дату в журнале")
    report.get_by_role("button", name="Разобрать").click()
    expect(page.locator(".notice")).to_have_text("Сообщение разобрано")
    expect(page.get_by_role("row").filter(has_text="В журнале урок записан")).to_contain_text(
        "разобрано: Урок перенесён на 2 сентября")
    screenshot(page, "schedule-mismatch-reports.png")
