"""The teachers' period reports (issue 13, R2 items 4, 5, 7) through /api/v1 on a seeded school with known marks: the
teacher records three Mondays of September 2025 in 5А's mathematics (marks 5 and 4 for Иванов, 3 and 2 for Петрова,
Иванов ill on the third); for the first term the subject teacher's own report, the form teacher's report and the
class's results count Иванов's estimated 5 (4.50) and Петрова's 3 (2.50), quality 50.0 and pass rate 100.0, as JSON,
PDF (pdftotext) and XLSX (openpyxl); a teacher of another class is refused."""
import io
import uuid

import pytest
from openpyxl import load_workbook

from services.tooling.api_client import Api, with_login
from tests.support import stack
from tests.support.pdf_text import pdf_text
from tests.support.reported import once_reported
from tests.support.school import CALENDAR, seed_school

pytestmark = pytest.mark.stack

MONDAYS = {"2025-09-08": {0: "5", 1: "3"}, "2025-09-15": {0: "4", 1: "2"}, "2025-09-22": {}}


def seed_with_marks(short_name: str) -> tuple[dict, Api]:
    """A seeded school whose teacher recorded MONDAYS in 5А (Иванов ill on the one without marks); the school and
    the teacher's API."""
    seeded = seed_school(stack.env(), f"Школа № {uuid.uuid4().hex[:6]} ({short_name})")
    sid, admin, group = seeded["school"]["id"], seeded["admin_api"], seeded["class_group"]
    teacher = Api(stack.password_token(seeded["teacher"]["person"]["username"], seeded["teacher"]["password"]))
    students = [s["id"] for s in seeded["students"]]
    for day, marks in MONDAYS.items():
        [lesson] = admin.get(f"/schools/{sid}/lessons", params={"class_group_id": group["id"], "from": day,
                                                                 "to": day})["lessons"]
        teacher.put(f"/schools/{sid}/lessons/{lesson['id']}/record", {
            "topic": f"Урок {day}", "reason": "Ввод журнала",
            "marks": [{"student_id": students[i], "value": v, "work_type": "classwork"} for i, v in marks.items()],
            "attendance": [] if marks else [{"student_id": students[0], "status": "ill"}]})
    return seeded, teacher


@pytest.fixture(scope="module")
def school(installation):
    seeded, teacher = seed_with_marks("отчёты учителей")
    sid, admin, group = seeded["school"]["id"], seeded["admin_api"], seeded["class_group"]
    students = [s["id"] for s in seeded["students"]]
    periods = once_reported(admin, f"/schools/{sid}/reports/periods", {"class_group_id": group["id"]},
                            lambda got: got["periods"], "the class did not reach reporting")["periods"]
    return {"id": sid, "admin": admin, "class_group_id": group["id"], "ivanov": students[0], "petrova": students[1],
            "teacher_id": seeded["teacher"]["person"]["id"], "teacher": teacher,
            "q1": next(p["id"] for p in periods if p["name"] == CALENDAR.terms[0][0]),
            "deputy": Api(stack.password_token(seeded["deputy"]["person"]["username"], seeded["deputy"]["password"]))}


def reported(api: Api, path: str, params: dict, ready) -> dict:
    return once_reported(api, path, params, ready, "the journal's marks did not reach the report")


def class_params(school: dict) -> dict:
    return {"class_group_id": school["class_group_id"], "period_id": school["q1"]}


