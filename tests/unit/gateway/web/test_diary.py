"""The family's diary pages and the staff's flag pages with fake services: the week with every mark's work type,
weight and comment, homework files and attendance; the flag form for the family only, a flag sent or refused, the
teacher's answer under the mark; the switch between children in two schools; the year's results; the teacher's list
of flags with its answer form; the lesson page's and the control page's flags."""
from proto.identity.v1 import identity_pb2
from proto.journal.v1 import journal_pb2 as pb
from proto.schedule.v1 import schedule_pb2
from services.common.errors import Conflict, FailedPrecondition
from tests.unit.gateway.fakes import ATTENDANCE_KINDS, MARK_VALUES, WORK_TYPES, refused

SCHOOL = "0b6f5a8e-3c1d-4b7a-9a55-2f7c1f0e9d11"
OTHER_SCHOOL = "5c7b2a1e-0d3f-4e5a-8b6c-7d8e9f0a1b2c"
ANNA = "1a2b3c4d-5e6f-4a7b-8c9d-0e1f2a3b4c5d"
BORIS = "2b3c4d5e-6f7a-4b8c-9d0e-1f2a3b4c5d6e"
VERA = "3c4d5e6f-7a8b-4c9d-8e1f-2a3b4c5d6e7f"
GUARDIAN = "4d5e6f7a-8b9c-4d0e-9f2a-3b4c5d6e7f8a"
LESSON = "7d1e2c3b-4a59-4e6f-8a7b-9c0d1e2f3a4b"
MARK, OTHER_MARK = "8e2f3d4c-5b6a-4f7e-9c8d-0e1f2a3b4c5d", "9f3a4e5d-6c7b-4a8f-8d9e-1f2a3b4c5d6e"
FLAG = "6f7a8b9c-0d1e-4f2a-8b3c-4d5e6f7a8b9c"
FILE = "5e6f7a8b-9c0d-4e1f-8a2b-3c4d5e6f7a8b"
TERM_1, TERM_2, YEAR, OLD_YEAR = ("a1b2c3d4-e5f6-4a7b-8c9d-0e1f2a3b4c5d", "b2c3d4e5-f6a7-4b8c-9d0e-1f2a3b4c5d6e",
                                  "c3d4e5f6-a7b8-4c9d-8e0f-2a3b4c5d6e7f", "d4e5f6a7-b8c9-4d0e-9f1a-3b4c5d6e7f8a")
NAMES = {ANNA: ("Петрова", "Анна"), BORIS: ("Петров", "Борис"), VERA: ("Петрова", "Вера")}
DIARY = f"/schools/{SCHOOL}/students/{ANNA}/diary"


def calls(peers, rpc: str) -> list:
    return [req for _, name, req, _ in peers.calls if name == rpc]


def family(peers, roles=("guardian",), children=((SCHOOL, (ANNA, BORIS)),)) -> None:
    """The caller: a guardian with these children per school (GetMe); identity names each child."""
    peers.responses["GetMe"] = identity_pb2.Me(memberships=[identity_pb2.Membership(
        school=identity_pb2.School(id=school_id, name=f"Школа {n}", short_name=f"Школа № {n}", status="active"),
        principal=identity_pb2.Principal(school_id=school_id, person_id=GUARDIAN, roles=list(roles),
                                         student_ids=list(students)))
        for n, (school_id, students) in enumerate(children, start=5)])
    peers.responses["GetPerson"] = lambda request: identity_pb2.Person(id=request.person_id, name=identity_pb2.PersonName(
        last_name=NAMES[request.person_id][0], first_name=NAMES[request.person_id][1]))


def week(flags=(), marks=None) -> pb.Diary:
    marks = marks if marks is not None else [
        pb.Mark(id=MARK, value="3", work_type="test", comment="Не решена задача 4"),
        pb.Mark(id=OTHER_MARK, value="5", work_type="oral")]
    return pb.Diary(student_id=ANNA, work_types=WORK_TYPES, attendance_kinds=ATTENDANCE_KINDS, entries=[
        pb.DiaryEntry(lesson_id=LESSON, date="2025-09-02", lesson_number=2, subject_name="Математика", topic="Дроби",
                      homework="№ 5", marks=marks, attendance="late", flags=list(flags),
                      attachments=[pb.HomeworkAttachment(id=FILE, lesson_id=LESSON, filename="задание.pdf")])])


