"""sheetrep's rules and files, hand-computed: the council's decisions of the summary sheet and its XLSX grid;
curriculum fulfilment (study weeks of the terms, subgroups counted once, the lag, the fulfilment %, the school's
total) and its PDF and XLSX (formulas, the lag bold and red)."""
import datetime as dt
import io
from decimal import Decimal

from openpyxl import load_workbook

from services.common.curriculum_hours import study_weeks
from services.reporting.adapters import curriculum_fulfilment_files, summary_sheet_files
from services.reporting.domain import curriculum_fulfilment as rules
from services.reporting.domain import summary_sheet
from services.reporting.domain.period_results import Period
from tests.support.pdf_text import needs_pdftotext, pdf_text

FORMED = dt.datetime(2026, 10, 1, 9, 30)
Q1 = Period("q1", "1 четверть", dt.date(2026, 9, 1), dt.date(2026, 10, 24))  # Tue..Sat: 8 weeks
Q2 = Period("q2", "2 четверть", dt.date(2026, 11, 5), dt.date(2026, 12, 28))  # Thu..Mon: 9 weeks


def order(kind, to_class="", debts=(), student="s", effective=dt.date(2027, 9, 1)):
    return summary_sheet.YearEndOrder(student, kind, effective, to_class, debts)


def test_the_councils_decision_in_the_sheets_words():
    assert summary_sheet.decision(order("promotion", "6А")) == "переведён в 6А"
    assert summary_sheet.decision(order("conditional_promotion", "6А", (("Математика", "2027-10-15"),
                                                                        ("Физика", "2027-10-20")))) == (
        "переведён условно (задолженность: Математика до 15.10.2027, Физика до 20.10.2027)")
    assert summary_sheet.decision(order("repetition", "5Б")) == "оставлен на повторное обучение"
    assert summary_sheet.decision(order("graduation")) == "выпущен"


def test_the_latest_order_decides_and_the_column_shows_only_with_orders():
    decided = summary_sheet.decisions([order("promotion", "6А", effective=dt.date(2027, 9, 1)),
                                       order("repetition", effective=dt.date(2027, 6, 1))])
    assert decided == {"s": "переведён в 6А"}

    def sheet(orders):
        return summary_sheet.summary_sheet("sc", summary_sheet.Named("c", "9А"), "2026/2027",
                                           [summary_sheet.Named("s", "Ёлкина Анна"), summary_sheet.Named("t", "Борисов")],
                                           [], [], year_end_orders=orders)
    graduated = sheet([order("graduation")])
    assert graduated.decisions_shown and [r.decision for r in graduated.rows] == ["", "выпущен"]
    assert not sheet([]).decisions_shown and not sheet(None).decisions_shown


def test_the_sheets_xlsx_is_a_grid_with_numbers():
    sheet = summary_sheet.summary_sheet(
        "sc", summary_sheet.Named("c", "5А"), "2026/2027", [summary_sheet.Named("s", "Ёлкина Анна")],
        [summary_sheet.Named("m", "Математика")],
        [summary_sheet.CellMarks("s", "m", ("5", "3"), ("classwork", "test"))],
        periods=summary_sheet.sheet_periods([summary_sheet.Term("q1", "1 четверть", dt.date(2026, 9, 1))], set()),
        period_values=[summary_sheet.PeriodValue("s", "m", "annual", "ОСВ", "exempt")],
        weights={"test": Decimal(3)}, year_end_orders=[order("promotion", "6А")])
    book = load_workbook(io.BytesIO(summary_sheet_files.summary_sheet_file(sheet, "xlsx", "Школа", FORMED)))
    rows = list(book.active.iter_rows(values_only=True))
    assert rows[-2] == ("Обучающийся", "Математика: отметки", "Математика: средний балл", "Математика: 1 четверть",
                        "Математика: Годовая", "Математика: Итоговая", "Решение педагогического совета")
    assert rows[-1] == ("Ёлкина Анна", "5 3", 3.5, None, "ОСВ", None, "переведён в 6А")  # (5 + 3·3) / 4


