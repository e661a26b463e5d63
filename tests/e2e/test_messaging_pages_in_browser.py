"""The messaging pages in headless Chromium through the running gateway: the guardian (through the Gosuslugi
stand-in) writes to the form teacher from the new-message form; the teacher sees the unread thread in the inbox and
answers; the deputy head's control page, asked for a day ten days on, lists the thread that waited; the guardian
acknowledges a class notice; a complaint lets the school administrator read the thread, withdrawn text too, and the
deputy head sees the reading in the log; the guardian gives an e-mail address on a phone, confirms it from the mail (read from
Mailpit) without logging in, has the week's digest sent and leaves it through the mail's unsubscribe page. Keeps
screenshots in .run/screenshots/."""
import datetime as dt
import re
import uuid

import pytest
from playwright.sync_api import Page, expect

from services.tooling.api_client import BASE
from services.tooling.demo_seed import GOSUSLUGI_PASSWORD
from tests.e2e.test_pages_in_browser import new_page, screenshot, sign_in_at_keycloak  # noqa: F401 (fixture)
from tests.support import stack
from tests.support.mailpit import address, stack_mailpit
from tests.support.school import seed_school

pytestmark = pytest.mark.stack


@pytest.fixture(scope="module")
def school(installation):
    seeded = seed_school(stack.env(), f"Школа № {uuid.uuid4().hex[:6]} (сообщения в браузере)")
    sid, admin, group = seeded["school"]["id"], seeded["admin_api"], seeded["class_group"]
    admin.put(f"/schools/{sid}/class-groups/{group['id']}/form-teacher", {"person_id": seeded["teacher"]["person"]["id"]})
    return {"id": sid, "class_group_id": group["id"], "admin": (seeded["admin"]["username"], seeded["admin"]["password"]),
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


def test_a_guardian_confirms_an_address_gets_the_digest_and_unsubscribes_on_a_phone(school, chromium):
    sid, mailpit, to = school["id"], stack_mailpit(), address("ivanova")
    teacher = signed_in(chromium.new_context(locale="ru-RU").new_page(), school["teacher"])
    teacher.goto(f"{BASE}/schools/{sid}/notices")  # a notice of today: the week's digest has something to tell
    teacher.get_by_label("Кому").select_option("class")
    teacher.locator("select[name=class_group_id]").select_option(school["class_group_id"])
    teacher.get_by_label("Заголовок", exact=True).fill("Экскурсия в музей")
    teacher.get_by_label("Текст", exact=True).fill("В субботу, сбор в 10:00")
    teacher.get_by_role("button", name="Отправить").click()
    expect(teacher.locator(".notice")).to_have_text("Объявление отправлено")
    teacher.context.close()

    phone = chromium.new_context(locale="ru-RU", viewport={"width": 360, "height": 740}, is_mobile=True,
                                 has_touch=True)
    try:
        mother = signed_in(phone.new_page())
        mother.goto(f"{BASE}/schools/{sid}/notices")
        mother.get_by_role("link", name="Настройки уведомлений и почты").click()
        expect(mother.get_by_role("heading", level=1)).to_have_text("Настройки уведомлений и почты")
        mother.get_by_label("Адрес").fill(to)
        mother.get_by_label("Сводка дневника по почте").select_option("weekly")
        mother.get_by_label("Отметка «2»: по почте").check()
        mother.get_by_role("button", name="Сохранить").click()
        expect(mother.locator(".notice")).to_contain_text("отправлено письмо со ссылкой")
        expect(mother.get_by_text("Адрес не подтверждён")).to_be_visible()
        assert mother.evaluate("document.documentElement.scrollWidth") <= 360
        screenshot(mother, "family-mail-settings.png")

        [confirmation] = mailpit.wait_for(to)
        link = re.search(r"http://\S+/mail/confirm/\S+", mailpit.message(confirmation["ID"])["Text"]).group(0)
        stranger = phone.browser.new_context(locale="ru-RU").new_page()  # the mail opened anywhere: no session
        stranger.goto(link)
        stranger.get_by_role("button", name="Подтвердить адрес").click()
        expect(stranger.locator(".notice")).to_contain_text(f"Адрес {to} подтверждён")
        stranger.context.close()

        mother.reload()
        expect(mother.get_by_text("Адрес подтверждён.")).to_be_visible()
        expect(mother.get_by_label("Отметка «2»: по почте")).to_be_checked()
        mother.get_by_role("button", name="Прислать сводку за эту неделю сейчас").click()
        expect(mother.locator(".notice")).to_have_text("Сводка отправлена на вашу почту")
        [digest] = [m for m in mailpit.wait_for(to, count=2) if m["Subject"].startswith("Дневник за неделю")]
        assert "Экскурсия в музей" in mailpit.message(digest["ID"])["Text"]
        [unsubscribe] = mailpit.headers(digest["ID"])["List-Unsubscribe"]
        leaving = phone.browser.new_context(locale="ru-RU").new_page()
        leaving.goto(unsubscribe.strip("<>"))
        expect(leaving.locator("section.card")).to_contain_text("сводку дневника по электронной почте")
        leaving.get_by_role("button", name="Отписаться").click()
        expect(leaving.locator(".notice")).to_contain_text("вы отписались")
        leaving.context.close()
        mother.reload()
        expect(mother.get_by_label("Сводка дневника по почте")).to_have_value("none")
    finally:
        phone.close()
        mailpit.delete_to(to)


def test_the_administrator_reads_a_complained_thread_and_the_deputy_head_sees_the_reading(school, new_page):  # noqa: F811
    sid = school["id"]
    mother = signed_in(new_page())
    mother.goto(f"{BASE}/schools/{sid}/messages/new")
    mother.get_by_label("Кому").select_option(index=0)
    mother.get_by_label("Тема", exact=True).fill("Замечание на уроке")
    mother.get_by_label("Сообщение").fill("Сказанное сгоряча")
    mother.get_by_role("button", name="Отправить").click()
    mother.get_by_role("button", name="Отозвать").click()
    expect(mother.locator(".message.guardian .withdrawn")).to_contain_text("Сообщение отозвано автором")
    mother.locator("details.complaint summary").click()
    mother.get_by_label("Причина").fill("Прошу разобраться")
    mother.get_by_role("button", name="Подать жалобу").click()
    expect(mother.locator(".notice")).to_contain_text("Жалоба подана")

    admin = signed_in(new_page(), school["admin"])
    admin.goto(f"{BASE}/")
    admin.get_by_role("link", name="Жалобы на переписку").first.click()
    row = admin.locator("tr.complaint-row").filter(has_text="Прошу разобраться")
    expect(row).to_contain_text("Иванов Пётр")
    row.get_by_role("button", name="Прочитать переписку").click()
    expect(admin.get_by_role("heading", level=1)).to_have_text("Переписка по жалобе: Замечание на уроке")
    expect(admin.locator(".message.guardian .text")).to_have_text("Сказанное сгоряча")  # withdrawn, kept
    expect(admin.locator(".message.guardian .withdrawn")).to_contain_text("отозвано автором")
    screenshot(admin, "messaging-complaint-reading.png")

    deputy = signed_in(new_page(), school["deputy"])
    deputy.goto(f"{BASE}/schools/{sid}/messages/complaints")
    expect(deputy.get_by_role("button", name="Прочитать переписку")).to_have_count(0)  # the administrator only
    expect(deputy.locator("table.complaint-readings tbody tr").first).to_contain_text("Смирнова Ольга")
