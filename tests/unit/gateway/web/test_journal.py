"""The journal's pages with fake services: the grid of a class with a subgroup's lesson, one lesson's column edited
and saved whole, refusals next to their fields, asking to open a locked lesson; the deputy head's control page;
the form teacher's absence reasons; the administrator's review and revert of a compromised account's changes."""
import datetime
import io
import json
import re

from gateway.web import journal, pages
from proto.identity.v1 import identity_pb2
from proto.journal.v1 import journal_pb2 as pb
from proto.schedule.v1 import schedule_pb2
from services.common.errors import FailedPrecondition, Forbidden, Invalid, Unavailable
from tests.unit.gateway.fakes import (
    ABSENCE_REASONS,
    ATTENDANCE_KINDS,
    MARK_VALUES,
    WORK_TYPES,
    journal_policy,
    refused,
)

SCHOOL = "0b6f5a8e-3c1d-4b7a-9a55-2f7c1f0e9d11"
GROUP = "5c1e2c3b-4a59-4e6f-8a7b-9c0d1e2f3a4b"
SUBJECT = "6c1e2c3b-4a59-4e6f-8a7b-9c0d1e2f3a4b"
LESSON = "7d1e2c3b-4a59-4e6f-8a7b-9c0d1e2f3a4b"
ENGLISH = "8d1e2c3b-4a59-4e6f-8a7b-9c0d1e2f3a4b"
ANNA = "1a2b3c4d-5e6f-4a7b-8c9d-0e1f2a3b4c5d"
PETR = "2a2b3c4d-5e6f-4a7b-8c9d-0e1f2a3b4c5d"
TEACHER = "3a2b3c4d-5e6f-4a7b-8c9d-0e1f2a3b4c5d"
REQUEST = "4a2b3c4d-5e6f-4a7b-8c9d-0e1f2a3b4c5d"
LOCKED = pb.ErrorReason.Name(pb.LESSON_LOCKED)
GRID = f"/schools/{SCHOOL}/journal/grid?class_group_id={GROUP}&subject_id={SUBJECT}&from=2025-09-01&to=2025-09-30"
PERIOD = {"class_group_id": GROUP, "subject_id": SUBJECT, "from": "2025-09-01", "to": "2025-09-30"}


def _grid(peers):
    mark = pb.Mark(student_id=ANNA, value="5", work_type="test", comment="Молодец")
    peers.responses["GetGrid"] = pb.Grid(
        class_group_id=GROUP, subject_id=SUBJECT, subject_name="Математика",
        lessons=[pb.GridLesson(lesson_id=LESSON, date="2025-09-02", lesson_number=2, topic="Дроби"),
                 pb.GridLesson(lesson_id=ENGLISH, date="2025-09-03", lesson_number=1, subgroup_id=REQUEST,
                               subgroup_name="1 группа")],
        students=[pb.GridStudent(student_id=ANNA, last_name="Антонова", first_name="Анна", average="5.00", cells=[
                      pb.GridCell(lesson_id=LESSON, marks=[mark]), pb.GridCell(lesson_id=ENGLISH)]),
                  pb.GridStudent(student_id=PETR, last_name="Петров", first_name="Пётр", cells=[
                      pb.GridCell(lesson_id=LESSON, attendance="ill"), pb.GridCell(lesson_id=ENGLISH, outside=True)])],
        work_types=[pb.WorkType(code="classwork", name="Работа на уроке", weight="1"),
                    pb.WorkType(code="test", name="Контрольная работа", weight="2")],
        mark_scale="five_point", mark_values=MARK_VALUES["five_point"], attendance_kinds=ATTENDANCE_KINDS)
    peers.responses["GetClassGroup"] = schedule_pb2.ClassGroup(id=GROUP, name="5А")


def _calls(peers, rpc):
    return [req for _, name, req, _ in peers.calls if name == rpc]


def test_the_grid_shows_lessons_marks_attendance_and_averages(browser, peers):
    _grid(peers)
    page = browser.get(GRID).get_data(as_text=True)
    assert "Журнал: 5А, Математика" in page and "Антонова Анна" in page and "5.00" in page
    assert "02.09" in page and "1 группа" in page and 'title="урок другой подгруппы"' in page
    assert "Контрольная работа: Молодец" in page and "Б" in page and "Контрольная работа — 2" in page
    (asked,) = _calls(peers, "GetGrid")
    assert (asked.class_group_id, asked.subject_id, asked.date_from, asked.date_to) == (GROUP, SUBJECT, "2025-09-01",
                                                                                         "2025-09-30")
    assert f"edit={LESSON}" in page.replace("&amp;", "&") and "Учебный период" not in page
    peers.responses["GetTerm"] = schedule_pb2.Term(name="1 четверть")
    page = browser.get(f"/schools/{SCHOOL}/journal/grid?class_group_id={GROUP}&subject_id={SUBJECT}&term_id={REQUEST}")
    assert "Учебный период: 1 четверть" in page.get_data(as_text=True)
    assert _calls(peers, "GetGrid")[-1].term_id == REQUEST


def test_the_grid_carries_what_its_script_types_with_and_a_terms_grid_the_proposed_marks(browser, peers):
    _grid(peers)
    page = browser.get(GRID).get_data(as_text=True)
    config = json.loads(re.search(r'<script type="application/json" id="grid-config">(.*?)</script>', page, re.S)[1])
    assert [(w["code"], w["key"]) for w in config["work_types"]] == [("classwork", "р"), ("test", "к")]
    assert [a["key"] for a in config["attendance"]] == ["н", "оп", "б", "уп", "нп"]
    assert [lesson["id"] for lesson in config["lessons"]] == [LESSON, ENGLISH]
    anna, petr = config["students"]
    assert anna["cells"][0] == {"marks": [{"value": "5", "work_type": "test", "comment": "Молодец", "not_counted": False}],
                                "attendance": ""}
    assert petr["cells"] == [{"marks": [], "attendance": "ill"}, None]  # outside the subgroup: nothing to type
    assert 'src="/static/grid.js"' in page and "изменить" in page  # the lesson form stays (and works without it)
    peers.responses["GetTerm"] = schedule_pb2.Term(name="1 четверть")
    term_grid = peers.responses["GetGrid"]
    term_grid.students[0].proposed_term_mark = "5"
    term_grid.students[1].term_mark = "4"
    page = browser.get(f"/schools/{SCHOOL}/journal/grid?class_group_id={GROUP}&subject_id={SUBJECT}&term_id={REQUEST}")
    text = page.get_data(as_text=True)
    assert "За период" in text and "предложено: 5" in text and "<strong>4</strong>" in text
    assert "grid-config" not in browser.get(GRID + f"&edit={LESSON}").get_data(as_text=True)  # the form: no typing


