"""The messaging pages in headless Chromium through the running gateway: the guardian (through the Gosuslugi
stand-in) writes to the form teacher from the new-message form; the teacher sees the unread thread in the inbox and
answers; the deputy head's control page, asked for a day ten days on, lists the thread that waited; the guardian
acknowledges a class notice. Keeps screenshots in .run/screenshots/."""
import datetime as dt
import uuid

import pytest
from playwright.sync_api import Page, expect

from services.tooling.api_client import BASE
from services.tooling.demo_seed import GOSUSLUGI_PASSWORD
from tests.e2e.test_pages_in_browser import new_page, screenshot, sign_in_at_keycloak  # noqa: F401 (fixture)
from tests.support import stack
from tests.support.school import seed_school

pytestmark = pytest.mark.stack


@pytest.fixture(scope="module")
def school(installation):
    seeded = seed_school(stack.env(), f"Школа № {uuid.uuid4().hex[:6]} (сообщения в браузере)")
    sid, admin, group = seeded["school"]["id"], seeded["admin_api"], seeded["class_group"]
    admin.put(f"/schools/{sid}/class-groups/{group['id']}/form-teacher", {"person_id": seeded["teacher"]["person"]["id"]})
    return {"id": sid, "class_group_id": group["id"],
            **{role: (seeded[role]["person"]["username"], seeded[role]["password"]) for role in ("teacher", "deputy")}}


def signed_in(page: Page, credentials: tuple[str, str] | None = None) -> Page:
    page.goto(f"{BASE}/login")
    if credentials is None:
        page.get_by_role("link", name="Войти через Госуслуги").click()
        sign_in_at_keycloak(page, "ivanova", GOSUSLUGI_PASSWORD)
    else:
        page.get_by_role("link", name="Войти", exact=True).click()
        sign_in_at_keycloak(page, *credentials)
    return page


def test_a_guardian_writes_the_teacher_answers_and_the_deputy_head_sees_a_late_answer(school, new_page):  # noqa: F811
    sid = school["id"]
    mother = signed_in(new_page())
    mother.goto(f"{BASE}/schools/{sid}/messages/new")
    expect(mother.get_by_role("heading", level=1)).to_have_text("Новое сообщение")
    mother.get_by_label("Кому").select_option(index=0)
    expect(mother.get_by_label("Кому")).to_contain_text("классный руководитель")
    mother.get_by_label("Тема", exact=True).fill("Экскурсия")
    mother.get_by_label("Сообщение").fill("Во сколько сбор у школы?")
    mother.get_by_role("button", name="Отправить").click()
    expect(mother.get_by_role("heading", level=1)).to_have_text("Экскурсия")
    expect(mother.locator(".message.guardian .text")).to_have_text("Во сколько сбор у школы?")
    screenshot(mother, "messaging-thread-guardian.png")

    teacher = signed_in(new_page(), school["teacher"])
    teacher.goto(f"{BASE}/schools/{sid}/messages")
    row = teacher.locator("tr.thread.unread").filter(has_text="Экскурсия")
    expect(row).to_contain_text("Иванов Пётр")
    row.get_by_role("link", name="Экскурсия").click()
    teacher.get_by_label("Ответ").fill("В 9:00 у главного входа")
    teacher.get_by_role("button", name="Отправить").click()
    expect(teacher.locator(".message.staff .text")).to_have_text("В 9:00 у главного входа")

    mother.goto(f"{BASE}/schools/{sid}/messages/new")
    mother.get_by_label("Тема", exact=True).fill("Справка")
    mother.get_by_label("Сообщение").fill("Куда принести справку?")
    mother.get_by_role("button", name="Отправить").click()
    expect(mother.get_by_role("heading", level=1)).to_have_text("Справка")

    deputy = signed_in(new_page(), school["deputy"])
    deputy.goto(f"{BASE}/")
    deputy.get_by_role("link", name="Контроль ответов родителям: переписки без ответа дольше срока").first.click()
    expect(deputy.get_by_role("heading", level=1)).to_have_text("Контроль ответов родителям")
    expect(deputy.locator("tr.overdue-thread").filter(has_text="Справка")).to_have_count(0)
    later = (dt.date.today() + dt.timedelta(days=10)).isoformat()
    deputy.goto(f"{BASE}/schools/{sid}/messages/control?on={later}")
    late = deputy.locator("tr.overdue-thread").filter(has_text="Справка")
    expect(late).to_contain_text("Кузнецов Андрей")
    expect(late).to_contain_text("(классный руководитель)")
    expect(deputy.locator("tr.overdue-thread").filter(has_text="Экскурсия")).to_have_count(0)  # answered
    screenshot(deputy, "messaging-control.png")


def test_a_guardian_acknowledges_a_class_notice(school, new_page):  # noqa: F811
    sid = school["id"]
    teacher = signed_in(new_page(), school["teacher"])
    teacher.goto(f"{BASE}/schools/{sid}/notices")
    teacher.get_by_label("Кому").select_option("class")
    teacher.locator("select[name=class_group_id]").select_option(school["class_group_id"])
    teacher.get_by_label("Заголовок", exact=True).fill("Родительское собрание")
    teacher.get_by_label("Текст", exact=True).fill("В четверг в 18:00, кабинет 21")
    teacher.get_by_label("попросить подтвердить «ознакомлен»").check()
    teacher.get_by_role("button", name="Отправить").click()
    expect(teacher.locator(".notice")).to_have_text("Объявление отправлено")

    mother = signed_in(new_page())
    mother.goto(f"{BASE}/schools/{sid}/notices")
    item = mother.locator(".notice-item").filter(has_text="Родительское собрание")
    item.get_by_role("button", name="Ознакомлен").click()
    expect(mother.locator(".notice-item").filter(has_text="Родительское собрание").locator(".acknowledged")
           ).to_contain_text("Ознакомлен")
    screenshot(mother, "messaging-notices.png")

    teacher.goto(f"{BASE}/schools/{sid}/notices")
    sent = teacher.get_by_role("row").filter(has_text="Родительское собрание")
    expect(sent.locator("td").nth(4)).to_have_text("1")
