"""R1's control view through /api/v1 on a seeded school (the tests' 2025/2026, over by the clock: its terms have all
ended, the journal kept open): the teacher fills September's Monday lessons of 5А in part, and the deputy head sees the
lessons never filled in, the recorded ones without homework, and the students with too few current marks for the
first quarter's mark; the deputy head makes a remark to the teacher about a lesson, the teacher answers it once; a
teacher cannot make remarks nor see the control lists."""
import uuid

import pytest

from services.tooling.api_client import Api
from tests.support import stack
from tests.support.school import seed_school

pytestmark = pytest.mark.stack

SEPTEMBER = {"from": "2025-09-01", "to": "2025-09-30"}


def login(person: dict) -> Api:
    return Api(stack.password_token(person["person"]["username"], person["password"]))


@pytest.fixture(scope="module")
def school(installation):
    seeded = seed_school(stack.env(), f"Школа № {uuid.uuid4().hex[:6]} (контроль журнала)")
    sid, admin, group = seeded["school"]["id"], seeded["admin_api"], seeded["class_group"]
    teacher = login(seeded["teacher"])
    ivanov, petrova = (s["id"] for s in seeded["students"])
    lessons = {lesson["date"]: lesson for lesson in admin.get(f"/schools/{sid}/lessons", params={
        "class_group_id": group["id"], **SEPTEMBER})["lessons"]}
    records = {
        "2025-09-08": {"topic": "Натуральные числа", "marks": [
            {"student_id": ivanov, "value": "5"}, {"student_id": ivanov, "value": "4", "work_type": "oral"},
            {"student_id": ivanov, "value": "5", "work_type": "homework"}]},
        "2025-09-15": {"topic": "Сложение", "homework": "№ 12, 14"},
        "2025-09-22": {"attendance": [{"student_id": petrova, "status": "absent"}]},
    }
    for day, record in records.items():
        teacher.put(f"/schools/{sid}/lessons/{lessons[day]['id']}/record", {"reason": "Ввод журнала", **record})
    return {"id": sid, "lessons": lessons, "teacher": teacher, "teacher_id": seeded["teacher"]["person"]["id"],
            "deputy": login(seeded["deputy"]), "class_group_id": group["id"], "ivanov": ivanov, "petrova": petrova}


def test_lessons_never_filled_in_and_lessons_without_homework(school):
    sid, lessons = school["id"], school["lessons"]
    unfilled = school["deputy"].get(f"/schools/{sid}/unfilled-lessons", params=SEPTEMBER)["lessons"]
    by_day = {lesson["lesson_date"]: lesson["missing"] for lesson in unfilled}
    assert by_day["2025-09-22"] == ["нет темы"]
    assert by_day["2025-09-01"] == ["нет темы", "нет отметок посещаемости"]
    assert "2025-09-08" not in by_day and "2025-09-15" not in by_day
    assert len(unfilled) == len(lessons) - 2
    assert {lesson["teacher_id"] for lesson in unfilled} == {school["teacher_id"]}
    missing = school["deputy"].get(f"/schools/{sid}/missing-homework", params=SEPTEMBER)["lessons"]
    assert [(lesson["lesson_date"], lesson["topic"]) for lesson in missing] == [
        ("2025-09-08", "Натуральные числа"), ("2025-09-22", "")]
    assert school["deputy"].get(f"/schools/{sid}/unfilled-lessons", params={
        **SEPTEMBER, "teacher_id": str(uuid.uuid4())})["lessons"] == []


def test_students_short_of_marks_for_the_first_quarter(school):
    reply = school["deputy"].get(f"/schools/{school['id']}/mark-shortfalls",
                                 params={"class_group_id": school["class_group_id"]})
    assert reply["days"] == 14
    first = [s for s in reply["shortfalls"] if s["term_name"] == "1 четверть"]
    assert [(s["student_id"], s["marks"], s["needed"]) for s in first] == [(school["petrova"], 0, 3)]  # ivanov has 3
    assert first[0]["subject_name"] == "Математика" and first[0]["hours_per_week"] == 1


def test_a_remark_to_the_teacher_and_their_one_answer(school):
    sid, deputy, teacher = school["id"], school["deputy"], school["teacher"]
    lesson = school["lessons"]["2025-09-01"]
    remark = deputy.post(f"/schools/{sid}/control-remarks", {
        "teacher_id": school["teacher_id"], "lesson_id": lesson["id"], "text": "Урок 1 сентября не заполнен"})
    assert (remark["class_group_id"], remark["answer"], remark["answered_at"]) == (school["class_group_id"], "", "")
    listed = teacher.get(f"/schools/{sid}/control-remarks")["remarks"]
    assert [r["id"] for r in listed] == [remark["id"]]
    answered = teacher.post(f"/schools/{sid}/control-remarks/{remark['id']}/answer", {"answer": "Тема внесена"},
                            expect=200)
    assert answered["answer"] == "Тема внесена" and answered["answered_at"]
    again = teacher.post(f"/schools/{sid}/control-remarks/{remark['id']}/answer", {"answer": "Ещё"}, expect=409)
    assert again.json()["error"]["fields"] == {"remark_id": "ответ уже дан"}
    assert [r["answer"] for r in deputy.get(f"/schools/{sid}/control-remarks",
                                            params={"status": "answered"})["remarks"]] == ["Тема внесена"]
    assert deputy.get(f"/schools/{sid}/control-remarks", params={"status": "open"})["remarks"] == []
    refused = deputy.post(f"/schools/{sid}/control-remarks", {"teacher_id": school["teacher_id"], "text": " "},
                          expect=422)
    assert list(refused.json()["error"]["fields"]) == ["text"]
    unknown = deputy.post(f"/schools/{sid}/control-remarks", {"teacher_id": str(uuid.uuid4()), "text": "Да"},
                          expect=404)
    assert list(unknown.json()["error"]["fields"]) == ["teacher_id"]


def test_a_teacher_neither_makes_remarks_nor_sees_the_control_lists(school):
    sid, teacher = school["id"], school["teacher"]
    assert teacher.request("POST", f"/schools/{sid}/control-remarks", json={
        "teacher_id": school["teacher_id"], "text": "Сам себе"}).status_code == 403
    for path in ("unfilled-lessons", "missing-homework"):
        assert teacher.request("GET", f"/schools/{sid}/{path}", params=SEPTEMBER).status_code == 403
    assert teacher.request("GET", f"/schools/{sid}/mark-shortfalls").status_code == 403
