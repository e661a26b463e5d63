"""The family's diary pages in headless Chromium on a phone's screen (360 × 740), through the running gateway: a
guardian with children in two schools signs in through the Gosuslugi stand-in, reads the week (every mark's work type,
weight and comment, the homework file), nothing wider than the screen and every control large enough to touch;
switches to the other school's child; flags a mark and later reads the teacher's answer under it; opens the year's
results. Keeps screenshots in .run/screenshots/."""
import base64
import re
import uuid

import pytest
from playwright.sync_api import Page, expect

from services.tooling.api_client import BASE
from services.tooling.demo_seed import GOSUSLUGI_PASSWORD
from tests.e2e.test_pages_in_browser import screenshot, sign_in_at_keycloak
from tests.support import stack
from tests.support.api import Api
from tests.support.school import seed_school

pytestmark = pytest.mark.stack

PHONE = {"width": 360, "height": 740}
MONDAY = "2025-09-01"
COMMENT = "Не решена задача 4: повтори деление дробей"


def recorded_school(name: str, marks: list[dict]) -> dict:
    """A seeded school whose teacher recorded the first Monday: topic, homework with a file, these marks of Иванов
    Пётр (Мария Петровна Иванова's son in every seeded school)."""
    seeded = seed_school(stack.env(), name)
    sid, teacher = seeded["school"]["id"], seeded["teacher"]
    api = Api(stack.password_token(teacher["person"]["username"], teacher["password"]))
    petr = seeded["students"][0]
    lesson = seeded["lesson"]
    record = api.put(f"/schools/{sid}/lessons/{lesson['id']}/record", {
        "topic": "Сложение дробей", "homework": "§ 12, № 3", "reason": "Запись урока",
        "marks": [{"student_id": petr["id"], **m} for m in marks]})
    api.post(f"/schools/{sid}/lessons/{lesson['id']}/homework-files", {
        "filename": "zadanie.txt", "content_base64": base64.b64encode("Задачи 1–5".encode()).decode()})
    return {"id": sid, "name": seeded["school"]["short_name"], "teacher": api, "petr": petr, "lesson": lesson,
            "marks": {m["work_type"]: m for m in record["marks"]}}


@pytest.fixture(scope="module")
def schools(installation):
    first = recorded_school(f"Телефон {uuid.uuid4().hex[:6]}", [
        {"value": "3", "work_type": "test", "comment": COMMENT}, {"value": "5", "work_type": "oral"}])
    second = recorded_school(f"Вторая {uuid.uuid4().hex[:6]}", [{"value": "4", "work_type": "classwork"}])
    return first, second


@pytest.fixture
def phone(chromium):
    context = chromium.new_context(locale="ru-RU", viewport=PHONE, is_mobile=True, has_touch=True)
    yield context.new_page()
    context.close()


def fits_the_screen(page: Page) -> None:
    """Nothing is wider than the screen: no horizontal scrolling, no element sticking out."""
    width = PHONE["width"]
    assert page.evaluate("document.documentElement.scrollWidth") <= width
    outside = page.evaluate("""(width) => [...document.querySelectorAll('body *')].filter(e => {
        const box = e.getBoundingClientRect();
        return box.width > 0 && (box.right > width + 0.5 || box.left < -0.5);
    }).map(e => `${e.tagName}.${e.className}: ${Math.round(e.getBoundingClientRect().right)}`)""", width)
    assert outside == [], outside


def touchable(page: Page) -> None:
    """Every link, button and summary of the diary is at least 44 px high (a finger's target)."""
    small = page.evaluate("""() => [...document.querySelectorAll('.diary a, .diary button, .diary summary')].filter(e => {
        const box = e.getBoundingClientRect(); return box.width > 0 && box.height < 44;
    }).map(e => `${e.textContent.trim().slice(0, 40)}: ${Math.round(e.getBoundingClientRect().height)}`)""")
    assert small == [], small


