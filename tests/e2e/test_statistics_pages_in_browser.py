"""The pages issue 13 added without a browser test of their own, in headless Chromium through the running gateway:
the deputy head opens form ОШ-1 of the school and the week's user activity from the home page; the operator opens the
municipality's ОШ-1; the teacher reads the deputy head's remark on their journal and answers it on the remarks page.
Keeps screenshots in .run/screenshots/."""
import uuid

import pytest
from playwright.sync_api import expect

from services.tooling.api_client import Api
from tests.e2e.test_console_in_browser import log_in
from tests.e2e.test_pages_in_browser import new_page, screenshot  # noqa: F401 (fixture)
from tests.support import stack
from tests.support.school import seed_school

pytestmark = pytest.mark.stack


@pytest.fixture(scope="module")
def school(installation):
    seeded = seed_school(stack.env(), f"Школа № {uuid.uuid4().hex[:6]} (статистика в браузере)")
    deputy = Api(stack.password_token(seeded["deputy"]["person"]["username"], seeded["deputy"]["password"]))
    remark = deputy.post(f"/schools/{seeded['school']['id']}/control-remarks", {
        "teacher_id": seeded["teacher"]["person"]["id"], "text": "Нет темы урока 08.09 в 5А"})
    return {**seeded, "remark": remark}


def test_the_deputy_head_opens_form_osh1_and_the_weeks_activity(school, new_page):  # noqa: F811
    page = new_page()
    log_in(page, school["deputy"]["person"]["username"], school["deputy"]["password"], "/")
    page.get_by_role("link", name="форма ОШ-1").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Форма ОШ-1")
    expect(page.get_by_role("heading", level=2).first).to_contain_text("Раздел 1")
    screenshot(page, "reports-form-osh1.png")
    page.go_back()
    page.get_by_role("link", name="активность пользователей", exact=False).click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Активность пользователей электронного журнала")
    expect(page.get_by_role("heading", level=2).first).to_contain_text("Неделя с")
    screenshot(page, "reports-user-activity.png")


def test_the_operator_opens_the_municipalitys_form_osh1(new_page):  # noqa: F811
    page = new_page()
    log_in(page, "operator", stack.env()["OTMETKA_OPERATOR_PASSWORD"], "/")
    page.get_by_role("link", name="Форма ОШ-1 муниципалитета (федеральная статистика): все школы").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Форма ОШ-1: все школы муниципалитета")
    expect(page.get_by_role("heading", level=2).first).to_contain_text("Раздел 1")


def test_the_teacher_answers_the_deputy_heads_remark(school, new_page):  # noqa: F811
    page = new_page()
    log_in(page, school["teacher"]["person"]["username"], school["teacher"]["password"], "/")
    page.get_by_role("link", name="Замечания по ведению журнала и мои ответы").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Замечания по ведению журнала")
    row = page.locator("tr").filter(has_text="Нет темы урока 08.09 в 5А")
    row.get_by_label("Ответ на замечание").fill("Тема внесена 09.09")
    row.get_by_role("button", name="Ответить").click()
    expect(page.get_by_text("Ответ записан")).to_be_visible()
    expect(page.locator("tr").filter(has_text="Нет темы урока 08.09 в 5А")).to_contain_text("Тема внесена 09.09")
    screenshot(page, "journal-remarks.png")
