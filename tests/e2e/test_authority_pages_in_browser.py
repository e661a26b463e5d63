"""The municipal authority's Russian pages in headless Chromium, through the running gateway: the operator logs in
(as in test_console_in_browser), follows «Показатели школ» from the home page, picks 2025/2026 and 1 четверть, sorts
by knowledge quality, opens a seeded school's drill-down (5А's mathematics on 08.09.2025: Иванов 5, Петрова 3 —
quality 50 %) and sees its periods and grades, and no person's name. Keeps screenshots in .run/screenshots/."""
import pytest
from playwright.sync_api import expect

from services.tooling.api_client import BASE, Api
from tests.e2e.test_authority_api import computed, seed_marked
from tests.e2e.test_console_in_browser import log_in
from tests.e2e.test_pages_in_browser import new_page, screenshot  # noqa: F401 (fixture)
from tests.support import stack

pytestmark = pytest.mark.stack


@pytest.fixture
def school(installation):
    """A seeded school with 5А's marks of the first quarter, computed into the authority's aggregates."""
    seeded = seed_marked("показатели в браузере")
    computed(Api(stack.operator_token()), seeded["school"]["id"])
    return {"id": seeded["school"]["id"], "name": seeded["school"]["name"]}


def test_the_operator_compares_the_schools_and_drills_down(school, new_page):  # noqa: F811
    page = new_page()
    log_in(page, "operator", stack.env()["OTMETKA_OPERATOR_PASSWORD"], "/")
    page.get_by_role("link", name="Показатели школ: успеваемость").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Показатели школ муниципалитета")
    page.locator('select[name="year"]').select_option("2025/2026")
    page.get_by_role("button", name="Показать").click()  # the periods offered are the chosen year's
    page.locator('select[name="period"]').select_option("q1")
    page.get_by_role("button", name="Показать").click()
    row = page.locator(f"tr[data-school='{school['id']}']")
    expect(row).to_contain_text("50.0")
    expect(row).to_contain_text("100.0")
    expect(page.locator("tr.total")).to_contain_text("Итого по муниципалитету")
    page.get_by_role("link", name="Качество знаний, %").click()
    expect(page.get_by_role("link", name="Качество знаний, % ↓")).to_be_visible()
    screenshot(page, "authority-overview.png")
    page.locator(f"tr[data-school='{school['id']}']").get_by_role("link", name=school["name"]).click()
    expect(page.get_by_role("heading", level=1)).to_have_text(school["name"])
    expect(page.locator("tr[data-period='q1'][data-grade='0']")).to_contain_text("вся школа")
    expect(page.locator("tr[data-period='q1'][data-grade='5']")).to_contain_text("50.0")
    expect(page.locator("body")).not_to_contain_text("Иванов")
    expect(page.locator("body")).not_to_contain_text("Петрова")
    screenshot(page, "authority-school.png")
    assert page.url.startswith(f"{BASE}/authority/schools/{school['id']}")
