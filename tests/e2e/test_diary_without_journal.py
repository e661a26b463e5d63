"""The diary while the journal service is down (issue 16, "degrade, don't fall over"): a teacher records the first
Monday (topic, homework, a mark); once reporting's weekly diary has it, the journal service is stopped under the
launcher's supervisord; the guardian's diary page shows the week with the banner and the homework, read-only, and the
REST diary answers it with "stale": true and X-Otmetka-Stale, for the guardian and the deputy head alike; the other
family's guardian still sees nothing of Пётр. Then the journal is started again and the diary is live again (no
banner, the flag form back). The journal is started again in any case (finally)."""
import uuid

import pytest

from gateway.stale_diary import STALE_HEADER, STALE_NOTICE
from services import launcher
from services.tooling.api_client import BASE
from services.tooling.demo_seed import GOSUSLUGI_PASSWORD
from tests.support import stack
from tests.support.api import Api, browser_login
from tests.support.mailpit import wait_until
from tests.support.school import seed_school

pytestmark = pytest.mark.stack

MONDAY = "2025-09-01"
HOMEWORK = "§ 7, № 14 и 15"
BACK = 240  # seconds: the journal's start and the gateway's gRPC channel reconnecting (bounded, generous)


@pytest.fixture(scope="module")
def school(installation):
    """A seeded school whose teacher recorded the first Monday for Иванов Пётр; waited for until reporting's weekly
    diary has it (the journal's events, through Kafka)."""
    seeded = seed_school(stack.env(), f"Без журнала {uuid.uuid4().hex[:6]}")
    sid, admin, teacher = seeded["school"]["id"], seeded["admin_api"], seeded["teacher"]
    petr = seeded["students"][0]
    Api(stack.password_token(teacher["person"]["username"], teacher["password"])).put(
        f"/schools/{sid}/lessons/{seeded['lesson']['id']}/record", {
            "topic": "Деление дробей", "homework": HOMEWORK, "reason": "Запись урока",
            "marks": [{"student_id": petr["id"], "value": "4", "work_type": "test", "comment": "Проверь задачу 3"}]})

    def reported():
        week = admin.get(f"/schools/{sid}/reports/weekly-diaries", params={
            "class_group_id": seeded["class_group"]["id"], "week_of": MONDAY, "student_id": petr["id"]})
        lessons = [lesson for student in week["students"] for lesson in student.get("lessons", [])]
        return any(lesson.get("homework") == HOMEWORK and lesson.get("marks") for lesson in lessons)

    wait_until(reported, timeout=120, what="reporting's weekly diary having the recorded Monday")
    deputy = seeded["deputy"]
    return {"sid": sid, "petr": petr, "deputy": Api(stack.password_token(deputy["person"]["username"],
                                                                         deputy["password"]))}


def page(session, school: dict) -> str:
    resp = session.get(f"{BASE}/schools/{school['sid']}/students/{school['petr']['id']}/diary",
                       params={"week": MONDAY}, timeout=60)
    assert resp.status_code == 200, resp.text[:500]
    return resp.text


def rest(api: Api, school: dict, expect: int = 200):
    return api.request("GET", f"/schools/{school['sid']}/students/{school['petr']['id']}/diary", expect,
                       params={"from": MONDAY, "to": "2025-09-07"})


def test_the_diary_serves_the_last_known_week_while_the_journal_is_down(school):
    ivanova = browser_login("ivanova", GOSUSLUGI_PASSWORD, idp="gosuslugi").session
    petrov = browser_login("petrov", GOSUSLUGI_PASSWORD, idp="gosuslugi").session  # Дарья's father
    live = page(ivanova, school)
    assert HOMEWORK in live and STALE_NOTICE not in live and "Отметка неверна?" in live
    sup = launcher.supervisor()
    sup.stop("journal")
    try:
        stale = page(ivanova, school)
        for text in (STALE_NOTICE, HOMEWORK, "Деление дробей", "Проверь задачу 3"):
            assert text in stale, text
        assert "Отметка неверна?" not in stale  # read-only
        for api in (Api(session=ivanova), school["deputy"]):
            resp = rest(api, school)
            body = resp.json()
            assert (resp.headers[STALE_HEADER], body["stale"]) == ("reporting", True)
            [entry] = body["entries"]
            assert (entry["homework"], [m["value"] for m in entry["marks"]]) == (HOMEWORK, ["4"])
        assert rest(Api(session=petrov), school, expect=503).json()["error"]["code"] == "UNAVAILABLE"
    finally:
        sup.start("journal")
        launcher.wait_ready(sup, ["journal"])
    again = wait_until(lambda: (found := page(ivanova, school)) and STALE_NOTICE not in found and found,
                       timeout=BACK, what="the live diary after the journal's start")
    assert HOMEWORK in again and "Отметка неверна?" in again
    assert STALE_HEADER not in rest(Api(session=ivanova), school).headers
