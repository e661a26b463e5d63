"""The school-wide reports through /api/v1 on a seeded school (issue 13): class fill on a date and student movement
for a period, fed by identity's events through Kafka. 2025/2026 with 5А (Иванов Пётр, Петрова Дарья) and 5Б
(Соколова Мария): Иванов transferred to 5Б on 14.01.2026 (order 1-о); Новикова Анна, registered as a boy by mistake
and corrected to a girl, enrolled in 5А on 02.02.2026 (2-о); Петрова's transfer to 5Б on 02.03.2026 (3-о) cancelled
(4-о); Соколова left on 01.04.2026 (5-о). Asserted: the counts by gender on three dates, the movement counts per kind
and class without the cancelled order, the same numbers in the PDF (pdftotext) and the XLSX (openpyxl), and who may
read them."""
import io
import time
import uuid

import pytest
from openpyxl import load_workbook

from services.tooling.api_client import Api
from tests.support import stack
from tests.support.pdf_text import pdf_text
from tests.support.school import seed_school

pytestmark = pytest.mark.stack

PERIOD = {"from": "2026-01-01", "to": "2026-04-30"}


def fill_rows(report: dict) -> list[tuple]:
    return [(r.get("class_group_name", ""), r.get("boys", 0), r.get("girls", 0), r.get("total", 0))
            for r in (*report.get("rows", []), report["total"])]


def reported(read, expected, what: str):
    """What `read()` returns once reporting has applied the events (30 s at most)."""
    deadline = time.monotonic() + 30
    while (got := read()) != expected:
        assert time.monotonic() < deadline, f"{what}: {got}"
        time.sleep(0.5)
    return got


@pytest.fixture(scope="module")
def school(installation):
    seeded = seed_school(stack.env(), f"Школа № {uuid.uuid4().hex[:6]} (отчёты)")
    sid, admin, year = seeded["school"]["id"], seeded["admin_api"], seeded["year"]
    a5 = seeded["class_group"]
    ivanov, petrova = seeded["students"]
    b5 = admin.post(f"/schools/{sid}/class-groups", {"academic_year_id": year["id"], "grade": 5, "name": "5Б"})

    def person(last: str, first: str, gender: str, class_group_id: str = "") -> dict:
        return admin.post(f"/schools/{sid}/people", {
            "kind": "student", "last_name": last, "first_name": first, "middle_name": "Игоревна", "gender": gender,
            "birth_date": "2014-07-07", **({"class_group_id": class_group_id} if class_group_id else {})})["person"]

    sokolova = person("Соколова", "Мария", "female", b5["id"])
    novikova = person("Новикова", "Анна", "male")  # a typo the secretary corrects
    admin.post(f"/schools/{sid}/people/{novikova['id']}/corrections", {"reason": "опечатка", "gender": "female"},
               expect=200)
    orders = f"/schools/{sid}/orders"

    def order(kind: str, number: str, day: str, lines: list[dict], **more) -> dict:
        return admin.post(orders, {"kind": kind, "number": number, "order_date": day, "effective_date": day,
                                   "reason": "Заявление родителей", "lines": lines, **more})

    order("transfer", "1-о", "2026-01-14", [{"student_id": ivanov["id"], "to_class_group_id": b5["id"]}])
    order("enrolment", "2-о", "2026-02-02", [{"student_id": novikova["id"], "to_class_group_id": a5["id"]}])
    cancelled = order("transfer", "3-о", "2026-03-02", [{"student_id": petrova["id"], "to_class_group_id": b5["id"]}])
    order("cancellation", "4-о", "2026-03-02", [], cancels_order_id=cancelled["id"])
    order("leaving", "5-о", "2026-04-01", [{"student_id": sokolova["id"], "destination": "МБОУ СОШ № 2"}])
    deputy = Api(stack.password_token(seeded["deputy"]["person"]["username"], seeded["deputy"]["password"]))
    teacher = Api(stack.password_token(seeded["teacher"]["person"]["username"], seeded["teacher"]["password"]))
    return {"id": sid, "name": seeded["school"]["name"], "admin": admin, "deputy": deputy, "teacher": teacher}


