"""The schedule issue's acceptance test through the REST gateway on the real installation: a school with 30 class
groups sets up 2026/2027 through /api/v1 (four quarters, holidays, subjects, 30 teachers, assignments, the weekly
timetable; then a Saturday working as Monday and a Monday off), and the dated lessons of 5Б match a calendar
checked by hand, with 64 lessons for each of the 30; conflicts and bad input are refused with 4xx naming the field."""
import time
import uuid

import pytest

from tests.support import stack
from tests.support.school import seed_school

pytestmark = pytest.mark.stack

QUARTERS = [("1 четверть", "2026-09-01", "2026-10-23"), ("2 четверть", "2026-11-05", "2026-12-27"),
            ("3 четверть", "2027-01-11", "2027-03-19"), ("4 четверть", "2027-03-29", "2027-05-26")]
HOLIDAYS = [("День защитника Отечества", "2027-02-23", "2027-02-23"), ("Майские каникулы", "2027-05-01", "2027-05-10")]
CLASS_GROUPS = [(grade, f"{grade}{letter}") for grade in range(1, 11) for letter in "АБВ"]
# each class's teacher: a first name per grade, a patronymic per letter
FIRST_NAMES = ("Анна", "Вера", "Галина", "Дарья", "Елена", "Жанна", "Зоя", "Инна", "Карина", "Лидия")
MIDDLE_NAMES = {"А": "Андреевна", "Б": "Борисовна", "В": "Викторовна"}

# Counted on a paper calendar. Mondays of the quarters, without 08.03.2027 (a day off by transfer), 03.05 and
# 10.05.2027 (holidays), with Saturday 06.03.2027 that works as a Monday:
MONDAYS = [
    ["2026-09-07", "2026-09-14", "2026-09-21", "2026-09-28", "2026-10-05", "2026-10-12", "2026-10-19"],
    ["2026-11-09", "2026-11-16", "2026-11-23", "2026-11-30", "2026-12-07", "2026-12-14", "2026-12-21"],
    ["2027-01-11", "2027-01-18", "2027-01-25", "2027-02-01", "2027-02-08", "2027-02-15", "2027-02-22", "2027-03-01",
     "2027-03-06", "2027-03-15"],
    ["2027-03-29", "2027-04-05", "2027-04-12", "2027-04-19", "2027-04-26", "2027-05-17", "2027-05-24"],
]
# Wednesdays of the quarters (the 2nd quarter starts on Thursday 05.11), without 05.05.2027 (holidays):
WEDNESDAYS = [
    ["2026-09-02", "2026-09-09", "2026-09-16", "2026-09-23", "2026-09-30", "2026-10-07", "2026-10-14", "2026-10-21"],
    ["2026-11-11", "2026-11-18", "2026-11-25", "2026-12-02", "2026-12-09", "2026-12-16", "2026-12-23"],
    ["2027-01-13", "2027-01-20", "2027-01-27", "2027-02-03", "2027-02-10", "2027-02-17", "2027-02-24", "2027-03-03",
     "2027-03-10", "2027-03-17"],
    ["2027-03-31", "2027-04-07", "2027-04-14", "2027-04-21", "2027-04-28", "2027-05-12", "2027-05-19", "2027-05-26"],
]
PER_CLASS = 31 + 33  # 7+7+10+7 Mondays, 8+7+10+8 Wednesdays


@pytest.fixture(scope="module")
def year(installation):
    return seeded_year()


