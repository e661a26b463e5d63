"""Browser side without Keycloak: the PKCE login redirect, the callback's state check, CSRF on every
state-changing browser request, and redirects of anonymous page requests to /login."""
import base64
import hashlib
from urllib.parse import parse_qs, urlparse

import pytest

from proto.identity.v1 import identity_pb2
from proto.journal.v1 import journal_pb2
from proto.schedule.v1 import schedule_pb2
from tests.unit.gateway.fakes import ATTENDANCE_KINDS, WORK_TYPES

SCHOOL = "0b6f5a8e-3c1d-4b7a-9a55-2f7c1f0e9d11"
LESSON = "7d1e2c3b-4a59-4e6f-8a7b-9c0d1e2f3a4b"
STUDENT = "1a2b3c4d-5e6f-4a7b-8c9d-0e1f2a3b4c5d"


def test_login_page_offers_staff_and_gosuslugi(client):
    page = client.get("/login").get_data(as_text=True)
    assert "Войти</a>" in page and "Войти через Госуслуги" in page
    assert 'href="/login/start?idp=gosuslugi"' in page


@pytest.mark.parametrize("idp", ["", "gosuslugi"])
def test_login_start_redirects_with_pkce(client, idp):
    resp = client.get(f"/login/start?idp={idp}")
    assert resp.status_code == 302
    target = urlparse(resp.headers["Location"])
    query = {k: v[0] for k, v in parse_qs(target.query).items()}
    assert target.path == "/realms/otmetka/protocol/openid-connect/auth"
    assert query["code_challenge_method"] == "S256" and query["response_type"] == "code"
    assert query["redirect_uri"] == "http://gateway.test/auth/callback"
    with client.session_transaction() as session:
        login = session["login"]
    assert query["state"] == login["state"]
    challenge = base64.urlsafe_b64encode(hashlib.sha256(login["code_verifier"].encode()).digest()).rstrip(b"=").decode()
    assert query["code_challenge"] == challenge
    assert query.get("kc_idp_hint", "") == idp


def test_callback_with_a_foreign_state_is_refused(client):
    client.get("/login/start")
    resp = client.get("/auth/callback?state=forged&code=abc")
    assert resp.status_code == 401 and "Начните вход заново" in resp.get_data(as_text=True)
    with client.session_transaction() as session:
        assert "tokens" not in session and "login" not in session


def test_session_cookie_is_httponly_and_lax(client):
    client.get("/login/start")
    cookie = client.get_cookie("otmetka_session")
    assert cookie.http_only and cookie.same_site == "Lax"


def test_anonymous_pages_redirect_to_login(client):
    resp = client.get(f"/schools/{SCHOOL}/students/{STUDENT}/diary?week=2025-09-01")
    assert resp.status_code == 302
    assert resp.headers["Location"].startswith("/login?next=/schools/")


def _lesson(peers):
    peers.responses["GetLesson"] = schedule_pb2.Lesson(id=LESSON, class_group_id=STUDENT, subject_name="Математика",
                                                      date="2025-09-01", lesson_number=1)
    peers.responses["ListPeople"] = identity_pb2.ListPeopleResponse(people=[identity_pb2.Person(
        id=STUDENT, kind=identity_pb2.STUDENT, name=identity_pb2.PersonName(last_name="Сидоров", first_name="Петя"))])


def test_lesson_form_post_needs_the_csrf_token(browser, peers):
    _lesson(peers)
    resp = browser.post(f"/schools/{SCHOOL}/lessons/{LESSON}", data={"topic": "Дроби"})
    assert resp.status_code == 400 and "Обновите страницу" in resp.get_data(as_text=True)
    assert "SaveLesson" not in [rpc for _, rpc, _, _ in peers.calls]


