"""The journal's pages in headless Chromium, through the running gateway: the teacher fills in a lesson's column on
the class's grid (a refusal next to its field first), finds the lesson locked once the school turns the edit lock on,
asks for it to be opened; the deputy head opens it on the control page; the teacher then saves it. Then the teacher
records the lesson's topic from the class's thematic plan on the lesson page and tries a term mark on the period-marks
page (refused for too few marks, the reason shown in the cell), then sets Н/А. Keeps screenshots in .run/screenshots/."""
import base64
import uuid

import pytest
from playwright.sync_api import Page, expect

from services.tooling.api_client import BASE
from tests.e2e.test_pages_in_browser import new_page, screenshot, sign_in_at_keycloak  # noqa: F401 (fixture)
from tests.support import stack
from tests.support.school import seed_school

pytestmark = pytest.mark.stack

MONDAY, SUNDAY = "2025-09-01", "2025-09-07"


@pytest.fixture
def school(installation):
    """A school of each test's own: a term mark set by one closes the lessons the other edits."""
    seeded = seed_school(stack.env(), f"Школа № {uuid.uuid4().hex[:6]} (журнал)")
    sid, admin = seeded["school"]["id"], seeded["admin_api"]
    lesson = seeded["lesson"]
    login = {role: (seeded[role]["person"]["username"], seeded[role]["password"])
             for role in ("teacher", "deputy")}
    grid = (f"{BASE}/schools/{sid}/journal/grid?class_group_id={seeded['class_group']['id']}"
            f"&subject_id={seeded['subject']['id']}&from={MONDAY}&to={SUNDAY}")
    return {"id": sid, "admin": admin, "lesson_id": lesson["id"], "students": seeded["students"], "grid": grid,
            "class_group_id": seeded["class_group"]["id"], "subject_id": seeded["subject"]["id"],
            "term_id": lesson["term_id"], **login}


def signed_in(page: Page, credentials: tuple[str, str]) -> Page:
    page.goto(f"{BASE}/login")
    page.get_by_role("link", name="Войти", exact=True).click()
    sign_in_at_keycloak(page, *credentials)
    expect(page).to_have_url(f"{BASE}/")
    return page


def edit_column(page: Page, school: dict) -> None:
    page.goto(school["grid"])
    expect(page.get_by_role("heading", level=1)).to_have_text("Журнал: 5А, Математика")
    page.get_by_role("link", name="изменить").first.click()
    expect(page.get_by_role("heading", level=2, name="Урок 1, понедельник, 01.09.2025")).to_be_visible()


