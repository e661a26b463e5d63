"""Summary sheet computation (lesson marks, averages, period marks) and its PDF rendering."""
import datetime as dt
from decimal import Decimal

import pytest

from services.common.mark_average import DEFAULTS, WorkType, weights
from services.reporting.adapters import summary_sheet_files
from services.reporting.domain import summary_sheet
from tests.support.pdf_text import needs_pdftotext, pdf_text

TERMS = [summary_sheet.Term("q2", "2 четверть", dt.date(2025, 11, 5)), summary_sheet.Term("new", "", None),
         summary_sheet.Term("q1", "1 четверть", dt.date(2025, 9, 1))]


def sheet() -> summary_sheet.SummarySheet:
    return summary_sheet.summary_sheet(
        school_id="s", class_group=summary_sheet.Named("c", "5А"), academic_year_name="2025/2026",
        students=[summary_sheet.Named("st2", "Яковлев Пётр Ильич"), summary_sheet.Named("st1", "Ёлкина Анна Сергеевна"),
                  summary_sheet.Named("st3", "Борисов Иван")],
        subjects=[summary_sheet.Named("math", "Математика"), summary_sheet.Named("rus", "Русский язык")],
        cells=[
            summary_sheet.CellMarks("st1", "math", ("5", "4", "5")),
            summary_sheet.CellMarks("st1", "rus", ("ОСВ",)),
            summary_sheet.CellMarks("st2", "rus", ("3", "4")),
        ],
        periods=summary_sheet.sheet_periods(TERMS[::2], set()),
        period_values=[
            summary_sheet.PeriodValue("st1", "math", "q1", "5", ""),
            summary_sheet.PeriodValue("st1", "math", "annual", "5", ""),
            summary_sheet.PeriodValue("st1", "rus", "annual", "ОСВ", "exempt"),
            summary_sheet.PeriodValue("st2", "rus", "q2", "Н/А", "not_assessed"),
            summary_sheet.PeriodValue("st2", "rus", "final", "4", ""),
            summary_sheet.PeriodValue("st2", "math", "exam", "3", ""),  # no exam column: not shown
        ],
        memberships=[  # Яковлев transferred in on 14 January, Борисов left on 1 March, Ёлкина the whole year
            summary_sheet.StudentMembership("st2", "c", dt.date(2026, 1, 14), None),
            summary_sheet.StudentMembership("st3", "c", None, dt.date(2026, 3, 1)),
            summary_sheet.StudentMembership("st1", "c", None, None),
        ])


def test_students_sorted_by_name_with_yo_as_ye():
    assert [r.student_name for r in sheet().rows] == ["Борисов Иван", "Ёлкина Анна Сергеевна", "Яковлев Пётр Ильич"]


def test_marks_in_their_order_and_average_of_numeric_marks():
    rows = {r.student_id: r for r in sheet().rows}
    math, rus = rows["st1"].cells
    assert (math.subject_id, math.marks, math.average) == ("math", ("5", "4", "5"), "4.67")
    assert (rus.marks, rus.average) == (("ОСВ",), "")
    assert rows["st2"].cells[1].average == "3.50"
    assert [(c.marks, c.average) for c in rows["st3"].cells] == [((), ""), ((), "")]


def test_periods_are_terms_by_date_then_the_year_marks():
    periods = summary_sheet.sheet_periods(TERMS, set())
    assert [(p.id, p.kind) for p in periods] == [("q1", "term"), ("q2", "term"), ("new", "term"),
                                                 ("annual", "annual"), ("final", "final")]
    with_exam = summary_sheet.sheet_periods([], {"q1", "exam"})
    assert [p.name for p in with_exam] == ["Годовая", "Экзаменационная", "Итоговая"]


