"""The weekly user-activity report (seed 003 §8) end to end: the teacher signs in through the gateway's real login
page in Chromium (the OIDC callback records the sign-in with identity, which publishes PersonSignedIn) and saves a
lesson with two marks through /api/v1; the director's report of this week lists the teacher by name with a sign-in,
the topic and the two marks, the director (who did nothing but read) among those who did not sign in, as JSON, as a
PDF (pdftotext) and as an XLSX (openpyxl); a subject teacher is refused."""
import datetime as dt
import io
import uuid

import pytest
from openpyxl import load_workbook

from services.common.dates import SCHOOL_ZONE
from services.tooling.api_client import Api, with_login
from tests.e2e.test_journal_pages_in_browser import signed_in
from tests.e2e.test_pages_in_browser import new_page  # noqa: F401 (fixture)
from tests.support import stack
from tests.support.pdf_text import pdf_text
from tests.support.reported import once_reported
from tests.support.school import seed_school

pytestmark = pytest.mark.stack
TEACHER = "Кузнецов Андрей Павлович"  # tests/support/school.py
DIRECTOR = "Директорова Нина Львовна"


@pytest.fixture(scope="module")
def school(installation):
    seeded = seed_school(stack.env(), f"Школа № {uuid.uuid4().hex[:6]} (активность)")
    sid, admin = seeded["school"]["id"], seeded["admin_api"]
    director = with_login(admin.post(f"/schools/{sid}/people", {
        "kind": "staff", "last_name": "Директорова", "first_name": "Нина", "middle_name": "Львовна",
        "roles": ["director"], "create_account": True}))
    return {"id": sid, "seeded": seeded, "teacher": seeded["teacher"],
            "director": Api(stack.password_token(director["person"]["username"], director["password"]))}


def test_the_directors_report_lists_the_teachers_sign_in_and_marks(school, new_page, tmp_path):  # noqa: F811
    teacher, seeded, sid = school["teacher"], school["seeded"], school["id"]
    signed_in(new_page(), (teacher["person"]["username"], teacher["password"]))  # the gateway's login page
    api = Api(stack.password_token(teacher["person"]["username"], teacher["password"]))
    first, second = (s["id"] for s in seeded["students"])
    api.put(f"/schools/{sid}/lessons/{seeded['lesson']['id']}/record", {
        "topic": "Делимость натуральных чисел", "reason": "Ввод журнала",
        "marks": [{"student_id": first, "value": "5", "work_type": "classwork"},
                  {"student_id": second, "value": "4", "work_type": "classwork"}]})
    today = dt.datetime.now(SCHOOL_ZONE).date().isoformat()  # the week the sign-in and the marks were made in
    path, params = f"/schools/{sid}/reports/user-activity", {"week_of": today}

    def counts_of(report: dict) -> dict:
        return {row["name"]: row for row in report["rows"]}.get(TEACHER, {}).get("counts", {})

    report = once_reported(school["director"], path, params, lambda got: (
        counts_of(got).get("sign_ins", 0) >= 1 and counts_of(got).get("marks", 0) >= 2
        and counts_of(got).get("topics", 0) >= 1), "the sign-in and the marks did not reach the report")
    rows, counts = {row["name"]: row for row in report["rows"]}, counts_of(report)
    assert report["week_from"] <= today <= report["week_to"]
    assert counts["days_signed_in"] == 1 and counts["marks"] == 2 and counts["topics"] == 1
    assert rows[TEACHER]["roles"] == "учитель-предметник, классный руководитель"
    assert DIRECTOR in [row["name"] for row in report["idle"]], "reading a report is no activity"
    assert report["total"]["marks"] >= 2 and report["total"]["sign_ins"] >= 1

    printed = school["director"].get(f"{path}.pdf", params=params, expect=None)
    assert printed.status_code == 200 and printed.headers["Content-Type"].startswith("application/pdf")
    text = " ".join(pdf_text(printed.content, tmp_path).split())
    assert "Отчёт по активности пользователей" in text and TEACHER in text and "Не входили в систему" in text
    book = school["director"].get(f"{path}.xlsx", params=params, expect=None)
    assert book.status_code == 200
    table = [row for row in load_workbook(io.BytesIO(book.content))["Активность"].iter_rows(values_only=True)]
    [teacher_row] = [row for row in table if row[0] == TEACHER]
    assert teacher_row[2:6] == (1, counts["sign_ins"], 1, 2)  # numbers as numbers


def test_a_subject_teacher_is_refused(school):
    teacher = school["teacher"]
    api = Api(stack.password_token(teacher["person"]["username"], teacher["password"]))
    assert api.request("GET", f"/schools/{school['id']}/reports/user-activity").status_code == 403
