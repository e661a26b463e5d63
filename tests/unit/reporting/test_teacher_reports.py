"""The teachers' period reports from a class's results (hand-computed numbers): the subject teacher's rows, totals over
two classes and lag, the school year a teacher's "year" is, the periods offered; the form teacher's lists and
attendance; the class results' grid with estimated results; the files (PDF text, XLSX cells and formulas)."""
import dataclasses
import datetime as dt
import io

from openpyxl import load_workbook

from services.reporting.adapters import teacher_reports_files as files
from services.reporting.domain import period_results as rules
from services.reporting.domain.attendance_sheet import Absence, Member, attendance_sheet
from services.reporting.domain.class_results_report import class_results_report, result_text
from services.reporting.domain.form_teacher_report import form_teacher_report
from services.reporting.domain.subject_teacher_report import chosen_year, lag, offered_periods, subject_teacher_report
from tests.support.pdf_text import needs_pdftotext, pdf_text
from tests.unit.reporting.test_period_results import Q1, results

D = dt.date
FORMED = dt.datetime(2026, 11, 10, 9, 30)
YEAR = rules.Period(rules.YEAR, "Учебный год 2026/2027", D(2026, 9, 1), D(2027, 5, 31))


def five_b() -> rules.ClassResults:
    """5А's results as another class's, 5Б (grade 5 sorted after 5А)."""
    return dataclasses.replace(results(), class_group=rules.Named("5b", "5Б"))


def test_a_teachers_rows_are_their_subjects_in_each_class_with_totals_over_the_classes():
    report = subject_teacher_report("СШ № 7", "t1", "q1", (Q1, YEAR), [five_b(), results()])
    assert report.period_name == "1 четверть"
    assert [(r.subject.subject.name, r.class_group_name) for r in report.rows] == [
        ("Математика", "5А"), ("Математика", "5Б"), ("Русский язык", "5А"), ("Русский язык", "5Б")]
    math = report.rows[0].subject
    # Антонов 4 (term mark), Борисова 3 (estimated), Васильев 2: quality 1/3, pass rate 2/3, average 3.00
    assert (math.distribution[:4], math.quality, math.pass_rate, math.average) == (
        (("5", 0), ("4", 1), ("3", 1), ("2", 1)), "33.3", "66.7", "3.00")
    # three lessons held (one cancelled), all dated by now, one with a topic: two behind
    assert (math.lessons.planned, math.lessons.to_date, math.lessons.given, lag(math)) == (3, 3, 1, 2)
    total = report.totals[0]
    assert (total.subject.name, total.with_result, total.quality, total.average, total.lessons.planned,
            lag(total)) == ("Математика", 6, "33.3", "3.00", 6, 4)
    assert [t.subject.name for t in report.totals] == ["Математика", "Русский язык"]
    # t2 gave one mathematics lesson in 5А only
    assert [(r.subject.subject.name, r.class_group_name) for r in subject_teacher_report(
        "", "t2", "q1", (), [results()]).rows] == [("Математика", "5А")]
    assert subject_teacher_report("", "t9", "q1", (), [results()]).rows == ()


def test_a_teachers_year_is_the_one_begun_last_and_the_periods_offered_are_each_term_once_then_the_year():
    years = [("y2", D(2027, 9, 1)), ("y1", D(2026, 9, 1))]
    assert chosen_year(years, D(2027, 3, 1)) == "y1"
    assert chosen_year(years, D(2027, 9, 1)) == "y2"
    assert chosen_year(years, D(2026, 8, 1)) == "y1", "none begun yet: the first to come"
    assert chosen_year([], D(2026, 8, 1)) == ""
    h1 = rules.Period("h1", "1 полугодие", D(2026, 9, 1), D(2026, 12, 28))
    q2 = rules.Period("q2", "2 четверть", D(2026, 11, 5), D(2026, 12, 28))
    assert [p.id for p in offered_periods([(Q1, q2, YEAR), (h1, YEAR), (Q1, q2, YEAR)])] == [
        "h1", "q1", "q2", rules.YEAR]