def test_lesson_form_saves_the_whole_lesson(browser, peers):
    _lesson(peers)
    page = browser.get(f"/schools/{SCHOOL}/lessons/{LESSON}").get_data(as_text=True)
    assert 'name="csrf_token" value="csrf-123"' in page and "Сидоров Петя" in page
    resp = browser.post(f"/schools/{SCHOOL}/lessons/{LESSON}", data={
        "csrf_token": "csrf-123", "topic": "Дроби", "homework": "№ 5",
        f"mark-{STUDENT}-value": ["5", ""], f"mark-{STUDENT}-work_type": ["test", "classwork"],
        f"mark-{STUDENT}-comment": [" Молодец ", ""], f"attendance-{STUDENT}": "late"})
    assert resp.status_code == 302 and resp.headers["Location"].endswith("?saved=1")
    [saved] = [req for _, rpc, req, _ in peers.calls if rpc == "SaveLesson"]
    assert (saved.topic, saved.homework, saved.school_id, saved.lesson_id) == ("Дроби", "№ 5", SCHOOL, LESSON)
    assert [(m.student_id, m.value, m.work_type, m.comment) for m in saved.marks] == [(STUDENT, "5", "test", "Молодец")]
    assert [(a.student_id, a.status) for a in saved.attendance] == [(STUDENT, "late")]
    assert "Сохранено" in browser.get(f"/schools/{SCHOOL}/lessons/{LESSON}?saved=1").get_data(as_text=True)


def test_lesson_errors_are_shown_in_russian(browser, peers):
    from services.common.errors import FailedPrecondition

    _lesson(peers)
    peers.responses["SaveLesson"] = FailedPrecondition("Урок уже прошёл: укажите причину изменения", {"reason": "Обязательно"})
    resp = browser.post(f"/schools/{SCHOOL}/lessons/{LESSON}", data={"csrf_token": "csrf-123", "topic": "Дроби"})
    page = resp.get_data(as_text=True)
    assert resp.status_code == 409 and "укажите причину изменения" in page and 'value="Дроби"' in page


def test_session_api_changes_need_the_csrf_header(browser, peers):
    url = f"/api/v1/schools/{SCHOOL}/subjects"
    assert browser.get("/api/v1/me").status_code == 200  # reading with the session needs no CSRF token
    resp = browser.post(url, json={"name": "Химия"})
    assert resp.status_code == 400 and "csrf_token" in resp.json["error"]["fields"]
    assert browser.post(url, json={"name": "Химия"}, headers={"X-CSRF-Token": "csrf-123"}).status_code == 201


def test_logout_post_needs_csrf_and_ends_the_keycloak_session(browser):
    assert browser.post("/logout").status_code == 400
    resp = browser.post("/logout", data={"csrf_token": "csrf-123"})
    location = urlparse(resp.headers["Location"])
    assert location.path == "/realms/otmetka/protocol/openid-connect/logout"
    assert parse_qs(location.query)["post_logout_redirect_uri"] == ["http://gateway.test/login"]
    with browser.session_transaction() as session:
        assert "tokens" not in session


def test_diary_shows_the_week(browser, peers):
    resp = browser.get(f"/schools/{SCHOOL}/students/{STUDENT}/diary?week=2025-13-01")
    assert resp.status_code == 400 and "Неверная дата недели" in resp.get_data(as_text=True)
    peers.responses["GetDiary"] = journal_pb2.Diary(entries=[journal_pb2.DiaryEntry(
        date="2025-09-02", lesson_number=3, subject_name="Физика", topic="Сила тяжести", homework="§ 12",
        marks=[journal_pb2.Mark(value="5", work_type="test")], attendance="late")],
        work_types=WORK_TYPES, attendance_kinds=ATTENDANCE_KINDS)
    page = browser.get(f"/schools/{SCHOOL}/students/{STUDENT}/diary?week=2025-09-03").get_data(as_text=True)
    for text in ("вторник, 02.09.2025", "Физика", "Сила тяжести", "§ 12", 'title="Контрольная работа">5<', "опоздал"):
        assert text in page
    [request] = [req for _, rpc, req, _ in peers.calls if rpc == "GetDiary"]
    assert (request.date_from, request.date_to) == ("2025-09-01", "2025-09-07")


@pytest.mark.parametrize("target", ["https://evil.example/", "//evil.example/", "/\\evil.example/"])
def test_login_returns_only_to_this_site(client, target):
    client.get("/login/start", query_string={"next": target})
    with client.session_transaction() as session:
        assert session["login"]["next"] == "/"


