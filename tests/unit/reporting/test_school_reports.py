"""The school-wide reports' rows: class fill on a date (by gender, a transfer and a leaver counted where they were on
the day) and student movement for a period (counts per kind and class, a cancelled order left out), and their PDF
and XLSX files (title block, page numbers, signature lines, frozen header, numbers as numbers)."""
import datetime as dt
import io

from openpyxl import load_workbook

from services.reporting.adapters import school_reports_files as files
from services.reporting.domain import class_fill as fill
from services.reporting.domain import student_movement as movement
from services.reporting.domain.movement_register import Order, OrderLine
from tests.support.pdf_text import needs_pdftotext, pdf_text

D = dt.date.fromisoformat
CLASSES = [fill.ClassGroup("c10a", "10А", 10), fill.ClassGroup("c5b", "5Б", 5), fill.ClassGroup("c5a", "5А", 5)]
FORMED = dt.datetime(2027, 1, 20, 9, 30)


def members() -> list[fill.Member]:
    return [
        fill.Member("boy1", "c5a", None, D("2027-01-13"), "male"),     # transferred to 5Б from 14.01
        fill.Member("boy1", "c5b", D("2027-01-14"), None, "male"),
        fill.Member("girl1", "c5a", None, None, "female"),
        fill.Member("girl2", "c5a", None, D("2026-12-01"), "female"),  # left on 01.12 (last day there)
        fill.Member("boy2", "c10a", D("2026-09-01"), None, "male"),
        fill.Member("someone", "c5b", None, None, ""),                 # gender not told: in the total only
    ]


def test_class_fill_counts_who_was_in_each_class_on_the_date_by_gender():
    def counts(day: str):
        report = fill.class_fill("Школа", day, "y", "2026/2027", CLASSES, members())
        return [(r.class_group_name, r.boys, r.girls, r.total) for r in (*report.rows, report.total)]

    assert counts("2026-12-01") == [("5А", 1, 2, 3), ("5Б", 0, 0, 1), ("10А", 1, 0, 1), ("Итого по школе", 2, 2, 5)]
    assert counts("2027-01-13") == [("5А", 1, 1, 2), ("5Б", 0, 0, 1), ("10А", 1, 0, 1), ("Итого по школе", 2, 1, 4)]
    assert counts("2027-01-14") == [("5А", 0, 1, 1), ("5Б", 1, 0, 2), ("10А", 1, 0, 1), ("Итого по школе", 2, 1, 4)]
    assert counts("2026-08-31")[2] == ("10А", 0, 0, 0), "a class with nobody yet is listed with 0"


def orders() -> list[Order]:
    return [
        Order("o1", "enrolment", "1", "2026-09-01", "2026-09-01", lines=(
            OrderLine("s1", "Иванов Иван", None, "c5a"), OrderLine("s2", "Петрова Мария", None, "c5a"),
            OrderLine("s3", "Сидоров Олег", None, "c10a"))),
        Order("o2", "transfer", "2", "2026-10-01", "2026-10-02", cancelled_by_order_id="o3", lines=(
            OrderLine("s1", "Иванов Иван", "c5a", "c5b"),)),
        Order("o3", "cancellation", "3", "2026-10-03", "2026-10-02", cancels_order_id="o2", lines=(
            OrderLine("s1", "Иванов Иван", "c5a", "c5b"),)),
        Order("o4", "leaving", "4", "2026-12-01", "2026-12-01", lines=(OrderLine("s2", "Петрова Мария", "c5a"),)),
        Order("o5", "transfer", "10", "2027-01-14", "2027-01-14", lines=(OrderLine("s1", "Иванов Иван", "c5a", "c5b"),)),
        Order("o6", "leaving", "11", "2027-02-01", "2027-02-01", lines=(OrderLine("s3", "Сидоров Олег", "c10a"),)),
    ]


NAMES = {"c5a": ("5А", 5), "c5b": ("5Б", 5), "c10a": ("10А", 10)}


