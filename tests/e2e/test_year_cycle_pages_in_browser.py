"""The year cycle's Russian pages in headless Chromium, through the running gateway, in the tests' school year
2025/2026 (over by now): the secretary finds the empty register from the home page, signs a transfer of a student from
5А to 5Б (first without ticking a student: the refusal next to the list), sees it in the register and downloads the
register as XLSX, opens the student's personal record (5А until 13.01.2026, 5Б from 14.01.2026, the order) and
corrects the surname with a reason. The deputy head sees the missed 15 September deadline on the control page,
previews the transition to 2026/2027 (5А → 6А, both students promoted), makes one student's promotion conditional
with a debt in Математика, recounts, runs the transition and sees its steps done; the control page then shows it
done. Keeps screenshots in .run/screenshots/."""
import uuid

import pytest
from playwright.sync_api import expect

from services.tooling.api_client import BASE, with_login
from tests.e2e.test_journal_pages_in_browser import signed_in
from tests.e2e.test_pages_in_browser import new_page, screenshot  # noqa: F401 (fixture)
from tests.support import stack
from tests.support.school import seed_school

pytestmark = pytest.mark.stack


@pytest.fixture
def school(installation):
    """A school of each test's own (the transition changes the school's years), with a secretary and a class 5Б."""
    seeded = seed_school(stack.env(), f"Школа № {uuid.uuid4().hex[:6]} (движение)")
    sid, admin = seeded["school"]["id"], seeded["admin_api"]
    secretary = with_login(admin.post(f"/schools/{sid}/people", {
        "kind": "staff", "last_name": "Орлова", "first_name": "Нина", "middle_name": "Петровна", "gender": "female",
        "birth_date": "1985-03-14", "roles": ["secretary"], "create_account": True}))
    admin.post(f"/schools/{sid}/class-groups", {"academic_year_id": seeded["year"]["id"], "grade": 5, "name": "5Б"})
    return {"id": sid, "students": seeded["students"],
            "secretary": (secretary["person"]["username"], secretary["password"]),
            "deputy": (seeded["deputy"]["person"]["username"], seeded["deputy"]["password"])}


def test_the_secretary_signs_a_transfer_and_corrects_the_students_record(school, new_page):  # noqa: F811
    petr = school["students"][0]  # Иванов Пётр Сергеевич, 5А
    page = signed_in(new_page(), school["secretary"])
    page.get_by_role("link", name="Книга движения учащихся и личные дела").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Книга движения учащихся")
    expect(page.locator("table.register")).to_contain_text("Приказов за этот год нет.")

    page.get_by_role("link", name="Новый приказ", exact=True).click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Новый приказ о движении учащихся")
    chooser = page.locator("form.class-list")
    chooser.get_by_label("Ученики из класса").select_option(label="5А")
    chooser.get_by_label("на дату").fill("2026-01-14")
    chooser.get_by_role("button", name="Показать учеников").click()
    order = page.locator("form.order-form")
    expect(order.get_by_role("row").filter(has_text="Иванов Пётр")).to_be_visible()
    order.get_by_label("Вид приказа").select_option(label="Перевод в другой класс")
    order.get_by_label("Номер приказа").fill("1-у")
    order.locator('input[name="order_date"]').fill("2026-01-13")
    expect(order.locator('input[name="effective_date"]')).to_have_value("2026-01-14")
    order.locator('input[name="reason"]').fill("Заявление родителей от 12.01.2026")
    order.locator('select[name="to_class_group_id"]').select_option(label="5Б (2025/2026)")
    order.get_by_role("button", name="Подписать приказ").click()  # no student ticked
    expect(page.get_by_role("alert").first).to_contain_text("Приказ не подписан")
    expect(page.locator("form.order-form .field-error")).to_have_text("Отметьте учеников, которых касается приказ")
    expect(page.locator('form.order-form input[name="reason"]')).to_have_value("Заявление родителей от 12.01.2026")
    screenshot(page, "movement-order-error.png")

    page.locator(f'input[name="student_id"][value="{petr["id"]}"]').check()
    page.locator("form.order-form").get_by_role("button", name="Подписать приказ").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Приказ № 1-у: Перевод в другой класс")
    expect(page.locator(".notice")).to_have_text("Приказ подписан")
    expect(page.get_by_role("row").filter(has_text="Иванов Пётр")).to_contain_text("5Б")
    screenshot(page, "movement-order.png")

    page.get_by_role("link", name="← Книга движения учащихся").click()
    row = page.locator("table.register").get_by_role("row").filter(has_text="1-у")
    expect(row).to_contain_text("Перевод в другой класс")
    expect(row).to_contain_text("14.01.2026")
    expect(row).to_contain_text("5А")
    expect(row).to_contain_text("5Б")
    screenshot(page, "movement-register.png")
    with page.expect_download() as download:
        page.get_by_role("link", name="Скачать XLSX").click()
    assert download.value.suggested_filename == "kniga-dvizheniya-2025-2026.xlsx"

    row.get_by_role("link", name="Иванов Пётр").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Личное дело: Иванов Пётр Сергеевич")
    classes = page.locator("table.memberships")
    expect(classes.get_by_role("row").filter(has_text="5А")).to_contain_text("13.01.2026")
    expect(classes.get_by_role("row").filter(has_text="5Б")).to_contain_text("14.01.2026")
    expect(classes.get_by_role("row").filter(has_text="5Б")).to_contain_text("по настоящее время")
    expect(page.locator("table.orders")).to_contain_text("1-у")

    form = page.locator("form.correction-form")
    form.locator('input[name="last_name"]').fill("Смирнов")
    form.locator('input[name="reason"]').fill("смена фамилии")
    form.get_by_role("button", name="Сохранить исправление").click()
    expect(page.locator(".notice")).to_have_text("Исправление сохранено")
    expect(page.get_by_role("heading", level=1)).to_have_text("Личное дело: Смирнов Пётр Сергеевич")
    correction = page.locator("table.corrections").get_by_role("row").filter(has_text="смена фамилии")
    expect(correction).to_contain_text("Фамилия")
    expect(correction).to_contain_text("Иванов")
    expect(correction).to_contain_text("Смирнов")
    screenshot(page, "personal-record.png")