def seeded_year() -> dict:
    """A school's 2026/2027 with 30 classes, set up by the school's administrator through the API."""
    seeded = seed_school(stack.env(), f"Школа № {uuid.uuid4().hex[:6]} (30 классов)")
    sid, admin = seeded["school"]["id"], seeded["admin_api"]
    started = time.monotonic()
    year = admin.post(f"/schools/{sid}/academic-years", {
        "name": "2026/2027", "start_date": "2026-09-01", "end_date": "2027-05-31",
        "terms": [{"name": n, "kind": "quarter", "start_date": a, "end_date": b} for n, a, b in QUARTERS]})
    for name, start, end in HOLIDAYS:
        admin.post(f"/schools/{sid}/academic-years/{year['id']}/holidays",
                   {"name": name, "start_date": start, "end_date": end})
    bells = admin.post(f"/schools/{sid}/bell-schedules", {"name": "1 смена", "periods": [
        {"lesson_number": 1, "starts_at": "08:30", "ends_at": "09:15"},
        {"lesson_number": 2, "starts_at": "09:25", "ends_at": "10:10"}]})
    maths = admin.post(f"/schools/{sid}/subjects", {"name": "Алгебра и геометрия"})
    russian = admin.post(f"/schools/{sid}/subjects", {"name": "Русский язык"})
    groups, teachers, created = {}, {}, 0
    for grade, name in CLASS_GROUPS:
        group = admin.post(f"/schools/{sid}/class-groups", {"academic_year_id": year["id"], "grade": grade, "name": name})
        teacher = admin.post(f"/schools/{sid}/people", {
            "kind": "staff", "last_name": "Учителева", "first_name": FIRST_NAMES[grade - 1],
            "middle_name": MIDDLE_NAMES[name[-1]], "roles": ["subject_teacher"]})["person"]
        for subject, weekday, number in ((maths, 1, 1), (russian, 3, 2)):
            admin.post(f"/schools/{sid}/teaching-assignments", {
                "teacher_id": teacher["id"], "subject_id": subject["id"], "class_group_id": group["id"]})
            created += admin.post(f"/schools/{sid}/timetable", {
                "class_group_id": group["id"], "subject_id": subject["id"], "teacher_id": teacher["id"],
                "weekday": weekday, "lesson_number": number, "bell_schedule_id": bells["id"],
                "room": name})["lessons_created"]
        groups[name], teachers[name] = group, teacher
    # the calendar changes after the timetable exists: the lessons follow
    transfers = f"/schools/{sid}/academic-years/{year['id']}/day-transfers"
    moved = admin.post(transfers, {"date": "2027-03-06", "works_as_weekday": 1})
    off = admin.post(transfers, {"date": "2027-03-08", "works_as_weekday": 0})
    return {"id": sid, "admin": admin, "year": year, "maths": maths, "russian": russian, "groups": groups,
            "teachers": teachers, "created": created, "moved": moved, "off": off, "bells": bells,
            "seconds": time.monotonic() - started}


def test_the_dated_lessons_match_the_hand_checked_calendar(year):
    sid, admin = year["id"], year["admin"]
    assert year["created"] == 30 * PER_CLASS  # before the transfers: 08.03 counted instead of 06.03
    assert (year["moved"]["lessons_scheduled"], year["moved"]["lessons_cancelled"]) == (30, 0)
    assert year["off"]["lessons_cancelled"] == 30
    lessons = admin.get(f"/schools/{sid}/lessons", params={"class_group_id": year["groups"]["5Б"]["id"]})["lessons"]

    def dates(subject) -> list[list[str]]:
        return [[x["date"] for x in lessons if x["subject_id"] == subject["id"] and x["term_id"] == term["id"]]
                for term in year["year"]["terms"]]

    assert dates(year["maths"]) == MONDAYS
    assert dates(year["russian"]) == WEDNESDAYS
    assert {(x["lesson_number"], x["starts_at"], x["ends_at"], x["room"]) for x in lessons
            if x["subject_id"] == year["russian"]["id"]} == {(2, "09:25", "10:10", "5Б")}
    assert {x["teacher_id"] for x in lessons} == {year["teachers"]["5Б"]["id"]}
    cancelled = admin.get(f"/schools/{sid}/lessons", params={
        "class_group_id": year["groups"]["5Б"]["id"], "include_cancelled": "true"})["lessons"]
    assert [x["date"] for x in cancelled if x["status"] == "cancelled"] == ["2027-03-08"]
    totals = {name: len(admin.get(f"/schools/{sid}/lessons", params={"class_group_id": group["id"]})["lessons"])
              for name, group in year["groups"].items()}
    assert totals == {name: PER_CLASS for _, name in CLASS_GROUPS}
    assert year["seconds"] < 180, f"setting up 30 class groups took {year['seconds']:.0f} s"


def refused(admin, method: str, path: str, body: dict | None = None, params: dict | None = None) -> tuple[int, dict]:
    resp = admin.request(method, path, json=body, params=params)
    assert resp.headers["Content-Type"].startswith("application/json"), resp.text[:300]
    return resp.status_code, resp.json()["error"]