def test_work_type_letters_are_the_first_free_letter_of_their_names():
    kinds = [pb.WorkType(code="classwork", name="Работа на уроке"), pb.WorkType(code="homework", name="Домашняя работа"),
             pb.WorkType(code="test", name="Контрольная работа"), pb.WorkType(code="oral", name="Устный ответ"),
             pb.WorkType(code="project", name="Проект")]
    assert journal.work_type_keys(kinds) == {"classwork": "р", "homework": "д", "test": "к", "oral": "у",
                                             "project": "п"}
    assert journal.work_type_keys([pb.WorkType(code="a", name="Диктант"), pb.WorkType(code="b", name="Доклад")]) == {
        "a": "д", "b": "о"}


def test_one_column_is_edited_and_saved_as_the_whole_lesson(browser, peers):
    _grid(peers)
    page = browser.get(GRID + f"&edit={LESSON}").get_data(as_text=True)
    assert f'name="mark-{ANNA}-value"' in page and f'name="attendance-{PETR}"' in page
    assert 'value="Дроби"' in page and 'value="Молодец"' in page
    resp = browser.post(f"/schools/{SCHOOL}/journal/lessons/{LESSON}", data={
        "csrf_token": "csrf-123", **PERIOD, "topic": "Дроби", "homework": "№ 5", "reason": "",
        f"mark-{ANNA}-value": ["5", "4"], f"mark-{ANNA}-work_type": ["test", "classwork"],
        f"mark-{ANNA}-comment": ["Молодец", ""], f"mark-{PETR}-value": [""], f"mark-{PETR}-work_type": ["classwork"],
        f"mark-{PETR}-comment": [""], f"attendance-{PETR}": "ill"})
    assert resp.status_code == 302 and "notice=saved" in resp.headers["Location"]
    (saved,) = _calls(peers, "SaveLesson")
    assert (saved.lesson_id, saved.topic, saved.homework) == (LESSON, "Дроби", "№ 5")
    assert [(m.student_id, m.value, m.work_type, m.comment) for m in saved.marks] == [
        (ANNA, "5", "test", "Молодец"), (ANNA, "4", "classwork", "")]
    assert [(a.student_id, a.status) for a in saved.attendance] == [(PETR, "ill")]
    assert browser.post(f"/schools/{SCHOOL}/journal/lessons/{LESSON}", data=PERIOD).status_code == 400  # no CSRF


def test_a_subgroup_lessons_column_takes_only_its_students(browser, peers):
    _grid(peers)
    browser.post(f"/schools/{SCHOOL}/journal/lessons/{ENGLISH}", data={
        "csrf_token": "csrf-123", **PERIOD, f"mark-{ANNA}-value": "4", f"mark-{ANNA}-work_type": "classwork",
        f"mark-{ANNA}-comment": "", f"mark-{PETR}-value": "3", f"mark-{PETR}-work_type": "classwork",
        f"mark-{PETR}-comment": ""})
    (saved,) = _calls(peers, "SaveLesson")
    assert [m.student_id for m in saved.marks] == [ANNA]  # Пётр is not in the subgroup
    other = f"/schools/{SCHOOL}/journal/lessons/{TEACHER}"  # not a lesson of this grid
    assert browser.post(other, data={"csrf_token": "csrf-123", **PERIOD}).status_code == 404


def test_a_refusal_is_shown_next_to_its_fields_with_what_was_typed(browser, peers):
    _grid(peers)
    peers.responses["SaveLesson"] = Invalid(fields={"marks[0].value": "отметка от 1 до 5",
                                                    "reason": "урок уже прошёл: укажите причину изменения"})
    resp = browser.post(f"/schools/{SCHOOL}/journal/lessons/{LESSON}", data={
        "csrf_token": "csrf-123", **PERIOD, "topic": "Новая тема", f"mark-{PETR}-value": "5",
        f"mark-{PETR}-work_type": "classwork", f"mark-{PETR}-comment": ""})
    page = resp.get_data(as_text=True)
    assert resp.status_code == 422 and "Урок не сохранён" in page and 'value="Новая тема"' in page
    assert '<span class="field-error">урок уже прошёл: укажите причину изменения</span>' in page
    petr_cell = page[page.index(f'name="attendance-{PETR}"'):]
    assert "отметка от 1 до 5" in petr_cell[:petr_cell.index("</td>")]
    assert "Запросить открытие урока" not in page


def test_a_locked_lesson_offers_to_ask_for_it_to_be_opened(browser, peers):
    _grid(peers)
    peers.responses["SaveLesson"] = refused(FailedPrecondition(
        "Урок закрыт для изменений: с урока прошло больше 7 дн.", {"lesson_id": "урок закрыт для изменений"},
        reason=LOCKED))
    resp = browser.post(f"/schools/{SCHOOL}/journal/lessons/{LESSON}", data={"csrf_token": "csrf-123", **PERIOD,
                                                                              "reason": "Исправление"})
    page = resp.get_data(as_text=True)
    assert resp.status_code == 409 and "прошло больше 7 дн." in page and "Запросить открытие урока" in page
    resp = browser.post(f"/schools/{SCHOOL}/journal/lessons/{LESSON}/unlock-request", data={
        "csrf_token": "csrf-123", **PERIOD, "unlock_reason": "Ошибка в отметке Петрова"})
    assert resp.status_code == 302 and "notice=unlock_requested" in resp.headers["Location"]
    (asked,) = _calls(peers, "RequestUnlock")
    assert (asked.lesson_id, asked.reason) == (LESSON, "Ошибка в отметке Петрова")
    peers.responses["RequestUnlock"] = FailedPrecondition("Урок открыт для изменений: запрос не нужен",
                                                          {"lesson_id": "урок не закрыт"})
    resp = browser.post(f"/schools/{SCHOOL}/journal/lessons/{LESSON}/unlock-request", data={
        "csrf_token": "csrf-123", **PERIOD, "unlock_reason": "x"})
    assert resp.status_code == 409 and "запрос не нужен" in resp.get_data(as_text=True)


