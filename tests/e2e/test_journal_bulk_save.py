"""The bulk lesson save end to end through the gateway (PUT /schools/{id}/lessons/records): a teacher who kept a
week offline enters its five lessons in one call; a bad lesson refuses the call by its index and writes nothing;
re-sending the same call adds nothing; more than 50 lessons are refused; nobody else records the teacher's lessons."""
import datetime as dt
import uuid

import pytest

from tests.support import stack
from tests.support.api import Api
from tests.support.school import seed_school

pytestmark = pytest.mark.stack

WEEK = {"from": "2025-09-01", "to": "2025-09-07"}  # Monday 1 to Friday 5 September: five lessons
REASON = "Уроки недели велись без связи, переносим из тетради"


@pytest.fixture(scope="module")
def school(installation):
    seeded = seed_school(stack.env(), f"Пакет {uuid.uuid4().hex[:6]}")
    sid, admin, group = seeded["school"]["id"], seeded["admin_api"], seeded["class_group"]
    teacher = seeded["teacher"]
    for weekday in (2, 3, 4, 5):
        admin.post(f"/schools/{sid}/timetable", {
            "class_group_id": group["id"], "subject_id": seeded["subject"]["id"], "teacher_id": teacher["person"]["id"],
            "weekday": weekday, "lesson_number": 1, "starts_at": "08:30", "ends_at": "09:15", "room": "21"})
    lessons = admin.get(f"/schools/{sid}/lessons", params={"class_group_id": group["id"], **WEEK})["lessons"]
    assert len(lessons) == 5
    return {"sid": sid, "admin": admin, "deputy": Api(stack.password_token(seeded["deputy"]["person"]["username"],
                                                                           seeded["deputy"]["password"])),
            "teacher": Api(stack.password_token(teacher["person"]["username"], teacher["password"])),
            "teacher_id": teacher["person"]["id"], "lessons": [lesson["id"] for lesson in lessons],
            "students": [s["id"] for s in seeded["students"]],
            "since": (dt.datetime.now(dt.UTC) - dt.timedelta(seconds=1)).isoformat()}


def body(school: dict, bad_value_at: int | None = None) -> dict:
    first, second = school["students"]
    return {"lessons": [{
        "lesson_id": lesson_id, "topic": f"Тема {day + 1}", "homework": f"§{day + 1}", "reason": REASON,
        "marks": [{"student_id": first, "value": "6" if day == bad_value_at else str(2 + day % 4)},
                  {"student_id": second, "value": "5", "work_type": "test", "comment": "контрольная"}],
        "attendance": [{"student_id": second, "status": "late"}] if day % 2 else []}
        for day, lesson_id in enumerate(school["lessons"])]}


def changes(school: dict) -> list[dict]:
    return school["admin"].get(f"/schools/{school['sid']}/people/{school['teacher_id']}/journal-changes",
                               params={"since": school["since"]})["changes"]


def test_a_bad_lesson_refuses_the_whole_call_and_names_its_index(school):
    before = changes(school)  # the module's other tests may have saved these lessons already
    bad = body(school, 2)
    for lesson in bad["lessons"]:  # topics nobody saved: were a good lesson written, it would show as a change
        lesson["topic"] += " (не сохранится)"
    resp = school["teacher"].request("PUT", f"/schools/{school['sid']}/lessons/records", json=bad)
    assert resp.status_code == 422, resp.text
    error = resp.json()["error"]
    assert "lessons[2].marks[0].value" in error["fields"] and "lessons[2]" in error["message"], error
    assert changes(school) == before, "nothing of the four good lessons was written"


def test_the_week_is_saved_in_one_call_and_a_resend_adds_nothing(school):
    path = f"/schools/{school['sid']}/lessons/records"
    saved = school["teacher"].put(path, body(school))["records"]
    assert [r["lesson_id"] for r in saved] == school["lessons"]
    assert [r["topic"] for r in saved] == [f"Тема {d}" for d in range(1, 6)]
    assert all(len(r["marks"]) == 2 for r in saved)
    listed = changes(school)
    assert len(listed) == 5 * 4 + 2, "topic, homework and two marks a lesson, two latecomers"
    assert {c["reason"] for c in listed} == {REASON}
    record = school["teacher"].get(f"/schools/{school['sid']}/lessons/{school['lessons'][1]}/record")
    assert record == saved[1]
    assert school["teacher"].put(path, body(school))["records"] == saved
    assert len(changes(school)) == len(listed), "the same week again: no change"


def test_limits_and_who_may_record(school):
    path = f"/schools/{school['sid']}/lessons/records"
    too_many = {"lessons": [{"lesson_id": str(uuid.uuid4())} for _ in range(51)]}
    resp = school["teacher"].request("PUT", path, json=too_many)
    assert resp.status_code == 422 and "lessons" in resp.json()["error"]["fields"], resp.text
    resp = school["teacher"].request("PUT", path, json={"lessons": [{"topic": "без урока"}]})
    assert resp.status_code == 400 and "lessons[0].lesson_id" in resp.json()["error"]["fields"]
    resp = school["admin"].request("PUT", path, json=body(school))  # the school administrator keeps no journal
    assert resp.status_code == 403, resp.text
