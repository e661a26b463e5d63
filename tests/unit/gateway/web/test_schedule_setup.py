"""The deputy head's set-up pages with fake services: the year's page lists what exists and its forms make the
right calls (terms with grades, a shift's periods, holidays, transfers, the policy); a class's page sets curriculum
hours, teachers, subgroups and the timetable, and a refusal is shown next to its form."""
from proto.identity.v1 import identity_pb2
from proto.schedule.v1 import schedule_pb2 as pb
from services.common.errors import Conflict, FailedPrecondition, Invalid

SCHOOL = "0b6f5a8e-3c1d-4b7a-9a55-2f7c1f0e9d11"
YEAR = "3c1e2c3b-4a59-4e6f-8a7b-9c0d1e2f3a4b"
GROUP = "5c1e2c3b-4a59-4e6f-8a7b-9c0d1e2f3a4b"
SUBJECT = "6d1e2c3b-4a59-4e6f-8a7b-9c0d1e2f3a4b"
ENTRY = "8d1e2c3b-4a59-4e6f-8a7b-9c0d1e2f3a4b"
TEACHER = "1a2b3c4d-5e6f-4a7b-8c9d-0e1f2a3b4c5d"
STUDENT = "4a2b3c4d-5e6f-4a7b-8c9d-0e1f2a3b4c5d"
SETUP = f"/schools/{SCHOOL}/schedule/setup"
CLASS_SETUP = f"/schools/{SCHOOL}/schedule/class-groups/{GROUP}/setup"


def sent(peers, rpc):
    return next(req for _, name, req, _ in reversed(peers.calls) if name == rpc)


def _school(peers):
    peers.responses["ListAcademicYears"] = pb.ListAcademicYearsResponse(academic_years=[pb.AcademicYear(
        id=YEAR, name="2025/2026", start_date="2025-09-01", end_date="2026-05-31", status="open", terms=[
            pb.Term(name="1 четверть", kind="quarter", start_date="2025-09-01", end_date="2025-10-24", grade_from=1,
                    grade_to=9)])])
    peers.responses["ListHolidays"] = pb.ListHolidaysResponse(holidays=[pb.Holiday(
        name="Осенние каникулы", start_date="2025-10-25", end_date="2025-11-03")])
    peers.responses["ListDayTransfers"] = pb.ListDayTransfersResponse(day_transfers=[pb.DayTransfer(
        date="2025-11-01", works_as_weekday=1)])
    peers.responses["ListSubjects"] = pb.ListSubjectsResponse(subjects=[pb.Subject(id=SUBJECT, name="Математика")])
    peers.responses["ListClassGroups"] = pb.ListClassGroupsResponse(class_groups=[pb.ClassGroup(id=GROUP, name="5А")])
    peers.responses["ListBellSchedules"] = pb.ListBellSchedulesResponse(bell_schedules=[pb.BellSchedule(
        name="1 смена", periods=[pb.BellPeriod(lesson_number=1, starts_at="08:30", ends_at="09:15")])])
    peers.responses["GetSchedulePolicy"] = pb.SchedulePolicy(holiday_notice_days=14, transfer_notice_working_days=3,
                                                             curriculum_due="09-15", timetable_due="09-20")


def test_the_year_page_shows_terms_calendar_subjects_shifts_and_policy(browser, peers):
    _school(peers)
    page = browser.get(SETUP).get_data(as_text=True)
    assert "2025/2026" in page and "1 четверть (четверть): 01.09.2025 — 24.10.2025, 1–9 классы" in page
    assert "Осенние каникулы (25.10.2025 — 03.11.2025)" in page and 'name="holiday_id"' in page
    assert "суббота, 01.11.2025 — работает как понедельник" in page
    assert "Математика" in page and "1) 08:30–09:15" in page and 'value="09-20"' in page
    assert f"/schedule/class-groups/{GROUP}/setup" in page