def test_the_deputy_head_previews_and_runs_the_year_transition(school, new_page):  # noqa: F811
    sid, daria = school["id"], school["students"][1]  # Петрова Дарья Сергеевна, 5А
    page = signed_in(new_page(), school["deputy"])
    page.goto(f"{BASE}/schools/{sid}/journal/control")
    expect(page.locator(".transition-warning")).to_contain_text(
        "Срок перехода на новый учебный год (15.09.2026) прошёл")

    page.goto(f"{BASE}/")
    page.get_by_role("link", name="Переход на новый учебный год").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Переход на новый учебный год")
    start = page.locator("form.transition-start")
    expect(start.get_by_label("Учебный год, из которого переходим").locator("option:checked")).to_have_text("2025/2026")
    expect(start.get_by_label("Название нового учебного года")).to_have_value("2026/2027")
    start.get_by_role("button", name="Показать предпросмотр").click()
    fifth = page.locator("section.transition-class").filter(has=page.get_by_role("heading", name="5А → 6А"))
    expect(fifth.locator(".counts")).to_have_text("Переведены: 2, условно: 0, оставлены: 0, выпущены: 0")
    screenshot(page, "year-transition-preview.png")

    page.locator(f'select[name="outcome-{daria["id"]}"]').select_option("conditional")
    page.locator(f'select[name="debts-{daria["id"]}"]').select_option(label="Математика")
    page.locator(f'input[name="deadline-{daria["id"]}"]').fill("2026-10-15")
    page.get_by_role("button", name="Пересчитать").click()
    fifth = page.locator("section.transition-class").filter(has=page.get_by_role("heading", name="5А → 6А"))
    expect(fifth.locator(".counts")).to_have_text("Переведены: 1, условно: 1, оставлены: 0, выпущены: 0")
    expect(page.locator(f'select[name="outcome-{daria["id"]}"]')).to_have_value("conditional")

    page.get_by_role("button", name="Выполнить переход").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Переход на 2026/2027 выполнен")
    steps = page.locator("ol.steps")
    expect(steps).to_contain_text("✓ Создан учебный год 2026/2027")
    expect(steps).to_contain_text("6А")
    expect(steps).to_contain_text("6Б")  # the empty 5Б goes on too; no 1st class to form (the school has none)
    expect(steps).to_contain_text("✓ Подписано приказов:")
    expect(page.locator("ul.orders li").first).to_be_visible()
    screenshot(page, "year-transition-done.png")

    page.goto(f"{BASE}/schools/{sid}/journal/control")
    expect(page.locator(".movement-control")).to_contain_text("Переход 2025/2026 → 2026/2027 выполнен")
    expect(page.locator(".transition-warning")).to_have_count(0)


def test_the_administrator_gives_a_reason_before_reading_a_personal_record(installation, new_page):  # noqa: F811
    """The school administrator (neither keeping the register nor leading the class) is asked why before the record
    opens; the reason is posted, never put in the address, and the record opens with it."""
    seeded = seed_school(stack.env(), f"Школа № {uuid.uuid4().hex[:6]} (причина)")
    record = f"{BASE}/schools/{seeded['school']['id']}/people/{seeded['students'][0]['id']}/record"
    page = signed_in(new_page(), (seeded["admin"]["username"], seeded["admin"]["password"]))
    page.goto(record)
    expect(page.get_by_role("heading", level=1)).to_have_text("Причина просмотра личного дела")
    page.get_by_label("Причина просмотра").fill("жалоба родителя от 01.12")
    page.get_by_role("button", name="Открыть личное дело").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Личное дело: Иванов Пётр Сергеевич")
    assert page.url == record and "жалоба" not in page.url
    page.reload()  # the session keeps the reason for this record
    expect(page.get_by_role("heading", level=1)).to_have_text("Личное дело: Иванов Пётр Сергеевич")