def test_a_locked_lesson_is_recognised_by_its_reason_not_its_message_text(browser, peers):
    _grid(peers)
    save = f"/schools/{SCHOOL}/journal/lessons/{LESSON}"
    peers.responses["SaveLesson"] = refused(FailedPrecondition(  # the reason as the journal's status carries it
        "Изменения урока недоступны: обратитесь к завучу", {"lesson_id": "нельзя менять"}, reason=LOCKED))
    resp = browser.post(save, data={"csrf_token": "csrf-123", **PERIOD, "reason": "Исправление"})
    page = resp.get_data(as_text=True)
    assert resp.status_code == 409 and "обратитесь к завучу" in page and "Запросить открытие урока" in page
    peers.responses["SaveLesson"] = refused(FailedPrecondition(  # the old text, no reason
        "Урок закрыт для изменений: с урока прошло больше 7 дн.", {"lesson_id": "урок закрыт для изменений"}))
    page = browser.post(save, data={"csrf_token": "csrf-123", **PERIOD, "reason": "Исправление"}).get_data(as_text=True)
    assert "прошло больше 7 дн." in page and "Запросить открытие урока" not in page


def test_old_lessons_are_marked_closed_by_the_policy(browser, peers):
    _grid(peers)
    peers.responses["GetGrid"].lessons[0].lock_reason = LOCKED  # the journal's answer for this caller
    page = browser.get(GRID + f"&edit={LESSON}").get_data(as_text=True)
    assert "закрыт</small>" in page and "Запросить открытие урока" in page  # September 2025 is long closed
    assert page.count("закрыт</small>") == 1  # the other lesson is open


def test_a_lesson_of_a_closed_year_is_closed_and_no_unlock_is_offered(browser, peers):
    _grid(peers)
    peers.responses["GetGrid"].lessons[0].lock_reason = pb.ErrorReason.Name(pb.YEAR_CLOSED)
    page = browser.get(GRID + f"&edit={LESSON}").get_data(as_text=True)
    assert "закрыт</small>" in page and "Запросить открытие урока" not in page


def test_the_deputy_heads_control_page_and_decisions(browser, peers):
    peers.responses["ListUnlockRequests"] = pb.ListUnlockRequestsResponse(requests=[pb.UnlockRequest(
        id=REQUEST, lesson_date="2025-09-02", subject_name="Математика", class_group_id=GROUP, teacher_id=TEACHER,
        reason="Ошибка в отметке", status="pending")])
    peers.responses["ListLateEntries"] = pb.ListLateEntriesResponse(entries=[pb.LateEntry(
        lesson_date="2025-09-02", lesson_number=2, class_group_id=GROUP, subject_name="Математика", teacher_id=TEACHER,
        entity="mark", due_at="2025-09-05T10:00:00+00:00", occurred_at="2025-09-08T18:30:00+00:00")])
    peers.responses["ListAnomalies"] = Forbidden("Нет прав на это действие")
    peers.responses["ListPeople"] = identity_pb2.ListPeopleResponse(people=[identity_pb2.Person(
        id=TEACHER, name=identity_pb2.PersonName(last_name="Иванова", first_name="Анна"))])
    page = browser.get(f"/schools/{SCHOOL}/journal/control?from=2025-09-01&to=2025-09-14").get_data(as_text=True)
    assert "Ошибка в отметке" in page and "Иванова Анна" in page and "2025-09-08 18:30" in page
    assert "Нет прав на это действие" in page and "отметка" in page
    late = _calls(peers, "ListLateEntries")[0]
    assert (late.date_from, late.date_to) == ("2025-09-01", "2025-09-14")
    decision = f"/schools/{SCHOOL}/journal/unlock-requests/{REQUEST}/decision"
    resp = browser.post(decision, data={"csrf_token": "csrf-123", "decision": "approve"})
    assert resp.status_code == 302 and "done=approve" in resp.headers["Location"]
    (decided,) = _calls(peers, "DecideUnlock")
    assert (decided.request_id, decided.decision) == (REQUEST, "approve")
    peers.responses["DecideUnlock"] = Invalid("comment", "укажите причину отказа")
    resp = browser.post(decision, data={"csrf_token": "csrf-123", "decision": "refuse"})
    assert resp.status_code == 422 and "укажите причину отказа" in resp.get_data(as_text=True)


def test_the_form_teacher_corrects_an_absence_reason(browser, peers):
    peers.responses["GetMe"] = identity_pb2.Me(memberships=[identity_pb2.Membership(
        school=identity_pb2.School(id=SCHOOL), principal=identity_pb2.Principal(form_class_group_ids=[GROUP]))])
    peers.responses["ListAbsences"] = pb.ListAbsencesResponse(absences=[pb.Absence(
        lesson_id=LESSON, lesson_date="2025-09-02", lesson_number=2, subject_name="Математика", student_id=PETR,
        status="absent")], reasons=ABSENCE_REASONS)
    peers.responses["ListPeople"] = identity_pb2.ListPeopleResponse(people=[identity_pb2.Person(
        id=PETR, name=identity_pb2.PersonName(last_name="Петров", first_name="Пётр"))])
    page = browser.get(f"/schools/{SCHOOL}/journal/attendance?from=2025-09-01&to=2025-09-07").get_data(as_text=True)
    assert "Петров Пётр" in page and "Н — причина не известна" in page
    assert _calls(peers, "ListAbsences")[0].class_group_id == GROUP  # the class they lead
    target = f"/schools/{SCHOOL}/journal/lessons/{LESSON}/attendance/{PETR}"
    form = {"csrf_token": "csrf-123", "class_group_id": GROUP, "from": "2025-09-01", "to": "2025-09-07",
            "status": "ill", "reason": "Справка № 3", "document_date": "2025-09-04"}
    resp = browser.post(target, data=form)
    assert resp.status_code == 302 and "done=1" in resp.headers["Location"]
    (corrected,) = _calls(peers, "CorrectAttendance")
    assert (corrected.student_id, corrected.status, corrected.reason, corrected.document_date) == (
        PETR, "ill", "Справка № 3", "2025-09-04")
    peers.responses["CorrectAttendance"] = FailedPrecondition("Срок исправления причины пропуска истёк",
                                                              {"document_date": "срок исправления истёк"})
    resp = browser.post(target, data=form)
    assert resp.status_code == 409 and "Срок исправления причины пропуска истёк" in resp.get_data(as_text=True)


