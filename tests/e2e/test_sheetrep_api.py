"""sheetrep's reports through /api/v1 on a seeded school (2025/2026 over, 5А's mathematics every Monday): the summary
mark sheet with the journal's weighted average (a test weighs 2 by default) for the whole year and for the first
quarter (its period from ListReportPeriods), as JSON, PDF (pdftotext) and XLSX (openpyxl); the school's curriculum
fulfilment with 4 hours a week of mathematics (35 study weeks: 140 hours), the year's Monday lessons planned and the
two the teacher recorded given, the lag highlighted; refusals (a subject teacher; a teacher for the school's
curriculum)."""
import io
import uuid
from decimal import ROUND_HALF_UP, Decimal

import pytest
from openpyxl import load_workbook

from services.tooling.api_client import Api, with_login
from tests.support import stack
from tests.support.pdf_text import pdf_text
from tests.support.reported import once_reported
from tests.support.school import CALENDAR, seed_school

pytestmark = pytest.mark.stack


@pytest.fixture(scope="module")
def school(installation):
    """Иванов: a 5 for classwork on 08.09.2025 and a 3 for a test on 15.09.2025 ((5·1 + 3·2) / 3 = 3.67; the plain
    mean would be 4.00); Петрова a 4 on 08.09; 4 hours a week of mathematics in 5А."""
    seeded = seed_school(stack.env(), f"Школа № {uuid.uuid4().hex[:6]} (ведомость)")
    sid, admin, group = seeded["school"]["id"], seeded["admin_api"], seeded["class_group"]
    teacher = Api(stack.password_token(seeded["teacher"]["person"]["username"], seeded["teacher"]["password"]))
    ivanov, petrova = (s["id"] for s in seeded["students"])
    for day, marks in (("2025-09-08", [(ivanov, "5", "classwork"), (petrova, "4", "classwork")]),
                       ("2025-09-15", [(ivanov, "3", "test")])):
        [lesson] = admin.get(f"/schools/{sid}/lessons", params={"class_group_id": group["id"], "from": day,
                                                                 "to": day})["lessons"]
        teacher.put(f"/schools/{sid}/lessons/{lesson['id']}/record", {
            "topic": f"Урок {day}", "reason": "Ввод журнала",
            "marks": [{"student_id": s, "value": v, "work_type": w} for s, v, w in marks]})
    admin.put(f"/schools/{sid}/class-groups/{group['id']}/curriculum/{seeded['subject']['id']}",
              {"hours_per_week": "4"})
    lessons = admin.get(f"/schools/{sid}/lessons", params={
        "class_group_id": group["id"], "from": CALENDAR.year["start_date"], "to": CALENDAR.year["end_date"]})["lessons"]
    return {"id": sid, "admin": admin, "class_group_id": group["id"], "year_id": seeded["year"]["id"],
            "ivanov": ivanov, "petrova": petrova, "planned": len(lessons), "teacher": teacher,
            "deputy": Api(stack.password_token(seeded["deputy"]["person"]["username"], seeded["deputy"]["password"]))}


def sheet_path(school: dict) -> str:
    return f"/schools/{school['id']}/class-groups/{school['class_group_id']}/summary-sheet"


def average_of(sheet: dict, student_id: str) -> str:
    row = next(r for r in sheet["rows"] if r["student_id"] == student_id)
    return row["cells"][0].get("average", "") if row.get("cells") else ""


