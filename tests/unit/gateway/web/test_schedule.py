"""The deputy head's schedule pages with fake services: the class's week with its timetable grid and lesson
actions, the actions' calls and their refusals, warnings, mismatch reports."""
from proto.identity.v1 import identity_pb2
from proto.schedule.v1 import schedule_pb2 as pb
from services.common.errors import Conflict, Invalid

SCHOOL = "0b6f5a8e-3c1d-4b7a-9a55-2f7c1f0e9d11"
GROUP = "5c1e2c3b-4a59-4e6f-8a7b-9c0d1e2f3a4b"
LESSON = "7d1e2c3b-4a59-4e6f-8a7b-9c0d1e2f3a4b"
TEACHER = "1a2b3c4d-5e6f-4a7b-8c9d-0e1f2a3b4c5d"
SUBSTITUTE = "2a2b3c4d-5e6f-4a7b-8c9d-0e1f2a3b4c5d"
WEEK = f"/schools/{SCHOOL}/schedule/class-groups/{GROUP}?week=2025-09-03"


def _week(peers):
    peers.responses["GetClassGroup"] = pb.ClassGroup(id=GROUP, name="5А")
    peers.responses["ListTimetableEntries"] = pb.ListTimetableEntriesResponse(entries=[pb.TimetableEntry(
        weekday=1, lesson_number=2, subject_name="Математика", starts_at="09:25", ends_at="10:10", room="21")])
    peers.responses["ListLessons"] = pb.ListLessonsResponse(lessons=[pb.Lesson(
        id=LESSON, date="2025-09-01", lesson_number=2, subject_name="Математика", teacher_id=TEACHER,
        substitute_teacher_id=SUBSTITUTE, status="scheduled", change_note="Замена: больничный", subgroup_name="1 группа")])
    peers.responses["ListPeople"] = identity_pb2.ListPeopleResponse(people=[
        identity_pb2.Person(id=TEACHER, name=identity_pb2.PersonName(last_name="Иванова", first_name="Анна")),
        identity_pb2.Person(id=SUBSTITUTE, name=identity_pb2.PersonName(last_name="Петров", first_name="Олег"))])


def test_a_class_week_shows_the_grid_and_the_lessons_with_their_changes(browser, peers):
    _week(peers)
    page = browser.get(WEEK).get_data(as_text=True)
    assert "Расписание класса 5А" in page and "неделя с 01.09.2025" in page
    assert "09:25–10:10, каб. 21" in page and "Математика (1 группа)" in page
    assert "замена: Петров Олег" in page and "Замена: больничный" in page and "Иванова Анна" in page
    assert "Отменить урок" in page and "Перенести урок" in page and "Назначить замену" in page
    lessons_request = next(req for _, rpc, req, _ in peers.calls if rpc == "ListLessons")
    assert (lessons_request.date_from, lessons_request.date_to, lessons_request.include_cancelled) == (
        "2025-09-01", "2025-09-07", True)


def test_lesson_actions_call_schedule_and_come_back_to_the_week(browser, peers):
    _week(peers)
    base = f"/schools/{SCHOOL}/schedule/lessons/{LESSON}"
    common = {"csrf_token": "csrf-123", "class_group_id": GROUP, "week": "2025-09-01"}
    resp = browser.post(f"{base}/move", data={**common, "date": "2025-09-03", "lesson_number": "5", "reason": "экскурсия"})
    assert resp.status_code == 302 and "done=move" in resp.headers["Location"]
    moved = next(req for _, rpc, req, _ in peers.calls if rpc == "MoveLesson")
    assert (moved.lesson_id, moved.date, moved.lesson_number, moved.reason) == (LESSON, "2025-09-03", 5, "экскурсия")
    browser.post(f"{base}/substitute", data={**common, "teacher_id": SUBSTITUTE, "reason": "болезнь"})
    browser.post(f"{base}/cancel", data={**common, "reason": "карантин"})
    calls = {rpc: req for _, rpc, req, _ in peers.calls}
    assert (calls["AssignSubstitute"].teacher_id, calls["CancelLesson"].reason) == (SUBSTITUTE, "карантин")
    assert "Урок перенесён" in browser.get(WEEK + "&done=move").get_data(as_text=True)
    assert browser.post(f"{base}/cancel", data={"reason": "x"}).status_code == 400  # no CSRF token