def test_the_admin_reviews_and_reverts_a_compromised_accounts_changes(browser, peers):
    peers.responses["ListCompromisedAccounts"] = pb.ListCompromisedAccountsResponse(accounts=[pb.CompromisedAccount(
        person_id=TEACHER, subject="s", reported_at="2025-09-10T12:00:00+00:00", changes_since_report=3,
        not_reverted=3)])
    page = browser.get(f"/schools/{SCHOOL}/journal/compromised?window_hours=24").get_data(as_text=True)
    assert "2025-09-10 12:00" in page and "since=2025-09-09T12:00:00%2B00:00" in page
    assert _calls(peers, "ListCompromisedAccounts")[0].window_hours == 24
    peers.responses["ListActorChanges"] = pb.ListActorChangesResponse(changes=[
        pb.ActorChange(ledger_id=REQUEST, entity="mark", old_value='{"value": "4"}', new_value='{"value": "2"}',
                       revertible=True, occurred_at="2025-09-10T13:00:00+00:00"),
        pb.ActorChange(ledger_id=LESSON, entity="policy", revertible=False)])
    target = f"/schools/{SCHOOL}/journal/people/{TEACHER}/changes"
    page = browser.get(target + "?since=2025-09-09T12:00:00%2B00:00").get_data(as_text=True)
    assert page.count('name="ledger_id"') == 1 and "настройка" in page
    form = {"csrf_token": "csrf-123", "since": "2025-09-09T12:00:00+00:00", "reason": "Взлом", "scope": "chosen"}
    resp = browser.post(target, data=form)
    assert resp.status_code == 422 and not _calls(peers, "RevertActorChanges")
    peers.responses["RevertActorChanges"] = pb.RevertActorChangesResponse(reverted=1, outcomes=[
        pb.RevertOutcome(ledger_id=REQUEST, result="reverted")])
    page = browser.post(target, data={**form, "ledger_id": REQUEST}).get_data(as_text=True)
    assert "Отменено: 1" in page
    browser.post(target, data={**form, "scope": "all"})
    chosen, everything = _calls(peers, "RevertActorChanges")
    assert (list(chosen.ledger_ids), list(everything.ledger_ids), chosen.reason) == ([REQUEST], [], "Взлом")
    peers.responses["RevertActorChanges"] = FailedPrecondition("Учебный год закрыт", {"ledger_ids": "закрытый год"})
    resp = browser.post(target, data={**form, "scope": "all"})
    assert resp.status_code == 409 and "Учебный год закрыт" in resp.get_data(as_text=True)


def test_the_index_lists_the_teachers_classes_and_subjects(browser, peers):
    peers.responses["GetMe"] = identity_pb2.Me(memberships=[identity_pb2.Membership(
        school=identity_pb2.School(id=SCHOOL), principal=identity_pb2.Principal(
            person_id=TEACHER, roles=["subject_teacher"]))])
    peers.responses["ListClassGroups"] = schedule_pb2.ListClassGroupsResponse(class_groups=[
        schedule_pb2.ClassGroup(id=GROUP, name="5А")])
    peers.responses["ListLessons"] = schedule_pb2.ListLessonsResponse(lessons=[
        schedule_pb2.Lesson(id=LESSON, class_group_id=GROUP, subject_id=SUBJECT, subject_name="Математика",
                            date="2025-09-01", term_id=REQUEST),
        schedule_pb2.Lesson(id=ENGLISH, class_group_id=GROUP, subject_id=SUBJECT, subject_name="Математика",
                            date="2025-09-08", term_id=REQUEST)])
    peers.responses["GetTerm"] = schedule_pb2.Term(id=REQUEST, name="1 четверть")
    page = browser.get(f"/schools/{SCHOOL}/journal").get_data(as_text=True).replace("&amp;", "&")
    assert page.count("5А, Математика") == 1 and f"subject_id={SUBJECT}" in page
    assert "1 четверть" in page and f"term_id={REQUEST}" in page
    assert len(_calls(peers, "GetTerm")) == 1
    assert _calls(peers, "ListLessons")[0].teacher_id == TEACHER



def test_the_classes_of_last_year_carry_its_name_once_the_school_has_two(browser, peers, monkeypatch):
    """After the year transition 5А exists in both years: the index tells them apart by the year's name."""
    monkeypatch.setattr(pages, "today", lambda: datetime.date(2026, 12, 6))
    peers.responses["GetMe"] = identity_pb2.Me(memberships=[identity_pb2.Membership(
        school=identity_pb2.School(id=SCHOOL), principal=identity_pb2.Principal(person_id=TEACHER, roles=["deputy_head"]))])
    peers.responses["ListClassGroups"] = schedule_pb2.ListClassGroupsResponse(class_groups=[
        schedule_pb2.ClassGroup(id=GROUP, name="5А", academic_year_id=TERM),
        schedule_pb2.ClassGroup(id=ENGLISH, name="5А", academic_year_id=TOPIC_1)])
    peers.responses["ListAcademicYears"] = schedule_pb2.ListAcademicYearsResponse(academic_years=[
        schedule_pb2.AcademicYear(id=TERM, name="2026/2027", start_date="2026-09-01", end_date="2027-05-31"),
        schedule_pb2.AcademicYear(id=TOPIC_1, name="2025/2026", start_date="2025-09-01", end_date="2026-05-31")])
    page = browser.get(f"/schools/{SCHOOL}/journal").get_data(as_text=True)
    assert _option(page, GROUP).endswith(">5А") and _option(page, ENGLISH).endswith(">5А (2025/2026)")

    peers.responses["ListClassGroups"] = schedule_pb2.ListClassGroupsResponse(class_groups=[
        schedule_pb2.ClassGroup(id=GROUP, name="5А", academic_year_id=TERM)])
    before = len(_calls(peers, "ListAcademicYears"))
    assert _option(browser.get(f"/schools/{SCHOOL}/journal").get_data(as_text=True), GROUP).endswith(">5А")
    assert len(_calls(peers, "ListAcademicYears")) == before  # one year: no names to add, nothing more asked


