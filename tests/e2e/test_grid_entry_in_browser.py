"""The teacher's grid typed into with the keyboard in headless Chromium (issue 18), through the running gateway, on a
class of 26: a whole lesson — topic, homework, 24 marks, two absences — typed without the mouse and found saved after
a reload; with the network cut (Playwright's offline mode) the marks wait in the browser, go when it returns with the
times they were typed (the ledger keeps both), and the deputy head's change of the same cell meanwhile is shown as a
conflict the teacher decides, never overwritten; the term's grid proposes each term mark, set only when the teacher
confirms it; a double lesson is entered once for both periods when the school says so. Keeps screenshots in .run/screenshots/."""
import datetime as dt
import json
import uuid

import pytest
from playwright.sync_api import Page, expect

from services.tooling.api_client import BASE
from tests.e2e.test_pages_in_browser import new_page, screenshot, sign_in_at_keycloak  # noqa: F401 (fixture)
from tests.support import stack
from tests.support.api import Api
from tests.support.school import seed_school

pytestmark = pytest.mark.stack
SAVED = "Все изменения сохранены"
NAMES = ["Абрамов", "Белова", "Васильев", "Гусева", "Дмитриев", "Егорова", "Жуков", "Зайцева", "Ильин", "Козлова",
         "Лебедев", "Морозова", "Никитин", "Орлова", "Павлов", "Романова", "Семёнов", "Тихонова", "Ушаков", "Фролова",
         "Харитонов", "Цветкова", "Чернов", "Шилова"]


@pytest.fixture(scope="module")
def school(installation):
    seeded = seed_school(stack.env(), f"Школа № {uuid.uuid4().hex[:6]} (ввод в журнал)")
    sid, admin, group = seeded["school"]["id"], seeded["admin_api"], seeded["class_group"]
    for i, last in enumerate(NAMES):  # 2 seeded + 24 = a class of 26
        admin.post(f"/schools/{sid}/people", {
            "kind": "student", "last_name": last, "first_name": "Ученик", "gender": "female" if last[-1] == "а" else "male",
            "birth_date": f"2014-0{1 + i % 9}-1{i % 9}", "class_group_id": group["id"]})
    deputy = Api(stack.password_token(seeded["deputy"]["person"]["username"], seeded["deputy"]["password"]))
    # a second subject for the term mark: a set term mark closes the term's lessons of its subject, which the other
    # tests (in any order) type into
    russian = admin.post(f"/schools/{sid}/subjects", {"name": "Русский язык"})
    teacher_id = seeded["teacher"]["person"]["id"]
    admin.post(f"/schools/{sid}/teaching-assignments", {
        "teacher_id": teacher_id, "subject_id": russian["id"], "class_group_id": group["id"]})
    admin.post(f"/schools/{sid}/timetable", {
        "class_group_id": group["id"], "subject_id": russian["id"], "teacher_id": teacher_id, "weekday": 2,
        "lesson_number": 2, "starts_at": "09:25", "ends_at": "10:10", "room": "21"})
    for number, starts, ends in ((3, "10:20", "11:05"), (4, "11:15", "12:00")):  # a double lesson on Wednesdays
        admin.post(f"/schools/{sid}/timetable", {
            "class_group_id": group["id"], "subject_id": seeded["subject"]["id"], "teacher_id": teacher_id,
            "weekday": 3, "lesson_number": number, "starts_at": starts, "ends_at": ends, "room": "21"})
    admin.put(f"/schools/{sid}/journal-policy", {"double_lessons": "together"})
    return {"id": sid, "admin": admin, "deputy": deputy, "class_group_id": group["id"],
            "subject_id": seeded["subject"]["id"], "teacher_id": seeded["teacher"]["person"]["id"],
            "term_id": seeded["year"]["terms"][0]["id"], "russian_id": russian["id"],
            "teacher": (seeded["teacher"]["person"]["username"], seeded["teacher"]["password"])}


def lesson_on(school, day: str) -> dict:
    [lesson] = school["admin"].get(f"/schools/{school['id']}/lessons", params={
        "class_group_id": school["class_group_id"], "from": day, "to": day})["lessons"]
    return lesson


def grid(page: Page, school, first: str, last: str) -> Page:
    page.goto(f"{BASE}/schools/{school['id']}/journal/grid?class_group_id={school['class_group_id']}"
              f"&subject_id={school['subject_id']}&from={first}&to={last}")
    expect(page.locator("#grid-status")).to_have_text(SAVED)
    return page