def test_movement_counts_per_kind_and_class_without_cancelled_orders():
    report = movement.student_movement("Школа", "2026-09-01", "2027-01-31", orders(), NAMES)
    assert [(k.kind_name, [(c.class_group_name, c.count) for c in k.classes], k.total) for k in report.kinds] == [
        ("Зачисление", [("5А", 2), ("10А", 1)], 3),
        ("Перевод в другой класс", [("5Б", 1)], 1),
        ("Выбытие", [("5А", 1)], 1)], "the cancelled transfer and the cancellation are left out, 11 is after"
    assert [(e.order_number, e.effective_date, e.student_name, e.from_class, e.to_class) for e in report.entries] == [
        ("1", "2026-09-01", "Иванов Иван", "", "5А"), ("1", "2026-09-01", "Петрова Мария", "", "5А"),
        ("1", "2026-09-01", "Сидоров Олег", "", "10А"), ("4", "2026-12-01", "Петрова Мария", "5А", ""),
        ("10", "2027-01-14", "Иванов Иван", "5А", "5Б")]
    assert movement.student_movement("Школа", "2027-01-15", "2027-01-31", orders(), NAMES).kinds == ()


@needs_pdftotext
def test_the_files_carry_the_title_block_the_numbers_and_the_signatures(tmp_path):
    report = fill.class_fill("МБОУ «Средняя школа № 5»", "2027-01-14", "y", "2026/2027", CLASSES, members())
    text = pdf_text(files.class_fill_file(report, "pdf", FORMED), tmp_path)
    for expected in ("МБОУ «Средняя школа № 5»", "Наполняемость классов", "на 14.01.2027, учебный год 2026/2027",
                     "Сформирован: 20.01.2027 09:30", "стр. 1 из 1", "Директор", "Итого по школе"):
        assert expected in text
    assert [line.split() for line in text.splitlines() if line.strip().startswith("5Б")] == [["5Б", "1", "0", "2"]]
    sheet = load_workbook(io.BytesIO(files.class_fill_file(report, "xlsx", FORMED))).active
    rows = [tuple(row) for row in sheet.iter_rows(values_only=True)]
    header = rows.index(("Класс", "Мальчики", "Девочки", "Всего"))
    assert rows[:header] == [("Наполняемость классов", None, None, None), ("МБОУ «Средняя школа № 5»", None, None, None),
                             ("на 14.01.2027, учебный год 2026/2027", None, None, None),
                             ("Сформирован: 20.01.2027 09:30", None, None, None), (None, None, None, None)]
    assert rows[header + 1:] == [("5А", 0, 1, 1), ("5Б", 1, 0, 2), ("10А", 1, 0, 1), ("Итого по школе", 2, 1, 4)]
    assert sheet.freeze_panes == f"A{header + 2}" and sheet.column_dimensions["A"].width >= len("Итого по школе")

    moved = movement.student_movement("МБОУ «Средняя школа № 5»", "2026-09-01", "2027-01-31", orders(), NAMES)
    text = pdf_text(files.student_movement_file(moved, "pdf", FORMED), tmp_path)
    for expected in ("Движение учащихся за период", "с 01.09.2026 по 31.01.2027", "Петрова Мария", "стр. 1 из 1"):
        assert expected in text
    book = load_workbook(io.BytesIO(files.student_movement_file(moved, "xlsx", FORMED)))
    counts = [row for row in book["Итоги"].iter_rows(values_only=True)][6:]
    assert counts == [("Зачисление", "5А", 2), ("Зачисление", "10А", 1), ("Зачисление", "Итого", 3),
                      ("Перевод в другой класс", "5Б", 1), ("Перевод в другой класс", "Итого", 1),
                      ("Выбытие", "5А", 1), ("Выбытие", "Итого", 1)]
    assert len(list(book["Ученики"].iter_rows(values_only=True))) == 6 + 5