TOPIC_1, TOPIC_2 = "9a2b3c4d-5e6f-4a7b-8c9d-0e1f2a3b4c5d", "9b2b3c4d-5e6f-4a7b-8c9d-0e1f2a3b4c5d"
FILE = "9c2b3c4d-5e6f-4a7b-8c9d-0e1f2a3b4c5d"
TERM = "9d2b3c4d-5e6f-4a7b-8c9d-0e1f2a3b4c5d"


def _lesson_page(peers, scale="five_point"):
    peers.responses["GetLesson"] = schedule_pb2.Lesson(id=LESSON, class_group_id=GROUP, subject_name="Математика",
                                                      date="2025-09-02", lesson_number=2)
    peers.responses["ListPeople"] = identity_pb2.ListPeopleResponse(people=[
        identity_pb2.Person(id=ANNA, name=identity_pb2.PersonName(last_name="Антонова", first_name="Анна")),
        identity_pb2.Person(id=PETR, name=identity_pb2.PersonName(last_name="Петров", first_name="Пётр"))])
    peers.responses["GetJournalPolicy"] = journal_policy(scale)
    peers.responses["ListWorkTypes"] = pb.ListWorkTypesResponse(work_types=WORK_TYPES)
    peers.responses["ListLessonTopics"] = pb.ListLessonTopicsResponse(topics=[
        pb.LessonTopic(plan_topic_id=TOPIC_1, position=1, title="Дроби", covered=True),
        pb.LessonTopic(plan_topic_id=TOPIC_2, position=2, title="Сложение дробей")], suggested_topic_id=TOPIC_2)


def _option(page: str, value: str) -> str:
    start = page.index(f'<option value="{value}"')
    return page[start:page.index("</option>", start)]


def test_the_lesson_page_offers_the_plan_topics_and_the_school_scale(browser, peers):
    _lesson_page(peers, "ten_point")
    page = browser.get(f"/schools/{SCHOOL}/lessons/{LESSON}").get_data(as_text=True)
    assert "selected" in _option(page, TOPIC_2) and "2. Сложение дробей" in _option(page, TOPIC_2)
    assert "(пройдена)" in _option(page, TOPIC_1) and "selected" not in _option(page, TOPIC_1)
    assert '<option value="10"' in page and '<option value="зачёт"' not in page
    resp = browser.post(f"/schools/{SCHOOL}/lessons/{LESSON}", data={
        "csrf_token": "csrf-123", "plan_topic_id": TOPIC_2, "topic": "", f"mark-{ANNA}-value": "9",
        f"mark-{ANNA}-work_type": "classwork", f"mark-{ANNA}-comment": ""})
    assert resp.status_code == 302
    (saved,) = _calls(peers, "SaveLesson")
    assert (saved.plan_topic_id, saved.topic, [m.value for m in saved.marks]) == (TOPIC_2, "", ["9"])

    peers.responses["GetLessonRecord"] = pb.LessonRecord(topic="Повторение")  # a typed topic: no plan topic chosen
    page = browser.get(f"/schools/{SCHOOL}/lessons/{LESSON}").get_data(as_text=True)
    assert "selected" not in _option(page, TOPIC_2) and 'value="Повторение"' in page
    peers.responses["SaveLesson"] = Invalid(fields={"plan_topic_id": "этой темы нет в тематическом плане"})
    page = browser.post(f"/schools/{SCHOOL}/lessons/{LESSON}", data={"csrf_token": "csrf-123",
                                                                     "plan_topic_id": TOPIC_1}).get_data(as_text=True)
    assert "Тема по плану: этой темы нет в тематическом плане" in page and "selected" in _option(page, TOPIC_1)


def test_the_lesson_page_without_a_plan_still_shows_and_without_the_policy_offers_no_form(browser, peers):
    _lesson_page(peers)
    peers.responses["ListLessonTopics"] = pb.ListLessonTopicsResponse()
    page = browser.get(f"/schools/{SCHOOL}/lessons/{LESSON}").get_data(as_text=True)
    assert 'name="plan_topic_id"' not in page and '<option value="5"' in page and '<option value="6"' not in page
    # the gateway has no scale of its own: without the journal's values a form would show the stored marks as none,
    # and saving it would remove them, so the page is the refusal instead
    for refusal, status in ((Forbidden(), 403), (Unavailable(), 503)):
        peers.responses["GetJournalPolicy"] = refusal
        resp = browser.get(f"/schools/{SCHOOL}/lessons/{LESSON}")
        assert resp.status_code == status and "Сохранить урок" not in resp.get_data(as_text=True)


def test_the_lesson_page_offers_the_schools_own_work_types_after_the_school_adds_one(browser, peers, auth):
    _lesson_page(peers)
    school_types = list(WORK_TYPES)  # the fake journal's list of the school's work types

    def set_work_type(request):
        school_types.append(pb.WorkType(code=request.code, name=request.name, weight=request.weight))
        return school_types[-1]

    peers.responses["ListWorkTypes"] = lambda request: pb.ListWorkTypesResponse(work_types=school_types)
    peers.responses["SetWorkType"] = set_work_type
    lesson = f"/schools/{SCHOOL}/lessons/{LESSON}"
    page = browser.get(lesson).get_data(as_text=True)
    assert "Контрольная работа" in _option(page, "test") and '<option value="project"' not in page
    resp = browser.put(f"/api/v1/schools/{SCHOOL}/work-types", headers=auth,
                       json={"code": "project", "name": "Проектная работа", "weight": "3"})
    assert resp.status_code == 200
    page = browser.get(lesson).get_data(as_text=True)
    assert "Проектная работа" in _option(page, "project")
    assert all(asked.school_id == SCHOOL for asked in _calls(peers, "ListWorkTypes"))


