"""The school-wide period reports (issue 13 R2 items 12 and 1) through /api/v1 on a seeded school: the teacher marks
5А's mathematics in the first quarter of 2025/2026 (Иванов 5 and 5, Петрова 3; Петрова ill on 15.09) and in the
second (Иванов 4, Петрова 2); the deputy head reads the school's periods with their due dates, results and knowledge
quality, the school summary report and the progress summary as JSON, PDF (pdftotext) and XLSX (openpyxl); a form
teacher is refused."""
import io
import uuid

import pytest
from openpyxl import load_workbook

from services.tooling.api_client import Api
from tests.support import stack
from tests.support.pdf_text import pdf_text
from tests.support.reported import once_reported
from tests.support.school import seed_school

pytestmark = pytest.mark.stack


@pytest.fixture(scope="module")
def school(installation):
    seeded = seed_school(stack.env(), f"Школа № {uuid.uuid4().hex[:6]} (отчёты по школе)")
    sid, admin, group = seeded["school"]["id"], seeded["admin_api"], seeded["class_group"]
    teacher = Api(stack.password_token(seeded["teacher"]["person"]["username"], seeded["teacher"]["password"]))
    ivanov, petrova = (s["id"] for s in seeded["students"])
    for day, marks, attendance in (("2025-09-08", {ivanov: "5", petrova: "3"}, {}),
                                   ("2025-09-15", {ivanov: "5"}, {petrova: "ill"}),
                                   ("2025-11-10", {ivanov: "4", petrova: "2"}, {})):
        [lesson] = admin.get(f"/schools/{sid}/lessons", params={"class_group_id": group["id"], "from": day,
                                                                 "to": day})["lessons"]
        teacher.put(f"/schools/{sid}/lessons/{lesson['id']}/record", {
            "topic": f"Урок {day}", "reason": "Ввод журнала",
            "marks": [{"student_id": s, "value": v} for s, v in marks.items()],
            "attendance": [{"student_id": s, "status": v} for s, v in attendance.items()]})
    q1, q2 = (t["id"] for t in seeded["year"]["terms"][:2])
    return {"id": sid, "year": seeded["year"]["id"], "q1": q1, "q2": q2, "teacher": teacher,
            "deputy": Api(stack.password_token(seeded["deputy"]["person"]["username"], seeded["deputy"]["password"]))}


def reported(api: Api, school: dict, report: str, period_id: str, ready) -> dict:
    return once_reported(api, f"/schools/{school['id']}/reports/{report}",
                         {"academic_year_id": school["year"], "period_id": period_id}, ready,
                         "the marks did not reach the report")


def test_the_school_periods_with_their_due_dates(school):
    got = once_reported(school["deputy"], f"/schools/{school['id']}/reports/school-periods",
                        {"academic_year_id": school["year"]}, lambda got: got["periods"], "the year did not reach reporting")
    first = got["periods"][0]
    # the first quarter ends on Sunday 26.10.2025: due on Tuesday 28.10.2025, long past
    assert (first["id"], first["date_to"], first["due_date"], first["status"]) == (
        school["q1"], "2025-10-26", "2025-10-28", "late")
    assert got["periods"][-1]["id"] == "year" and got["academic_year_name"] == "2025/2026"


def test_knowledge_quality_of_the_first_quarter(school, tmp_path):
    got = reported(school["deputy"], school, "knowledge-quality", school["q1"],
                   lambda r: r["total"].get("students") == 2 and r["total"].get("quality") == "50.0")
    [five_a] = got["classes"]
    # Иванов 5 (отличник), Петрова 3 (с одной «3»): quality 1 of 2, everybody passes, (5 + 3) / 2
    assert (five_a["name"], five_a["excellent"], five_a["one_three"], five_a["quality"], five_a["pass_rate"],
            five_a["average"]) == ("5А", 1, 1, "50.0", "100.0", "4.00")
    assert got["grades"][0]["name"] == "5 классы" and got["total"]["pass_rate"] == "100.0"
    assert [(s["subject_name"], s["quality"], s["average"]) for s in got["subjects"]] == [("Математика", "50.0", "4.00")]
    params = {"academic_year_id": school["year"], "period_id": school["q1"]}
    path = f"/schools/{school['id']}/reports/knowledge-quality"
    printed = school["deputy"].get(f"{path}.pdf", params=params, expect=None)
    assert printed.status_code == 200 and printed.headers["Content-Type"].startswith("application/pdf")
    text = pdf_text(printed.content, tmp_path)
    assert "Итоги успеваемости и качество знаний" in text and "1 четверть" in text and "50,0" in text
    book = school["deputy"].get(f"{path}.xlsx", params=params, expect=None)
    rows = list(load_workbook(io.BytesIO(book.content))["По классам"].iter_rows(values_only=True))
    assert ("Итого по школе", 2, 2, 1, 0, 1, 0, 0, 0, 50.0, 100.0, 4.0) in rows


def test_the_school_summary_of_the_first_quarter(school, tmp_path):
    got = reported(school["deputy"], school, "school-summary", school["q1"],
                   lambda r: r["total"]["missed"].get("total") == 1 and r["total"]["results"].get("students") == 2)
    [five_a] = got["rows"]
    assert (five_a["name"], five_a["boys"], five_a["girls"], five_a["students"]) == ("5А", 1, 1, 2)
    assert five_a["missed"]["by_reason"] == [0, 1, 0, 0] and five_a["results"]["quality"] == "50.0"
    assert five_a["lessons_given"] >= 2 and five_a["lessons_planned"] >= five_a["lessons_given"]
    params = {"academic_year_id": school["year"], "period_id": school["q1"]}
    text = pdf_text(school["deputy"].get(f"/schools/{school['id']}/reports/school-summary.pdf", params=params,
                                         expect=None).content, tmp_path)
    assert "Отчёт о всей школе" in text and "Директор" in text


def test_the_progress_summary_compares_the_second_quarter_with_the_first(school):
    got = reported(school["deputy"], school, "progress-summary", school["q2"],
                   lambda r: r["total"]["now"].get("pass_rate") == "50.0")
    # Иванов 4 (хорошист), Петрова 2 (неуспевающая): quality 50.0 as before, pass rate 100.0 → 50.0
    assert got["previous_period_names"] == ["1 четверть"]
    total = got["total"]
    assert (total["previous_quality"], total["now"]["quality"], total["quality_change"], total["previous_pass_rate"],
            total["pass_rate_change"]) == ("50.0", "50.0", "0.0", "100.0", "-50.0")
    book = school["deputy"].get(f"/schools/{school['id']}/reports/progress-summary.xlsx", expect=None,
                                params={"academic_year_id": school["year"], "period_id": school["q2"]})
    rows = [r for r in load_workbook(io.BytesIO(book.content)).active.iter_rows(values_only=True) if r[0] == "5 классы"]
    assert rows[0][:4] == ("5 классы", 2, 50.0, 50.0) and str(rows[0][4]).startswith("=")


def test_the_form_teacher_reads_none_of_the_school_reports(school):
    resp = school["teacher"].request("GET", f"/schools/{school['id']}/reports/knowledge-quality",
                                     params={"academic_year_id": school["year"], "period_id": school["q1"]})
    assert resp.status_code == 403
