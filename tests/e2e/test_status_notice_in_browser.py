"""The operator's status notice in headless Chromium, through the running gateway: the operator signs in, opens
«Объявление для всех страниц» from the console, is refused a blank text (422, said in Russian), publishes a notice
with an end time; a teacher of a seeded school sees it on their pages (every gunicorn worker reads it within a few
seconds); the operator removes it and it is gone from the teacher's pages. The notice is removed in any case."""
import uuid

import pytest
from playwright.sync_api import expect

from services.tooling.api_client import BASE, Api
from tests.e2e.test_console_in_browser import log_in
from tests.e2e.test_pages_in_browser import new_page, screenshot  # noqa: F401 (fixture)
from tests.support import stack
from tests.support.school import seed_school

pytestmark = pytest.mark.stack

TEXT = f"Сегодня первый учебный день: дневник может открываться медленно ({uuid.uuid4().hex[:6]})"
CACHED = 30_000  # ms: each worker reads the notice at most every 5 s; generous on a loaded machine


def shows(page, present: bool) -> None:
    """Reloaded until the notice is (not) on the page, for as long as the workers' caches may take."""
    notice = page.locator(".status-notice")
    for _ in range(CACHED // 1000):
        page.reload()
        if (notice.count() > 0 and TEXT in notice.inner_text()) == present:
            return
        page.wait_for_timeout(1000)
    raise AssertionError(f"the teacher's page {'did not show' if present else 'still shows'} the notice")


@pytest.fixture
def teacher(installation):
    return seed_school(stack.env(), f"Объявление {uuid.uuid4().hex[:6]}")["teacher"]


def test_the_operator_sets_a_notice_every_page_shows_until_it_is_removed(teacher, new_page):  # noqa: F811
    operator = new_page()
    log_in(operator, "operator", stack.env()["OTMETKA_OPERATOR_PASSWORD"], "/console")
    reader = new_page()
    log_in(reader, teacher["person"]["username"], teacher["password"], "/")
    try:
        operator.get_by_role("link", name="Объявление для всех страниц (сбои, тяжёлые дни)").click()
        expect(operator.get_by_role("heading", level=1)).to_have_text("Объявление для всех страниц")
        operator.get_by_label("Текст объявления").fill("   ")
        with operator.expect_response(f"{BASE}/authority/status-notice") as refused:
            operator.get_by_role("button", name="Опубликовать").click()
        assert refused.value.status == 422
        expect(operator.get_by_role("alert")).to_contain_text("Введите текст объявления")
        operator.get_by_label("Текст объявления").fill(TEXT)
        operator.get_by_label("Показывать до").fill("2099-09-01T18:00")
        operator.get_by_role("button", name="Опубликовать").click()
        expect(operator.locator("p.notice")).to_have_text("Объявление опубликовано.")
        expect(operator.locator(".status-notice")).to_contain_text(TEXT)
        expect(operator.locator(".current-text")).to_have_text(TEXT)

        shows(reader, True)
        expect(reader.locator(".status-notice")).to_contain_text("(до 01.09.2099 18:00)")
        screenshot(reader, "status-notice.png")
        assert Api(stack.operator_token()).get("/status-notice")["notice"]["text"] == TEXT
        operator.get_by_role("button", name="Снять объявление").click()
        expect(operator.locator("p.notice")).to_have_text("Объявление снято.")
        expect(operator.locator(".status-notice")).to_have_count(0)
        shows(reader, False)
    finally:
        Api(stack.operator_token()).request("DELETE", "/status-notice", expect=200)