def test_the_week_shows_each_marks_work_type_weight_and_comment_with_homework_files(browser, peers):
    family(peers)
    peers.responses["GetDiary"] = week()
    page = browser.get(f"{DIARY}?week=2025-09-03").get_data(as_text=True)
    for text in ("Дневник: Петрова Анна", "вторник, 02.09.2025", "Математика", "Дроби", "№ 5", "опоздал",
                 "Контрольная работа, вес 2", "Устный ответ, вес 1", "Комментарий учителя: «Не решена задача 4»",
                 f"/schools/{SCHOOL}/homework-files/{FILE}?student_id={ANNA}", "Файл: задание.pdf",
                 "неделя 01.09–07.09.2025", "К текущей неделе"):
        assert text in page, text
    assert page.count("Отметка неверна?") == 2  # the guardian may flag each mark
    [asked] = calls(peers, "GetDiary")
    assert (asked.school_id, asked.student_id, asked.date_from, asked.date_to) == (SCHOOL, ANNA, "2025-09-01",
                                                                                    "2025-09-07")
    assert 'href="/static/diary.css' in page


def test_staff_reading_a_diary_get_no_flag_form(browser, peers):
    family(peers, roles=("form_teacher",), children=((SCHOOL, ()),))
    peers.responses["GetDiary"] = week()
    page = browser.get(DIARY).get_data(as_text=True)
    assert "Отметка неверна?" not in page and "Дневник: Петрова Анна" in page  # named through GetPerson
    assert 'aria-label="Дневники детей"' not in page  # no diaries of their own: no switch


def test_a_flag_is_sent_and_its_answer_shown_under_the_mark(browser, peers):
    family(peers)
    peers.responses["GetDiary"] = week()
    resp = browser.post(f"/schools/{SCHOOL}/students/{ANNA}/marks/{MARK}/flag", data={
        "csrf_token": "csrf-123", "text": " Я переписала работу ", "week": "2025-09-03"})
    assert resp.status_code == 302
    assert resp.headers["Location"].endswith(f"{DIARY}?week=2025-09-01&notice=flagged#mark-{MARK}")
    [sent] = calls(peers, "FlagMark")
    assert (sent.school_id, sent.mark_id, sent.text) == (SCHOOL, MARK, "Я переписала работу")

    open_flag = pb.MarkFlag(id=FLAG, mark_id=MARK, text="Я переписала работу", created_at="2025-09-03T10:00:00+00:00")
    peers.responses["GetDiary"] = week([open_flag])
    page = browser.get(f"{DIARY}?week=2025-09-01&notice=flagged").get_data(as_text=True)
    assert "Обращение отправлено учителю" in page and "Обращение от 03.09.2025: «Я переписала работу»" in page
    assert "Ждём ответа учителя." in page and page.count("Отметка неверна?") == 1  # not again while open

    answered = pb.MarkFlag(id=FLAG, mark_id=MARK, text="Я переписала работу", created_at="2025-09-03T10:00:00+00:00",
                           answer="Исправлено на 4", outcome="corrected", value_after="4")
    peers.responses["GetDiary"] = week([answered], [pb.Mark(id=MARK, value="4", work_type="test")])
    page = browser.get(DIARY).get_data(as_text=True)
    assert "Ответ учителя (отметка исправлена): «Исправлено на 4»" in page and "Отметка неверна?" in page

    removed = pb.MarkFlag(id=FLAG, mark_id=OTHER_MARK, mark_value="5", work_type="oral", text="Меня не спрашивали",
                          created_at="2025-09-03T10:00:00+00:00", answer="Ошибка, снята", outcome="corrected")
    peers.responses["GetDiary"] = week([removed], [])
    page = browser.get(DIARY).get_data(as_text=True)
    assert "Отметка 5 (Устный ответ) снята." in page and "«Ошибка, снята»" in page


