"""The summary attendance sheet (сводная ведомость посещаемости, issue 13 report 8) through /api/v1 on a seeded
school: a teacher records absences on two Mondays of September 2025, and the sheet of 5А for September counts them
per student, subject and reason, as JSON, as a PDF (pdftotext) and as an XLSX (openpyxl); a subject teacher of no
class of theirs is refused."""
import io
import time
import uuid

import pytest
from openpyxl import load_workbook

from services.tooling.api_client import Api, with_login
from tests.support import stack
from tests.support.pdf_text import pdf_text
from tests.support.school import seed_school

pytestmark = pytest.mark.stack

SEPTEMBER = {"from": "2025-09-01", "to": "2025-09-30"}


@pytest.fixture(scope="module")
def school(installation):
    seeded = seed_school(stack.env(), f"Школа № {uuid.uuid4().hex[:6]} (посещаемость)")
    sid, admin, group = seeded["school"]["id"], seeded["admin_api"], seeded["class_group"]
    teacher = Api(stack.password_token(seeded["teacher"]["person"]["username"], seeded["teacher"]["password"]))
    ivanov, petrova = (s["id"] for s in seeded["students"])
    for day, attendance in (("2025-09-08", {ivanov: "ill", petrova: "absent"}), ("2025-09-15", {ivanov: "unexcused"})):
        [lesson] = admin.get(f"/schools/{sid}/lessons", params={"class_group_id": group["id"], "from": day,
                                                                 "to": day})["lessons"]
        teacher.put(f"/schools/{sid}/lessons/{lesson['id']}/record", {
            "topic": f"Урок {day}", "reason": "Ввод журнала",
            "attendance": [{"student_id": student, "status": status} for student, status in attendance.items()]})
    return {"id": sid, "admin": admin, "class_group_id": group["id"], "ivanov": ivanov, "petrova": petrova,
            "deputy": Api(stack.password_token(seeded["deputy"]["person"]["username"], seeded["deputy"]["password"]))}


def sheet_of(api: Api, school: dict) -> dict:
    """The sheet once reporting has applied the journal's events (30 s at most)."""
    path = f"/schools/{school['id']}/reports/attendance"
    deadline = time.monotonic() + 30
    while (sheet := api.get(path, params={"class_group_id": school["class_group_id"], **SEPTEMBER}))["missed"][
            "total"] < 3:
        assert time.monotonic() < deadline, f"the absences did not reach the sheet: {sheet}"
        time.sleep(0.5)
    return sheet


def test_the_sheet_counts_the_absences_per_student_subject_and_reason(school, tmp_path):
    sheet = sheet_of(school["deputy"], school)
    assert [r["code"] for r in sheet["reasons"]] == ["absent", "ill", "excused", "unexcused"]
    students = {s["student_id"]: s for s in sheet["students"]}
    assert students[school["ivanov"]]["missed"] == {"by_reason": [0, 1, 0, 1], "total": 2}
    assert students[school["petrova"]]["missed"] == {"by_reason": [1, 0, 0, 0], "total": 1}
    assert [(s["subject_name"], s["missed"]["total"]) for s in students[school["ivanov"]]["subjects"]] == [
        ("Математика", 2)]
    assert sheet["missed"] == {"by_reason": [1, 1, 0, 1], "total": 3}

    path, params = f"/schools/{school['id']}/reports/attendance", {"class_group_id": school["class_group_id"],
                                                                    **SEPTEMBER}
    printed = school["deputy"].get(f"{path}.pdf", params=params, expect=None)
    assert printed.status_code == 200 and printed.headers["Content-Type"].startswith("application/pdf")
    text = pdf_text(printed.content, tmp_path)
    assert "посещаемости" in text.lower() and "Иванов Пётр" in text and "Петрова Дарья" in text
    book = school["deputy"].get(f"{path}.xlsx", params=params, expect=None)
    assert book.status_code == 200
    cells = [cell for row in load_workbook(io.BytesIO(book.content)).active.iter_rows(values_only=True)
             for cell in row if cell is not None]
    assert "Иванов Пётр Сергеевич" in cells and 3 in cells  # the class's total, a number


def test_the_sheet_is_refused_to_a_teacher_of_another_class(school):
    outsider = school["admin"].post(f"/schools/{school['id']}/people", {
        "kind": "staff", "last_name": "Сторонняя", "first_name": "Вера", "roles": ["subject_teacher"],
        "create_account": True})
    login = with_login(outsider)
    api = Api(stack.password_token(login["person"]["username"], login["password"]))
    resp = api.request("GET", f"/schools/{school['id']}/reports/attendance",
                       params={"class_group_id": school["class_group_id"], **SEPTEMBER})
    assert resp.status_code == 403