def test_conflicts_and_bad_input_are_refused_naming_the_field(year):
    sid, admin, groups, teachers = year["id"], year["admin"], year["groups"], year["teachers"]
    entry = {"class_group_id": groups["5Б"]["id"], "subject_id": year["maths"]["id"],
             "teacher_id": teachers["5Б"]["id"], "weekday": 1, "lesson_number": 1, "starts_at": "08:30",
             "ends_at": "09:15"}
    status, error = refused(admin, "POST", f"/schools/{sid}/timetable", entry)
    assert (status, error["code"]) == (409, "ALREADY_EXISTS") and "lesson_number" in error["fields"]
    assert "5Б" in error["message"] and "понедельник, 1-й урок" in error["message"]
    # a new class 11А cannot have 5В's teacher on Monday's 1st lesson: the teacher is in 5В then
    eleventh = admin.post(f"/schools/{sid}/class-groups", {"academic_year_id": year["year"]["id"], "grade": 11,
                                                           "name": "11А"})
    admin.post(f"/schools/{sid}/teaching-assignments", {"teacher_id": teachers["5В"]["id"],
                                                         "subject_id": year["maths"]["id"],
                                                         "class_group_id": eleventh["id"]})
    status, error = refused(admin, "POST", f"/schools/{sid}/timetable",
                            dict(entry, class_group_id=eleventh["id"], teacher_id=teachers["5В"]["id"]))
    assert (status, list(error["fields"])) == (409, ["teacher_id"]) and "5В" in error["message"]
    status, error = refused(admin, "POST", f"/schools/{sid}/timetable", dict(entry, weekday=7))
    assert (status, list(error["fields"])) == (422, ["weekday"])
    status, error = refused(admin, "POST", f"/schools/{sid}/timetable", dict(entry, lesson_number=2, starts_at="10:00",
                                                                            ends_at="09:00"))
    assert (status, list(error["fields"])) == (422, ["ends_at"])
    status, error = refused(admin, "POST", f"/schools/{sid}/timetable",
                            dict(entry, teacher_id=teachers["1А"]["id"], weekday=2))
    assert (status, list(error["fields"])) == (409, ["teacher_id"]) and "нагрузк" in error["message"]
    status, error = refused(admin, "POST", f"/schools/{sid}/timetable", {"class_group_id": groups["5Б"]["id"]})
    assert status == 400 and "subject_id" in error["fields"]

    years = f"/schools/{sid}/academic-years"
    status, error = refused(admin, "POST", years, {"name": "2026/2027", "start_date": "2026-09-01",
                                                   "end_date": "2027-05-31", "terms": [{"name": "1 четверть",
                                                   "kind": "quarter", "start_date": "2026-09-01",
                                                   "end_date": "2026-10-23"}]})
    assert (status, list(error["fields"])) == (409, ["name"])
    status, error = refused(admin, "POST", years, {"name": "2027/2028", "start_date": "2027-09-01",
                                                   "end_date": "2028-05-31", "terms": [
        {"name": "1 четверть", "kind": "quarter", "start_date": "2027-09-01", "end_date": "2027-10-29"},
        {"name": "2 четверть", "kind": "quarter", "start_date": "2027-10-20", "end_date": "2027-12-28"}]})
    assert status == 422 and "terms[1].start_date" in error["fields"]
    year_id = year["year"]["id"]
    status, error = refused(admin, "POST", f"{years}/{year_id}/holidays", {
        "name": "Ещё каникулы", "start_date": "2027-05-05", "end_date": "2027-05-12"})
    assert (status, list(error["fields"])) == (409, ["start_date"])
    status, error = refused(admin, "POST", f"{years}/{year_id}/day-transfers", {"date": "2027-03-06",
                                                                               "works_as_weekday": 2})
    assert (status, list(error["fields"])) == (409, ["date"])
    status, error = refused(admin, "POST", f"{years}/{year_id}/day-transfers", {"date": "2027-06-05",
                                                                               "works_as_weekday": 1})
    assert status == 422 and list(error["fields"]) == ["date"]
    status, error = refused(admin, "PUT", f"/schools/{sid}/class-groups/{groups['5Б']['id']}/curriculum/"
                                          f"{year['maths']['id']}", {"hours_per_week": "12"})
    assert (status, list(error["fields"])) == (422, ["hours_per_week"])
    status, error = refused(admin, "POST", f"/schools/{sid}/class-groups", {"academic_year_id": year_id, "grade": 5,
                                                                           "name": "5б"})
    assert (status, list(error["fields"])) == (409, ["name"])
    status, error = refused(admin, "PUT", f"/schools/{sid}/schedule-policy", {"timetable_due": "31.09"})
    assert (status, list(error["fields"])) == (422, ["timetable_due"])