def test_individual_homework_and_files_on_the_lesson_page(browser, peers):
    _lesson_page(peers)
    peers.responses["GetLessonRecord"] = pb.LessonRecord(student_homework=[
        pb.StudentHomework(lesson_id=LESSON, student_id=PETR, homework="№ 41 (повторение)")])
    peers.responses["ListHomeworkAttachments"] = pb.ListHomeworkAttachmentsResponse(attachments=[
        pb.HomeworkAttachment(id=FILE, lesson_id=LESSON, student_id=ANNA, filename="схема.png", size=2048)])
    page = browser.get(f"/schools/{SCHOOL}/lessons/{LESSON}").get_data(as_text=True)
    assert "Петров Пётр: № 41 (повторение)" in page and "схема.png" in page and "для: Антонова Анна" in page
    assert f"/schools/{SCHOOL}/homework-files/{FILE}" in page

    target = f"/schools/{SCHOOL}/lessons/{LESSON}/student-homework"
    resp = browser.post(target, data={"csrf_token": "csrf-123", "student_id": ANNA, "homework": " № 7 ", "reason": ""})
    assert resp.status_code == 302 and "saved=homework" in resp.headers["Location"]
    (own,) = _calls(peers, "SetStudentHomework")
    assert (own.lesson_id, own.student_id, own.homework) == (LESSON, ANNA, "№ 7")
    peers.responses["SetStudentHomework"] = Invalid(fields={"reason": "урок уже прошёл: укажите причину изменения"})
    resp = browser.post(target, data={"csrf_token": "csrf-123", "student_id": ANNA, "homework": "№ 8"})
    page = resp.get_data(as_text=True)
    assert resp.status_code == 422 and "Задание не сохранено" in page and "укажите причину изменения" in page
    assert "№ 8</textarea>" in page

    upload = f"/schools/{SCHOOL}/lessons/{LESSON}/homework-files"
    resp = browser.post(upload, data={"csrf_token": "csrf-123", "student_id": "",
                                      "file": (io.BytesIO(b"%PDF-1.4 task"), "задание.pdf")},
                        content_type="multipart/form-data")
    assert resp.status_code == 302 and "saved=file" in resp.headers["Location"]
    (added,) = _calls(peers, "AddHomeworkAttachment")
    assert (added.filename, added.content, added.student_id) == ("задание.pdf", b"%PDF-1.4 task", "")
    peers.responses["AddHomeworkAttachment"] = Invalid(fields={"filename": "такие файлы не принимаются"})
    resp = browser.post(upload, data={"csrf_token": "csrf-123", "file": (io.BytesIO(b"MZ"), "virus.exe")},
                        content_type="multipart/form-data")
    assert resp.status_code == 422 and "Файл не добавлен" in resp.get_data(as_text=True)
    resp = browser.post(upload, data={"csrf_token": "csrf-123"}, content_type="multipart/form-data")
    assert resp.status_code == 400 and "Выберите файл" in resp.get_data(as_text=True)

    peers.responses["GetHomeworkAttachment"] = pb.AttachmentFile(filename="схема.png", media_type="image/png",
                                                                 content=b"\x89PNG")
    resp = browser.get(f"/schools/{SCHOOL}/homework-files/{FILE}?student_id={ANNA}")
    assert resp.data == b"\x89PNG" and resp.mimetype == "image/png" and "attachment" in resp.headers["Content-Disposition"]
    assert _calls(peers, "GetHomeworkAttachment")[-1].student_id == ANNA


def test_the_diary_shows_the_students_own_homework_and_files(browser, peers):
    peers.responses["GetDiary"] = pb.Diary(entries=[pb.DiaryEntry(
        lesson_id=LESSON, date="2025-09-02", lesson_number=2, subject_name="Математика", homework="№ 5",
        individual_homework="№ 41 (повторение)",
        attachments=[pb.HomeworkAttachment(id=FILE, lesson_id=LESSON, filename="задание.pdf")])])
    page = browser.get(f"/schools/{SCHOOL}/students/{ANNA}/diary?week=2025-09-01").get_data(as_text=True)
    assert "Индивидуальное задание:</strong> № 41 (повторение)" in page and "Файл: задание.pdf" in page
    assert f"/schools/{SCHOOL}/homework-files/{FILE}?student_id={ANNA}" in page


def test_the_grid_follows_the_scale_and_offers_the_plan_topics(browser, peers):
    _grid(peers)
    peers.responses["GetGrid"].mark_scale = "pass_fail"
    peers.responses["GetGrid"].mark_values[:] = MARK_VALUES["pass_fail"]
    peers.responses["GetGrid"].students[0].average = ""
    peers.responses["ListLessonTopics"] = pb.ListLessonTopicsResponse(topics=[
        pb.LessonTopic(plan_topic_id=TOPIC_1, position=1, title="Дроби")], suggested_topic_id=TOPIC_1)
    page = browser.get(GRID).get_data(as_text=True)
    assert "Средний балл" not in page
    page = browser.get(GRID + f"&edit={LESSON}").get_data(as_text=True)
    assert '<option value="зачёт"' in page and '<option value="5"' not in page
    assert "1. Дроби" in _option(page, TOPIC_1)
    browser.post(f"/schools/{SCHOOL}/journal/lessons/{LESSON}", data={
        "csrf_token": "csrf-123", **PERIOD, "plan_topic_id": TOPIC_1, "topic": ""})
    assert _calls(peers, "SaveLesson")[-1].plan_topic_id == TOPIC_1


