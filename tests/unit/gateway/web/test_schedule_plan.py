"""The thematic plan page with fake services: planned against delivered hours and the topics covered, for the
deputy head and the teacher (with the import form: a checked file lists its bad rows, a loaded one replaces the
plan, a refused load shows the rows; the teacher reaches it from their lessons), read-only for the director."""
import io

from proto.identity.v1 import identity_pb2
from proto.schedule.v1 import schedule_pb2 as pb
from services.common.errors import Invalid

SCHOOL = "0b6f5a8e-3c1d-4b7a-9a55-2f7c1f0e9d11"
GROUP = "5c1e2c3b-4a59-4e6f-8a7b-9c0d1e2f3a4b"
SUBJECT = "6d1e2c3b-4a59-4e6f-8a7b-9c0d1e2f3a4b"
TEACHER = "1a2b3c4d-5e6f-4a7b-8c9d-0e1f2a3b4c5d"
PLAN = f"/schools/{SCHOOL}/schedule/class-groups/{GROUP}/plans/{SUBJECT}"
CSV = "1;Натуральные числа;2\n2;Дроби;3\n".encode()


def sent(peers, rpc):
    return next(req for _, name, req, _ in reversed(peers.calls) if name == rpc)


def _plan(peers, *roles):
    peers.responses["GetMe"] = identity_pb2.Me(memberships=[identity_pb2.Membership(
        school=identity_pb2.School(id=SCHOOL), principal=identity_pb2.Principal(person_id=TEACHER, roles=roles))])
    peers.responses["GetClassGroup"] = pb.ClassGroup(id=GROUP, name="5А")
    peers.responses["ListSubjects"] = pb.ListSubjectsResponse(subjects=[pb.Subject(id=SUBJECT, name="Математика")])
    peers.responses["ListPlanTopics"] = pb.ListPlanTopicsResponse(total_hours="5", topics=[
        pb.PlanTopic(position=1, title="Натуральные числа", hours="2"), pb.PlanTopic(position=2, title="Дроби",
                                                                                     hours="3")])
    peers.responses["PlanProgress"] = pb.PlanProgressReport(
        plan_topics=2, plan_hours="5", hours_per_week="1", study_weeks=16, curriculum_hours="16", lessons_total=15,
        lessons_to_date=5, lessons_delivered=3, topics_covered=1, as_of="2025-09-30",
        warnings=["«Математика», 5А: по расписанию прошло уроков 5, в журнале записаны 3 (без записей 2)"])


def test_the_deputy_head_sees_progress_topics_and_the_import_form(browser, peers):
    _plan(peers, "deputy_head")
    page = browser.get(PLAN).get_data(as_text=True)
    assert "Тематический план: Математика, 5А" in page and "Выполнение плана на 30.09.2025" in page
    assert "<th>Проведено (есть записи в журнале)</th><td>3</td>" in page
    assert "16 (1 ч. в неделю × 16 учебных недель)" in page and "Пройдено тем плана</th><td>1 из 2" in page
    assert "без записей 2" in page and 'class="covered"><td>1</td><td>Натуральные числа' in page
    assert 'class="plan-form"' in page and 'enctype="multipart/form-data"' in page
    progress = sent(peers, "PlanProgress")
    assert (progress.class_group_id, progress.subject_id) == (GROUP, SUBJECT)


def test_a_teacher_may_load_a_plan_and_other_readers_only_see_it(browser, peers):
    _plan(peers, "subject_teacher")
    assert 'class="plan-form"' in browser.get(PLAN).get_data(as_text=True)
    _plan(peers, "director")
    page = browser.get(PLAN).get_data(as_text=True)
    assert "Дроби" in page and "Проведено" in page and 'class="plan-form"' not in page


