"""Issue 14, families and the school (the school event calendar, Gosuslugi-only access, the consent, the printouts)
through /api/v1 on a seeded school: the deputy head's events listed for 5А and for its families, in the class's
calendar feed, cancelled; the week's diary of 5А from the journal (topic, homework, a mark with its comment) as JSON
and as PDF (pdftotext), a guardian's wish for paper listed with the class's families; a guardian (the Gosuslugi
stand-in's ivanova) asked for the consent at sign-in before anything else, and nothing asked once accepted; a school
whose guardians log in only through Gosuslugi issues them no codes."""
import re
import uuid

import pytest
import requests

from services.tooling.api_client import BASE, Api
from services.tooling.demo_seed import GOSUSLUGI_PASSWORD
from tests.support import stack
from tests.support.api import Api as SessionApi
from tests.support.api import browser_login, with_csrf
from tests.support.pdf_text import pdf_text
from tests.support.reported import once_reported
from tests.support.school import seed_school

pytestmark = pytest.mark.stack
MONDAY, WEEK = "2025-09-01", {"from": "2025-09-01", "to": "2025-09-30"}


@pytest.fixture(scope="module")
def school(installation):
    seeded = seed_school(stack.env(), f"Школа № {uuid.uuid4().hex[:6]} (семьи)")
    sid, admin, group = seeded["school"]["id"], seeded["admin_api"], seeded["class_group"]
    admin.put(f"/schools/{sid}/class-groups/{group['id']}/form-teacher", {"person_id": seeded["teacher"]["person"]["id"]})

    def login(person: dict) -> Api:
        return Api(stack.password_token(person["person"]["username"], person["password"]))
    return {**seeded, "id": sid, "group": group["id"], "teacher_api": login(seeded["teacher"]),
            "deputy_api": login(seeded["deputy"])}


def test_a_guardian_decides_on_the_consent_before_anything_else(installation):
    """A school of its own, new to ivanova (the tests' order is random): she has decided nothing there yet."""
    school = seed_school(stack.env(), f"Школа № {uuid.uuid4().hex[:6]} (согласие)")
    sid = school["school"]["id"]
    asked = browser_login("ivanova", GOSUSLUGI_PASSWORD, idp="gosuslugi", consent=False)
    assert asked.url.endswith("/consent")
    assert "Согласие на обработку персональных данных" in asked.text and school["school"]["name"] in asked.text
    session = asked.session
    assert session.get(f"{BASE}/api/v1/me", timeout=30).status_code == 403
    assert session.get(f"{BASE}/", allow_redirects=False, timeout=30).headers["Location"].endswith("/consent")
    form = {n: re.search(rf'name="{n}" value="([^"]*)"', asked.text)[1] for n in ("csrf_token", "version")}
    done = session.post(f"{BASE}/consent", data={**form, "decision": "accept"}, allow_redirects=False, timeout=30)
    assert done.status_code == 302 and "/consent" not in done.headers["Location"]
    guardian = SessionApi(session=with_csrf(browser_login("ivanova", GOSUSLUGI_PASSWORD, idp="gosuslugi",
                                                          consent=False).session))
    status = guardian.get("/me/consent")
    assert sid not in [p["school_id"] for p in status.get("pending", [])]  # decided: not asked again here
    card = school["admin_api"].get(f"/schools/{sid}/people/{school['guardians'][0]['id']}")
    assert (card["consent"]["decision"], card["consent"]["current"]) == ("accepted", True)
    stale = guardian.post("/me/consent", {"version": "2000-1", "accept": True}, expect=409)
    assert stale.json()["error"]["fields"] == {"version": "не текущая редакция"}


def test_school_events_for_the_class_its_families_and_its_calendar(school):
    sid, deputy, group = school["id"], school["deputy_api"], school["group"]
    meeting = deputy.post(f"/schools/{sid}/school-events", {
        "title": "Собрание родителей 5А", "kind": "parent_meeting", "date": "2025-09-11", "starts_at": "18:00",
        "ends_at": "19:00", "place": "Кабинет 21",
        "audience": {"scope": "class_groups", "class_group_ids": [group], "people": "families"}})
    assert (meeting["kind_name"], meeting["class_group_names"], meeting["revision"]) == (
        "Родительское собрание", ["5А"], 0)
    deputy.post(f"/schools/{sid}/school-events", {"title": "Педсовет", "kind": "staff_meeting", "date": "2025-09-12",
                                                  "audience": {"people": "staff"}})
    listed = deputy.get(f"/schools/{sid}/school-events", params={**WEEK, "class_group_id": group})
    assert [e["title"] for e in listed["events"]] == ["Собрание родителей 5А", "Педсовет"]
    assert "parent_meeting" in [k["code"] for k in listed["kinds"]]

    guardian = SessionApi(session=with_csrf(browser_login("ivanova", GOSUSLUGI_PASSWORD, idp="gosuslugi").session))
    seen = guardian.get(f"/schools/{sid}/school-events", params={**WEEK, "class_group_id": group})
    assert [e["title"] for e in seen["events"]] == ["Собрание родителей 5А"]  # the staff's meeting is not theirs
    son = school["students"][0]["id"]  # ivanova's child in this school
    diary = guardian.http.get(f"{BASE}/schools/{sid}/students/{son}/diary", params={"week": "2025-09-11"},
                              timeout=30).text  # the diary page (HTML) of the week
    assert "События школы на этой неделе" in diary and "Родительское собрание: Собрание родителей 5А" in diary
    assert "18:00–19:00" in diary and "Педсовет" not in diary, "the diary page shows the class's events of the week"

    feed = school["teacher_api"].post(f"/schools/{sid}/calendar-feeds", {"class_group_id": group})
    calendar = requests.get(f"{BASE}{feed['url']}", timeout=30).text
    assert "SUMMARY:Собрание родителей 5А" in calendar and "Педсовет" not in calendar

    moved = deputy.put(f"/schools/{sid}/school-events/{meeting['id']}", {
        "title": "Собрание родителей 5А", "kind": "parent_meeting", "date": "2025-09-18", "starts_at": "18:00",
        "audience": {"scope": "class_groups", "class_group_ids": [group], "people": "families"}})
    assert (moved["date"], moved["revision"]) == ("2025-09-18", 1)
    cancelled = deputy.post(f"/schools/{sid}/school-events/{meeting['id']}/cancel", {"reason": "Карантин"}, expect=200)
    assert (cancelled["status"], cancelled["cancel_reason"]) == ("cancelled", "Карантин")
    again = deputy.post(f"/schools/{sid}/school-events/{meeting['id']}/cancel", {"reason": "Ещё"}, expect=None)
    assert again.status_code == 409
    assert "STATUS:CANCELLED" in requests.get(f"{BASE}{feed['url']}", timeout=30).text
    refused = school["teacher_api"].post(f"/schools/{sid}/school-events", {
        "title": "Чужое", "kind": "other", "date": "2025-09-15"}, expect=403)
    assert refused.status_code == 403
    bad = deputy.post(f"/schools/{sid}/school-events", {"title": "Без вида", "kind": "party", "date": "2025-09-15",
                                                        "starts_at": "19:00", "ends_at": "18:00"}, expect=422)
    assert set(bad.json()["error"]["fields"]) == {"kind", "ends_at"}