def test_every_cell_has_a_mark_or_blank_for_every_period():
    rows = {r.student_id: r for r in sheet().rows}
    values = {(r, c.subject_id): [(m.period_name, m.value, m.special) for m in c.period_marks]
              for r, row in rows.items() for c in row.cells}
    assert values["st1", "math"] == [("1 четверть", "5", ""), ("2 четверть", "", ""), ("Годовая", "5", ""),
                                     ("Итоговая", "", "")]
    assert values["st1", "rus"][2] == ("Годовая", "ОСВ", "exempt")
    assert [v for _, v, _ in values["st2", "rus"]] == ["", "Н/А", "", "4"]
    assert [v for _, v, _ in values["st2", "math"]] == ["", "", "", ""]
    assert [v for _, v, _ in values["st3", "math"]] == ["", "", "", ""]


def test_each_row_has_the_days_the_student_was_in_the_class():
    assert [(r.student_id, r.date_from, r.date_to) for r in sheet().rows] == [
        ("st3", "", "2026-03-01"), ("st1", "", ""), ("st2", "2026-01-14", "")]


@pytest.mark.parametrize(("values", "expected"), [
    ([], ""), (["5"], "5.00"), (["2", "3", "3"], "2.67"), (["4", "5"], "4.50"), (["Н/А", "NaN", "5"], "5.00"),
    (["1", "1", "2"], "1.33"), (["3", "4", "4", "4", "4", "4", "4", "4"], "3.88"),
])
def test_average(values, expected):
    """Marks without work types weigh 1 each: the weighted average is the plain mean."""
    assert summary_sheet.average(tuple(values), (), weights(DEFAULTS)) == expected


def test_the_average_is_weighted_by_the_schools_work_types():
    """The grid's number (services/common/mark_average): a test weighs 2, independent work 1.5 by default, a work type
    the school no longer has 1; ОСВ and Н/А are not numbers."""
    assert summary_sheet.average(("5", "4", "5"), ("classwork", "test", "homework"), weights(DEFAULTS)) == "4.50"
    assert summary_sheet.average(("2", "5", "Н/А"), ("independent", "gone", "test"), weights(DEFAULTS)) == "3.20"
    custom = weights([WorkType("test", "Контрольная", Decimal("3"))])
    assert summary_sheet.average(("5", "3"), ("classwork", "test"), custom) == "3.50"
    weighted = summary_sheet.summary_sheet(
        school_id="s", class_group=summary_sheet.Named("c", "5А"), academic_year_name="2025/2026",
        students=[summary_sheet.Named("st1", "Ёлкина Анна")], subjects=[summary_sheet.Named("math", "Математика")],
        cells=[summary_sheet.CellMarks("st1", "math", ("5", "4", "5"), ("classwork", "test", "classwork"))],
        weights=weights(DEFAULTS))
    assert weighted.rows[0].cells[0].average == "4.50"  # the plain mean was 4.67


@needs_pdftotext
def test_pdf_has_cyrillic_text(tmp_path):
    text = pdf_text(summary_sheet_files.summary_sheet_pdf(sheet()), tmp_path)
    assert "Сводная ведомость учёта успеваемости" in text
    assert "5А" in text and "2025/2026" in text
    assert "Ёлкина" in text and "Математика" in text
    assert "с 14.01.2026" in text and "по 01.03.2026" in text
    assert "4,67" in text
    assert "1 четверть: 5" in text and "Годовая: ОСВ" in text and "2 четверть: Н/А" in text and "Итоговая: 4" in text
    assert "Экзаменационная" not in text and text.count("1 четверть") == 1, "blank period marks are not printed"


@needs_pdftotext
def test_pdf_has_the_shared_title_block_and_page_numbers(tmp_path):
    text = pdf_text(summary_sheet_files.summary_sheet_pdf(sheet(), "МБОУ «Школа № 1»", dt.datetime(2026, 6, 1, 8, 5)),
                    tmp_path)
    assert "МБОУ «Школа № 1»" in text and "Сформирован: 01.06.2026 08:05" in text and "стр. 1 из 1" in text