def signed_in(page: Page, credentials: tuple[str, str]) -> Page:
    page.goto(f"{BASE}/login")
    page.get_by_role("link", name="Войти", exact=True).click()
    sign_in_at_keycloak(page, *credentials)
    return page


def test_a_whole_lesson_typed_with_the_keyboard_is_found_saved_after_a_reload(school, new_page):  # noqa: F811
    teacher = grid(signed_in(new_page(), school["teacher"]), school, "2025-09-08", "2025-09-08")
    lesson = lesson_on(school, "2025-09-08")
    keyboard = teacher.keyboard
    teacher.get_by_label("Причина изменения прошедших уроков").focus()
    keyboard.type("Ввод журнала за сентябрь")
    teacher.get_by_label("Тема урока 8 сентября").focus()
    keyboard.type("Делимость натуральных чисел")
    keyboard.press("ArrowDown")
    keyboard.type("№ 101, 103")
    keyboard.press("ArrowDown")  # the first student's cell
    rows = teacher.locator("tbody tr[data-student] td.student").all_inner_texts()
    assert len(rows) == 26
    typed = {}
    for i, name in enumerate(rows):
        value = "н" if i in (3, 17) else ("5", "4", "3", "5к")[i % 4]
        keyboard.type(value)
        keyboard.press("Enter")
        typed[name.strip()] = value
    expect(teacher.locator("#grid-status")).to_have_text(SAVED, timeout=15_000)
    screenshot(teacher, "grid-entry-typed.png")

    teacher.reload()
    expect(teacher.locator("#grid-status")).to_have_text(SAVED)
    for name, value in typed.items():
        expect(teacher.get_by_label(f"{name}, 8 сентября, урок 1")).to_have_value(value)
    expect(teacher.get_by_label("Тема урока 8 сентября")).to_have_value("Делимость натуральных чисел")
    record = school["admin"].get(f"/schools/{school['id']}/lessons/{lesson['id']}/record")
    assert (record["topic"], record["homework"]) == ("Делимость натуральных чисел", "№ 101, 103")
    assert len(record["marks"]) == 24 and sorted(a["status"] for a in record["attendance"]) == ["absent", "absent"]
    assert sum(m["work_type"] == "test" for m in record["marks"]) == 5  # «5к»: контрольная работа (i = 7, 11, … 23)


def test_the_grammar_and_the_refusals_show_at_the_cell(school, new_page):  # noqa: F811
    teacher = grid(signed_in(new_page(), school["teacher"]), school, "2025-09-22", "2025-09-22")
    parse = "(text) => JSON.stringify(window.otmetkaGrid.parse(text, 'classwork', null))"
    assert json.loads(teacher.evaluate(parse, "5 4к* оп")) == {"attendance": "late", "marks": [
        {"value": "5", "work_type": "classwork", "comment": "", "not_counted": False},
        {"value": "4", "work_type": "test", "comment": "", "not_counted": True}]}
    first = teacher.locator("input.cell-input").first
    first.focus()
    teacher.keyboard.type("7")  # off the five-point scale: refused at once, in the cell
    expect(first).to_have_attribute("aria-invalid", "true")
    expect(first).to_have_attribute("title", "не понимаю «7»: отметка (1…5, с буквой вида работы: 4к) или посещаемость "
                                             "(н, оп, б, уп, нп)")
    teacher.keyboard.press("Escape")
    expect(first).to_have_value("")
    teacher.keyboard.type("5")  # a past lesson without the reason: the journal's refusal shows
    expect(teacher.locator("#change-reason")).to_have_class("needed", timeout=10_000)
    expect(teacher.locator("#grid-status")).not_to_have_text(SAVED)
    teacher.get_by_label("Причина изменения прошедших уроков").fill("Ввод журнала")
    expect(teacher.locator("#grid-status")).to_have_text(SAVED, timeout=15_000)