def test_a_refused_flag_is_shown_under_its_mark_with_the_text_kept(browser, peers):
    family(peers)
    peers.responses["GetDiary"] = week()
    peers.responses["FlagMark"] = refused(Conflict("По этой отметке уже есть обращение без ответа",
                                                   {"mark_id": "обращение уже отправлено"}))
    resp = browser.post(f"/schools/{SCHOOL}/students/{ANNA}/marks/{MARK}/flag", data={
        "csrf_token": "csrf-123", "text": "Ещё раз", "week": "2025-09-01"})
    page = resp.get_data(as_text=True)
    assert resp.status_code == 409 and "Обращение не отправлено: По этой отметке уже есть обращение" in page
    assert ">Ещё раз</textarea>" in page and "<details class=\"flag-form\" open>" in page
    resp = browser.post(f"/schools/{SCHOOL}/students/{ANNA}/marks/{MARK}/flag", data={"text": "Без токена"})
    assert resp.status_code == 400 and len(calls(peers, "FlagMark")) == 1


def test_the_switch_lists_every_child_in_every_school(browser, peers):
    family(peers, children=((SCHOOL, (ANNA, BORIS)), (OTHER_SCHOOL, (VERA,))))
    peers.responses["GetDiary"] = week()
    page = browser.get(f"{DIARY}?week=2025-09-01").get_data(as_text=True)
    for school_id, student, label in ((SCHOOL, ANNA, "Петрова Анна — Школа № 5"), (SCHOOL, BORIS, "Петров Борис — Школа № 5"),
                                      (OTHER_SCHOOL, VERA, "Петрова Вера — Школа № 6")):
        assert f'href="/schools/{school_id}/students/{student}/diary?week=2025-09-01"' in page and label in page
    assert page.count('aria-current="page"') == 2  # Анна and the week's tab
    assert "Дневник: Петрова Анна — Школа № 5" in page


def test_one_childs_diary_has_no_switch_and_the_tabs_lead_to_the_results(browser, peers):
    family(peers, children=((SCHOOL, (ANNA,)),))
    peers.responses["GetDiary"] = week()
    page = browser.get(DIARY).get_data(as_text=True)
    assert 'aria-label="Дневники детей"' not in page
    assert f'href="/schools/{SCHOOL}/students/{ANNA}/results"' in page


def results() -> pb.DiaryResults:
    def period(term_id="", average="", change="", mark="", marks=0, **missed):
        return pb.PeriodResult(term_id=term_id, average=average, change=change, mark=mark, marks_count=marks,
                               attendance=[pb.AttendanceCount(status=k, count=v) for k, v in missed.items()])
    return pb.DiaryResults(
        student_id=ANNA, academic_year_id=YEAR, academic_year_name="2025/2026", mark_scale="five_point",
        mark_values=MARK_VALUES["five_point"], attendance_kinds=ATTENDANCE_KINDS,
        terms=[pb.ResultsTerm(term_id=TERM_1, name="1 четверть"), pb.ResultsTerm(term_id=TERM_2, name="2 четверть")],
        years=[pb.ResultsYear(academic_year_id=YEAR, name="2025/2026"),
               pb.ResultsYear(academic_year_id=OLD_YEAR, name="2024/2025")],
        subjects=[pb.SubjectResults(subject_name="Математика", terms=[
            period(TERM_1, "3.67", "", "4", 3, absent=1), period(TERM_2, "4.50", "+0.83", "", 5)],
            year=period("", "4.14", "", "5", 8, absent=1), exam="5", final="5")],
        totals=[period(TERM_1, "3.67", "", "", 3, absent=1, ill=2), period(TERM_2, "4.00", "+0.33", "", 5, late=1)],
        total=period("", "3.84", "", "", 8, absent=1, ill=2, late=1))


