"""The Russian pages in headless Chromium, through the running gateway: a teacher signs in at Keycloak and
fills in a past lesson on the lesson page; a guardian signs in through the Gosuslugi stand-in and reads the
lesson in the diary. Keeps screenshots of both pages in .run/screenshots/."""
import re
import uuid

import pytest
from playwright.sync_api import Page, expect

from services import topology
from services.tooling.api_client import BASE
from services.tooling.demo_seed import GOSUSLUGI_PASSWORD
from tests.support import stack
from tests.support.api import Api
from tests.support.school import seed_school

pytestmark = pytest.mark.stack

MONDAY = "2025-09-01"
TOPIC, HOMEWORK = "Делимость натуральных чисел", "§2, № 31, 34"


@pytest.fixture(scope="module")
def school(installation):
    seeded = seed_school(stack.env(), f"Школа № {uuid.uuid4().hex[:6]} (браузер)")
    sid = seeded["school"]["id"]
    lesson = seeded["lesson"]
    teacher = seeded["teacher"]
    return {"id": sid, "name": seeded["school"]["name"], "short_name": seeded["school"]["short_name"],
            "lesson_id": lesson["id"], "students": seeded["students"],
            "teacher": (teacher["person"]["username"], teacher["password"])}


@pytest.fixture
def new_page(chromium):
    """A page in a fresh browser context (own cookies), as a different person at a different computer."""
    contexts = []

    def open_page() -> Page:
        contexts.append(chromium.new_context(locale="ru-RU", viewport={"width": 1100, "height": 800}))
        return contexts[-1].new_page()

    yield open_page
    for context in contexts:
        context.close()


def screenshot(page: Page, name: str) -> None:
    shots = topology.state_dir() / "screenshots"
    shots.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(shots / name), full_page=True)


def sign_in_at_keycloak(page: Page, username: str, password: str, consent: bool = True) -> None:
    """Keycloak's login form; with Organizations enabled it may ask for the username first and the
    password on a second page. Returns once the browser is back on the gateway, signed in; a guardian asked for the
    consent to the processing of personal data (issue 14) accepts it unless `consent` is False."""
    page.locator("#username").fill(username)
    password_field = page.locator("#password")
    if not password_field.is_visible():
        page.locator("#kc-login").click()
    password_field.fill(password)
    page.locator("#kc-login").click()
    # back on the gateway, past its callback: a navigation started before then would cancel the sign-in
    page.wait_for_url(lambda url: url.startswith(f"{BASE}/") and "/auth/callback" not in url, timeout=30_000)
    if consent and page.url == f"{BASE}/consent":
        page.get_by_role("button", name="Принимаю", exact=True).click()
        page.wait_for_url(lambda url: not url.endswith("/consent"), timeout=30_000)


def test_teacher_fills_in_a_past_lesson_and_the_guardian_reads_it_in_the_diary(school, new_page):
    teacher_fills_in_the_lesson(new_page(), school)
    guardian_reads_the_diary(new_page(), school)


def teacher_fills_in_the_lesson(page: Page, school: dict) -> None:
    sid, (first, second) = school["id"], school["students"]
    page.goto(f"{BASE}/")
    expect(page).to_have_url(f"{BASE}/login?next=/")
    page.get_by_role("link", name="Войти", exact=True).click()
    sign_in_at_keycloak(page, *school["teacher"])
    expect(page).to_have_url(f"{BASE}/")
    expect(page.get_by_role("heading", name="Здравствуйте, Кузнецов Андрей Павлович")).to_be_visible()
    expect(page.get_by_role("heading", name=school["name"])).to_be_visible()
    expect(page.get_by_text("учитель-предметник")).to_be_visible()

    lesson_url = f"{BASE}/schools/{sid}/lessons/{school['lesson_id']}"
    page.goto(lesson_url)
    expect(page.get_by_role("heading", level=1)).to_have_text("Математика: урок 1, понедельник, 01.09.2025")
    page.get_by_label("Тема урока").fill(TOPIC)
    page.get_by_label("Домашнее задание").fill(HOMEWORK)
    page.locator(f'select[name="mark-{first["id"]}-value"]').first.select_option("4")
    page.locator(f'select[name="attendance-{second["id"]}"]').select_option(label="Б — болел")

    page.get_by_role("button", name="Сохранить урок").click()  # the lesson is in the past: no reason given
    error = page.get_by_role("alert")
    expect(error).to_contain_text("Урок не сохранён.")
    expect(error).to_contain_text("Причина изменения: урок уже прошёл: укажите причину изменения")
    expect(error).not_to_contain_text("reason")  # the page's own words, not the API's field names
    expect(page.get_by_label("Тема урока")).to_have_value(TOPIC)  # what the teacher typed is kept
    screenshot(page, "lesson-error.png")
    saved = Api(stack.password_token(*school["teacher"])).get(f"/schools/{sid}/lessons/{school['lesson_id']}/record")
    assert (saved["topic"], saved["homework"], saved["marks"], saved["attendance"]) == ("", "", [], []), saved

    page.get_by_label("Причина изменения").fill("Запись урока после болезни учителя")
    page.get_by_role("button", name="Сохранить урок").click()
    expect(page.locator(".notice")).to_have_text("Сохранено")
    expect(page).to_have_url(f"{lesson_url}?saved=1")
    expect(page.get_by_role("alert")).to_have_count(0)
    expect(page.get_by_label("Тема урока")).to_have_value(TOPIC)
    expect(page.get_by_label("Домашнее задание")).to_have_value(HOMEWORK)
    expect(page.locator(f'select[name="mark-{first["id"]}-value"]').first).to_have_value("4")
    expect(page.locator(f'select[name="attendance-{second["id"]}"]')).to_have_value("ill")
    screenshot(page, "lesson.png")


def guardian_reads_the_diary(page: Page, school: dict) -> None:
    sid, first = school["id"], school["students"][0]
    page.goto(f"{BASE}/login")
    page.get_by_role("link", name="Войти через Госуслуги").click()
    sign_in_at_keycloak(page, "ivanova", GOSUSLUGI_PASSWORD)
    expect(page).to_have_url(re.compile(rf"^{re.escape(BASE)}/schools/[0-9a-f-]+/students/[0-9a-f-]+/diary$"))
    expect(page.get_by_role("heading", level=1)).to_contain_text("Дневник: Иванов Пётр")

    page.goto(f"{BASE}/schools/{sid}/students/{first['id']}/diary?week={MONDAY}")
    # the stand-in's guardian is Пётр's mother in every seeded school: with several, the diary names the school
    expect(page.get_by_role("heading", level=1)).to_have_text(
        re.compile(rf"^Дневник: Иванов Пётр( — {re.escape(school['short_name'])})?$"))
    expect(page.get_by_text("неделя 01.09–07.09.2025")).to_be_visible()
    expect(page.get_by_role("heading", name="понедельник, 01.09.2025")).to_be_visible()
    row = page.locator("li.lesson").filter(has_text=TOPIC)
    expect(row).to_contain_text("Математика")
    expect(row).to_contain_text(HOMEWORK)
    expect(row.locator(".mark-value")).to_have_text("4")
    screenshot(page, "diary.png")