def form_report():
    absences = [Absence("a", D(2026, 10, 1), "ill", "m", "Математика"), Absence("a", D(2026, 10, 2), "ill", "r", "Р"),
                Absence("c", D(2026, 10, 2), "unexcused", "m", "Математика"),
                Absence("c", D(2026, 11, 2), "absent", "m", "Математика")]  # after the term
    members = [Member("a", "Антонов Антон", None, None), Member("c", "Васильев Глеб", None, None)]
    sheet = attendance_sheet("СШ № 7", "5a", "5А", Q1.date_from, Q1.date_to, members, absences)
    return form_teacher_report("СШ № 7", results(), sheet)


def test_the_form_teachers_lists_name_the_subjects_of_a_2_a_single_3_and_the_not_assessed():
    report = form_report()
    assert [(x.title, [(s.student_name, s.subjects) for s in x.students]) for x in report.lists] == [
        ("Имеют «2»", [("Васильев Глеб", ("Математика",))]),
        ("Имеют одну «3»", [("Борисова Вера", ("Математика",))]),
        ("Хорошисты (только «4» и «5»)", [("Антонов Антон", ())]),
        ("Отличники", []),  # Громов's 5 does not count: he left on 01.10
        ("Не аттестованы", [])]
    assert [(s.student_name, s.missed.by_reason, s.missed.total) for s in report.attendance.students] == [
        ("Антонов Антон", (0, 2, 0, 0), 2), ("Васильев Глеб", (0, 0, 0, 1), 1)]
    assert report.attendance.missed.total == 3


def test_the_class_results_grid_counts_the_class_on_the_terms_last_day_and_marks_estimated_results():
    report = class_results_report("СШ № 7", results())
    assert [(s.student_name, [result_text(r) for r in s.subjects], s.average, s.category) for s in report.students] == [
        ("Антонов Антон", ["4", "5"], "4.50", rules.GOOD), ("Борисова Вера", ["3*", "5*"], "4.00", rules.ONE_THREE),
        ("Васильев Глеб", ["2", "Н/А"], "2.00", rules.FAILING)]
    assert [s.student_name for s in report.others] == ["Громов Дан"]


def xlsx_sheets(content: bytes) -> dict[str, list[tuple]]:
    book = load_workbook(io.BytesIO(content))
    return {sheet.title: list(sheet.iter_rows(values_only=True)) for sheet in book}


def test_the_class_results_spreadsheet_keeps_results_as_numbers_and_averages_each_subject_by_formula():
    content = files.class_results_file(class_results_report("СШ № 7", results()), "xlsx", FORMED)
    book = load_workbook(io.BytesIO(content))
    grid = book["Итоги класса"]
    rows = list(grid.iter_rows(values_only=True))
    assert rows[:3] == [("Итоги успеваемости класса",) + (None,) * 4, ("СШ № 7",) + (None,) * 4,
                        ("класс 5А, 1 четверть, с 01.09.2026 по 24.10.2026",) + (None,) * 4]
    header = rows.index(("Ученик", "Математика", "Русский язык", "Средний балл", "Категория"))
    assert rows[header + 1:header + 6] == [
        ("Антонов Антон", 4, 5, 4.5, "Хорошисты"), ("Борисова Вера", 3, 5, 4, "С одной «3»"),
        ("Васильев Глеб", 2, "Н/А", 2, "Неуспевающие"),
        ("Средний балл по предмету", f'=IFERROR(ROUND(AVERAGE(B{header + 2}:B{header + 4}),2),"")',
         f'=IFERROR(ROUND(AVERAGE(C{header + 2}:C{header + 4}),2),"")', None, None),
        ("* — по текущим отметкам, отметка за период не выставлена", None, None, None, None)]
    assert grid.cell(header + 3, 2).number_format == '0"*"', "Борисова's 3 is estimated: shown 3*"
    assert grid.freeze_panes == f"A{header + 2}"
    categories = list(book["Категории"].iter_rows(values_only=True))
    first = categories.index(("Категория", "Учащихся")) + 2
    assert categories[first - 1:] == [
        ("Отличники", 0), ("Хорошисты", 1), ("С одной «3»", 1), ("Троечники", 0), ("Успевают (зачёт)", 0),
        ("Неуспевающие", 1), ("Не аттестованы", 0), ("С результатом", f"=SUM(B{first}:B{first + 6})"),
        ("Без отметок", 0), ("Качество знаний, %", 33.3), ("Успеваемость, %", 66.7)]
    assert list(book["Часть периода"].iter_rows(values_only=True))[-1] == ("Громов Дан", "начала периода", "01.10.2026")


