"""The journal's copy of schedule's answers on the running installation (services/journal/adapters/peer_cache.py): a
lesson asked once is served from the copy well past the 5 s bound while schedule's events flow (their relay's
heartbeats keep the copy current), and a save is refused as soon as the journal has read the event that cancelled
the lesson or closed its year (otmetka_copy_current_until_seconds past the change), not 5 s later."""
import re
import time
import uuid

import pytest
import requests

from services import topology
from services.journal.adapters.peer_cache import DEFAULT_TTL_SECONDS
from tests.support import stack
from tests.support.api import Api
from tests.support.school import seed_school

pytestmark = pytest.mark.stack
METRICS = f"http://127.0.0.1:{topology.METRICS_PORTS['journal']}/metrics"


def journal_metric(name: str, labels: str = "") -> float:
    text = requests.get(METRICS, timeout=10).text
    found = re.search(rf"^{name}{re.escape(labels)} (\S+)$", text, re.MULTILINE)
    return float(found.group(1)) if found else 0.0


def lesson_hits() -> float:
    return journal_metric("otmetka_copy_lookups_total", '{kind="lesson",result="hit"}')


def wait_until_current(since: float) -> None:
    """Until the journal has applied every event schedule and identity committed before `since`."""
    deadline = time.monotonic() + 20
    while journal_metric("otmetka_copy_current_until_seconds") <= since:
        assert time.monotonic() < deadline, "the journal's copy did not become current within 20 s"
        time.sleep(0.05)


@pytest.fixture(scope="module")
def school(installation):
    seeded = seed_school(stack.env(), f"Копия {uuid.uuid4().hex[:6]}")
    sid, admin, group, teacher = seeded["school"]["id"], seeded["admin_api"], seeded["class_group"], seeded["teacher"]
    admin.post(f"/schools/{sid}/timetable", {
        "class_group_id": group["id"], "subject_id": seeded["subject"]["id"], "teacher_id": teacher["person"]["id"],
        "weekday": 2, "lesson_number": 1, "starts_at": "08:30", "ends_at": "09:15", "room": "21"})
    lessons = admin.get(f"/schools/{sid}/lessons", params={"class_group_id": group["id"], "from": "2025-09-01",
                                                           "to": "2025-09-02"})["lessons"]
    return {"sid": sid, "admin": admin, "year_id": seeded["year"]["id"], "lessons": [x["id"] for x in lessons],
            "students": [s["id"] for s in seeded["students"]],
            "teacher": Api(stack.password_token(teacher["person"]["username"], teacher["password"]))}


def save(school: dict, lesson_id: str, value: str) -> requests.Response:
    return school["teacher"].request("PUT", f"/schools/{school['sid']}/lessons/{lesson_id}/record", json={
        "topic": "Дроби", "homework": "", "reason": "Урок прошёл, вносим по тетради",
        "marks": [{"student_id": school["students"][0], "value": value}], "attendance": []})


def test_a_lesson_is_served_from_the_copy_past_the_bound_and_refused_once_its_cancellation_is_read(school):
    monday, tuesday = school["lessons"]
    assert save(school, monday, "4").status_code == 200
    wait_until_current(time.time())  # the school's setup events (lessons scheduled…) are applied: nothing drops it
    assert save(school, monday, "5").status_code == 200  # kept from here on
    time.sleep(DEFAULT_TTL_SECONDS + 1)
    hits = lesson_hits()
    assert save(school, monday, "4").status_code == 200
    assert lesson_hits() == hits + 1, "6 s after it was asked, the lesson came from the copy"

    school["admin"].post(f"/schools/{school['sid']}/lessons/{monday}/cancel", {"reason": "Карантин"}, expect=200)
    wait_until_current(time.time())
    refused = save(school, monday, "3")
    assert refused.status_code == 409, refused.text
    assert "отменён" in refused.json()["error"]["message"]

    assert save(school, tuesday, "4").status_code == 200  # asked and kept
    school["admin"].post(f"/schools/{school['sid']}/academic-years/{school['year_id']}/close", expect=200)
    wait_until_current(time.time())
    refused = save(school, tuesday, "5")
    assert refused.status_code == 409, refused.text
    assert "закрыт" in refused.json()["error"]["message"]