def test_the_weeks_diary_of_the_class_and_the_families_who_want_it_on_paper(school, tmp_path):
    sid, group, teacher, admin = school["id"], school["group"], school["teacher_api"], school["admin_api"]
    ivanov, petrova = school["students"]
    teacher.put(f"/schools/{sid}/lessons/{school['lesson']['id']}/record", {
        "topic": "Натуральные числа", "homework": "§1, № 5", "reason": "Ввод журнала",
        "marks": [{"student_id": ivanov["id"], "value": "5", "work_type": "classwork", "comment": "отлично"}],
        "attendance": [{"student_id": petrova["id"], "status": "ill"}]})
    params = {"class_group_id": group, "week_of": "2025-09-03"}
    path = f"/schools/{sid}/reports/weekly-diaries"
    week = once_reported(teacher, path, params, lambda r: any(
        lesson.get("topic") and lesson.get("marks") for s in r["students"] for lesson in s.get("lessons", [])))
    assert (week["date_from"], week["date_to"]) == (MONDAY, "2025-09-07")
    first = {s["student_name"]: s for s in week["students"]}
    [lesson] = first["Иванов Пётр Сергеевич"]["lessons"]
    assert (lesson["subject_name"], lesson["topic"], lesson["homework"]) == ("Математика", "Натуральные числа", "§1, № 5")
    assert [(m["value"], m["comment"]) for m in lesson["marks"]] == [("5", "отлично")]
    assert first["Петрова Дарья Сергеевна"]["lessons"][0]["attendance_name"] == "Б — болел"
    printed = teacher.get(f"{path}.pdf", params=params, expect=None)
    assert printed.status_code == 200 and printed.headers["Content-Type"].startswith("application/pdf")
    text = pdf_text(printed.content, tmp_path)
    assert text.count("Дневник за неделю") == 2 and "Натуральные числа" in text and "Б — болел" in text

    mother = school["guardians"][0]
    assert admin.put(f"/schools/{sid}/people/{mother['id']}/paper-diary", {"wanted": True})["paper_diary"]
    families = teacher.get(f"/schools/{sid}/class-groups/{group}/families", params={"on_date": MONDAY})["families"]
    by_student = {f["student"]["id"]: f for f in families}
    [guardian] = by_student[ivanov["id"]]["guardians"]
    assert (guardian["guardian"]["id"], guardian["guardian"]["paper_diary"], guardian["relation"]) == (
        mother["id"], True, "mother")
    one = teacher.get(f"{path}.pdf", params={**params, "student_id": ivanov["id"]}, expect=None)
    assert pdf_text(one.content, tmp_path).count("Дневник за неделю") == 1


def test_a_gosuslugi_only_school_gives_guardians_no_codes(school):
    sid, admin, group = school["id"], school["admin_api"], school["group"]
    aunt = admin.post(f"/schools/{sid}/people", {"kind": "guardian", "last_name": "Тётина", "first_name": "Вера"})
    admin.post(f"/schools/{sid}/guardianships", {"guardian_id": aunt["person"]["id"],
                                                 "student_id": school["students"][1]["id"], "relation": "other"})
    assert admin.put(f"/schools/{sid}/guardian-access", {"gosuslugi_only": True})["guardians_gosuslugi_only"]
    refused = admin.post(f"/schools/{sid}/activation-codes", {"person_ids": [aunt["person"]["id"]]}, expect=409)
    assert "только через Госуслуги" in refused.json()["error"]["message"]
    slips = school["teacher_api"].post(f"/schools/{sid}/activation-codes", {"class_group_id": group})
    assert aunt["person"]["id"] in [s["person_id"] for s in slips["gosuslugi_slips"]]
    assert aunt["person"]["id"] not in [s["person_id"] for s in slips["slips"]]
    not_admin = school["teacher_api"].put(f"/schools/{sid}/guardian-access", {"gosuslugi_only": False}, expect=None)
    assert not_admin.status_code == 403
    admin.put(f"/schools/{sid}/guardian-access", {"gosuslugi_only": False})
