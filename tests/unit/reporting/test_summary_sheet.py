"""Summary sheet computation and its PDF rendering."""
import shutil
import subprocess

import pytest

from services.reporting import domain, pdf


def sheet() -> domain.SummarySheet:
    return domain.summary_sheet(
        school_id="s", class_group=domain.Named("c", "5А"), academic_year_name="2025/2026",
        students=[domain.Named("st2", "Яковлев Пётр Ильич"), domain.Named("st1", "Ёлкина Анна Сергеевна"),
                  domain.Named("st3", "Борисов Иван")],
        subjects=[domain.Named("math", "Математика"), domain.Named("rus", "Русский язык")],
        cells=[
            domain.CellMarks("st1", "math", ("5", "4", "5")),
            domain.CellMarks("st1", "rus", ("ОСВ",)),
            domain.CellMarks("st2", "rus", ("3", "4")),
        ])


def test_students_sorted_by_name_with_yo_as_ye():
    assert [r.student_name for r in sheet().rows] == ["Борисов Иван", "Ёлкина Анна Сергеевна", "Яковлев Пётр Ильич"]


def test_marks_in_their_order_and_average_of_numeric_marks():
    rows = {r.student_id: r for r in sheet().rows}
    math, rus = rows["st1"].cells
    assert (math.subject_id, math.marks, math.average) == ("math", ("5", "4", "5"), "4.67")
    assert (rus.marks, rus.average) == (("ОСВ",), "")
    assert rows["st2"].cells[1].average == "3.50"
    assert rows["st3"].cells == (domain.Cell("math", (), ""), domain.Cell("rus", (), ""))


@pytest.mark.parametrize(("values", "expected"), [
    ([], ""), (["5"], "5.00"), (["2", "3", "3"], "2.67"), (["4", "5"], "4.50"), (["Н/А", "NaN", "5"], "5.00"),
    (["1", "1", "2"], "1.33"), (["3", "4", "4", "4", "4", "4", "4", "4"], "3.88"),
])
def test_average(values, expected):
    assert domain.average(values) == expected


@pytest.mark.skipif(shutil.which("pdftotext") is None, reason="needs pdftotext (poppler-utils)")
def test_pdf_has_cyrillic_text(tmp_path):
    path = tmp_path / "sheet.pdf"
    path.write_bytes(pdf.summary_sheet_pdf(sheet()))
    text = subprocess.run(["pdftotext", "-layout", str(path), "-"], check=True, capture_output=True, text=True).stdout
    assert "Сводная ведомость учёта успеваемости" in text
    assert "5А" in text and "2025/2026" in text
    assert "Ёлкина" in text and "Математика" in text
    assert "4,67" in text
