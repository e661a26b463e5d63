"""The deputy head sets up a small year through the Russian pages in headless Chromium, through the running gateway:
2030/2031 in two half-years, autumn holidays, a Monday off and a Saturday working as Monday, a subject, a room and a
shift, class 6Б with its curriculum hours and teacher, a Monday lesson (the hand-counted 36 dated lessons), a clash
refused next to the form, the lesson moved to the 2nd lesson from the second half-year; and a subgroup of 5А with
its two students; a teacher reports a date mismatch from the list of their lessons. Keeps screenshots in
.run/screenshots/."""
import uuid

import pytest
from playwright.sync_api import Page, expect

from services.tooling.api_client import BASE
from tests.e2e.test_pages_in_browser import new_page, screenshot, sign_in_at_keycloak  # noqa: F401 (fixture)
from tests.support import stack
from tests.support.school import seed_school

pytestmark = pytest.mark.stack

# Mondays of 02.09–27.12.2030: 17 (02.09 … 23.12); of 13.01–30.05.2031: 20 (13.01 … 26.05). Minus Monday 24.03.2031
# (spring holidays 24–30.03), minus Monday 04.11.2030 (a day off), plus Saturday 22.02.2031 working as Monday: 36.
LESSONS_IN_THE_YEAR = 36
SECOND_HALF = 20  # 20 Mondays, minus 24.03, plus Saturday 22.02


@pytest.fixture(scope="module")
def school(installation):
    seeded = seed_school(stack.env(), f"Школа № {uuid.uuid4().hex[:6]} (настройка года)")
    return {"id": seeded["school"]["id"], "class_5a": seeded["class_group"]["id"],
            "deputy": (seeded["deputy"]["person"]["username"], seeded["deputy"]["password"]),
            "teacher": (seeded["teacher"]["person"]["username"], seeded["teacher"]["password"])}


def submit(page: Page, form_class: str, button: str) -> None:
    page.locator(f"form.{form_class}").get_by_role("button", name=button).click()