def test_term_and_final_marks_of_a_class_with_the_refusal_reason(browser, peers):
    peers.responses["GetClassGroup"] = schedule_pb2.ClassGroup(id=GROUP, name="5А")
    peers.responses["ListSubjects"] = schedule_pb2.ListSubjectsResponse(subjects=[
        schedule_pb2.Subject(id=SUBJECT, name="Математика")])
    peers.responses["GetTerm"] = schedule_pb2.Term(name="1 четверть")
    peers.responses["ListPeople"] = identity_pb2.ListPeopleResponse(people=[
        identity_pb2.Person(id=PETR, name=identity_pb2.PersonName(last_name="Петров", first_name="Пётр")),
        identity_pb2.Person(id=ANNA, name=identity_pb2.PersonName(last_name="Антонова", first_name="Анна"))])
    peers.responses["ListTermMarks"] = pb.ListTermMarksResponse(term_marks=[
        pb.TermMark(student_id=ANNA, subject_id=SUBJECT, value="5"),
        pb.TermMark(student_id=PETR, subject_id=ENGLISH, value="3")])  # another subject: not on this page
    peers.responses["ListFinalMarks"] = pb.ListFinalMarksResponse(final_marks=[
        pb.FinalMark(student_id=PETR, subject_id=SUBJECT, kind="annual", value="Н/А")])
    peers.responses["GetJournalPolicy"] = journal_policy("five_point")
    url = f"/schools/{SCHOOL}/journal/period-marks?class_group_id={GROUP}&subject_id={SUBJECT}&term_id={TERM}"
    page = browser.get(url).get_data(as_text=True)
    assert "Оценки за период и за год: 5А, Математика" in page and "Учебный период: 1 четверть" in page
    assert page.index("Антонова Анна") < page.index("Петров Пётр")
    anna = page[page.index("Антонова Анна"):page.index("Петров Пётр")]
    assert "<strong>5</strong>" in anna and "<strong>3</strong>" not in page and "<strong>Н/А</strong>" in page
    assert '<option value="ОСВ"' in page and '<option value="4"' in page

    form = {"csrf_token": "csrf-123", "class_group_id": GROUP, "subject_id": SUBJECT, "term_id": TERM,
            "student_id": PETR, "kind": "term", "value": "4", "reason": ""}
    peers.responses["SetTermMark"] = FailedPrecondition(
        "Недостаточно текущих отметок для оценки за период: у ученика 2, нужно не меньше 5 (предмет 2 ч в неделю).",
        {"value": "нужно не меньше 5 текущих отметок, сейчас 2"})
    resp = browser.post(f"/schools/{SCHOOL}/journal/period-marks", data=form)
    page = resp.get_data(as_text=True)
    assert resp.status_code == 409 and "у ученика 2, нужно не меньше 5" in page
    petr = page[page.index("Петров Пётр"):]
    assert "нужно не меньше 5 текущих отметок, сейчас 2" in petr
    (asked,) = _calls(peers, "SetTermMark")
    assert (asked.student_id, asked.subject_id, asked.term_id, asked.value) == (PETR, SUBJECT, TERM, "4")

    resp = browser.post(f"/schools/{SCHOOL}/journal/period-marks", data={**form, "kind": "annual", "value": "5",
                                                                         "reason": "Пересдача"})
    assert resp.status_code == 302 and "done=1" in resp.headers["Location"]
    (final,) = _calls(peers, "SetFinalMark")
    assert (final.student_id, final.kind, final.value, final.reason) == (PETR, "annual", "5", "Пересдача")


def test_the_deputy_head_sets_student_plans(browser, peers):
    peers.responses["ListClassGroups"] = schedule_pb2.ListClassGroupsResponse(class_groups=[
        schedule_pb2.ClassGroup(id=GROUP, name="5А")])
    peers.responses["ListSubjects"] = schedule_pb2.ListSubjectsResponse(subjects=[
        schedule_pb2.Subject(id=SUBJECT, name="Математика"), schedule_pb2.Subject(id=ENGLISH, name="Английский язык")])
    peers.responses["ListPeople"] = identity_pb2.ListPeopleResponse(people=[
        identity_pb2.Person(id=ANNA, name=identity_pb2.PersonName(last_name="Антонова", first_name="Анна"))])
    peers.responses["ListStudentPlans"] = pb.ListStudentPlansResponse(plans=[
        pb.StudentPlan(student_id=ANNA, home_schooled=True, excluded_subject_ids=[ENGLISH])])
    page = browser.get(f"/schools/{SCHOOL}/journal/student-plans?class_group_id={GROUP}").get_data(as_text=True)
    assert "Антонова Анна" in page and "(обучается на дому)" in page
    assert f'value="{ENGLISH}" checked' in page and f'value="{SUBJECT}" checked' not in page
    target = f"/schools/{SCHOOL}/journal/students/{ANNA}/plan"
    form = {"csrf_token": "csrf-123", "class_group_id": GROUP, "excluded_subject_id": [SUBJECT, ENGLISH],
            "reason": "Приказ № 12"}
    resp = browser.post(target, data=form)
    assert resp.status_code == 302 and f"class_group_id={GROUP}" in resp.headers["Location"]
    (saved,) = _calls(peers, "SetStudentPlan")
    assert (saved.home_schooled, list(saved.excluded_subject_ids), saved.reason) == (False, [SUBJECT, ENGLISH],
                                                                                     "Приказ № 12")
    peers.responses["SetStudentPlan"] = Forbidden()
    resp = browser.post(target, data={**form, "home_schooled": "1"})
    assert resp.status_code == 403 and "План не сохранён" in resp.get_data(as_text=True)
    peers.responses["ListStudentPlans"] = Forbidden()
    page = browser.get(f"/schools/{SCHOOL}/journal/student-plans?class_group_id={GROUP}").get_data(as_text=True)
    assert "Недостаточно прав" in page and "Антонова Анна" in page


def _people(request):
    """Staff (the teacher) or students (Пётр), as identity lists them."""
    if request.kind == identity_pb2.STAFF:
        return identity_pb2.ListPeopleResponse(people=[identity_pb2.Person(
            id=TEACHER, roles=["subject_teacher"], name=identity_pb2.PersonName(last_name="Иванова", first_name="Анна"))])
    return identity_pb2.ListPeopleResponse(people=[identity_pb2.Person(
        id=PETR, name=identity_pb2.PersonName(last_name="Петров", first_name="Пётр"))])


