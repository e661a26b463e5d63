"""The tenant console in headless Chromium, through the running gateway: the operator onboards a school
and hands over the activation link; the first administrator activates it, edits the school card and sees
the staff's access; a form teacher prints access slips for the class; a student activates with a slip.
Keeps screenshots in .run/screenshots/."""
import re
import uuid

import pytest
from playwright.sync_api import Page, expect

from services.tooling.api_client import BASE
from tests.e2e.test_pages_in_browser import new_page, screenshot, sign_in_at_keycloak  # noqa: F401 (fixture)
from tests.support import stack
from tests.support.api import Api
from tests.support.school import seed_school

pytestmark = pytest.mark.stack


def log_in(page: Page, username: str, password: str, then: str) -> None:
    page.goto(f"{BASE}{then}")
    page.get_by_role("link", name="Войти", exact=True).click()
    sign_in_at_keycloak(page, username, password)
    page.goto(f"{BASE}{then}")


def activate(page: Page, url: str, password: str) -> str:
    """Follows an activation link (or opens /activate with a code) and sets the password; the login shown."""
    page.goto(url)
    expect(page.get_by_role("heading", name="Активация доступа")).to_be_visible()
    page.get_by_label("Новый пароль").fill(password)
    page.get_by_label("Пароль ещё раз").fill(password)
    page.get_by_role("button", name="Активировать").click()
    expect(page.get_by_role("heading", name="Доступ активирован")).to_be_visible()
    return page.locator(".username").inner_text()


def test_operator_onboards_and_the_administrator_activates_and_edits_the_card(installation, new_page):  # noqa: F811
    short_name = f"Школа № {uuid.uuid4().hex[:6]} (консоль)"
    operator = new_page()
    log_in(operator, "operator", stack.env()["OTMETKA_OPERATOR_PASSWORD"], "/console")
    expect(operator.get_by_role("heading", name="Школы муниципалитета")).to_be_visible()
    operator.get_by_label("Полное наименование").fill(f"МБОУ «{short_name}»")
    operator.get_by_label("Краткое наименование").fill(short_name)
    operator.get_by_label("ИНН", exact=True).fill("7707083893")
    operator.get_by_label("ОГРН", exact=True).fill("1027700132195")
    operator.get_by_label("Фамилия администратора").fill("Консольная")
    operator.get_by_label("Имя администратора").fill("Алла")
    operator.get_by_role("button", name="Подключить").click()
    expect(operator.get_by_role("heading", name=f"Школа подключена: {short_name}")).to_be_visible()
    link = operator.locator(".activation-link").inner_text()
    assert re.fullmatch(rf"{re.escape(BASE)}/activate\?code=[A-Z2-9]{{4}}-[A-Z2-9]{{4}}-[A-Z2-9]{{4}}", link)
    screenshot(operator, "console-operator.png")

    admin, password = new_page(), f"Консоль-{uuid.uuid4().hex[:8]}"
    username = activate(admin, link, password)
    school_id = next(s["id"] for s in stack_schools() if s["short_name"] == short_name)
    log_in(admin, username, password, f"/console/schools/{school_id}")
    expect(admin.get_by_role("heading", name=short_name)).to_be_visible()
    expect(admin.locator("tr:has-text('Консольная') .access")).to_have_text("активирован")
    admin.get_by_label("Адрес", exact=True).fill("г. Энск, ул. Школьная, д. 1")
    admin.get_by_label("ОГРН", exact=True).fill("1027700132196")  # a wrong check digit
    admin.get_by_role("button", name="Сохранить карточку").click()
    expect(admin.get_by_text("ОГРН: 13 цифр с верным контрольным числом")).to_be_visible()
    admin.get_by_label("ОГРН", exact=True).fill("1027700132195")
    admin.get_by_role("button", name="Сохранить карточку").click()
    expect(admin.get_by_text("Сохранено")).to_be_visible()
    expect(admin.get_by_label("Адрес", exact=True)).to_have_value("г. Энск, ул. Школьная, д. 1")
    expect(admin.locator("table.audit")).to_contain_text("school.update")
    screenshot(admin, "console-school.png")

    operator.goto(f"{BASE}/console")
    operator.locator(f"tr[data-school='{school_id}']").get_by_role("button", name="Приостановить").click()
    expect(operator.locator(f"tr[data-school='{school_id}'] .status")).to_have_text("приостановлена")
    admin.goto(f"{BASE}/console/schools/{school_id}")
    expect(admin.get_by_text("Работа школы в системе приостановлена")).to_be_visible()
    operator.locator(f"tr[data-school='{school_id}']").get_by_role("button", name="Возобновить").click()
    expect(operator.locator(f"tr[data-school='{school_id}'] .status")).to_have_text("работает")