def test_the_results_show_period_marks_averages_their_dynamics_and_attendance(browser, peers):
    family(peers)
    peers.responses["GetDiaryResults"] = results()
    page = browser.get(f"/schools/{SCHOOL}/students/{ANNA}/results").get_data(as_text=True)
    for text in ("Успеваемость: Петрова Анна", "Учебный год 2025/2026", "1 четверть", "2 четверть", "Математика",
                 'title="Оценка за период">4<', 'title="Годовая оценка">5<', "Экзамен", "Итоговая",
                 "ср. 3,67", "ср. 4,50", "+0,83", "ср. 4,14", "w80", "w77",
                 "Н — отсутствовал: 1", "Б — болел: 2", "опоздал: 1"):
        assert text in page, text
    assert f'href="/schools/{SCHOOL}/students/{ANNA}/results?year={OLD_YEAR}"' in page  # another year of the child
    [asked] = calls(peers, "GetDiaryResults")
    assert (asked.school_id, asked.student_id, asked.academic_year_id) == (SCHOOL, ANNA, "")
    browser.get(f"/schools/{SCHOOL}/students/{ANNA}/results?year={OLD_YEAR}")
    assert calls(peers, "GetDiaryResults")[-1].academic_year_id == OLD_YEAR


def test_results_on_pass_fail_and_of_a_student_in_no_class(browser, peers):
    family(peers)
    found = results()
    found.mark_values[:] = MARK_VALUES["pass_fail"]
    peers.responses["GetDiaryResults"] = found
    page = browser.get(f"/schools/{SCHOOL}/students/{ANNA}/results").get_data(as_text=True)
    assert "средний балл не считается" in page and "width:" not in page
    peers.responses["GetDiaryResults"] = pb.DiaryResults(student_id=ANNA)
    page = browser.get(f"/schools/{SCHOOL}/students/{ANNA}/results").get_data(as_text=True)
    assert "не учится ни в одном классе" in page


def test_the_teacher_lists_the_flags_and_answers_one(browser, peers):
    peers.responses["ListPeople"] = lambda request: identity_pb2.ListPeopleResponse(people=[identity_pb2.Person(
        id=ANNA, name=identity_pb2.PersonName(last_name="Петрова", first_name="Анна"))])
    peers.responses["ListMarkFlags"] = pb.ListMarkFlagsResponse(flags=[pb.MarkFlag(
        id=FLAG, mark_id=MARK, lesson_id=LESSON, student_id=ANNA, subject_name="Математика", lesson_date="2025-09-02",
        mark_value="3", work_type="test", text="Я переписала работу", author_role="guardian", current_value="3",
        created_at="2025-09-03T10:00:00+00:00")])
    page = browser.get(f"/schools/{SCHOOL}/journal/mark-flags").get_data(as_text=True)
    assert "Петрова Анна" in page and "«Я переписала работу»" in page and "Родитель, 03.09.2025" in page
    assert f'href="/schools/{SCHOOL}/lessons/{LESSON}"' in page and 'value="corrected"' in page
    assert calls(peers, "ListMarkFlags")[0].status == "open"
    browser.get(f"/schools/{SCHOOL}/journal/mark-flags?status=all")
    assert calls(peers, "ListMarkFlags")[-1].status == ""

    resp = browser.post(f"/schools/{SCHOOL}/journal/mark-flags/{FLAG}/answer", data={
        "csrf_token": "csrf-123", "answer": " Исправлено на 4 ", "outcome": "corrected"})
    assert resp.status_code == 302 and "done=answered" in resp.headers["Location"]
    [answered] = calls(peers, "AnswerMarkFlag")
    assert (answered.flag_id, answered.answer, answered.outcome) == (FLAG, "Исправлено на 4", "corrected")
    peers.responses["AnswerMarkFlag"] = refused(FailedPrecondition("Отметка не изменена: сначала исправьте её",
                                                                   {"outcome": "отметка не изменена"}))
    resp = browser.post(f"/schools/{SCHOOL}/journal/mark-flags/{FLAG}/answer", data={
        "csrf_token": "csrf-123", "answer": "Исправлено", "outcome": "corrected"})
    page = resp.get_data(as_text=True)
    assert resp.status_code == 409 and "Ответ не записан: Отметка не изменена" in page and ">Исправлено</textarea>" in page