def test_offline_marks_go_with_their_times_and_the_deputy_heads_change_is_a_conflict(school, new_page):  # noqa: F811
    page = signed_in(new_page(), school["teacher"])
    teacher = grid(page, school, "2025-09-15", "2025-09-15")
    lesson = lesson_on(school, "2025-09-15")
    teacher.get_by_label("Причина изменения прошедших уроков").fill("Ввод журнала")
    first_three = teacher.locator("tbody tr[data-student] td.student").all_inner_texts()[:3]
    page.context.set_offline(True)
    typed_before = dt.datetime.now(dt.UTC)
    teacher.get_by_label(f"{first_three[0].strip()}, 15 сентября, урок 1").focus()
    for value in ("5", "4", "5"):
        teacher.keyboard.type(value)
        teacher.keyboard.press("Enter")
    expect(teacher.locator("#grid-status")).to_contain_text("Нет связи с сервером")
    expect(teacher.locator("#grid-status")).to_contain_text("Не отправлено изменений уроков: 1")
    expect(teacher.locator("input.cell-input.pending")).to_have_count(3)
    screenshot(teacher, "grid-entry-offline.png")

    first_id = teacher.get_by_label(f"{first_three[0].strip()}, 15 сентября, урок 1").get_attribute("data-student")
    school["deputy"].put(f"/schools/{school['id']}/lessons/{lesson['id']}/record", {  # meanwhile, at the school
        "reason": "Исправление по заявлению родителя", "marks": [{"student_id": first_id, "value": "3"}]})
    page.context.set_offline(False)
    expect(teacher.locator("#grid-status")).to_contain_text("Урок изменил другой пользователь", timeout=20_000)
    conflict = teacher.locator(".conflict-item")
    expect(conflict).to_contain_text("другой пользователь записал «3», у вас «5»")
    screenshot(teacher, "grid-entry-conflict.png")
    conflict.get_by_role("button", name="Оставить моё").focus()
    teacher.keyboard.press("Enter")
    expect(teacher.locator("#grid-status")).to_have_text(SAVED, timeout=15_000)

    record = school["admin"].get(f"/schools/{school['id']}/lessons/{lesson['id']}/record")
    assert sorted(m["value"] for m in record["marks"]) == ["4", "5", "5"]
    changes = school["admin"].get(f"/schools/{school['id']}/people/{school['teacher_id']}/journal-changes",
                                  params={"since": typed_before.isoformat()})["changes"]
    marks = [c for c in changes if c["entity"] == "mark" and c["lesson_id"] == lesson["id"]]
    assert len(marks) == 3 and all(c["entered_at"] for c in marks), marks
    assert all(c["entered_at"] < c["occurred_at"] for c in marks)


def test_the_term_mark_is_proposed_and_set_only_when_the_teacher_confirms_it(school, new_page):  # noqa: F811
    sid, admin = school["id"], school["admin"]
    page = signed_in(new_page(), school["teacher"])
    page.goto(f"{BASE}/schools/{sid}/journal/grid?class_group_id={school['class_group_id']}"
              f"&subject_id={school['russian_id']}&term_id={school['term_id']}")
    expect(page.locator("#grid-status")).to_have_text(SAVED)
    journal = admin.get(f"/schools/{sid}/grid", params={"class_group_id": school["class_group_id"],
                                                        "subject_id": school["russian_id"], "term_id": school["term_id"]})
    first = journal["students"][0]
    assert first["proposed_term_mark"] == "Н/А", "no current marks: not assessed (J8), proposed, not set"
    period = page.locator("input.period-input").first
    expect(period).to_have_attribute("placeholder", first["proposed_term_mark"])
    expect(period).to_have_value("")  # proposed, not set
    assert [m for m in admin.get(f"/schools/{sid}/term-marks", params={
        "class_group_id": school["class_group_id"], "term_id": school["term_id"]})["term_marks"]
        if m["student_id"] == first["student_id"] and m["subject_id"] == school["russian_id"]] == []
    period.focus()
    page.keyboard.press("Enter")  # the teacher confirms the proposal
    expect(page.locator("#grid-status")).to_contain_text("Оценка за период выставлена")
    [set_mark] = [m for m in admin.get(f"/schools/{sid}/term-marks", params={
        "class_group_id": school["class_group_id"], "term_id": school["term_id"]})["term_marks"]
        if m["student_id"] == first["student_id"] and m["subject_id"] == school["russian_id"]]
    assert (set_mark["value"], set_mark["subject_id"]) == ("Н/А", school["russian_id"])