def stack_schools() -> list[dict]:
    return Api(stack.operator_token()).get("/schools")["schools"]


def test_form_teacher_prints_slips_and_a_student_activates(installation, new_page):  # noqa: F811
    seeded = seed_school(stack.env(), f"Школа № {uuid.uuid4().hex[:6]} (бланки)")
    sid, admin, teacher = seeded["school"]["id"], seeded["admin_api"], seeded["teacher"]
    admin.put(f"/schools/{sid}/class-groups/{seeded['class_group']['id']}/form-teacher",
              {"person_id": teacher["person"]["id"]})
    page = new_page()
    log_in(page, teacher["person"]["username"], teacher["password"], f"/console/schools/{sid}/slips")
    expect(page.get_by_label("Класс")).to_contain_text("5А")
    page.get_by_role("button", name="Выдать коды и напечатать бланки").click()
    slips = page.locator("section.slip")
    expect(slips.first).to_be_visible()
    assert slips.count() >= len(seeded["students"])
    screenshot(page, "console-slips.png")
    code = slips.first.locator(".code").inner_text()

    student = new_page()
    login = activate(student, f"{BASE}/activate?code={code}", f"Ученик-{uuid.uuid4().hex[:8]}")
    assert login == slips.first.locator("p:has-text('Логин после активации') strong").inner_text()


def test_the_administrator_keeps_phones_and_uploads_people_watching_the_job(installation, new_page, tmp_path):  # noqa: F811
    seeded = seed_school(stack.env(), f"Школа № {uuid.uuid4().hex[:6]} (загрузка)")
    sid = seeded["school"]["id"]
    page = new_page()
    log_in(page, seeded["admin"]["username"], seeded["admin"]["password"], f"/console/schools/{sid}")
    page.get_by_label("Телефон").check()
    page.get_by_role("button", name="Сохранить", exact=True).click()
    expect(page.get_by_text("Сохранено")).to_be_visible()
    expect(page.get_by_label("Телефон")).to_be_checked()

    people = tmp_path / "people.csv"
    people.write_text("kind;last_name;first_name;roles;position;qualification_category;phone;row_key;guardian_of\n"
                      "сотрудник;Загрузова;Ирина;subject_teacher;Учитель музыки;первая;8 912 000-11-22;;\n"
                      "ученик;Загрузов;Иван;;;;;u1;\n", encoding="utf-8")
    page.get_by_role("link", name="Загрузить людей из файла").click()
    page.get_by_label("Файл CSV").set_input_files(str(people))
    page.get_by_role("button", name="Загрузить").click()
    expect(page.get_by_text("с ошибками 1")).to_be_visible(timeout=20_000)  # the student has no gender/birth date
    expect(page.locator("table.import-rows")).to_contain_text("обязательное поле")

    people.write_text("kind;last_name;first_name;gender;birth_date;roles;position;qualification_category;phone;"
                      "row_key;guardian_of;relation\n"
                      "сотрудник;Загрузова;Ирина;;;subject_teacher;Учитель музыки;первая;8 912 000-11-22;;;\n"
                      "ученик;Загрузов;Иван;м;2014-04-04;;;;;u1;;\n"
                      "родитель;Загрузова;Ольга;ж;;;;;+7 912 000-33-44;;u1;мать\n", encoding="utf-8")
    page.get_by_role("link", name="Загрузить другой файл").click()
    page.get_by_label("Файл CSV").set_input_files(str(people))
    page.get_by_label("Только проверить").uncheck()
    page.get_by_role("button", name="Загрузить").click()
    report = page.locator(".import-report")
    expect(report).to_contain_text("Загружено", timeout=20_000)  # the page refreshed itself until the job ended
    expect(report).to_contain_text("новых людей 3")
    expect(report).to_contain_text("связей родитель — ребёнок 1")
    screenshot(page, "console-import.png")
    page.goto(f"{BASE}/console/schools/{sid}")
    row = page.locator("tr:has-text('Загрузова')")
    expect(row.locator(".contact-phone")).to_have_text("+79120001122")
    expect(row).to_contain_text("Учитель музыки")