def test_the_lesson_page_and_the_control_page_show_the_open_flags(browser, peers):
    from tests.unit.gateway.web.test_pages import LESSON as PAGE_LESSON
    from tests.unit.gateway.web.test_pages import _lesson

    _lesson(peers)
    open_flag = pb.MarkFlag(id=FLAG, mark_id=MARK, lesson_id=PAGE_LESSON, student_id="1a2b3c4d-5e6f-4a7b-8c9d-0e1f2a3b4c5d",
                            mark_value="3", work_type="test", text="Я переписала работу",
                            created_at="2025-09-03T10:00:00+00:00", subject_name="Математика", lesson_date="2025-09-01")
    peers.responses["ListMarkFlags"] = pb.ListMarkFlagsResponse(flags=[open_flag])
    page = browser.get(f"/schools/{SCHOOL}/lessons/{PAGE_LESSON}").get_data(as_text=True)
    assert "Обращения по отметкам урока" in page and "Сидоров Петя: отметка" in page and "«Я переписала работу»" in page
    [asked] = calls(peers, "ListMarkFlags")
    assert (asked.lesson_id, asked.status) == (PAGE_LESSON, "open")
    page = browser.get(f"/schools/{SCHOOL}/journal/control").get_data(as_text=True)
    assert "Обращения по отметкам без ответа" in page and "Я переписала работу" in page
    assert calls(peers, "ListMarkFlags")[-1].status == "open"


def test_a_students_own_diary_is_headed_as_theirs_and_they_may_flag(browser, peers):
    family(peers, roles=("student",), children=((SCHOOL, (ANNA,)),))
    peers.responses["GetMe"].memberships[0].principal.person_id = ANNA
    peers.responses["GetDiary"] = week()
    page = browser.get(DIARY).get_data(as_text=True)
    assert "<h1>Дневник</h1>" in page and "Отметка неверна?" in page
    assert len(calls(peers, "GetPerson")) == 1  # nobody to name: only the class of the week's school events


def test_the_week_shows_the_school_events_of_the_childs_class(browser, peers):
    family(peers)
    named = peers.responses["GetPerson"]
    peers.responses["GetPerson"] = lambda request: identity_pb2.Person(
        id=request.person_id, name=named(request).name, class_group_id=LESSON)  # any class id: schedule is asked by it
    peers.responses["GetDiary"] = week()
    peers.responses["ListSchoolEvents"] = schedule_pb2.ListSchoolEventsResponse(events=[
        schedule_pb2.SchoolEvent(id=FLAG, title="Осенний концерт", kind_name="Концерт", date="2025-09-05",
                                 starts_at="17:00", ends_at="18:30", place="Актовый зал"),
        schedule_pb2.SchoolEvent(id=FILE, title="Собрание 5А", kind_name="Родительское собрание", date="2025-09-03")])
    page = browser.get(f"{DIARY}?week=2025-09-03").get_data(as_text=True)
    assert "События школы на этой неделе" in page
    assert page.index("Родительское собрание: Собрание 5А") < page.index("Концерт: Осенний концерт"), "by date"
    assert "17:00–18:30" in page and "(Актовый зал)" in page
    [asked] = calls(peers, "ListSchoolEvents")
    assert (asked.school_id, asked.class_group_id, asked.date_from, asked.date_to) == (
        SCHOOL, LESSON, "2025-09-01", "2025-09-07")


def test_a_week_without_events_or_without_a_class_has_no_events_section(browser, peers):
    family(peers)
    peers.responses["GetDiary"] = week()
    page = browser.get(f"{DIARY}?week=2025-09-03").get_data(as_text=True)
    assert "События школы" not in page and not calls(peers, "ListSchoolEvents"), "no class: schedule is not asked"
