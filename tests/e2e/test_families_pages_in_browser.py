"""Issue 14's pages in headless Chromium, through the running gateway: the deputy head adds a parent meeting of 5А on
the school's events page (from the home page), sees it in the month and cancels it; the form teacher opens the
printouts page from the home page, marks a guardian's wish for a printed diary and downloads the class's week as one
PDF; a guardian signing in through Gosuslugi is shown the consent before anything else, declining ends the session
with an explanation, accepting the next time opens the diary. Keeps screenshots in .run/screenshots/."""
import re
import uuid

import pytest
from playwright.sync_api import expect

from services.tooling.api_client import BASE
from services.tooling.demo_seed import GOSUSLUGI_PASSWORD
from tests.e2e.test_journal_pages_in_browser import signed_in
from tests.e2e.test_pages_in_browser import new_page, screenshot, sign_in_at_keycloak  # noqa: F401 (fixture)
from tests.support import stack
from tests.support.school import seed_school

pytestmark = pytest.mark.stack


@pytest.fixture
def school(installation):
    seeded = seed_school(stack.env(), f"Школа № {uuid.uuid4().hex[:6]} (семьи в браузере)")
    sid, admin, group = seeded["school"]["id"], seeded["admin_api"], seeded["class_group"]
    admin.put(f"/schools/{sid}/class-groups/{group['id']}/form-teacher", {"person_id": seeded["teacher"]["person"]["id"]})
    return {"id": sid, "name": seeded["school"]["name"], "guardian": seeded["guardians"][0],
            "deputy": (seeded["deputy"]["person"]["username"], seeded["deputy"]["password"]),
            "teacher": (seeded["teacher"]["person"]["username"], seeded["teacher"]["password"])}


def test_the_deputy_head_keeps_the_schools_events(school, new_page):  # noqa: F811
    page = signed_in(new_page(), school["deputy"])
    page.get_by_role("link", name=re.compile("Мероприятия школы")).click()
    expect(page.get_by_role("heading", level=1)).to_contain_text("Мероприятия школы")
    page.goto(f"{BASE}/schools/{school['id']}/events?month=2025-09")
    expect(page.get_by_role("heading", level=1)).to_have_text("Мероприятия школы: сентябрь 2025")
    form = page.locator("section").filter(has=page.get_by_role("heading", name="Новое мероприятие"))
    form.get_by_label("Название").fill("Собрание родителей 5А")
    form.get_by_label("Вид").select_option(label="Родительское собрание")
    form.get_by_label("Дата").fill("2025-09-11")
    form.get_by_label("Начало").fill("18:00")
    form.get_by_label("Окончание").fill("19:00")
    form.get_by_label("Место").fill("Кабинет 21")
    form.get_by_label("классы").check()
    form.get_by_label("5А").check()
    form.get_by_label("Участники").select_option("families")
    form.get_by_role("button", name="Добавить мероприятие").click()
    expect(page.locator("p.notice")).to_have_text("Мероприятие добавлено")
    event = page.locator("li.event").filter(has_text="Собрание родителей 5А")
    expect(event).to_contain_text("18:00–19:00, Кабинет 21")
    expect(event).to_contain_text("классы 5А")
    expect(event).to_contain_text("для учеников и родителей")
    screenshot(page, "school-events.png")

    event.locator("summary").click()
    event.get_by_label("Причина отмены").fill("Карантин")
    event.get_by_role("button", name="Отменить мероприятие").click()
    expect(page.locator("p.notice")).to_have_text("Мероприятие отменено")
    expect(page.locator("li.event.cancelled")).to_contain_text("отменено: Карантин")

    form = page.locator("section").filter(has=page.get_by_role("heading", name="Новое мероприятие"))
    form.get_by_label("Название").fill("Поход")
    form.get_by_label("Дата").fill("2025-09-20")
    form.get_by_label("Начало").fill("19:00")
    form.get_by_label("Окончание").fill("18:00")
    form.get_by_role("button", name="Добавить мероприятие").click()
    expect(page.locator(".error-box")).to_contain_text("окончание позже начала")
    expect(form.get_by_label("Название")).to_have_value("Поход")


def test_the_form_teacher_prints_the_weeks_diary_for_the_families(school, new_page):  # noqa: F811
    page = signed_in(new_page(), school["teacher"])
    page.get_by_role("link", name=re.compile("Печатные дневники и табели")).click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Печатные дневники и табели для семей")
    page.get_by_label("Неделя (любой её день)").fill("2025-09-03")
    page.get_by_role("button", name="Показать").click()
    expect(page.locator(".printouts")).to_contain_text("неделя с 01.09.2025 по 07.09.2025")
    guardian = school["guardian"]
    row = page.locator("table.families tr").filter(has_text=guardian["name"]["last_name"]).filter(has_text="(мать)")
    expect(row).to_contain_text("нет входа")
    row.get_by_role("button", name="отметить: нужен").click()
    expect(page.locator("p.notice")).to_have_text("Сохранено")
    expect(page.locator("table.families tr").filter(has_text="(мать)")).to_contain_text("нужен")
    expect(page.get_by_role("link", name=re.compile("Только для семей, попросивших печатный дневник: 1"))).to_be_visible()
    screenshot(page, "printouts.png")
    with page.expect_download() as download:
        page.get_by_role("link", name="Дневник класса за неделю, все ученики (PDF)").click()
    assert re.fullmatch(r"weekly-diaries-[0-9a-f-]+-2025-09-01\.pdf", download.value.suggested_filename)
    expect(page.get_by_role("button", name="Скачать табели (PDF)")).to_be_visible()


def test_a_guardian_decides_on_the_consent_first(school, new_page):  # noqa: F811
    page = new_page()
    page.goto(f"{BASE}/login")
    page.get_by_role("link", name="Войти через Госуслуги").click()
    sign_in_at_keycloak(page, "ivanova", GOSUSLUGI_PASSWORD, consent=False)
    expect(page).to_have_url(f"{BASE}/consent")
    expect(page.get_by_role("heading", level=1)).to_have_text("Согласие на обработку персональных данных")
    expect(page.locator("article.consent-text").filter(has_text=school["name"])).to_contain_text("152-ФЗ")
    screenshot(page, "consent.png")
    page.goto(f"{BASE}/")
    expect(page).to_have_url(f"{BASE}/consent")  # nothing else before the decision
    page.get_by_role("button", name="Не принимаю").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Согласие не принято")
    expect(page.locator("main")).to_contain_text("в печатном виде у классного руководителя")
    page.goto(f"{BASE}/")
    expect(page).to_have_url(re.compile(rf"^{re.escape(BASE)}/login"))

    page = new_page()  # another time, with no session left at the Gosuslugi stand-in either
    page.goto(f"{BASE}/login")
    page.get_by_role("link", name="Войти через Госуслуги").click()
    sign_in_at_keycloak(page, "ivanova", GOSUSLUGI_PASSWORD, consent=False)
    expect(page).to_have_url(f"{BASE}/consent")  # declined: asked again
    page.get_by_role("button", name="Принимаю", exact=True).click()
    expect(page).to_have_url(re.compile(rf"^{re.escape(BASE)}/schools/[0-9a-f-]+/students/[0-9a-f-]+/diary$"))