def test_the_year_forms_send_terms_periods_holidays_transfers_and_policy(browser, peers):
    _school(peers)
    resp = browser.post(f"{SETUP}/year", data={
        "csrf_token": "csrf-123", "name": "2026/2027", "start_date": "2026-09-01", "end_date": "2027-05-31",
        "term_name_0": "1 четверть", "term_kind_0": "quarter", "term_start_0": "2026-09-01",
        "term_end_0": "2026-10-23", "term_grades_0": "1-9", "term_name_1": "", "term_name_2": "1 полугодие",
        "term_kind_2": "half_year", "term_start_2": "2026-09-01", "term_end_2": "2026-12-27", "term_grades_2": "10–11"})
    assert resp.status_code == 302 and "done=year" in resp.headers["Location"]
    year = sent(peers, "CreateAcademicYear")
    assert year.name == "2026/2027" and [(t.name, t.kind, t.grade_from, t.grade_to) for t in year.terms] == [
        ("1 четверть", "quarter", 1, 9), ("1 полугодие", "half_year", 10, 11)]
    browser.post(f"{SETUP}/bells", data={"csrf_token": "csrf-123", "name": "2 смена", "bell_start_1": "13:30",
                                         "bell_end_1": "14:15", "bell_start_3": "15:00", "bell_end_3": "15:45"})
    assert [(p.lesson_number, p.starts_at) for p in sent(peers, "CreateBellSchedule").periods] == [(1, "13:30"),
                                                                                                   (3, "15:00")]
    browser.post(f"{SETUP}/holiday", data={"csrf_token": "csrf-123", "academic_year_id": YEAR, "name": "День единства",
                                           "start_date": "2025-11-04"})
    holiday = sent(peers, "AddHoliday")
    assert (holiday.academic_year_id, holiday.start_date, holiday.end_date) == (YEAR, "2025-11-04", "2025-11-04")
    peers.responses["AddDayTransfer"] = pb.AddDayTransferResponse(warnings=["Перенос внесён позже срока"])
    resp = browser.post(f"{SETUP}/transfer", data={"csrf_token": "csrf-123", "academic_year_id": YEAR,
                                                   "date": "2025-11-01", "works_as_weekday": "1"})
    assert resp.status_code == 200 and "Перенос дня внесён" in resp.get_data(as_text=True)
    assert "Перенос внесён позже срока" in resp.get_data(as_text=True)
    assert sent(peers, "AddDayTransfer").works_as_weekday == 1
    browser.post(f"{SETUP}/policy", data={"csrf_token": "csrf-123", "holiday_notice_days": "21",
                                          "transfer_notice_working_days": "3", "curriculum_due": "09-10",
                                          "timetable_due": "09-20"})
    policy = sent(peers, "SetSchedulePolicy")
    assert (policy.holiday_notice_days, policy.curriculum_due) == (21, "09-10") and policy.HasField("timetable_due")


def test_bad_input_and_refusals_are_shown_next_to_their_form(browser, peers):
    _school(peers)
    resp = browser.post(f"{SETUP}/year", data={"csrf_token": "csrf-123", "name": "2026/2027", "term_name_0": "1",
                                               "term_grades_0": "пятые"})
    page = resp.get_data(as_text=True)
    assert resp.status_code == 422 and "terms[0].grades" in page and "1-9" in page
    assert not any(rpc == "CreateAcademicYear" for _, rpc, _, _ in peers.calls)
    assert 'value="2026/2027"' in page  # what was typed stays
    peers.responses["CreateSubject"] = Conflict("Предмет «Математика» уже есть", {"name": "уже есть"})
    resp = browser.post(f"{SETUP}/subject", data={"csrf_token": "csrf-123", "name": "математика"})
    page = resp.get_data(as_text=True)
    assert resp.status_code == 409 and page.index("Предмет «Математика» уже есть") < page.index('class="subject-form"')
    assert page.index('id="subjects"') < page.index("Предмет «Математика» уже есть")
    assert browser.post(f"{SETUP}/room", data={"name": "21"}).status_code == 400  # no CSRF token
    assert browser.post(f"{SETUP}/unknown", data={"csrf_token": "csrf-123"}).status_code == 400


def _class(peers):
    _school(peers)
    peers.responses["GetClassGroup"] = pb.ClassGroup(id=GROUP, name="5А")
    peers.responses["ListPeople"] = identity_pb2.ListPeopleResponse(people=[
        identity_pb2.Person(id=TEACHER, name=identity_pb2.PersonName(last_name="Иванова", first_name="Анна")),
        identity_pb2.Person(id=STUDENT, name=identity_pb2.PersonName(last_name="Петров", first_name="Иван"))])
    peers.responses["GetCurriculum"] = pb.Curriculum(total_hours_per_week="5", hours=[pb.CurriculumHours(
        subject_name="Математика", hours_per_week="5")])
    peers.responses["ListTeachingAssignments"] = pb.ListTeachingAssignmentsResponse(assignments=[pb.TeachingAssignment(
        subject_id=SUBJECT, teacher_id=TEACHER)])
    peers.responses["ListSubgroups"] = pb.ListSubgroupsResponse(subgroups=[pb.Subgroup(
        id=STUDENT, name="1 группа", student_ids=[STUDENT])])
    peers.responses["ListTimetableEntries"] = pb.ListTimetableEntriesResponse(entries=[pb.TimetableEntry(
        id=ENTRY, weekday=2, lesson_number=3, subject_id=SUBJECT, subject_name="Математика", teacher_id=TEACHER,
        starts_at="10:00", ends_at="10:45", room="21")])


