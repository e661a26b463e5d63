"""The journal end to end through the gateway: a teacher fills a week of lessons for a class of 30 with the grid
calls, the rules refuse bad entries with clear 4xx answers that write nothing, a guardian reads the week in the
diary, and the ledger (a person's journal changes) shows every change."""
import datetime as dt
import uuid
from decimal import ROUND_HALF_UP, Decimal

import pytest

from services.tooling.demo_seed import GOSUSLUGI_PASSWORD
from tests.support import stack
from tests.support.api import Api, browser_login, with_csrf
from tests.support.school import seed_school

pytestmark = pytest.mark.stack

WEEK = {"from": "2025-09-01", "to": "2025-09-07"}  # Monday 1 to Friday 5 September: five lessons
REASON = "Заполнение журнала за неделю"


LETTERS = "абвгде"  # names are letters only: 28 surnames Ученикаа … Ученикдг


def marks_of_day(day: int, students: list[dict]) -> dict[str, str]:
    """About a third of the class gets a mark each day."""
    return {s["id"]: str(2 + (i + day) % 4) for i, s in enumerate(students) if (i + day) % 3 == 0}


@pytest.fixture(scope="module")
def week(installation):
    seeded = seed_school(stack.env(), f"Журнал {uuid.uuid4().hex[:6]}")
    sid, admin, group = seeded["school"]["id"], seeded["admin_api"], seeded["class_group"]
    extra = [admin.post(f"/schools/{sid}/people", {
        "kind": "student", "last_name": f"Ученик{LETTERS[n // 6]}{LETTERS[n % 6]}", "first_name": "Тест",
        "middle_name": "", "gender": "male",
        "birth_date": "2014-02-01", "class_group_id": group["id"]})["person"] for n in range(28)]
    teacher = seeded["teacher"]
    for weekday in (2, 3, 4, 5):
        admin.post(f"/schools/{sid}/timetable", {
            "class_group_id": group["id"], "subject_id": seeded["subject"]["id"], "teacher_id": teacher["person"]["id"],
            "weekday": weekday, "lesson_number": 1, "starts_at": "08:30", "ends_at": "09:15", "room": "21"})
    return {"sid": sid, "admin": admin, "group": group["id"], "subject": seeded["subject"]["id"],
            "students": seeded["students"] + extra, "teacher_id": teacher["person"]["id"],
            "teacher": Api(stack.password_token(teacher["person"]["username"], teacher["password"])),
            "since": (dt.datetime.now(dt.UTC) - dt.timedelta(seconds=1)).isoformat()}


def grid(week_: dict) -> dict:
    return week_["teacher"].get(f"/schools/{week_['sid']}/grid", params={
        "class_group_id": week_["group"], "subject_id": week_["subject"], **WEEK})


def changes(week_: dict) -> list[dict]:
    return week_["admin"].get(f"/schools/{week_['sid']}/people/{week_['teacher_id']}/journal-changes",
                              params={"since": week_["since"]})["changes"]


@pytest.fixture(scope="module")
def filled(week):
    """The teacher opens the grid of the week and saves every lesson: topic, homework, marks, two absences."""
    sid, students = week["sid"], week["students"]
    empty = grid(week)
    assert len(empty["lessons"]) == 5 and len(empty["students"]) == 30
    saved = 0
    for day, lesson in enumerate(empty["lessons"]):
        marks = marks_of_day(day, students)
        absent = [students[(day * 7) % 30]["id"], students[(day * 7 + 3) % 30]["id"]]
        record = week["teacher"].put(f"/schools/{sid}/lessons/{lesson['lesson_id']}/record", {
            "topic": f"Тема урока {day + 1}", "homework": f"§{day + 1}, № {day * 10 + 1}", "reason": REASON,
            "marks": [{"student_id": s, "value": v} for s, v in marks.items() if s not in absent],
            "attendance": [{"student_id": s, "status": "absent"} for s in absent]})
        assert record["topic"] == f"Тема урока {day + 1}"
        saved += 2 + len([s for s in marks if s not in absent]) + len(absent)
    return {"lessons": empty["lessons"], "saved": saved}


