"""The whole diary and the flags of marks end to end through /api/v1: the guardian reads the term mark once the
teacher sets it, with the averages and attendance of the year; flags a mark; the teacher corrects it through the
lesson's save and answers; the ledger shows the change and the diary the answer; the other child's guardian and
another school's guardian are refused."""
import datetime as dt
import json
import uuid

import pytest

from services.tooling.api_client import activate_login
from services.tooling.demo_seed import GOSUSLUGI_PASSWORD
from tests.support import stack
from tests.support.api import Api, browser_login, with_csrf
from tests.support.school import seed_school

pytestmark = pytest.mark.stack

REASON = "Запись урока"


@pytest.fixture(scope="module")
def school(installation):
    """A seeded school (5А, Математика on Mondays) whose teacher gave Иванов Пётр 5, 4 (test) and 3 (oral) in
    September, 2 in November and 2 in January (the mark the flag test corrects: the other tests read the 1st and 2nd
    quarters), Петрова Дарья a 4 each time; Пётр was ill on 8 September."""
    seeded = seed_school(stack.env(), f"Дневник {uuid.uuid4().hex[:6]}")
    sid, admin, group = seeded["school"]["id"], seeded["admin_api"], seeded["class_group"]
    teacher = seeded["teacher"]
    teacher_api = Api(stack.password_token(teacher["person"]["username"], teacher["password"]))
    petr, darya = seeded["students"]
    lessons = {lesson["date"]: lesson for lesson in admin.get(f"/schools/{sid}/lessons", params={
        "class_group_id": group["id"], "from": "2025-09-01", "to": "2026-01-31"})["lessons"]}
    given = {"2025-09-01": [("5", "classwork"), ("4", "test")], "2025-09-15": [("3", "oral")],
             "2025-11-10": [("2", "classwork")], "2026-01-12": [("2", "classwork")]}
    records = {}
    for day, marks in given.items():
        records[day] = teacher_api.put(f"/schools/{sid}/lessons/{lessons[day]['id']}/record", {
            "topic": f"Тема {day}", "reason": REASON,
            "marks": [{"student_id": petr["id"], "value": v, "work_type": w} for v, w in marks]
            + [{"student_id": darya["id"], "value": "4"}]})
    teacher_api.put(f"/schools/{sid}/lessons/{lessons['2025-09-08']['id']}/record", {
        "topic": "Тема 2025-09-08", "reason": REASON, "attendance": [{"student_id": petr["id"], "status": "ill"}]})
    mark_of = {(day, m["work_type"]): m for day, record in records.items() for m in record["marks"]
               if m["student_id"] == petr["id"]}
    return {"sid": sid, "admin": admin, "teacher": teacher_api, "teacher_id": teacher["person"]["id"],
            "petr": petr, "darya": darya, "subject_id": seeded["subject"]["id"], "terms": seeded["year"]["terms"],
            "lessons": lessons, "mark_of": mark_of, "since": (dt.datetime.now(dt.UTC)).isoformat()}


@pytest.fixture(scope="module")
def ivanova(school):
    """Пётр's mother, signed in through the Gosuslugi stand-in (a browser session with its CSRF token)."""
    return Api(session=with_csrf(browser_login("ivanova", GOSUSLUGI_PASSWORD, idp="gosuslugi").session))


def results(api: Api, school: dict, student: dict, expect: int | None = 200):
    return api.get(f"/schools/{school['sid']}/students/{student['id']}/diary-results", expect=expect)


def test_the_guardian_reads_the_term_mark_once_it_is_set_with_the_averages_and_attendance(school, ivanova):
    before = results(ivanova, school, school["petr"])
    assert [t["name"] for t in before["terms"]][:2] == ["1 четверть", "2 четверть"]
    [math] = before["subjects"]
    assert (math["subject_id"], math["terms"][0]["mark"]) == (school["subject_id"], "")
    # 1st quarter: (5 + 4·2 + 3) / 4 = 4.00; 2nd: 2 (the 3rd's mark may be corrected meanwhile: not compared)
    assert [(p["average"], p["change"]) for p in math["terms"][:2]] == [("4.00", ""), ("2.00", "-2.00")]
    assert math["year"]["marks_count"] == 5 and math["year"]["average"]
    assert math["terms"][0]["attendance"] == [{"status": "ill", "count": 1}]

    q1 = school["terms"][0]["id"]
    school["teacher"].put(f"/schools/{school['sid']}/term-marks", {
        "student_id": school["petr"]["id"], "subject_id": school["subject_id"], "term_id": q1, "value": "4",
        "reason": "Итог четверти"})
    after = results(ivanova, school, school["petr"])
    assert [p["mark"] for p in after["subjects"][0]["terms"]][:2] == ["4", ""]
    assert [p["average"] for p in after["totals"][:2]] == ["4.00", "2.00"]