def test_the_class_page_shows_curriculum_teachers_subgroups_and_timetable(browser, peers):
    _class(peers)
    page = browser.get(CLASS_SETUP).get_data(as_text=True)
    assert "Настройка класса 5А" in page and "Математика — Иванова Анна" in page
    assert "1 группа: Петров Иван" in page and "Вторник, 3-й" in page and "10:00–10:45, каб. 21" in page
    assert "с начала года" in page and "Заменить урок" in page and "Убрать урок" in page
    people = [req for _, rpc, req, _ in peers.calls if rpc == "ListPeople"]
    assert {(p.kind, p.class_group_id) for p in people} == {(identity_pb2.STAFF, ""), (identity_pb2.STUDENT, GROUP)}


def test_the_class_forms_make_their_calls(browser, peers):
    _class(peers)
    csrf = {"csrf_token": "csrf-123"}
    browser.post(f"{CLASS_SETUP}/curriculum", data={**csrf, "subject_id": SUBJECT, "hours_per_week": "1,5"})
    assert sent(peers, "SetCurriculumHours").hours_per_week == "1,5"
    browser.post(f"{CLASS_SETUP}/subgroup", data={**csrf, "name": "Английский, 1 группа", "student_ids": [STUDENT]})
    assert list(sent(peers, "CreateSubgroup").student_ids) == [STUDENT]
    browser.post(f"{CLASS_SETUP}/assignment", data={**csrf, "subject_id": SUBJECT, "teacher_id": TEACHER,
                                                    "subgroup_id": ""})
    assert (sent(peers, "AssignTeacher").teacher_id, sent(peers, "AssignTeacher").class_group_id) == (TEACHER, GROUP)
    peers.responses["CreateTimetableEntry"] = pb.CreateTimetableEntryResponse(lessons_created=33)
    resp = browser.post(f"{CLASS_SETUP}/entry", data={**csrf, "weekday": "1", "lesson_number": "2",
                                                      "subject_id": SUBJECT, "teacher_id": TEACHER, "room_id": "",
                                                      "room": "21", "bell_schedule_id": YEAR})
    assert "lessons_created=33" in resp.headers["Location"]
    entry = sent(peers, "CreateTimetableEntry").entry
    assert (entry.class_group_id, entry.weekday, entry.lesson_number, entry.room, entry.bell_schedule_id) == (
        GROUP, 1, 2, "21", YEAR)
    assert "Урок добавлен в расписание: уроков создано — 33" in browser.get(
        resp.headers["Location"]).get_data(as_text=True)
    browser.post(f"{CLASS_SETUP}/replace", data={**csrf, "entry_id": ENTRY, "effective_from": "2026-01-12",
                                                 "weekday": "2", "lesson_number": "4", "subject_id": SUBJECT,
                                                 "teacher_id": TEACHER})
    replaced = sent(peers, "ReplaceTimetableEntry")
    assert (replaced.entry_id, replaced.effective_from, replaced.entry.lesson_number) == (ENTRY, "2026-01-12", 4)
    browser.post(f"{CLASS_SETUP}/delete", data={**csrf, "entry_id": ENTRY, "effective_from": "2026-01-12"})
    assert sent(peers, "DeleteTimetableEntry").entry_id == ENTRY


def test_a_timetable_clash_is_shown_next_to_the_entry_form(browser, peers):
    _class(peers)
    peers.responses["CreateTimetableEntry"] = Conflict(
        "Урок «Математика», 5А пересекается с уроком «Физика», 5А (вторник, 3-й урок)", {"lesson_number": "занято"})
    resp = browser.post(f"{CLASS_SETUP}/entry", data={"csrf_token": "csrf-123", "weekday": "2", "lesson_number": "3",
                                                      "subject_id": SUBJECT, "teacher_id": TEACHER})
    page = resp.get_data(as_text=True)
    assert resp.status_code == 409 and "lesson_number: занято" in page
    assert page.index("<h3>Добавить урок</h3>") < page.index("пересекается с уроком «Физика»") < page.index(
        'class="entry-form"')
    resp = browser.post(f"{CLASS_SETUP}/entry", data={"csrf_token": "csrf-123", "weekday": "2", "lesson_number": "",
                                                      "subject_id": SUBJECT, "teacher_id": TEACHER})
    assert resp.status_code == 422 and "введите целое число" in resp.get_data(as_text=True)
    peers.responses["SetCurriculumHours"] = Invalid("hours_per_week", "от 0,5 до 10 часов")
    resp = browser.post(f"{CLASS_SETUP}/curriculum", data={"csrf_token": "csrf-123", "subject_id": SUBJECT,
                                                           "hours_per_week": "12"})
    assert resp.status_code == 422 and "от 0,5 до 10 часов" in resp.get_data(as_text=True)