def test_a_refused_change_is_explained_on_the_week_page(browser, peers):
    _week(peers)
    peers.responses["MoveLesson"] = Conflict("Урок «Математика», 5А пересекается с уроком «Физика», 5А",
                                             {"lesson_number": "у класса в это время уже есть урок"})
    resp = browser.post(f"/schools/{SCHOOL}/schedule/lessons/{LESSON}/move", data={
        "csrf_token": "csrf-123", "class_group_id": GROUP, "week": "2025-09-01", "date": "2025-09-02",
        "lesson_number": "1", "reason": "r"})
    page = resp.get_data(as_text=True)
    assert resp.status_code == 409 and "пересекается с уроком «Физика»" in page and "уже есть урок" in page


def test_the_overview_shows_warnings_and_the_reports_can_be_resolved(browser, peers):
    peers.responses["ListClassGroups"] = pb.ListClassGroupsResponse(class_groups=[
        pb.ClassGroup(id=GROUP, name="5А", academic_year_id=TEACHER)])
    peers.responses["CurriculumWarnings"] = pb.CurriculumWarningsResponse(warnings=[pb.CurriculumWarning(
        kind="timetable_overdue", message="Расписание не составлено после 20 сентября 2025: нет уроков у классов 6Б")])
    page = browser.get(f"/schools/{SCHOOL}/schedule").get_data(as_text=True)
    assert "нет уроков у классов 6Б" in page and f"/schedule/class-groups/{GROUP}" in page
    peers.responses["ListMismatchReports"] = pb.ListMismatchReportsResponse(reports=[pb.MismatchReport(
        id=LESSON, subject_name="Математика", lesson_date="2025-09-01", message="В журнале 2 сентября", status="open")])
    page = browser.get(f"/schools/{SCHOOL}/schedule/mismatch-reports").get_data(as_text=True)
    assert "В журнале 2 сентября" in page and "Разобрать" in page
    resp = browser.post(f"/schools/{SCHOOL}/schedule/mismatch-reports", data={
        "csrf_token": "csrf-123", "report_id": LESSON, "resolution": "Исправьте журнал"})
    assert resp.status_code == 302
    resolved = next(req for _, rpc, req, _ in peers.calls if rpc == "ResolveMismatchReport")
    assert (resolved.report_id, resolved.resolution) == (LESSON, "Исправьте журнал")


def _me(peers):
    peers.responses["GetMe"] = identity_pb2.Me(memberships=[identity_pb2.Membership(
        school=identity_pb2.School(id=SCHOOL), principal=identity_pb2.Principal(person_id=TEACHER))])
    peers.responses["ListClassGroups"] = pb.ListClassGroupsResponse(class_groups=[pb.ClassGroup(id=GROUP, name="5А")])
    peers.responses["ListLessons"] = pb.ListLessonsResponse(lessons=[pb.Lesson(
        id=LESSON, class_group_id=GROUP, date="2025-09-01", lesson_number=2, subject_name="Математика",
        status="scheduled")])


def test_a_teacher_lists_their_week_and_reports_a_date_mismatch(browser, peers):
    _me(peers)
    page = browser.get(f"/schools/{SCHOOL}/schedule/my-lessons?week=2025-09-03").get_data(as_text=True)
    assert "5А, Математика" in page and "Сообщить о расхождении" in page and "неделя с 01.09.2025" in page
    listed = next(req for _, rpc, req, _ in peers.calls if rpc == "ListLessons")
    assert (listed.teacher_id, listed.date_from, listed.date_to) == (TEACHER, "2025-09-01", "2025-09-07")
    resp = browser.post(f"/schools/{SCHOOL}/schedule/lessons/{LESSON}/mismatch-report", data={
        "csrf_token": "csrf-123", "week": "2025-09-01", "message": "В журнале урок записан на 2 сентября"})
    assert resp.status_code == 302 and "sent=1" in resp.headers["Location"]
    report = next(req for _, rpc, req, _ in peers.calls if rpc == "ReportMismatch")
    assert (report.lesson_id, report.message) == (LESSON, "В журнале урок записан на 2 сентября")
    assert "Сообщение отправлено" in browser.get(resp.headers["Location"]).get_data(as_text=True)
    peers.responses["ReportMismatch"] = Invalid("message", "напишите, что не совпадает")
    resp = browser.post(f"/schools/{SCHOOL}/schedule/lessons/{LESSON}/mismatch-report", data={
        "csrf_token": "csrf-123", "week": "2025-09-01", "message": ""})
    assert resp.status_code == 422 and "напишите, что не совпадает" in resp.get_data(as_text=True)
