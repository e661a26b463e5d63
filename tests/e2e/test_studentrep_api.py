"""The reports on a student (issue 13 reports 9, 10, 11 and 13) through /api/v1 on a seeded school with known marks:
the teacher gives Иванов a 5 (classwork) and a 3 (a test, weight 2 by default) in the first term and a 4 in the
second, Петрова a 4 and marks her ill on 15.09.2025, and sets Иванов's first-term mark 4 (the school lets two current
marks suffice). The deputy head reads
Иванов's average dynamics ((5 + 3·2) / 3 = 3.67, then 4.00: +0.33), the first term's report cards of 5А, Петрова's
progress and attendance and the letters to guardians — as JSON, PDF (pdftotext) and XLSX (openpyxl); a subject
teacher of no class of theirs is refused and a letter's text over 2000 characters is refused naming `text`."""
import io
import uuid

import pytest
from openpyxl import load_workbook

from services.tooling.api_client import Api, with_login
from tests.support import stack
from tests.support.pdf_text import pdf_text
from tests.support.reported import once_reported
from tests.support.school import seed_school

pytestmark = pytest.mark.stack

LESSONS = (  # a Monday's lesson of 5А's mathematics: marks (value, work type) and absences
    ("2025-09-08", {"ivanov": ("5", "classwork"), "petrova": ("4", "classwork")}, {}),
    ("2025-09-15", {"ivanov": ("3", "test")}, {"petrova": "ill"}),
    ("2025-11-10", {"ivanov": ("4", "classwork")}, {}),
)


@pytest.fixture(scope="module")
def school(installation):
    seeded = seed_school(stack.env(), f"Школа № {uuid.uuid4().hex[:6]} (отчёты по ученику)")
    sid, admin, group = seeded["school"]["id"], seeded["admin_api"], seeded["class_group"]
    teacher = Api(stack.password_token(seeded["teacher"]["person"]["username"], seeded["teacher"]["password"]))
    students = dict(zip(("ivanov", "petrova"), (s["id"] for s in seeded["students"]), strict=True))
    for day, marks, absences in LESSONS:
        [lesson] = admin.get(f"/schools/{sid}/lessons", params={"class_group_id": group["id"], "from": day,
                                                                 "to": day})["lessons"]
        teacher.put(f"/schools/{sid}/lessons/{lesson['id']}/record", {
            "topic": f"Урок {day}", "reason": "Ввод журнала",
            "marks": [{"student_id": students[who], "value": value, "work_type": kind}
                      for who, (value, kind) in marks.items()],
            "attendance": [{"student_id": students[who], "status": status} for who, status in absences.items()]})
    q1, q2 = (t["id"] for t in seeded["year"]["terms"][:2])
    # two current marks are enough for a term mark here (by default a subject of 1 h a week needs three)
    admin.put(f"/schools/{sid}/journal-policy", {"min_marks_1h": 2})
    teacher.put(f"/schools/{sid}/term-marks", {"student_id": students["ivanov"], "subject_id": seeded["subject"]["id"],
                                               "term_id": q1, "value": "4"})
    return {"id": sid, "admin": admin, "class_group_id": group["id"], "q1": q1, "q2": q2, **students,
            "deputy": Api(stack.password_token(seeded["deputy"]["person"]["username"], seeded["deputy"]["password"]))}


def reported(api: Api, path: str, params: dict, done) -> dict:
    return once_reported(api, path, params, done, "the journal's events did not reach the report")


def dynamics_of(school: dict) -> dict:
    return reported(school["deputy"], f"/schools/{school['id']}/reports/student-dynamics",
                    {"class_group_id": school["class_group_id"], "student_id": school["ivanov"]},
                    lambda r: len(r["terms"]) > 1 and r["terms"][1].get("average") and r["subjects"]
                    and r["subjects"][0]["terms"][0].get("term_mark"))


def test_the_average_and_its_dynamics(school, tmp_path):
    report = dynamics_of(school)
    assert [(t["name"], t.get("average", ""), t.get("change", "")) for t in report["terms"]] == [
        ("1 четверть", "3.67", ""), ("2 четверть", "4.00", "+0.33"), ("3 четверть", "", ""), ("4 четверть", "", "")]
    [math] = report["subjects"]
    assert (math["subject_name"], math["terms"][0]) == ("Математика", {"average": "3.67", "term_mark": "4"})
    path, params = (f"/schools/{school['id']}/reports/student-dynamics",
                    {"class_group_id": school["class_group_id"], "student_id": school["ivanov"]})
    printed = school["deputy"].get(f"{path}.pdf", params=params, expect=None)
    assert printed.status_code == 200 and printed.headers["Content-Type"].startswith("application/pdf")
    text = pdf_text(printed.content, tmp_path)
    for expected in ("Средний балл ученика и его динамика", "Иванов Пётр", "3,67", "+0,33", "Средний балл по четвертям"):
        assert expected in text
    book = load_workbook(io.BytesIO(school["deputy"].get(f"{path}.xlsx", params=params, expect=None).content))
    assert ("1 четверть", 3.67, None) in list(book["Динамика"].iter_rows(values_only=True))