def test_holidays_and_transfers_are_removed_from_the_year_page(browser, peers):
    _school(peers)
    resp = browser.post(f"{SETUP}/delete-holiday", data={"csrf_token": "csrf-123", "holiday_id": ENTRY})
    assert resp.status_code == 302 and sent(peers, "DeleteHoliday").holiday_id == ENTRY
    assert "Каникулы удалены" in browser.get(resp.headers["Location"]).get_data(as_text=True)
    browser.post(f"{SETUP}/delete-transfer", data={"csrf_token": "csrf-123", "day_transfer_id": YEAR})
    assert sent(peers, "DeleteDayTransfer").day_transfer_id == YEAR
    peers.responses["DeleteHoliday"] = Invalid("holiday_id", "Ожидается идентификатор (UUID)")
    resp = browser.post(f"{SETUP}/delete-holiday", data={"csrf_token": "csrf-123", "holiday_id": "x"})
    assert resp.status_code == 422 and "holiday_id: Ожидается идентификатор" in resp.get_data(as_text=True)


def test_subgroups_are_renamed_and_deleted_from_the_class_page(browser, peers):
    _class(peers)
    csrf = {"csrf_token": "csrf-123"}
    resp = browser.post(f"{CLASS_SETUP}/rename-subgroup", data={**csrf, "subgroup_id": STUDENT, "name": "2 группа"})
    assert resp.status_code == 302 and (sent(peers, "RenameSubgroup").subgroup_id, sent(peers, "RenameSubgroup").name) \
        == (STUDENT, "2 группа")
    peers.responses["DeleteSubgroup"] = FailedPrecondition(
        "В журнале уже есть записи по урокам подгруппы «1 группа»: её нельзя удалить", {"subgroup_id": "есть записи"})
    resp = browser.post(f"{CLASS_SETUP}/delete-subgroup", data={**csrf, "subgroup_id": STUDENT})
    page = resp.get_data(as_text=True)
    assert resp.status_code == 409 and "её нельзя удалить" in page
    assert page.index('id="subgroups"') < page.index("её нельзя удалить") < page.index('id="assignments"')


def test_rooms_and_shifts_are_changed_and_deleted_from_the_year_page(browser, peers):
    _school(peers)
    peers.responses["ListRooms"] = pb.ListRoomsResponse(rooms=[pb.Room(id=YEAR, name="21")])
    page = browser.get(SETUP).get_data(as_text=True)
    assert 'name="bell_start_1" value="08:30"' in page and 'name="bell_start_2" value=""' in page
    csrf = {"csrf_token": "csrf-123"}
    browser.post(f"{SETUP}/rename-room", data={**csrf, "room_id": YEAR, "name": "204"})
    assert (sent(peers, "RenameRoom").room_id, sent(peers, "RenameRoom").name) == (YEAR, "204")
    browser.post(f"{SETUP}/change-bells", data={**csrf, "bell_schedule_id": ENTRY, "name": "1 смена",
                                                "bell_start_1": "09:00", "bell_end_1": "09:40"})
    changed = sent(peers, "UpdateBellSchedule")
    assert (changed.bell_schedule_id, [(p.lesson_number, p.starts_at) for p in changed.periods]) == (ENTRY, [(1, "09:00")])
    peers.responses["DeleteRoom"] = FailedPrecondition("Кабинет «21» есть в расписании (2 ур. в неделю)",
                                                       {"room_id": "есть в расписании"})
    resp = browser.post(f"{SETUP}/delete-room", data={**csrf, "room_id": YEAR})
    assert resp.status_code == 409 and "Кабинет «21» есть в расписании" in resp.get_data(as_text=True)
    browser.post(f"{SETUP}/delete-bells", data={**csrf, "bell_schedule_id": ENTRY})
    assert sent(peers, "DeleteBellSchedule").bell_schedule_id == ENTRY