def test_class_fill_counts_each_class_by_gender_on_the_date(school, tmp_path):
    sid, admin = school["id"], school["admin"]

    def fill(day: str) -> list[tuple]:
        return fill_rows(admin.get(f"/schools/{sid}/reports/class-fill", params={"on_date": day}))

    # the last event told (Соколова's leaving) is in once the April numbers are
    reported(lambda: fill("2026-04-01"), [("5А", 0, 2, 2), ("5Б", 1, 0, 1), ("Итого по школе", 1, 2, 3)],
             "Петрова and Новикова (corrected to a girl) in 5А, Иванов in 5Б, Соколова gone")
    assert fill("2026-01-13") == [("5А", 1, 1, 2), ("5Б", 0, 1, 1), ("Итого по школе", 1, 2, 3)]
    assert fill("2026-01-14") == [("5А", 0, 1, 1), ("5Б", 1, 1, 2), ("Итого по школе", 1, 2, 3)]
    assert fill("2026-03-31") == [("5А", 0, 2, 2), ("5Б", 1, 1, 2), ("Итого по школе", 1, 3, 4)]
    report = admin.get(f"/schools/{sid}/reports/class-fill", params={"on_date": "2026-03-31"})
    assert report["school_name"] == school["name"] and report["academic_year_name"] == "2025/2026"

    pdf = admin.get(f"/schools/{sid}/reports/class-fill.pdf", params={"on_date": "2026-03-31"}, expect=None)
    assert pdf.status_code == 200 and pdf.headers["Content-Type"].startswith("application/pdf")
    text = pdf_text(pdf.content, tmp_path)
    for expected in (school["name"], "Наполняемость классов", "на 31.03.2026", "Сформирован:", "стр. 1 из 1",
                     "Директор"):
        assert expected in text, expected
    assert [line.split() for line in text.splitlines() if line.split()[:1] == ["5Б"]] == [["5Б", "1", "1", "2"]]
    xlsx = admin.get(f"/schools/{sid}/reports/class-fill.xlsx", params={"on_date": "2026-03-31"}, expect=None)
    assert xlsx.status_code == 200
    sheet = load_workbook(io.BytesIO(xlsx.content)).active
    assert list(sheet.iter_rows(values_only=True))[-3:] == [
        ("5А", 0, 2, 2), ("5Б", 1, 1, 2), ("Итого по школе", 1, 3, 4)]


def test_student_movement_for_the_period_leaves_the_cancelled_order_out(school, tmp_path):
    sid, admin = school["id"], school["admin"]

    def kinds() -> list[tuple]:
        report = admin.get(f"/schools/{sid}/reports/movement", params=PERIOD)
        return [(k["kind"], [(c.get("class_group_name", ""), c["count"]) for c in k["classes"]], k["total"])
                for k in report.get("kinds", [])]

    reported(kinds, [("enrolment", [("5А", 1)], 1), ("transfer", [("5Б", 1)], 1), ("leaving", [("5Б", 1)], 1)],
             "the cancelled transfer 3-о and its cancellation 4-о left out")
    report = admin.get(f"/schools/{sid}/reports/movement", params=PERIOD)
    assert [(e["order_number"], e["effective_date"], e["student_name"].split()[0]) for e in report["entries"]] == [
        ("1-о", "2026-01-14", "Иванов"), ("2-о", "2026-02-02", "Новикова"), ("5-о", "2026-04-01", "Соколова")]
    assert [k["kind"] for k in admin.get(f"/schools/{sid}/reports/movement", params={
        "from": "2026-03-01", "to": "2026-03-31"}).get("kinds", [])] == []

    pdf = admin.get(f"/schools/{sid}/reports/movement.pdf", params=PERIOD, expect=None)
    assert pdf.status_code == 200
    text = pdf_text(pdf.content, tmp_path)
    for expected in ("Движение учащихся за период", "с 01.01.2026 по 30.04.2026", "Зачисление", "Выбытие",
                     "Новикова Анна", "стр. 1 из 1"):
        assert expected in text, expected
    assert "3-о" not in text and "4-о" not in text
    xlsx = admin.get(f"/schools/{sid}/reports/movement.xlsx", params=PERIOD, expect=None)
    book = load_workbook(io.BytesIO(xlsx.content))
    assert ("Перевод в другой класс", "5Б", 1) in list(book["Итоги"].iter_rows(values_only=True))
    assert [row[1] for row in book["Ученики"].iter_rows(values_only=True) if row[1] in ("1-о", "2-о", "3-о", "5-о")] \
        == ["1-о", "2-о", "5-о"]


def test_the_deputy_head_reads_the_reports_a_teacher_does_not(school):
    sid = school["id"]
    assert school["deputy"].get(f"/schools/{sid}/reports/class-fill", params={"on_date": "2026-01-13"})["total"]
    assert school["teacher"].get(f"/schools/{sid}/reports/class-fill", params={"on_date": "2026-01-13"},
                                 expect=None).status_code == 403
    assert school["teacher"].get(f"/schools/{sid}/reports/movement.pdf", params=PERIOD,
                                 expect=None).status_code == 403
    assert school["admin"].get(f"/schools/{sid}/reports/class-fill", params={"on_date": "13.01.2026"},
                               expect=None).status_code == 400
