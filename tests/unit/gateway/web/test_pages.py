"""The home page, the lesson page and the diary with fake services: the teacher's week and the children's diaries
by role, the lesson form (its CSRF token, the whole lesson saved, a refusal in Russian), the week of a diary."""
import pytest

from proto.identity.v1 import identity_pb2
from proto.journal.v1 import journal_pb2
from proto.schedule.v1 import schedule_pb2
from tests.unit.gateway.fakes import ATTENDANCE_KINDS, WORK_TYPES

SCHOOL = "0b6f5a8e-3c1d-4b7a-9a55-2f7c1f0e9d11"
LESSON = "7d1e2c3b-4a59-4e6f-8a7b-9c0d1e2f3a4b"
STUDENT = "1a2b3c4d-5e6f-4a7b-8c9d-0e1f2a3b4c5d"


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