def test_a_flag_the_teachers_correction_on_the_ledger_and_the_answer_in_the_diary(school, ivanova):
    sid, mark = school["sid"], school["mark_of"]["2026-01-12", "classwork"]
    flag = ivanova.post(f"/schools/{sid}/marks/{mark['id']}/flags", {"text": "Пётр переписал работу на 4"})
    assert (flag["mark_value"], flag["student_id"], flag["teacher_id"], flag["answer"]) == (
        "2", school["petr"]["id"], school["teacher_id"], "")
    again = ivanova.request("POST", f"/schools/{sid}/marks/{mark['id']}/flags", json={"text": "Ещё раз"})
    assert again.status_code == 409 and "mark_id" in again.json()["error"]["fields"]

    teacher = school["teacher"]
    [listed] = teacher.get(f"/schools/{sid}/mark-flags", params={"status": "open"})["flags"]
    assert listed["id"] == flag["id"] and listed["current_value"] == "2"
    early = teacher.request("POST", f"/schools/{sid}/mark-flags/{flag['id']}/answer",
                            json={"answer": "Исправлено", "outcome": "corrected"})
    assert early.status_code == 409 and "outcome" in early.json()["error"]["fields"]  # not corrected yet

    lesson = school["lessons"]["2026-01-12"]
    record = teacher.get(f"/schools/{sid}/lessons/{lesson['id']}/record")
    marks = [{"student_id": m["student_id"], "value": "4" if m["id"] == mark["id"] else m["value"],
              "work_type": m["work_type"]} for m in record["marks"]]
    teacher.put(f"/schools/{sid}/lessons/{lesson['id']}/record", {
        "topic": record["topic"], "marks": marks, "reason": "Обращение родителя: работа переписана"})
    answered = teacher.post(f"/schools/{sid}/mark-flags/{flag['id']}/answer",
                            {"answer": "Работа переписана, исправлено на 4", "outcome": "corrected"}, expect=200)
    assert (answered["outcome"], answered["value_after"]) == ("corrected", "4")

    changes = school["admin"].get(f"/schools/{sid}/people/{school['teacher_id']}/journal-changes",
                                  params={"since": school["since"]})["changes"]
    latest = next(c for c in changes if c["entity"] == "mark" and c.get("entity_id") == mark["id"])  # newest first
    assert (json.loads(latest["old_value"])["value"], json.loads(latest["new_value"])["value"], latest["reason"]) == (
        "2", "4", "Обращение родителя: работа переписана")

    diary = ivanova.get(f"/schools/{sid}/students/{school['petr']['id']}/diary",
                        params={"from": "2026-01-12", "to": "2026-01-18"})
    [entry] = diary["entries"]
    assert [m["value"] for m in entry["marks"]] == ["4"]
    [shown] = entry["flags"]
    assert (shown["answer"], shown["outcome"]) == ("Работа переписана, исправлено на 4", "corrected")
    deputy = school["admin"].get(f"/schools/{sid}/mark-flags", params={"status": "open"})["flags"]
    assert flag["id"] not in {f["id"] for f in deputy}


def test_the_other_childs_guardian_and_another_schools_guardian_are_refused(school, ivanova):
    sid = school["sid"]
    record = school["teacher"].get(f"/schools/{sid}/lessons/{school['lessons']['2025-09-01']['id']}/record")
    darya_mark = next(m for m in record["marks"] if m["student_id"] == school["darya"]["id"])
    refused = ivanova.request("POST", f"/schools/{sid}/marks/{darya_mark['id']}/flags", json={"text": "Не моё"})
    assert refused.status_code == 403
    assert results(ivanova, school, school["darya"], expect=None).status_code in (403, 404)
    assert ivanova.request("GET", f"/schools/{sid}/mark-flags", params={
        "student_id": school["darya"]["id"]}).status_code == 403

    other = seed_school(stack.env(), f"Другая {uuid.uuid4().hex[:6]}")
    other_sid = other["school"]["id"]
    guardian = other["admin_api"].post(f"/schools/{other_sid}/people", {
        "kind": "guardian", "last_name": "Чужова", "first_name": "Ольга"})
    other["admin_api"].post(f"/schools/{other_sid}/guardianships", {
        "guardian_id": guardian["person"]["id"], "student_id": other["students"][0]["id"], "relation": "mother"})
    [slip] = other["admin_api"].post(f"/schools/{other_sid}/activation-codes", {
        "person_ids": [guardian["person"]["id"]]})["slips"]  # a guardian's login: a code on a slip, then activated
    stranger = Api(stack.password_token(*activate_login(slip["code"])))  # B's guardian
    mark = school["mark_of"]["2025-09-01", "classwork"]
    assert stranger.request("POST", f"/schools/{sid}/marks/{mark['id']}/flags",
                            json={"text": "Чужая"}).status_code == 404
    assert results(stranger, school, school["petr"], expect=None).status_code == 404
    assert stranger.request("POST", f"/schools/{other_sid}/marks/{mark['id']}/flags",
                            json={"text": "Чужая"}).status_code == 404  # the mark is not of their school