def test_the_grid_shows_the_filled_week_with_averages(week, filled):
    full = grid(week)
    first = week["students"][0]["id"]
    row = next(s for s in full["students"] if s["student_id"] == first)
    values = [int(m["value"]) for cell in row["cells"] for m in cell.get("marks", [])]
    assert values, "the first student has marks this week"
    expected = (Decimal(sum(values)) / len(values)).quantize(Decimal("0.01"), ROUND_HALF_UP)
    assert row["average"] == str(expected) and row.get("marks_count", 0) == len(values)
    assert [lesson["topic"] for lesson in full["lessons"]] == [f"Тема урока {d}" for d in range(1, 6)]
    assert sum(1 for s in full["students"] for c in s["cells"] if c.get("attendance") == "absent") == 10


def test_the_rules_refuse_bad_entries_with_clear_answers_and_write_nothing(week, filled):
    sid, lesson = week["sid"], filled["lessons"][0]["lesson_id"]
    path = f"/schools/{sid}/lessons/{lesson}/record"
    student = week["students"][1]["id"]
    before = len(changes(week))
    cases = [
        ({"reason": REASON, "marks": [{"student_id": student, "value": "6"}]}, "marks[0].value"),
        ({"reason": REASON, "marks": [{"student_id": str(uuid.uuid4()), "value": "5"}]}, "marks[0].student_id"),
        ({"reason": REASON, "marks": [{"student_id": student, "value": "5", "work_type": "essay"}]},
         "marks[0].work_type"),
        ({"marks": [{"student_id": student, "value": "5"}]}, "reason"),
    ]
    for body, field in cases:
        resp = week["teacher"].request("PUT", path, json=body)
        assert resp.status_code == 422, (field, resp.text)
        error = resp.json()["error"]
        assert field in error["fields"] and error["message"], error
    resp = week["teacher"].request("PUT", path, json={"marks": "пять"})
    assert resp.status_code == 400 and "marks" in resp.json()["error"]["fields"]
    assert len(changes(week)) == before
    assert grid(week)["lessons"][0]["topic"] == "Тема урока 1"


def test_the_guardian_reads_the_week_in_the_diary(week, filled):
    sid, child = week["sid"], week["students"][0]
    guardian = Api(session=with_csrf(browser_login("ivanova", GOSUSLUGI_PASSWORD, idp="gosuslugi").session))
    diary = guardian.get(f"/schools/{sid}/students/{child['id']}/diary", params=WEEK)
    assert [e["topic"] for e in diary["entries"]] == [f"Тема урока {d}" for d in range(1, 6)]
    expected = {day: v for day in range(5) if (v := marks_of_day(day, week["students"]).get(child["id"]))}
    got = {day: e["marks"][0]["value"] for day, e in enumerate(diary["entries"]) if e.get("marks")}
    absent_days = {day for day, e in enumerate(diary["entries"]) if e.get("attendance") == "absent"}
    assert got == {day: v for day, v in expected.items() if day not in absent_days}
    resp = guardian.request("PUT", f"/schools/{sid}/lessons/{filled['lessons'][0]['lesson_id']}/record",
                            json={"topic": "Не моё"})
    assert resp.status_code in (403, 404)


def test_the_ledger_shows_every_change_of_the_teacher(week, filled):
    listed = changes(week)
    assert len(listed) == filled["saved"]
    assert {c["entity"] for c in listed} == {"topic", "homework", "mark", "attendance"}
    assert all(c["reason"] == REASON and c.get("revertible") for c in listed)
    lesson = filled["lessons"][0]["lesson_id"]
    record = week["teacher"].get(f"/schools/{week['sid']}/lessons/{lesson}/record")
    marks = [{"student_id": m["student_id"], "value": m["value"]} for m in record["marks"]]
    marks[0]["value"] = "5" if marks[0]["value"] != "5" else "4"
    week["teacher"].put(f"/schools/{week['sid']}/lessons/{lesson}/record", {
        "topic": record["topic"], "homework": record["homework"], "marks": marks, "reason": "Пересчитал работу",
        "attendance": [{"student_id": a["student_id"], "status": a["status"]} for a in record["attendance"]]})
    latest = changes(week)
    assert len(latest) == filled["saved"] + 1
    assert latest[0]["entity"] == "mark" and latest[0]["reason"] == "Пересчитал работу"