def test_the_teacher_records_a_lesson_on_the_grid_and_asks_to_open_it_once_locked(school, new_page):  # noqa: F811
    first, second = school["students"][0]["id"], school["students"][1]["id"]
    teacher = signed_in(new_page(), school["teacher"])
    edit_column(teacher, school)
    teacher.locator(f'select[name="mark-{first}-value"]').first.select_option("4")
    teacher.locator(f'select[name="attendance-{second}"]').select_option(label="Б — болел")
    teacher.get_by_role("button", name="Сохранить урок").first.click()
    expect(teacher.get_by_role("alert")).to_contain_text("Урок не сохранён.")
    expect(teacher.locator(".field-error")).to_have_text("урок уже прошёл: укажите причину изменения")
    expect(teacher.locator(f'select[name="mark-{first}-value"]').first).to_have_value("4")  # kept as typed
    screenshot(teacher, "journal-grid-error.png")

    teacher.get_by_label("Причина изменения").fill("Запись урока после болезни учителя")
    teacher.get_by_role("button", name="Сохранить урок").first.click()
    expect(teacher.locator(".notice")).to_have_text("Урок сохранён")
    row = teacher.get_by_role("row").filter(has_text=school["students"][0]["name"]["last_name"])
    expect(row).to_contain_text("4.00")
    screenshot(teacher, "journal-grid.png")

    school["admin"].put(f"/schools/{school['id']}/journal-policy", {"edit_lock_days": 7})
    edit_column(teacher, school)
    teacher.locator(f'select[name="mark-{first}-value"]').first.select_option("5")
    teacher.get_by_label("Причина изменения").fill("Исправление ошибки")
    teacher.get_by_role("button", name="Сохранить урок").first.click()
    expect(teacher.get_by_role("alert")).to_contain_text("Урок закрыт для изменений")
    teacher.get_by_label("Что и почему нужно исправить").fill("Ошибка в отметке: должна быть 5")
    teacher.get_by_role("button", name="Запросить открытие урока").click()
    expect(teacher.locator(".notice")).to_have_text("Запрос на открытие урока отправлен заместителю директора")

    deputy = signed_in(new_page(), school["deputy"])
    deputy.goto(f"{BASE}/schools/{school['id']}/journal/control?from={MONDAY}&to={SUNDAY}")
    request_row = deputy.get_by_role("row").filter(has_text="Ошибка в отметке: должна быть 5")
    expect(request_row).to_contain_text("Математика")
    screenshot(deputy, "journal-control.png")
    request_row.get_by_role("button", name="Открыть урок").click()
    expect(deputy.locator(".notice")).to_have_text("Урок открыт для учителя")

    edit_column(teacher, school)
    teacher.locator(f'select[name="mark-{first}-value"]').first.select_option("5")
    teacher.get_by_label("Причина изменения").fill("Исправление по запросу")
    teacher.get_by_role("button", name="Сохранить урок").first.click()
    expect(teacher.locator(".notice")).to_have_text("Урок сохранён")
    expect(teacher.get_by_role("row").filter(has_text=school["students"][0]["name"]["last_name"])).to_contain_text("5.00")
    school["admin"].put(f"/schools/{school['id']}/journal-policy", {"edit_lock_days": 0})


def test_the_teacher_takes_the_topic_from_the_plan_and_sees_why_a_term_mark_is_refused(school, new_page):  # noqa: F811
    sid, group, subject = school["id"], school["class_group_id"], school["subject_id"]
    plan = "order;title;hours\n1;Натуральные числа;2\n2;Дроби;3\n"
    school["admin"].post(f"/schools/{sid}/class-groups/{group}/thematic-plans/{subject}/import", {
        "filename": "plan.csv", "content_base64": base64.b64encode(plan.encode()).decode()}, expect=200)
    teacher = signed_in(new_page(), school["teacher"])
    teacher.goto(f"{BASE}/schools/{sid}/lessons/{school['lesson_id']}")
    chooser = teacher.get_by_label("Тема по тематическому плану")
    expect(chooser.locator("option:checked")).to_have_text("1. Натуральные числа")  # the next uncovered topic
    teacher.get_by_label("Причина изменения").fill("Тема по плану")
    teacher.get_by_role("button", name="Сохранить урок").click()
    expect(teacher.locator(".notice")).to_have_text("Сохранено")
    expect(teacher.get_by_label("Тема урока")).to_have_value("Натуральные числа")
    screenshot(teacher, "journal-lesson-plan-topic.png")

    first = school["students"][0]
    teacher.goto(f"{BASE}/schools/{sid}/journal/period-marks?class_group_id={group}&subject_id={subject}"
                 f"&term_id={school['term_id']}")
    row = teacher.get_by_role("row").filter(has_text=first["name"]["last_name"])
    term_cell = row.get_by_role("cell").nth(1)
    term_cell.get_by_role("combobox").select_option("5")
    term_cell.get_by_role("button", name="Выставить").click()
    row = teacher.get_by_role("row").filter(has_text=first["name"]["last_name"])
    expect(row.get_by_role("alert")).to_contain_text("нужно не меньше")
    screenshot(teacher, "journal-period-marks-refused.png")
    row.get_by_role("cell").nth(1).get_by_role("combobox").select_option("Н/А")
    row.get_by_role("cell").nth(1).get_by_role("button", name="Выставить").click()
    expect(teacher.locator(".notice")).to_have_text("Оценка сохранена")
    expect(teacher.get_by_role("row").filter(has_text=first["name"]["last_name"]).get_by_role("cell").nth(1)
           ).to_contain_text("Н/А")