def test_a_guardian_reads_switches_and_flags_on_a_phone(schools, phone):
    first, second = schools
    page = phone
    page.goto(f"{BASE}/login")
    page.get_by_role("link", name="Войти через Госуслуги").click()
    sign_in_at_keycloak(page, "ivanova", GOSUSLUGI_PASSWORD)
    expect(page).to_have_url(re.compile(rf"^{re.escape(BASE)}/schools/[0-9a-f-]+/students/[0-9a-f-]+/diary$"))

    week = f"{BASE}/schools/{first['id']}/students/{first['petr']['id']}/diary?week={MONDAY}"
    page.goto(week)
    expect(page.get_by_role("heading", level=1)).to_have_text(f"Дневник: Иванов Пётр — {first['name']}")
    expect(page.get_by_role("heading", name="понедельник, 01.09.2025")).to_be_visible()
    lesson = page.locator("li.lesson").filter(has_text="Сложение дробей")
    expect(lesson).to_contain_text("§ 12, № 3")
    expect(lesson).to_contain_text("Контрольная работа, вес 2")
    expect(lesson).to_contain_text(f"Комментарий учителя: «{COMMENT}»")
    expect(lesson.get_by_role("link", name="Файл: zadanie.txt")).to_be_visible()
    fits_the_screen(page)
    touchable(page)
    screenshot(page, "diary-phone.png")

    switch = page.get_by_role("navigation", name="Дневники детей")
    expect(switch.locator('[aria-current="page"]')).to_have_text(f"Иванов Пётр — {first['name']}")
    switch.get_by_role("link", name=f"Иванов Пётр — {second['name']}").click()
    expect(page).to_have_url(f"{BASE}/schools/{second['id']}/students/{second['petr']['id']}/diary?week={MONDAY}")
    expect(page.get_by_role("heading", level=1)).to_have_text(f"Дневник: Иванов Пётр — {second['name']}")
    expect(page.locator("li.lesson").filter(has_text="Сложение дробей")).to_contain_text("Работа на уроке, вес 1")
    fits_the_screen(page)

    page.goto(week)
    test_mark = page.locator(f"#mark-{first['marks']['test']['id']}")
    test_mark.get_by_text("Отметка неверна?").click()
    test_mark.get_by_label("Что не так с отметкой").fill("Задача 4 решена на обороте листа")
    fits_the_screen(page)
    test_mark.get_by_role("button", name="Отправить учителю").click()
    expect(page.get_by_role("status")).to_contain_text("Обращение отправлено учителю")
    test_mark = page.locator(f"#mark-{first['marks']['test']['id']}")
    expect(test_mark).to_contain_text("«Задача 4 решена на обороте листа»")
    expect(test_mark).to_contain_text("Ждём ответа учителя.")
    expect(test_mark.get_by_text("Отметка неверна?")).to_have_count(0)  # once while it is open
    fits_the_screen(page)
    screenshot(page, "diary-phone-flagged.png")

    teacher = first["teacher"]
    [flag] = teacher.get(f"/schools/{first['id']}/mark-flags", params={"status": "open"})["flags"]
    teacher.post(f"/schools/{first['id']}/mark-flags/{flag['id']}/answer",
                 {"answer": "Оборот не проверил: посмотрю завтра и отвечу", "outcome": "explained"}, expect=200)
    page.reload()
    expect(page.locator(f"#mark-{first['marks']['test']['id']}")).to_contain_text(
        "Ответ учителя (объяснено): «Оборот не проверил: посмотрю завтра и отвечу»")

    page.get_by_role("navigation", name="Разделы дневника").get_by_role("link", name="Успеваемость").click()
    expect(page).to_have_url(f"{BASE}/schools/{first['id']}/students/{first['petr']['id']}/results")
    expect(page.get_by_role("heading", level=1)).to_have_text(f"Успеваемость: Иванов Пётр — {first['name']}")
    subject = page.locator("article.subject").filter(has_text="Математика")
    expect(subject).to_contain_text("1 четверть")
    expect(subject).to_contain_text("ср. 3,67")  # (3·2 + 5) / 3
    fits_the_screen(page)
    touchable(page)
    screenshot(page, "diary-results-phone.png")