def test_home_lists_the_teachers_week_and_the_childrens_diaries(browser, peers):
    from services.common.errors import Forbidden

    teacher = identity_pb2.Principal(school_id=SCHOOL, person_id=LESSON, roles=["subject_teacher", "guardian"],
                                     student_ids=[STUDENT])
    peers.responses["GetMe"] = identity_pb2.Me(memberships=[identity_pb2.Membership(
        school=identity_pb2.School(id=SCHOOL, name="Школа № 7"), principal=teacher, full_name="Иванова Мария")])
    peers.responses["ListLessons"] = schedule_pb2.ListLessonsResponse(lessons=[schedule_pb2.Lesson(
        id=LESSON, class_group_id=STUDENT, subject_name="Алгебра", date="2025-09-01", lesson_number=2)])
    peers.responses["GetClassGroup"] = schedule_pb2.ClassGroup(name="7Б")
    peers.responses["GetPerson"] = Forbidden()
    page = browser.get("/").get_data(as_text=True)
    assert "Школа № 7" in page and "учитель-предметник" in page and "понедельник, 01.09.2025" in page and "7Б" in page
    assert f'href="/schools/{SCHOOL}/lessons/{LESSON}">Алгебра' in page
    assert f'href="/schools/{SCHOOL}/students/{STUDENT}/diary">Дневник ребёнка' in page
    [request] = [req for _, rpc, req, _ in peers.calls if rpc == "ListLessons"]
    assert request.teacher_id == LESSON and request.date_from <= request.date_to


def test_home_of_the_authority_operator_lists_all_schools(browser, peers):
    peers.responses["GetMe"] = identity_pb2.Me(realm_roles=["authority_operator"])
    peers.responses["ListSchools"] = identity_pb2.ListSchoolsResponse(schools=[
        identity_pb2.School(id=SCHOOL, name="Гимназия № 2", status="active")])
    page = browser.get("/").get_data(as_text=True)
    assert "Школы муниципалитета" in page and "Гимназия № 2" in page


@pytest.mark.parametrize(("roles", "leads", "shown", "hidden"), [
    (["school_admin"], [], ["/console/schools/", "/schedule", "/journal/control", "/journal/compromised", "/journal\""],
     ["/slips", "/journal/attendance"]),
    (["deputy_head"], [], ["/schedule", "/journal/control", "/journal\""], ["/console/", "/journal/compromised"]),
    (["form_teacher"], [STUDENT], ["/slips", "/journal/attendance", "/journal\"", "/schedule/my-lessons"],
     ["/schedule\"", "/journal/control"]),
    (["guardian"], [], [], ["/journal", "/schedule", "/console/"]),
])
def test_home_links_each_role_to_its_pages(browser, peers, roles, leads, shown, hidden):
    principal = identity_pb2.Principal(school_id=SCHOOL, roles=roles, form_class_group_ids=leads)
    peers.responses["GetMe"] = identity_pb2.Me(memberships=[identity_pb2.Membership(
        school=identity_pb2.School(id=SCHOOL, name="Школа № 7", status="active"), principal=principal)])
    page = browser.get("/").get_data(as_text=True)
    assert all(f'/schools/{SCHOOL}{link}' in page or f'{link}{SCHOOL}' in page for link in shown), page
    assert not any(link in page for link in hidden)


def test_home_of_a_suspended_school_asks_nothing_of_its_services(browser, peers):
    principal = identity_pb2.Principal(school_id=SCHOOL, person_id=LESSON, roles=["subject_teacher"])
    peers.responses["GetMe"] = identity_pb2.Me(memberships=[identity_pb2.Membership(
        school=identity_pb2.School(id=SCHOOL, name="Школа № 7", status="suspended"), principal=principal)])
    page = browser.get("/").get_data(as_text=True)
    assert "Работа школы в системе приостановлена" in page
    assert [rpc for _, rpc, _, _ in peers.calls] == ["GetMe"]


@pytest.mark.parametrize(("target", "kept"), [
    ("/schools/1/lessons/2?saved=1", True), ("/", True),
    ("//evil.example", False), ("/\t/evil.example", False), ("/\\evil.example", False), ("http://evil.example", False),
    ("/x\r\nSet-Cookie: a=b", False), ("/with space", False), ("", False), (None, False),
])
def test_only_local_paths_are_followed_after_login(target, kept):
    from gateway.login import _local_path

    assert _local_path(target) == (target if kept else "/")