def test_the_class_results_and_the_form_teachers_report_of_the_first_term(school, tmp_path):
    path = f"/schools/{school['id']}/reports/class-results"
    results = reported(school["deputy"], path, class_params(school),
                       lambda r: r["rates"]["with_result"] == 2 and r["subjects"]
                       and r["subjects"][0]["lessons"]["given"] == 3)
    students = {s["student_id"]: s for s in results["students"]}
    # Иванов (5 + 4) / 2 = 4.50 → 5, Петрова (3 + 2) / 2 = 2.50 → 3: no term mark yet, both estimated
    assert [(r["result"], r["average"], r["estimated"]) for r in students[school["ivanov"]]["results"]] == [
        ("5", "4.50", True)]
    assert [(r["result"], r["average"]) for r in students[school["petrova"]]["results"]] == [("3", "2.50")]
    assert (students[school["ivanov"]]["category_name"], students[school["petrova"]]["category_name"]) == (
        "Отличники", "С одной «3»")
    assert (results["rates"]["quality"], results["rates"]["pass_rate"]) == ("50.0", "100.0")
    [math] = results["subjects"]
    assert (math["subject_name"], math["average"], math["quality"], math["pass_rate"]) == (
        "Математика", "4.00", "50.0", "100.0")
    assert {d["value"]: d["count"] for d in math["distribution"]}["5"] == 1
    assert math["lessons"]["lag"] == math["lessons"]["to_date"] - 3
    assert results["legend"].startswith("* — по текущим отметкам")

    printed = school["deputy"].get(f"{path}.pdf", params=class_params(school), expect=None)
    assert printed.status_code == 200 and printed.headers["Content-Type"].startswith("application/pdf")
    text = pdf_text(printed.content, tmp_path)
    # the grid prints the results (estimated: «*») and each student's average of them
    for expected in ("Итоги успеваемости класса", "класс 5А", "5*", "3*", "5,00", "3,00", "Качество знаний, %", "50,0"):
        assert expected in text, expected
    book = load_workbook(io.BytesIO(school["deputy"].get(f"{path}.xlsx", params=class_params(school),
                                                         expect=None).content))
    grid = list(book["Итоги класса"].iter_rows(values_only=True))
    assert ("Иванов Пётр Сергеевич", 5, 5, "Отличники") in grid  # his average: of his results
    assert any(row[0] == "Средний балл по предмету" and str(row[1]).startswith("=IFERROR(ROUND(AVERAGE(")
               for row in grid)

    report = school["deputy"].get(f"/schools/{school['id']}/reports/form-teacher", params=class_params(school))
    assert [(s["subject_name"], s["average"]) for s in report["subjects"]] == [("Математика", "4.00")]
    missed = {s["student_id"]: s["missed"] for s in report["attendance"]["students"]}
    assert missed[school["ivanov"]] == {"by_reason": [0, 1, 0, 0], "total": 1}
    assert report["attendance"]["missed"]["total"] == 1
    lists = {x["title"]: [s["student_id"] for s in x["students"]] for x in report["lists"]}
    assert (lists["Отличники"], lists["Имеют одну «3»"], lists["Имеют «2»"]) == (
        [school["ivanov"]], [school["petrova"]], [])
    printed = school["deputy"].get(f"/schools/{school['id']}/reports/form-teacher.pdf", params=class_params(school),
                                   expect=None)
    text = pdf_text(printed.content, tmp_path)
    assert "Отчёт классного руководителя за период" in text and "Классный руководитель" in text
    sheets = load_workbook(io.BytesIO(school["deputy"].get(f"/schools/{school['id']}/reports/form-teacher.xlsx",
                                                           params=class_params(school), expect=None).content))
    assert list(sheets["Посещаемость"].iter_rows(values_only=True))[-1][0] == "Итого по классу"


def test_the_subject_teachers_own_report(school, tmp_path):
    path, params = f"/schools/{school['id']}/reports/subject-teacher", {"period_id": school["q1"]}
    report = reported(school["teacher"], path, params, lambda r: r["rows"] and r["rows"][0]["subject"]["with_result"])
    assert report["teacher_id"] == school["teacher_id"]
    [row] = report["rows"]
    assert (row["class_group_name"], row["subject"]["subject_name"], row["subject"]["average"],
            row["subject"]["quality"], row["subject"]["lessons"]["given"]) == ("5А", "Математика", "4.00", "50.0", 3)
    assert [(t["subject_name"], t["with_result"]) for t in report["totals"]] == [("Математика", 2)]
    assert [p["id"] for p in report["periods"]][-1] == "year"
    managers = school["deputy"].get(path, params={**params, "teacher_id": school["teacher_id"]})
    assert managers["rows"] == report["rows"]
    text = pdf_text(school["teacher"].get(f"{path}.pdf", params=params, expect=None).content, tmp_path)
    assert "Отчёт учителя-предметника" in text and "5А" in text and "4,00" in text
    rows = list(load_workbook(io.BytesIO(school["teacher"].get(f"{path}.xlsx", params=params, expect=None).content))[
        "По классам"].iter_rows(values_only=True))
    assert rows[-1][:2] == ("Математика", "5А") and str(rows[-1][-1]).startswith("=MAX(0,")


def test_the_reports_are_refused_to_a_teacher_of_another_class(school):
    outsider = with_login(school["admin"].post(f"/schools/{school['id']}/people", {
        "kind": "staff", "last_name": "Сторонняя", "first_name": "Вера", "roles": ["subject_teacher"],
        "create_account": True}))
    api = Api(stack.password_token(outsider["person"]["username"], outsider["password"]))
    base = f"/schools/{school['id']}/reports"
    assert api.request("GET", f"{base}/subject-teacher", params={
        "teacher_id": school["teacher_id"], "period_id": school["q1"]}).status_code == 403
    for report in ("class-results", "form-teacher"):
        assert api.request("GET", f"{base}/{report}", params=class_params(school)).status_code == 403
    assert api.get(f"{base}/subject-teacher", params={"period_id": "year"})["rows"] == [], "their own: no lessons"
    resp = school["deputy"].request("GET", f"{base}/class-results", params={
        "class_group_id": school["class_group_id"], "period_id": str(uuid.uuid4())})
    assert resp.status_code == 404 and "period_id" in resp.json()["error"]["fields"]