def test_the_timetable_and_the_policy_read_back_through_the_api(year):
    sid, admin = year["id"], year["admin"]
    entries = admin.get(f"/schools/{sid}/class-groups/{year['groups']['10В']['id']}/timetable")["entries"]
    assert [(e["weekday"], e["lesson_number"], e["starts_at"], e["subject_name"]) for e in entries] == [
        (1, 1, "08:30", "Алгебра и геометрия"), (3, 2, "09:25", "Русский язык")]
    assert [y["name"] for y in admin.get(f"/schools/{sid}/academic-years")["academic_years"]] == ["2026/2027",
                                                                                                 "2025/2026"]
    policy = admin.put(f"/schools/{sid}/schedule-policy", {"holiday_notice_days": 21})
    assert (policy["holiday_notice_days"], policy["timetable_due"]) == (21, "09-20")
    assert admin.get(f"/schools/{sid}/schedule-policy") == policy


def test_terms_holidays_and_profiles_change_through_the_api(installation):
    """In a year of its own (it changes the year, so the other tests' year stays as set up, whatever order they run
    in): the 4th quarter lengthened to 31.05.2027 gives each class its Monday 31.05 and shortened back takes it
    away; 23.02 widened to Monday 22.02 cancels that Monday; a past lesson cannot leave the terms; a profile's hours
    go into 10А's curriculum and 5А is not in its grades."""
    year = seeded_year()
    sid, admin = year["id"], year["admin"]
    terms = [{k: t[k] for k in ("id", "name", "kind", "start_date", "end_date")} for t in year["year"]["terms"]]
    path = f"/schools/{sid}/academic-years/{year['year']['id']}/terms"
    longer = admin.put(path, {"terms": terms[:3] + [{**terms[3], "end_date": "2027-05-31"}]})
    assert (longer["lessons_scheduled"], longer["lessons_cancelled"]) == (30, 0)
    assert [t["id"] for t in longer["academic_year"]["terms"]] == [t["id"] for t in terms]
    fifth = year["groups"]["5Б"]["id"]
    dates = [x["date"] for x in admin.get(f"/schools/{sid}/lessons", params={"class_group_id": fifth})["lessons"]]
    assert len(dates) == PER_CLASS + 1 and dates[-1] == "2027-05-31"
    assert admin.put(path, {"terms": terms})["lessons_cancelled"] == 30
    status, error = refused(admin, "PUT", path, {"terms": [{**terms[0], "start_date": "2026-09-10"}, *terms[1:]]})
    assert status == 409 and "terms" in error["fields"]  # 07.09.2026 has passed
    holiday = next(h for h in admin.get(f"/schools/{sid}/academic-years/{year['year']['id']}/holidays")["holidays"]
                   if h["start_date"] == "2027-02-23")
    wider = admin.put(f"/schools/{sid}/holidays/{holiday['id']}", {"name": holiday["name"], "start_date": "2027-02-22",
                                                                   "end_date": "2027-02-23"})
    assert (wider["lessons_cancelled"], wider["holiday"]["start_date"]) == (30, "2027-02-22")
    back = admin.put(f"/schools/{sid}/holidays/{holiday['id']}", {"name": holiday["name"], "start_date": "2027-02-23",
                                                                  "end_date": "2027-02-23"})
    assert back["lessons_scheduled"] == 30
    profile = admin.post(f"/schools/{sid}/academic-years/{year['year']['id']}/profiles",
                         {"name": "Физико-математический", "grade_from": 10, "grade_to": 10})
    admin.put(f"/schools/{sid}/profiles/{profile['id']}/hours/{year['maths']['id']}", {"hours_per_week": "6"})
    applied = admin.put(f"/schools/{sid}/class-groups/{year['groups']['10А']['id']}/profile", {"profile_id": profile["id"]})
    assert applied["curriculum"]["profile_name"] == "Физико-математический" and applied["hours_set"] == 1
    assert [(h["subject_name"], h["hours_per_week"]) for h in applied["curriculum"]["hours"]] == [
        ("Алгебра и геометрия", "6")]
    status, error = refused(admin, "PUT", f"/schools/{sid}/class-groups/{year['groups']['5А']['id']}/profile",
                            {"profile_id": profile["id"]})
    assert status == 422 and "profile_id" in error["fields"]