def test_the_control_page_lists_unfilled_lessons_missing_homework_shortfalls_and_remarks(browser, peers):
    peers.responses["ListPeople"] = _people
    peers.responses["ListUnfilledLessons"] = pb.ControlLessonsResponse(lessons=[pb.ControlLesson(
        lesson_id=LESSON, lesson_date="2025-09-02", lesson_number=2, class_group_id=GROUP, subject_name="Математика",
        teacher_id=TEACHER, missing=["нет темы", "нет отметок посещаемости"])])
    peers.responses["ListMissingHomework"] = pb.ControlLessonsResponse(lessons=[pb.ControlLesson(
        lesson_id=ENGLISH, lesson_date="2025-09-03", lesson_number=1, class_group_id=GROUP, subject_name="Английский",
        teacher_id=TEACHER, topic="Present Simple")])
    peers.responses["ListMarkShortfalls"] = pb.ListMarkShortfallsResponse(days=30, shortfalls=[pb.MarkShortfall(
        term_name="1 четверть", term_end_date="2025-10-26", class_group_id=GROUP, subject_name="Математика",
        teacher_id=TEACHER, student_id=PETR, marks=2, needed=5, hours_per_week=4)])
    peers.responses["ListControlRemarks"] = pb.ListControlRemarksResponse(remarks=[pb.ControlRemark(
        id=REQUEST, teacher_id=TEACHER, class_group_id=GROUP, text="Нет тем за неделю",
        created_at="2025-09-08T10:00:00+00:00", answer="Исправлено", answered_at="2025-09-09T15:00:00+00:00")])
    page = browser.get(f"/schools/{SCHOOL}/journal/control?from=2025-09-01&to=2025-09-14&days=30").get_data(
        as_text=True)
    assert "Незаполненные уроки" in page and "нет темы, нет отметок посещаемости" in page and "02.09.2025" in page
    assert "Уроков без домашнего задания" not in page and "Present Simple" in page
    assert "Петров Пётр" in page and "<td>2</td>" in page and "5 (4 ч в неделю)" in page
    assert "Нет тем за неделю" in page and "Исправлено (09.09.2025)" in page and "Записать замечание" in page
    assert _calls(peers, "ListMarkShortfalls")[0].days == 30
    unfilled = _calls(peers, "ListUnfilledLessons")[0]
    assert (unfilled.date_from, unfilled.date_to) == ("2025-09-01", "2025-09-14")


def test_the_control_page_says_when_there_is_nothing_to_note(browser, peers):
    peers.responses["ListPeople"] = _people
    peers.responses["ListMarkShortfalls"] = Forbidden("Нет прав на это действие")
    page = browser.get(f"/schools/{SCHOOL}/journal/control?days=много").get_data(as_text=True)
    assert "Незаполненных уроков нет." in page and "Уроков без домашнего задания нет." in page
    assert "Замечаний нет." in page and "Нет прав на это действие" in page
    assert _calls(peers, "ListMarkShortfalls")[0].days == 0  # the journal's default


def test_the_deputy_head_adds_a_remark_and_a_refusal_keeps_the_form(browser, peers):
    peers.responses["ListPeople"] = _people
    form = {"csrf_token": "csrf-123", "teacher_id": TEACHER, "class_group_id": GROUP, "subject_id": "",
            "text": "Нет тем за неделю"}
    resp = browser.post(f"/schools/{SCHOOL}/journal/remarks", data=form)
    assert resp.status_code == 302 and "done=remark" in resp.headers["Location"]
    (added,) = _calls(peers, "AddControlRemark")
    assert (added.teacher_id, added.class_group_id, added.subject_id, added.text) == (
        TEACHER, GROUP, "", "Нет тем за неделю")
    peers.responses["AddControlRemark"] = refused(Invalid("text", "текст обязателен"))
    resp = browser.post(f"/schools/{SCHOOL}/journal/remarks", data={**form, "text": " "})
    page = resp.get_data(as_text=True)
    assert resp.status_code == 422 and "текст обязателен" in page and f'value="{TEACHER}" selected' in page


def test_the_teacher_answers_a_remark_addressed_to_them(browser, peers):
    peers.responses["GetMe"] = identity_pb2.Me(memberships=[identity_pb2.Membership(
        school=identity_pb2.School(id=SCHOOL), principal=identity_pb2.Principal(person_id=TEACHER,
                                                                               roles=["subject_teacher"]))])
    peers.responses["ListPeople"] = _people
    peers.responses["ListControlRemarks"] = pb.ListControlRemarksResponse(remarks=[
        pb.ControlRemark(id=REQUEST, teacher_id=TEACHER, text="Нет тем за неделю",
                         created_at="2025-09-08T10:00:00+00:00"),
        pb.ControlRemark(id=LESSON, teacher_id=TEACHER, text="Нет домашних заданий",
                         created_at="2025-09-01T10:00:00+00:00", answer="Задано", answered_at="2025-09-02T10:00:00+00:00")])
    page = browser.get(f"/schools/{SCHOOL}/journal/remarks").get_data(as_text=True)
    assert page.count("Ответить</button>") == 1 and "Задано (02.09.2025)" in page
    target = f"/schools/{SCHOOL}/journal/remarks/{REQUEST}/answer"
    resp = browser.post(target, data={"csrf_token": "csrf-123", "answer": "Темы внесены"})
    assert resp.status_code == 302 and "done=answered" in resp.headers["Location"]
    (answered,) = _calls(peers, "AnswerControlRemark")
    assert (answered.remark_id, answered.answer) == (REQUEST, "Темы внесены")
    peers.responses["AnswerControlRemark"] = refused(FailedPrecondition(
        "На это замечание уже дан ответ; ответ не изменяют", {"remark_id": "ответ уже дан"}))
    resp = browser.post(target, data={"csrf_token": "csrf-123", "answer": "Ещё раз"})
    assert resp.status_code == 409 and "уже дан ответ" in resp.get_data(as_text=True)
