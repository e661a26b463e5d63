"""Form ОШ-1 (federal statistics) through /api/v1 on a seeded school: 5А of 2025/2026 with a boy and a girl born in
2014 counts as one 5th class of two students, one a girl, both «12 лет (родились в 2014 г.)» on 1 January 2027; no
previous year, so the movement sections are noted blank; the PDF (pdftotext) and XLSX (openpyxl) carry the same
numbers; the municipality's form sums every school (the operator only: the deputy head is refused)."""
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

ON_DATE = "2026-01-13"  # both seeded students are in 5А on the day


@pytest.fixture(scope="module")
def school(installation):
    seeded = seed_school(stack.env(), f"Школа № {uuid.uuid4().hex[:6]} (ОШ-1)")
    return {"id": seeded["school"]["id"], "name": seeded["school"]["name"], "year": seeded["year"]["id"],
            "deputy": Api(stack.password_token(seeded["deputy"]["person"]["username"], seeded["deputy"]["password"])),
            "operator": Api(stack.operator_token())}


def rows(form: dict) -> dict:
    """(section, row number) -> the row."""
    return {(s["code"], line["number"]): line for s in form["sections"] for line in s["lines"]}


def form_of(school: dict) -> dict:
    """The school's form once reporting has applied the students' events."""
    return once_reported(school["deputy"], f"/schools/{school['id']}/reports/form-osh1",
                         {"academic_year_id": school["year"], "on_date": ON_DATE},
                         lambda form: rows(form)["1", "02"].get("total", 0) >= 2, "the students did not reach the form")


def test_the_schools_form_counts_its_class_its_students_and_their_ages(school, tmp_path):
    form = form_of(school)
    assert form["name"] == school["name"] and form["academic_year_name"] == "2025/2026"
    assert form["age_reference"] == "2027-01-01"
    table = rows(form)
    assert table["1", "01"]["total"] == 1 and table["1", "01"]["by_grade"][4] == 1
    assert table["1", "02"]["by_grade"][4] == 2 and table["1", "03"]["total"] == 1
    twelve = next(line for line in form["sections"][1]["lines"] if line["name"].startswith("12 лет"))
    assert twelve["name"] == "12 лет (родились в 2014 г.)" and twelve["total"] == 2 and twelve["by_grade"][4] == 2
    assert "Предыдущий учебный год не известен" in form["sections"][2]["note"]
    assert table["5", "05"].get("blank") is True

    path, params = f"/schools/{school['id']}/reports/form-osh1", {"academic_year_id": school["year"],
                                                                  "on_date": ON_DATE}
    printed = school["deputy"].get(f"{path}.pdf", params=params, expect=None)
    assert printed.status_code == 200 and printed.headers["Content-Type"].startswith("application/pdf")
    text = pdf_text(printed.content, tmp_path)
    for expected in ("Форма ОШ-1", school["name"], "Контингент на 13.01.2026", "Сформирован:", "Директор",
                     "Раздел 2. Распределение обучающихся по возрасту и классам"):
        assert expected in text, expected
    students = next(line for line in text.splitlines() if "В них обучающихся" in line)
    assert students.split()[-13:] == ["02", "2", "0", "0", "0", "0", "2", "0", "0", "0", "0", "0", "0"]
    book = school["deputy"].get(f"{path}.xlsx", params=params, expect=None)
    assert book.status_code == 200
    sheet = load_workbook(io.BytesIO(book.content))["Раздел 1"]
    row = next(r for r in sheet.iter_rows(values_only=True) if r[0] == "В них обучающихся, чел")
    assert row[3:] == (0, 0, 0, 0, 2, 0, 0, 0, 0, 0, 0) and str(row[2]).startswith("=SUM(")


def test_the_municipality_sums_every_school_for_the_operator_only(school):
    form_of(school)
    form = school["operator"].get("/authority/reports/form-osh1", params={"on_date": ON_DATE})
    assert form["schools"] >= 1 and rows(form)["1", "02"]["total"] >= 2
    assert rows(form)["1", "02"]["by_grade"][4] >= 2
    printed = school["operator"].get("/authority/reports/form-osh1.xlsx", params={"on_date": ON_DATE}, expect=None)
    assert printed.status_code == 200 and load_workbook(io.BytesIO(printed.content)).sheetnames[0] == "Раздел 1"
    refused = school["deputy"].get("/authority/reports/form-osh1", params={"on_date": ON_DATE}, expect=None)
    assert refused.status_code == 403


def test_a_bad_date_and_an_unknown_year_are_refused(school):
    path = f"/schools/{school['id']}/reports/form-osh1"
    bad = school["deputy"].get(path, params={"academic_year_id": school["year"], "on_date": "13.01.2026"},
                               expect=None)
    assert bad.status_code in (400, 422) and "on_date" in bad.json()["error"]["fields"]
    unknown = school["deputy"].get(path, params={"academic_year_id": str(uuid.uuid4()), "on_date": ON_DATE},
                                   expect=None)
    assert unknown.status_code == 404
