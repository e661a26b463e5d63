"""The municipal authority's aggregates (issue 13, T1/R5) through /api/v1 on a seeded school: the teacher marks 5А's
mathematics on 08.09.2025 (Иванов 5, Петрова 3; Петрова absent) — a year long past, so the lesson is filled late; the
operator has reporting compute the changed schools at once (POST /authority/refresh) and reads every school side by
side for 1 четверть 2025/2026 (the school's row: two students, quality 50 %, pass rate 100 %, average 4.00, one lesson
missed, nothing filled on time, three staff logins, four families without one), sorted by a metric, as XLSX, and the
school's drill-down per period and grade — no person's name or id in any of them. School staff are refused."""
import io
import time
import uuid

import pytest
from openpyxl import load_workbook

from services.tooling.api_client import Api
from tests.support import stack
from tests.support.school import seed_school

pytestmark = pytest.mark.stack

OVERVIEW = "/authority/schools-overview"


def seed_marked(label: str, attendance: list | None = None) -> dict:
    """A seeded school whose teacher marks 5А's mathematics on 08.09.2025: Иванов 5, Петрова 3."""
    seeded = seed_school(stack.env(), f"Школа № {uuid.uuid4().hex[:6]} ({label})")
    sid, admin, group = seeded["school"]["id"], seeded["admin_api"], seeded["class_group"]
    teacher = Api(stack.password_token(seeded["teacher"]["person"]["username"], seeded["teacher"]["password"]))
    ivanov, petrova = (s["id"] for s in seeded["students"])
    [lesson] = admin.get(f"/schools/{sid}/lessons", params={"class_group_id": group["id"], "from": "2025-09-08",
                                                             "to": "2025-09-08"})["lessons"]
    teacher.put(f"/schools/{sid}/lessons/{lesson['id']}/record", {
        "topic": "Натуральные числа", "reason": "Ввод журнала",
        "marks": [{"student_id": ivanov, "value": "5"}, {"student_id": petrova, "value": "3"}],
        "attendance": [{"student_id": petrova, "status": status} for status in attendance or []]})
    return seeded


def computed(operator: Api, school_id: str) -> dict:
    """The overview of 1 четверть 2025/2026 once reporting has the marks and has computed the school (60 s)."""
    deadline = time.monotonic() + 60
    while True:
        operator.post("/authority/refresh", {"school_id": school_id}, expect=200)  # this school only: seconds
        got = operator.get(OVERVIEW, params={"year": "2025/2026", "period": "q1"})
        mine = row_of(got, school_id)
        if mine and mine.get("computed") and mine["metrics"].get("quality") == "50.0":
            return got
        assert time.monotonic() < deadline, f"the school's aggregates did not come: {mine}"
        time.sleep(1)


@pytest.fixture(scope="module")
def school(installation):
    seeded = seed_marked("муниципалитет", ["absent"])
    return {"id": seeded["school"]["id"], "name": seeded["school"]["name"], "operator": Api(stack.operator_token()),
            "deputy": Api(stack.password_token(seeded["deputy"]["person"]["username"], seeded["deputy"]["password"])),
            "persons": [*(s["id"] for s in seeded["students"]), *(g["id"] for g in seeded["guardians"]),
                        seeded["teacher"]["person"]["id"]],
            "names": ["Иванов", "Петрова", "Кузнецов", "Волкова"]}


def row_of(overview: dict, school_id: str) -> dict | None:
    return next((r for r in overview["schools"] if r["school_id"] == school_id), None)


@pytest.fixture(scope="module")
def quarter(school) -> dict:
    return computed(school["operator"], school["id"])


def test_every_school_side_by_side_for_the_first_quarter(school, quarter):
    assert (quarter["year"], quarter["period"], quarter["period_name"]) == ("2025/2026", "q1", "1 четверть")
    assert "2025/2026" in quarter["years"] and {"q1", "q2", "q3", "q4", "year"} <= {p["key"] for p in quarter["periods"]}
    mine = row_of(quarter, school["id"])
    m = mine["metrics"]
    assert mine["school_name"] == school["name"]
    # Иванов 5 (отличник), Петрова 3 (с одной «3»): the results are the rounded averages while no term mark is set
    assert (m["students"], m["quality"], m["pass_rate"], m["average"]) == (2, "50.0", "100.0", "4.00")
    assert (m["lessons_missed"], m["missed_per_student"]) == (1, "0.50")
    # the lesson of 08.09.2025 was filled today: late; the quarter's other Mondays were not filled at all
    assert m["lessons_to_date"] >= 1 and (m.get("lessons_on_time", 0), m["fill_rate"]) == (0, "0.0")
    assert (m["staff"], m["families"], m.get("families_activated", 0)) == (3, 4, 0) and m["staff_activated"] >= 1
    assert quarter["total"]["students"] >= 2


def test_the_overview_sorted_and_as_xlsx(school, quarter):
    operator = school["operator"]
    by_students = operator.get(OVERVIEW, params={"year": "2025/2026", "period": "q1", "sort": "students",
                                                 "order": "desc"})
    counts = [r["metrics"].get("students", 0) for r in by_students["schools"] if r.get("computed")]
    assert counts == sorted(counts, reverse=True) and by_students["sort"] == "students" and by_students["descending"]
    resp = operator.request("GET", f"{OVERVIEW}.xlsx", 200, params={"year": "2025/2026", "period": "q1"})
    sheet = load_workbook(io.BytesIO(resp.content)).active
    rows = list(sheet.iter_rows(values_only=True))
    line = next(r for r in rows if r[0] == school["name"])
    assert line[1:5] == (2, 4.0, 50.0, 100.0)
    assert rows[-1][0] == "Итого по муниципалитету" and str(rows[-1][1]).startswith("=SUM(")


def test_the_drill_down_has_the_periods_and_grades_and_no_person(school, quarter):
    got = school["operator"].get(f"/authority/schools/{school['id']}/overview", params={"year": "2025/2026"})
    assert got["school_name"] == school["name"] and got["year"] == "2025/2026"
    keys = [(r["period"], r.get("grade", 0)) for r in got["rows"]]
    assert ("q1", 0) in keys and ("q1", 5) in keys and ("year", 0) in keys
    five = next(r for r in got["rows"] if (r["period"], r.get("grade", 0)) == ("q1", 5))
    assert (five["students"], five["quality"]) == (2, "50.0")
    text = str(got) + str(quarter)
    assert not [p for p in school["persons"] if p in text] and not [n for n in school["names"] if n in text]


def test_school_staff_are_refused_everywhere(school, quarter):
    deputy, sid = school["deputy"], school["id"]
    for method, path in (("GET", OVERVIEW), ("GET", f"{OVERVIEW}.xlsx"), ("GET", f"/authority/schools/{sid}/overview"),
                         ("POST", "/authority/refresh")):
        assert deputy.request(method, path, **({"json": {}} if method == "POST" else {})).status_code == 403, path


def test_wrong_questions_are_refused(school):
    operator = school["operator"]
    assert operator.request("GET", OVERVIEW, params={"year": "2025"}).status_code == 422
    assert operator.request("GET", OVERVIEW, params={"period": "q9"}).status_code == 422
    assert operator.request("GET", OVERVIEW, params={"sort": "rating"}).status_code == 400
    assert operator.request("GET", f"/authority/schools/{uuid.uuid4()}/overview").status_code == 404