def test_the_summary_sheet_weighs_marks_for_the_year_and_for_a_quarter(school, tmp_path):
    api = school["deputy"]
    whole = once_reported(api, sheet_path(school), {}, lambda s: average_of(s, school["ivanov"]) == "3.67",
                          "the weighted marks did not reach reporting")
    assert average_of(whole, school["petrova"]) == "4.00"
    periods = api.get(f"/schools/{school['id']}/reports/periods",
                      params={"class_group_id": school["class_group_id"]})["periods"]
    first, second = periods[0]["id"], periods[1]["id"]
    assert periods[-1]["id"] == "year"
    quarter = api.get(sheet_path(school), params={"period_id": first})
    assert (quarter["period_id"], quarter["period_name"]) == (first, "1 четверть")
    assert [p["id"] for p in quarter["periods"]] == [first] and average_of(quarter, school["ivanov"]) == "3.67"
    assert average_of(api.get(sheet_path(school), params={"period_id": second}), school["ivanov"]) == ""
    assert not whole.get("decisions_shown"), "no year-end orders yet: no council column"

    printed = api.get(f"{sheet_path(school)}.pdf", params={"period_id": first}, expect=None)
    assert printed.status_code == 200 and printed.headers["Content-Type"].startswith("application/pdf")
    text = pdf_text(printed.content, tmp_path)
    assert "Сводная ведомость учёта успеваемости" in text and "1 четверть" in text and "ср. 3,67" in text
    book = api.get(f"{sheet_path(school)}.xlsx", params={"period_id": "year"}, expect=None)
    assert book.status_code == 200
    rows = list(load_workbook(io.BytesIO(book.content)).active.iter_rows(values_only=True))
    ivanov = next(r for r in rows if r[0] and str(r[0]).startswith("Иванов Пётр"))
    assert ivanov[1:3] == ("5 3", 3.67)

    missing = api.request("GET", sheet_path(school), params={"period_id": str(uuid.uuid4())})
    assert missing.status_code == 404 and "period_id" in missing.json()["error"]["fields"]


def test_curriculum_fulfilment_of_the_school(school, tmp_path):
    api, path = school["deputy"], f"/schools/{school['id']}/reports/curriculum"
    params = {"academic_year_id": school["year_id"]}

    def maths(report: dict) -> dict:
        return next((r for r in report.get("rows", []) if r.get("subject_name") == "Математика"), {})
    report = once_reported(api, path, params,
                           lambda r: maths(r).get("hours_per_week") == "4" and maths(r).get("lessons_given") == 2,
                           "the curriculum hours and the topics did not reach reporting")
    row, planned = maths(report), school["planned"]
    # the year is over: every lesson is due by now; weeks: 8 + 8 + 10 + 9 of the four quarters
    assert (row["class_group_name"], row["study_weeks"], row["hours_per_year"]) == ("5А", 35, "140")
    assert (row["lessons_planned"], row["lessons_to_date"], row["lessons_given"], row["lag"]) == (
        planned, planned, 2, planned - 2)
    assert row["fulfilment"] == str((Decimal(200) / planned).quantize(Decimal("0.1"), ROUND_HALF_UP))
    assert report["total"]["lag"] == planned - 2

    printed = api.get(f"{path}.pdf", params=params, expect=None)
    assert printed.status_code == 200
    text = pdf_text(printed.content, tmp_path)
    assert "Выполнение учебного плана" in text and "Математика" in text and "140" in text
    book = api.get(f"{path}.xlsx", params=params, expect=None)
    table = load_workbook(io.BytesIO(book.content)).active
    line = next(r for r in table.iter_rows() if r[1].value == "Математика")
    assert [c.value for c in line[2:8]] == [4, 35, 140, planned, planned, 2]
    assert line[8].value == f"=G{line[0].row}-H{line[0].row}" and line[8].font.b


def test_the_reports_are_refused_where_they_are_not_the_callers(school):
    outsider = with_login(school["admin"].post(f"/schools/{school['id']}/people", {
        "kind": "staff", "last_name": "Сторонняя", "first_name": "Вера", "roles": ["subject_teacher"],
        "create_account": True}))
    api = Api(stack.password_token(outsider["person"]["username"], outsider["password"]))
    assert api.request("GET", f"{sheet_path(school)}.xlsx").status_code == 403
    assert api.request("GET", f"/schools/{school['id']}/reports/curriculum",
                       params={"academic_year_id": school["year_id"]}).status_code == 403
    # a teacher with the form teacher's role reads no school's curriculum
    assert school["teacher"].request("GET", f"/schools/{school['id']}/reports/curriculum.pdf",
                                     params={"academic_year_id": school["year_id"]}).status_code == 403
