"""The schedule's bulk paths through the REST gateway on the real installation: a school's teaching load and
curriculum hours in one call (sending it again adds nothing), then its timetable in one call (refused whole, line by
line, when a line clashes with a stored lesson or with another line), and the dated lessons it created listed."""
import uuid

import pytest

from tests.support import stack
from tests.support.school import seed_school

pytestmark = pytest.mark.stack


@pytest.fixture(scope="module")
def school(installation):
    """The seeded school (2025/2026, 5А with Математика on Monday's 1st lesson) with 5Б, Русский язык and its teacher."""
    seeded = seed_school(stack.env(), f"Школа № {uuid.uuid4().hex[:6]} (загрузка расписания)")
    sid, admin = seeded["school"]["id"], seeded["admin_api"]
    group_b = admin.post(f"/schools/{sid}/class-groups", {"academic_year_id": seeded["year"]["id"], "grade": 5,
                                                          "name": "5Б"})
    russian = admin.post(f"/schools/{sid}/subjects", {"name": "Русский язык"})
    philologist = admin.post(f"/schools/{sid}/people", {
        "kind": "staff", "last_name": "Словесникова", "first_name": "Ольга", "middle_name": "Петровна",
        "roles": ["subject_teacher"]})["person"]
    return dict(id=sid, admin=admin, a=seeded["class_group"]["id"], b=group_b["id"], maths=seeded["subject"]["id"],
                russian=russian["id"], mathematician=seeded["teacher"]["person"]["id"], philologist=philologist["id"])


def test_a_teaching_load_and_a_timetable_are_loaded_in_one_call_each(school):
    sid, admin, s = school["id"], school["admin"], school
    load = {"assignments": [
        {"teacher_id": s["mathematician"], "subject_id": s["maths"], "class_group_id": s["a"]},  # seeded already
        {"teacher_id": s["mathematician"], "subject_id": s["maths"], "class_group_id": s["b"]},
        {"teacher_id": s["philologist"], "subject_id": s["russian"], "class_group_id": s["a"]},
        {"teacher_id": s["philologist"], "subject_id": s["russian"], "class_group_id": s["b"]},
    ], "hours": [{"class_group_id": group, "subject_id": subject, "hours_per_week": "1"}
                 for group in (s["a"], s["b"]) for subject in (s["maths"], s["russian"])]}
    path = f"/schools/{sid}/teaching-load/import"
    assert admin.post(path, load, expect=200) == {"assignments_created": 3, "hours_set": 4}
    assert admin.post(path, load, expect=200) == {"assignments_created": 0, "hours_set": 0}

    def line(group, subject, teacher, weekday, number, room):
        return {"class_group_id": group, "subject_id": subject, "teacher_id": teacher, "weekday": weekday,
                "lesson_number": number, "starts_at": f"{8 + number:02d}:00", "ends_at": f"{8 + number:02d}:45",
                "room": room}

    tuesday_a = line(s["a"], s["russian"], s["philologist"], 2, 1, "21")
    timetable = f"/schools/{sid}/timetable/import"
    resp = admin.post(timetable, {"lines": [
        tuesday_a,
        line(s["b"], s["maths"], s["mathematician"], 1, 1, "22"),  # the teacher is in 5А then (stored)
        dict(tuesday_a, room="23"),  # 5А twice in one call
    ]}, expect=422)
    error = resp.json()["error"]
    assert sorted(error["fields"]) == ["lines[1].teacher_id", "lines[2].lesson_number"]
    assert "понедельник, 1-й урок" in error["fields"]["lines[1].teacher_id"]
    assert admin.get(f"/schools/{sid}/lessons", params={"class_group_id": s["b"]})["lessons"] == []

    reply = admin.post(timetable, {"lines": [
        tuesday_a,
        line(s["b"], s["maths"], s["mathematician"], 1, 2, "22"),
        line(s["b"], s["russian"], s["philologist"], 2, 2, "22"),
    ]})
    assert len(reply["entry_ids"]) == 3
    lessons_b = admin.get(f"/schools/{sid}/lessons", params={"class_group_id": s["b"]})["lessons"]
    lessons_a = admin.get(f"/schools/{sid}/lessons", params={"class_group_id": s["a"]})["lessons"]
    russian_a = [x for x in lessons_a if x["subject_id"] == s["russian"]]
    assert reply["lessons_created"] == len(lessons_b) + len(russian_a) > 0
    assert {(x["subject_name"], x["lesson_number"], x["starts_at"]) for x in lessons_b} == {
        ("Математика", 2, "10:00"), ("Русский язык", 2, "10:00")}
    assert {x["teacher_id"] for x in russian_a} == {s["philologist"]}
    week = admin.get(f"/schools/{sid}/class-groups/{s['b']}/timetable")["entries"]
    assert sorted(e["id"] for e in week) == sorted(reply["entry_ids"][1:])