def test_a_checked_file_lists_its_bad_rows_and_loads_nothing(browser, peers):
    _plan(peers, "deputy_head")
    peers.responses["ImportThematicPlan"] = pb.ImportThematicPlanResponse(
        topics=[pb.PlanTopic(position=1, title="Натуральные числа", hours="2")], total_hours="2",
        errors=[pb.ImportRowError(line=2, field="hours", message="ожидается число часов, например 1 или 1,5")])
    resp = browser.post(f"{PLAN}/import", content_type="multipart/form-data", data={
        "csrf_token": "csrf-123", "action": "check", "plan_file": (io.BytesIO(CSV), "план.csv")})
    page = resp.get_data(as_text=True)
    assert resp.status_code == 200 and "В файле ошибок: 1" in page
    assert "<td>2</td><td>hours</td><td>ожидается число часов" in page
    request = sent(peers, "ImportThematicPlan")
    assert (request.dry_run, request.filename, request.content) == (True, "план.csv", CSV)


def test_a_loaded_file_replaces_the_plan_and_a_refused_one_shows_the_rows(browser, peers):
    _plan(peers, "deputy_head")
    peers.responses["ImportThematicPlan"] = pb.ImportThematicPlanResponse(applied=True, topics=[
        pb.PlanTopic(position=1, title="Натуральные числа", hours="2"), pb.PlanTopic(position=2, title="Дроби",
                                                                                     hours="3")])
    resp = browser.post(f"{PLAN}/import", content_type="multipart/form-data", data={
        "csrf_token": "csrf-123", "action": "load", "plan_file": (io.BytesIO(CSV), "plan.csv")})
    assert resp.status_code == 302 and "loaded=2" in resp.headers["Location"]
    assert sent(peers, "ImportThematicPlan").dry_run is False
    assert "План загружен: тем — 2" in browser.get(resp.headers["Location"]).get_data(as_text=True)
    peers.responses["ImportThematicPlan"] = Invalid(message="В файле ошибок: 1; план не загружен",
                                                    fields={"content[3].title": "поле не заполнено"})
    resp = browser.post(f"{PLAN}/import", content_type="multipart/form-data", data={
        "csrf_token": "csrf-123", "action": "load", "plan_file": (io.BytesIO(CSV), "plan.csv")})
    page = resp.get_data(as_text=True)
    assert resp.status_code == 422 and "В файле ошибок: 1; план не загружен" in page
    assert "<li>content[3].title: поле не заполнено</li>" in page
    peers.responses["ImportThematicPlan"] = Invalid("filename", "ожидается файл .csv или .xlsx")
    resp = browser.post(f"{PLAN}/import", content_type="multipart/form-data", data={
        "csrf_token": "csrf-123", "action": "load", "plan_file": (io.BytesIO(b"x"), "plan.txt")})
    assert resp.status_code == 422 and "ожидается файл .csv или .xlsx" in resp.get_data(as_text=True)
    assert browser.post(f"{PLAN}/import", data={"action": "load"}).status_code == 400  # no CSRF token


def test_pages_link_to_the_plans(browser, peers):
    _plan(peers, "subject_teacher")
    peers.responses["ListClassGroups"] = pb.ListClassGroupsResponse(class_groups=[pb.ClassGroup(id=GROUP, name="5А")])
    peers.responses["ListLessons"] = pb.ListLessonsResponse(lessons=[pb.Lesson(
        class_group_id=GROUP, subject_id=SUBJECT, subject_name="Математика", date="2025-09-01", status="scheduled")])
    page = browser.get(f"/schools/{SCHOOL}/schedule/my-lessons?week=2025-09-01").get_data(as_text=True)
    assert f'href="{PLAN}">5А, Математика</a>' in page
    peers.responses["GetCurriculum"] = pb.Curriculum(profile_name="Физико-математический", hours=[pb.CurriculumHours(
        subject_id=SUBJECT, subject_name="Математика", hours_per_week="6")])
    page = browser.get(f"/schools/{SCHOOL}/schedule/class-groups/{GROUP}/setup").get_data(as_text=True)
    assert f'href="{PLAN}">план и его выполнение</a>' in page and "Профиль: Физико-математический" in page