def test_the_subject_teachers_spreadsheet_computes_the_lag_and_the_form_teachers_sums_the_missed_lessons():
    report = subject_teacher_report("СШ № 7", "t1", "q1", (Q1, YEAR), [results()])
    sheets = xlsx_sheets(files.subject_teacher_file(report, "xlsx", FORMED))
    rows = sheets["По классам"]
    header = rows.index(files.teacher_header(("5", "4", "3", "2", "1", "Н/А")))
    assert rows[header + 1] == ("Математика", "5А", "1 четверть, с 01.09.2026 по 24.10.2026", 0, 1, 1, 1, 0, 0, 3,
                                33.3, 66.7, 3, 3, 1, f"=MAX(0,N{header + 2}-O{header + 2})")
    assert sheets["Итоги по предметам"][-1][:3] == ("Русский язык", "Все классы", "1 четверть")
    form = xlsx_sheets(files.form_teacher_file(form_report(), "xlsx", FORMED))
    missed = form["Посещаемость"]
    first = missed.index(files.MISSED_HEADER) + 2
    assert missed[first - 1:] == [("Антонов Антон", 0, 2, 0, 0, 2), ("Васильев Глеб", 0, 0, 0, 1, 1),
                                  ("Итого по классу", *(f"=SUM({c}{first}:{c}{first + 1})" for c in "BCDEF"))]
    assert form["Списки"][-5:] == [
        ("Имеют «2»", "Васильев Глеб", "Математика"), ("Имеют одну «3»", "Борисова Вера", "Математика"),
        ("Хорошисты (только «4» и «5»)", "Антонов Антон", None), ("Отличники", "нет", None),
        ("Не аттестованы", "нет", None)]


@needs_pdftotext
def test_the_pdfs_carry_the_title_block_the_numbers_and_the_signatures(tmp_path):
    text = pdf_text(files.class_results_file(class_results_report("СШ № 7", results()), "pdf", FORMED), tmp_path)
    for expected in ("СШ № 7", "Итоги успеваемости класса", "класс 5А, 1 четверть, с 01.09.2026 по 24.10.2026",
                     "Сформирован: 10.11.2026 09:30", "3*", "4,5", "* — по текущим отметкам", "Качество знаний, %",
                     "33,3", "Громов Дан", "Классный руководитель", "стр. 1 из 1"):
        assert expected in text, expected
    text = pdf_text(files.form_teacher_file(form_report(), "pdf", FORMED), tmp_path)
    for expected in ("Отчёт классного руководителя за период", "Пропущено уроков за период", "Итого по классу",
                     "Имеют одну «3»", "Борисова Вера", "Классный руководитель"):
        assert expected in text, expected
    report = subject_teacher_report("СШ № 7", "t1", "q1", (Q1, YEAR), [results()])
    text = pdf_text(files.subject_teacher_file(report, "pdf", FORMED), tmp_path)
    for expected in ("Отчёт учителя-предметника", "период: 1 четверть", "Итоги по предметам", "Все классы",
                     "Отставание", "Учитель", "Заместитель директора"):
        assert expected in text, expected