def test_a_double_lesson_is_entered_once_for_both_periods(school, new_page):  # noqa: F811
    sid = school["id"]
    teacher = grid(signed_in(new_page(), school["teacher"]), school, "2025-09-03", "2025-09-03")
    first, second = sorted(school["admin"].get(f"/schools/{sid}/lessons", params={
        "class_group_id": school["class_group_id"], "from": "2025-09-03", "to": "2025-09-03"})["lessons"],
        key=lambda lesson: lesson["lesson_number"])
    expect(teacher.locator(f"th.lesson-head[data-lesson='{second['id']}']")).to_contain_text("вместе с уроком 3")
    expect(teacher.locator(f"input.cell-input[data-lesson='{second['id']}']")).to_have_count(0)
    teacher.get_by_label("Причина изменения прошедших уроков").fill("Ввод журнала")
    teacher.get_by_label("Тема урока 3 сентября").focus()
    teacher.keyboard.type("Сдвоенный урок: задачи на движение")
    teacher.keyboard.press("ArrowDown")
    teacher.keyboard.press("ArrowDown")
    teacher.keyboard.type("н")
    teacher.keyboard.press("Enter")
    teacher.keyboard.type("5")
    expect(teacher.locator("#grid-status")).to_have_text(SAVED, timeout=15_000)
    records = [school["admin"].get(f"/schools/{sid}/lessons/{lesson['id']}/record") for lesson in (first, second)]
    assert [r["topic"] for r in records] == ["Сдвоенный урок: задачи на движение"] * 2
    assert [[a["status"] for a in r["attendance"]] for r in records] == [["absent"], ["absent"]]
    assert [[m["value"] for m in r["marks"]] for r in records] == [["5"], []]  # a mark is given once


def test_a_mark_typed_with_a_star_is_kept_and_shown_but_left_out_of_the_average(school, new_page):  # noqa: F811
    teacher = grid(signed_in(new_page(), school["teacher"]), school, "2025-09-29", "2025-09-29")
    teacher.get_by_label("Причина изменения прошедших уроков").fill("Ввод журнала")
    first = teacher.locator("input.cell-input").first
    first.focus()
    teacher.keyboard.type("5 2к*")  # the test's 2 is kept, but not counted
    teacher.keyboard.press("Enter")
    expect(teacher.locator("#grid-status")).to_have_text(SAVED, timeout=15_000)
    teacher.reload()
    expect(teacher.locator("input.cell-input").first).to_have_value("5 2к*")
    row = teacher.locator("tbody tr[data-student]").first
    expect(row.locator("td").last).to_have_text("5.00")  # the average: the 5 alone
    record = school["admin"].get(f"/schools/{school['id']}/lessons/{lesson_on(school, '2025-09-29')['id']}/record")
    assert sorted((m["value"], m["work_type"], m["not_counted"]) for m in record["marks"]) == [
        ("2", "test", True), ("5", "classwork", False)]


def test_without_javascript_the_grid_is_read_and_a_lesson_is_saved_with_its_form(school, chromium):
    context = chromium.new_context(locale="ru-RU", java_script_enabled=False)
    try:
        page = signed_in(context.new_page(), school["teacher"])
        page.goto(f"{BASE}/schools/{school['id']}/journal/grid?class_group_id={school['class_group_id']}"
                  f"&subject_id={school['subject_id']}&from=2025-10-06&to=2025-10-06")
        expect(page.locator("input.cell-input")).to_have_count(0)  # no script: nothing typed into the cells
        expect(page.locator("#grid-entry")).to_be_hidden()
        page.get_by_role("link", name="изменить").first.click()
        first = page.locator("tbody tr[data-student]").first.get_attribute("data-student")
        page.locator(f'select[name="mark-{first}-value"]').first.select_option("4")
        page.get_by_label("Причина изменения").fill("Ввод журнала")
        page.get_by_role("button", name="Сохранить урок").first.click()
        expect(page.locator(".notice")).to_have_text("Урок сохранён")
        expect(page.locator(f"td.cell[data-student='{first}']")).to_have_text("4")
    finally:
        context.close()


def test_on_a_tablet_a_cell_is_tapped_and_typed_into(school, chromium):
    tablet = chromium.new_context(locale="ru-RU", viewport={"width": 800, "height": 1280}, is_mobile=True,
                                  has_touch=True)
    try:
        page = grid(signed_in(tablet.new_page(), school["teacher"]), school, "2025-10-13", "2025-10-13")
        page.get_by_label("Причина изменения прошедших уроков").fill("Ввод журнала")
        cell = page.locator("input.cell-input").first
        assert cell.bounding_box()["height"] >= 36, "a finger's target"
        cell.tap()
        page.keyboard.type("4")
        page.locator("input.cell-input").nth(1).tap()  # on to the next cell by touch: saved after the typing pause
        expect(page.locator("#grid-status")).to_have_text(SAVED, timeout=15_000)
        screenshot(page, "grid-entry-tablet.png")
    finally:
        tablet.close()