def test_study_weeks_are_monday_to_sunday_weeks_with_a_day_of_study():
    assert study_weeks([dt.date(2026, 9, 6), dt.date(2026, 9, 7), dt.date(2026, 9, 13)]) == 2  # Sun; Mon, Sun
    assert rules.class_weeks([Q1]) == 8 and rules.class_weeks([Q1, Q2]) == 17
    assert rules.class_weeks([Period("x", "", dt.date(2026, 9, 6), dt.date(2026, 9, 6))]) == 0, "a Sunday only"


def report() -> rules.CurriculumFulfilment:
    """6Б (grade 6) and 5А; mathematics 4 h, English 1.5 h in two groups; history with lessons but no hours."""
    classes = [rules.ClassYear("6b", "6Б", 6, (Q1, Q2)), rules.ClassYear("5a", "5А", 5, (Q1,))]
    hours = {("5a", "math"): Decimal("4.00"), ("5a", "eng"): Decimal("1.50"), ("6b", "math"): Decimal("5")}
    tallies = [rules.LessonTally("5a", "math", "", 30, 20, 17),
               rules.LessonTally("5a", "eng", "g1", 12, 8, 8), rules.LessonTally("5a", "eng", "g2", 11, 9, 7),
               rules.LessonTally("5a", "hist", "", 16, 10, 10)]
    names = {"math": "Математика", "eng": "Английский язык", "hist": "История"}
    return rules.curriculum_fulfilment("Школа", "y", "2026/2027", dt.date(2026, 10, 1), classes, hours, tallies, names)


def test_curriculum_fulfilment_rows_by_class_and_subject_with_subgroups_counted_once():
    result = report()
    assert [(r.class_group_name, r.subject_name, r.hours_per_week, r.study_weeks, r.hours_per_year, r.planned,
             r.to_date, r.given, r.lag, r.fulfilment) for r in (*result.rows, result.total)] == [
        ("5А", "Английский язык", "1.5", 8, "12", 12, 9, 8, 1, "66.7"),  # each count the larger group's
        ("5А", "История", "", 8, "", 16, 10, 10, 0, "62.5"),
        ("5А", "Математика", "4", 8, "32", 30, 20, 17, 3, "56.7"),
        ("6Б", "Математика", "5", 17, "85", 0, 0, 0, 0, ""),
        ("Итого по школе", "", "", 0, "129", 58, 39, 35, 4, "60.3")]


def test_curriculum_fulfilment_xlsx_has_formulas_and_the_lag_bold():
    book = load_workbook(io.BytesIO(curriculum_fulfilment_files.curriculum_fulfilment_file(report(), "xlsx", FORMED)))
    table = book["Учебный план"]
    header = next(r[0].row for r in table.iter_rows() if r[0].value == "Класс")
    english = [c.value for c in table[header + 1]]
    assert english == ["5А", "Английский язык", 1.5, 8, 12, 12, 9, 8, f"=G{header + 1}-H{header + 1}",
                       f'=IF(F{header + 1}>0,ROUND(H{header + 1}/F{header + 1}*100,1),"")']
    assert table.cell(header + 1, 9).font.b and not table.cell(header + 2, 9).font.b  # History: no lag
    assert table.cell(header + 2, 3).value is None and table.freeze_panes == f"C{header + 1}"


@needs_pdftotext
def test_curriculum_fulfilment_pdf(tmp_path):
    text = pdf_text(curriculum_fulfilment_files.curriculum_fulfilment_file(report(), "pdf", FORMED), tmp_path)
    assert "Выполнение учебного плана" in text and "Учебный год 2026/2027, уроки на 01.10.2026" in text
    assert "Английский язык" in text and "66,7" in text and "Итого по школе" in text and "Заместитель директора" in text