def test_the_report_cards_of_the_first_term(school, tmp_path):
    dynamics_of(school)
    path = f"/schools/{school['id']}/reports/report-cards"
    params = {"class_group_id": school["class_group_id"], "period_id": school["q1"]}
    cards = reported(school["deputy"], path, params, lambda r: any(c.get("missed", {}).get("total")
                                                                     for c in r.get("cards", [])))
    assert [c["name"] for c in cards["columns"]] == ["1 четверть"]
    by_student = {c["student_id"]: c for c in cards["cards"]}
    assert [(s["subject_name"], s["marks"]) for s in by_student[school["ivanov"]]["subjects"]] == [("Математика", ["4"])]
    assert by_student[school["petrova"]]["missed"] == {"by_reason": [0, 1, 0, 0], "total": 1}
    printed = school["deputy"].get(f"{path}.pdf", params=params, expect=None)
    text = pdf_text(printed.content, tmp_path)
    assert text.count("Табель успеваемости") == 2 and "стр. 2 из 2" in text and "Родитель (законный представитель)" in text
    book = load_workbook(io.BytesIO(school["deputy"].get(f"{path}.xlsx", params=params, expect=None).content))
    cells = [cell for row in book["Табель"].iter_rows(values_only=True) for cell in row if cell is not None]
    assert "Математика" in cells and 4 in cells


def test_the_progress_and_attendance_of_a_student(school, tmp_path):
    dynamics_of(school)
    path = f"/schools/{school['id']}/reports/student-progress"
    params = {"class_group_id": school["class_group_id"], "period_id": school["q1"], "student_id": school["petrova"]}
    report = reported(school["deputy"], path, params, lambda r: r["students"][0].get("missed", {}).get("total"))
    [petrova] = report["students"]
    [math] = petrova["subjects"]
    assert (math["subject_name"], math["marks"], math["average"], math["missed"]) == (
        "Математика", ["4"], "4.00", {"by_reason": [0, 1, 0, 0], "total": 1})
    text = pdf_text(school["deputy"].get(f"{path}.pdf", params=params, expect=None).content, tmp_path)
    assert "Отчёт об успеваемости и посещаемости ученика" in text and "Петрова Дарья" in text and "4,00" in text
    rows = list(load_workbook(io.BytesIO(school["deputy"].get(f"{path}.xlsx", params=params, expect=None).content))
                .active.iter_rows(values_only=True))
    assert rows[-2][:5] == ("Математика", "4", 4.0, None, 0) and str(rows[-1][4]).startswith("=SUM(")


def test_the_letters_to_guardians_and_their_refusals(school, tmp_path):
    dynamics_of(school)
    path = f"/schools/{school['id']}/reports/guardian-letters"
    params = {"class_group_id": school["class_group_id"], "period_id": school["q1"],
              "text": "Родительское собрание — 25 октября в 18:00."}
    letters = school["deputy"].post(path, params, expect=200)
    assert letters["text"] == params["text"] and len(letters["progress"]["students"]) == 2
    text = pdf_text(school["deputy"].request("POST", f"{path}.pdf", json=params).content, tmp_path)
    assert text.count("Информационное письмо родителям") == 2
    for expected in ("Уважаемые родители (законные представители) Иванов Пётр", "Родительское собрание",
                     "Пропущено уроков за период: 1 (Б — болел — 1).", "Классный руководитель"):
        assert expected in text
    too_long = school["deputy"].request("POST", path, json={**params, "text": "а" * 2001})
    assert too_long.status_code == 422 and "text" in too_long.json()["error"]["fields"]
    outsider = with_login(school["admin"].post(f"/schools/{school['id']}/people", {
        "kind": "staff", "last_name": "Сторонняя", "first_name": "Вера", "roles": ["subject_teacher"],
        "create_account": True}))
    api = Api(stack.password_token(outsider["person"]["username"], outsider["password"]))
    asked = {"class_group_id": school["class_group_id"], "period_id": school["q1"]}
    for report, extra in (("student-dynamics", {"student_id": school["ivanov"]}), ("report-cards", {})):
        resp = api.request("GET", f"/schools/{school['id']}/reports/{report}", params={**asked, **extra})
        assert resp.status_code == 403, report
    assert api.request("POST", f"{path}.pdf", json=asked).status_code == 403