def test_the_deputy_head_sets_up_a_year_through_the_pages(school, new_page):  # noqa: F811
    page, sid = new_page(), school["id"]
    page.goto(f"{BASE}/login?next=/schools/{sid}/schedule/setup")
    page.get_by_role("link", name="Войти", exact=True).click()
    sign_in_at_keycloak(page, *school["deputy"])
    page.goto(f"{BASE}/schools/{sid}/schedule/setup")
    expect(page.get_by_role("heading", level=1)).to_have_text("Настройка учебного года")

    page.locator("summary", has_text="Создать учебный год").click()
    year = page.locator("form.year-form")
    year.locator('input[name="name"]').fill("2030/2031")
    year.locator('input[name="start_date"]').fill("2030-09-02")
    year.locator('input[name="end_date"]').fill("2031-05-31")
    for i, (name, start, end) in enumerate([("1 полугодие", "2030-09-02", "2030-12-27"),
                                            ("2 полугодие", "2031-01-13", "2031-05-30")], start=1):
        year.get_by_label(f"Период {i}: название").fill(name)
        year.get_by_label(f"Период {i}: вид").select_option(label="полугодие")
        year.get_by_label(f"Период {i}: начало").fill(start)
        year.get_by_label(f"Период {i}: конец").fill(end)
    submit(page, "year-form", "Создать учебный год")
    expect(page.locator(".notice")).to_have_text("Учебный год создан")
    expect(page.locator("#years")).to_contain_text("2 полугодие (полугодие): 13.01.2031 — 30.05.2031")

    holiday = page.locator("form.holiday-form")
    holiday.get_by_label("Учебный год").select_option(label="2030/2031")
    holiday.get_by_label("Каникулы").fill("Весенние каникулы")
    holiday.locator('input[name="start_date"]').fill("2031-03-24")
    holiday.locator('input[name="end_date"]').fill("2031-03-30")
    submit(page, "holiday-form", "Внести каникулы")
    expect(page.locator(".notice")).to_have_text("Каникулы внесены")
    for day, works_as in [("2030-11-04", "выходной"), ("2031-02-22", "понедельник")]:
        transfer = page.locator("form.transfer-form")
        transfer.get_by_label("Учебный год").select_option(label="2030/2031")
        transfer.get_by_label("Дата").fill(day)
        transfer.get_by_label("Работает как").select_option(label=works_as)
        submit(page, "transfer-form", "Внести перенос")
        expect(page.locator(".notice")).to_have_text("Перенос дня внесён")
    expect(page.locator("#years")).to_contain_text("суббота, 22.02.2031 — работает как понедельник")
    expect(page.locator("#years")).to_contain_text("понедельник, 04.11.2030 — выходной")

    page.locator("form.subject-form").get_by_label("Предмет").fill("Физика")
    submit(page, "subject-form", "Добавить предмет")
    page.locator("form.subject-form").get_by_label("Предмет").fill("физика")
    submit(page, "subject-form", "Добавить предмет")
    expect(page.locator("#subjects .error-box")).to_contain_text("Предмет «Физика» уже есть")
    page.locator("form.room-form").get_by_label("Кабинет").fill("Кабинет физики")
    submit(page, "room-form", "Добавить кабинет")
    page.locator("summary", has_text="Добавить расписание звонков (смену)").click()
    bells = page.locator("form.bells-form")
    bells.get_by_label("Смена").fill("1 смена")
    for n, (start, end) in enumerate([("08:30", "09:15"), ("09:25", "10:10")], start=1):
        bells.get_by_label(f"{n}-й урок: начало").fill(start)
        bells.get_by_label(f"{n}-й урок: конец").fill(end)
    submit(page, "bells-form", "Сохранить звонки")
    expect(page.locator("#rooms")).to_contain_text("1 смена: 1) 08:30–09:15, 2) 09:25–10:10")

    group = page.locator("form.class-group-form")
    group.get_by_label("Учебный год").select_option(label="2030/2031")
    group.get_by_label("Параллель").fill("6")
    group.get_by_label("Класс").fill("6б")
    submit(page, "class-group-form", "Создать класс")
    page.locator("#class-groups").get_by_role("link", name="6Б").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Настройка класса 6Б")

    curriculum = page.locator("form.curriculum-form")
    curriculum.get_by_label("Предмет").select_option(label="Физика")
    curriculum.get_by_label("Часов в неделю").fill("1")
    submit(page, "curriculum-form", "Сохранить часы")
    expect(page.locator("table.curriculum")).to_contain_text("Физика")
    assignment = page.locator("form.assignment-form")
    assignment.get_by_label("Предмет").select_option(label="Физика")
    assignment.get_by_label("Учитель").select_option(label="Кузнецов Андрей")
    submit(page, "assignment-form", "Назначить учителя")
    expect(page.locator(".assignments")).to_contain_text("Физика — Кузнецов Андрей")

    def add_entry(number: str) -> None:
        entry = page.locator("form.entry-form")
        entry.get_by_label("День").select_option(label="Понедельник")
        entry.get_by_label("Урок №").fill(number)
        entry.get_by_label("Предмет").select_option(label="Физика")
        entry.get_by_label("Учитель").select_option(label="Кузнецов Андрей")
        entry.get_by_label("Звонки").select_option(label="1 смена")
        entry.locator('select[name="room_id"]').select_option(label="Кабинет физики")
        submit(page, "entry-form", "Добавить урок")

    add_entry("1")
    expect(page.locator(".notice")).to_have_text(
        f"Урок добавлен в расписание: уроков создано — {LESSONS_IN_THE_YEAR}")
    expect(page.locator("table.entries")).to_contain_text("08:30–09:15, каб. Кабинет физики")
    add_entry("1")
    refusal = page.locator("#timetable .error-box")
    expect(refusal).to_contain_text("пересекается с уроком «Физика», 6Б (понедельник, 1-й урок)")

    row = page.locator("tr[data-entry]").first
    row.locator("summary", has_text="Заменить с даты").click()
    replacement = row.locator('form[action$="/setup/replace"]')
    replacement.get_by_label("С даты").fill("2031-01-13")
    replacement.get_by_label("Урок №").fill("2")
    replacement.get_by_role("button", name="Заменить урок").click()
    expect(page.locator(".notice")).to_have_text(
        f"Урок расписания заменён: уроков создано — {SECOND_HALF}, отменено — {SECOND_HALF}")
    expect(page.locator("table.entries")).to_contain_text("с начала года, до 13.01.2031")
    expect(page.locator("table.entries")).to_contain_text("с 13.01.2031")
    expect(page.locator("table.entries")).to_contain_text("09:25–10:10")
    screenshot(page, "schedule-class-setup.png")

    page.locator("table.curriculum").get_by_role("link", name="план и его выполнение").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Тематический план: Физика, 6Б")
    expect(page.locator("table.progress tr", has_text="Уроков в расписании на год").locator("td")).to_have_text(
        str(LESSONS_IN_THE_YEAR))
    plan_file = page.locator('input[name="plan_file"]')
    plan_file.set_input_files(files=[{"name": "plan.csv", "mimeType": "text/csv",
                                      "buffer": "Порядок;Тема;Часы\n1;Механика;20\n2;Оптика;много\n".encode()}])
    page.get_by_role("button", name="Проверить").click()
    expect(page.locator(".checked")).to_contain_text("В файле ошибок: 1")
    page.locator('input[name="plan_file"]').set_input_files(files=[{
        "name": "plan.csv", "mimeType": "text/csv", "buffer": "1;Механика;20\n2;Оптика;16\n".encode()}])
    page.get_by_role("button", name="Загрузить").click()
    expect(page.locator(".notice")).to_have_text("План загружен: тем — 2")
    expect(page.locator("table.topics")).to_contain_text("Оптика")
    screenshot(page, "schedule-plan.png")

    page.goto(f"{BASE}/schools/{sid}/schedule/class-groups/{school['class_5a']}/setup")
    subgroup = page.locator("form.subgroup-form")
    subgroup.get_by_label("Подгруппа").fill("Английский, 1 группа")
    subgroup.get_by_label("Иванов Пётр").check()
    subgroup.get_by_label("Петрова Дарья").check()
    submit(page, "subgroup-form", "Создать подгруппу")
    expect(page.locator(".notice")).to_have_text("Подгруппа создана")
    expect(page.locator("#subgroups summary")).to_contain_text("Английский, 1 группа: ")
    for student in ("Иванов Пётр", "Петрова Дарья"):
        expect(page.locator("#subgroups summary")).to_contain_text(student)


def test_a_teacher_reports_a_date_mismatch_from_their_lessons(school, new_page):  # noqa: F811
    page, sid = new_page(), school["id"]
    page.goto(f"{BASE}/login?next=/schools/{sid}/schedule/my-lessons")
    page.get_by_role("link", name="Войти", exact=True).click()
    sign_in_at_keycloak(page, *school["teacher"])
    page.goto(f"{BASE}/schools/{sid}/schedule/my-lessons?week=2025-09-01")
    row = page.locator("tr[data-lesson]").first
    expect(row).to_contain_text("5А, Математика")
    row.locator("summary", has_text="Сообщить о расхождении").click()
    row.get_by_label("Что не совпадает").fill("В журнале урок записан на 2 сентября")
    row.get_by_role("button", name="Отправить").click()
    expect(page.locator(".notice")).to_have_text("Сообщение отправлено заместителю директора")
    screenshot(page, "schedule-my-lessons.png")
