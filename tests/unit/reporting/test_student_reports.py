"""The reports on a student from a class's period results and attendance (hand-computed numbers): the average's
dynamics over the terms, the report cards of a term and of the year, the progress and attendance report; their files
(the chart's labels and the signatures in the PDF text, the XLSX's numbers, formulas and line chart)."""
import datetime as dt
import io

from openpyxl import load_workbook

from services.common.mark_average import DEFAULTS, weights
from services.common.mark_scales import FIVE_POINT
from services.reporting.adapters import student_reports_files as files
from services.reporting.domain import attendance_sheet
from services.reporting.domain import period_results as rules
from services.reporting.domain import student_reports as reports
from tests.support.pdf_text import needs_pdftotext, pdf_text

D = dt.date
Q1 = rules.Period("q1", "1 четверть", D(2026, 9, 1), D(2026, 10, 24))
Q2 = rules.Period("q2", "2 четверть", D(2026, 11, 5), D(2026, 12, 28))
YEAR = rules.Period(rules.YEAR, "Учебный год 2026/2027", D(2026, 9, 1), D(2026, 12, 28))
MATH, RUS, ART = rules.Named("m", "Математика"), rules.Named("r", "Русский язык"), rules.Named("a", "ИЗО")
C7A = rules.Named("c7a", "7А")
MEMBERS = [rules.Member("z", "Зайцев Пётр", None, None), rules.Member("o", "Орлова Анна", None, None),
           rules.Member("b", "Белов Иван", D(2026, 11, 10), None)]  # joined in the second term
FORMED = dt.datetime(2026, 12, 30, 10, 0)


def mark(student: str, subject: rules.Named, date: dt.date, value: str, work_type="classwork") -> rules.MarkFact:
    return rules.MarkFact(student, subject.id, date, value, work_type)


MARKS = [
    mark("z", MATH, D(2026, 9, 10), "5"), mark("z", MATH, D(2026, 10, 1), "3", "test"),  # (5 + 3·2) / 3 = 3.67
    mark("z", RUS, D(2026, 9, 11), "4"),  # 4.00 → the first term's average (3.67 + 4.00) / 2 = 3.835 → 3.84
    mark("z", MATH, D(2026, 11, 10), "4"), mark("z", MATH, D(2026, 12, 1), "5"),  # 4.50
    mark("z", RUS, D(2026, 11, 12), "5"),  # 5.00 → the second term's (4.50 + 5.00) / 2 = 4.75, +0.91
    mark("o", MATH, D(2026, 9, 10), "4"), mark("b", RUS, D(2026, 11, 20), "3"),
]
TERM_MARKS = {"q1": [rules.PeriodMarkFact("z", MATH.id, "4"), rules.PeriodMarkFact("z", RUS.id, "4")],
              "q2": [rules.PeriodMarkFact("z", MATH.id, "5")], rules.YEAR: [rules.PeriodMarkFact("z", MATH.id, "5")]}
FINALS = [reports.FinalMarkFact("z", MATH.id, "annual", "5"), reports.FinalMarkFact("z", MATH.id, "exam", "4"),
          reports.FinalMarkFact("z", MATH.id, "final", "5")]


def results(period: rules.Period) -> rules.ClassResults:
    return rules.class_results(C7A, 7, "2026/2027", period, D(2026, 12, 30), MEMBERS, [MATH, RUS], MARKS,
                               TERM_MARKS[period.id], [], weights(DEFAULTS), FIVE_POINT)


def sheet(period: rules.Period) -> attendance_sheet.AttendanceSheet:
    absences = [attendance_sheet.Absence("z", D(2026, 11, 10), "ill", MATH.id, MATH.name),
                attendance_sheet.Absence("z", D(2026, 11, 12), "unexcused", RUS.id, RUS.name),
                attendance_sheet.Absence("z", D(2026, 11, 13), "ill", ART.id, ART.name),
                attendance_sheet.Absence("o", D(2026, 11, 13), "late", ART.id, ART.name)]
    return attendance_sheet.attendance_sheet("Школа № 7", C7A.id, C7A.name, period.date_from, period.date_to,
                                             [attendance_sheet.Member(*(m.student_id, m.student_name, m.date_from,
                                                                        m.date_to)) for m in MEMBERS], absences)


def dynamics(student: str = "z") -> reports.StudentDynamics | None:
    return reports.student_dynamics("Школа № 7", [results(Q1), results(Q2)], student)


def test_the_dynamics_are_each_terms_weighted_averages_their_mean_and_its_change():
    report = dynamics()
    assert (report.student.name, report.class_group.name, report.academic_year_name) == ("Зайцев Пётр", "7А",
                                                                                          "2026/2027")
    assert [(s.subject.name, [(t.average, t.term_mark) for t in s.terms]) for s in report.subjects] == [
        ("Математика", [("3.67", "4"), ("4.50", "5")]), ("Русский язык", [("4.00", "4"), ("5.00", "")])]
    assert [(t.period.name, t.average, t.change) for t in report.terms] == [
        ("1 четверть", "3.84", ""), ("2 четверть", "4.75", "+0.91")]


def test_a_student_of_one_term_has_no_average_nor_change_in_the_other_and_a_stranger_has_no_dynamics():
    assert [(t.average, t.change) for t in dynamics("b").terms] == [("", ""), ("3.00", "")]
    assert dynamics("nobody") is None
    assert reports.change("4.00", "4.00") == "0.00" and reports.change("4.50", "4.25") == "-0.25"


def test_the_report_cards_of_a_term_show_the_terms_up_to_it_and_the_periods_absences():
    cards = reports.report_cards("Школа № 7", [results(Q1), results(Q2)], results(Q2), [], sheet(Q2))
    assert [c.name for c in cards.columns] == ["1 четверть", "2 четверть"]
    assert [c.student.name for c in cards.cards] == ["Белов Иван", "Зайцев Пётр", "Орлова Анна"]
    zaitsev = cards.cards[1]
    assert [(s.subject.name, s.marks) for s in zaitsev.subjects] == [("Математика", ("4", "5")),
                                                                     ("Русский язык", ("4", ""))]
    assert (zaitsev.missed.by_reason, zaitsev.missed.total) == ((0, 2, 0, 1), 3)
    first = reports.report_cards("Школа № 7", [results(Q1)], results(Q1), [], sheet(Q1), "z")
    assert [c.name for c in first.columns] == ["1 четверть"] and len(first.cards) == 1
    assert first.cards[0].missed.total == 0


def test_the_years_report_card_adds_the_annual_exam_and_final_marks():
    cards = reports.report_cards("Школа № 7", [results(Q1), results(Q2)], results(YEAR), FINALS, sheet(YEAR), "z")
    assert [c.name for c in cards.columns] == ["1 четверть", "2 четверть", "Годовая", "Экзаменационная", "Итоговая"]
    assert cards.cards[0].subjects[0].marks == ("4", "5", "5", "4", "5")
    without_exam = reports.report_cards("Школа № 7", [results(Q1), results(Q2)], results(YEAR), FINALS[:1],
                                        sheet(YEAR))
    assert [c.name for c in without_exam.columns][2:] == ["Годовая", "Итоговая"]


def test_the_progress_lists_marks_average_period_mark_and_missed_lessons_per_subject():
    report = reports.progress_report("Школа № 7", results(Q2), sheet(Q2), "z")
    (zaitsev,) = report.students
    assert [(s.subject.name, s.marks, s.average, s.period_mark, s.missed.by_reason) for s in zaitsev.subjects] == [
        ("ИЗО", (), "", "", (0, 1, 0, 0)),  # only a missed lesson
        ("Математика", ("4", "5"), "4.50", "5", (0, 1, 0, 0)),
        ("Русский язык", ("5",), "5.00", "", (0, 0, 0, 1))]
    assert zaitsev.missed.total == 3
    everyone = reports.progress_report("Школа № 7", results(Q2), sheet(Q2))
    assert [s.student.name for s in everyone.students] == ["Белов Иван", "Зайцев Пётр", "Орлова Анна"]
    assert everyone.students[2].subjects == () and everyone.students[2].missed.total == 0  # late is no missed lesson


@needs_pdftotext
def test_the_dynamics_pdf_draws_the_chart_and_the_xlsx_carries_numbers_and_a_line_chart(tmp_path):
    text = pdf_text(files.student_dynamics_file(dynamics(), "pdf", FORMED), tmp_path)
    for expected in ("Школа № 7", "Средний балл ученика и его динамика", "Зайцев Пётр, класс 7А, учебный год 2026/2027",
                     "3,67", "Средний балл по четвертям", "3,84", "4,75", "+0,91", "стр. 1 из 1"):
        assert expected in text
    book = load_workbook(io.BytesIO(files.student_dynamics_file(dynamics(), "xlsx", FORMED)))
    table = list(book["Средний балл"].iter_rows(values_only=True))
    assert table[-3:] == [("Русский язык", 4.0, 4, 5.0, None), ("Средний балл", 3.84, None, 4.75, None),
                          ("Изменение", None, None, 0.91, None)]
    terms = book["Динамика"]
    assert list(terms.iter_rows(values_only=True))[-2:] == [("1 четверть", 3.84, None), ("2 четверть", 4.75, 0.91)]
    assert len(terms._charts) == 1


@needs_pdftotext
def test_the_cards_pdf_has_a_page_a_student_with_both_signatures_and_the_xlsx_sums_the_absences(tmp_path):
    cards = reports.report_cards("Школа № 7", [results(Q1), results(Q2)], results(Q2), [], sheet(Q2))
    text = pdf_text(files.report_cards_file(cards, "pdf", FORMED), tmp_path)
    assert "стр. 3 из 3" in text and text.count("Табель успеваемости") == 3
    for expected in ("Зайцев Пётр, класс 7А, 2 четверть: с 05.11.2026 по 28.12.2026", "Классный руководитель",
                     "Родитель (законный представитель)", "Пропущено уроков за период"):
        assert expected in text
    book = load_workbook(io.BytesIO(files.report_cards_file(cards, "xlsx", FORMED)))
    assert ("Зайцев Пётр", "Математика", 4, 5) in list(book["Табель"].iter_rows(values_only=True))
    missed = list(book["Пропуски"].iter_rows(values_only=True))
    row = next(i for i, r in enumerate(missed, start=1) if r[0] == "Зайцев Пётр")
    assert missed[row - 1] == ("Зайцев Пётр", 0, 2, 0, 1, f"=SUM(B{row}:E{row})")


@needs_pdftotext
def test_the_progress_and_the_letters_as_files(tmp_path):
    report = reports.progress_report("Школа № 7", results(Q2), sheet(Q2), "z")
    text = pdf_text(files.student_progress_file(report, "pdf", FORMED), tmp_path)
    for expected in ("Отчёт об успеваемости и посещаемости ученика", "Зайцев Пётр, класс 7А", "4, 5", "4,50",
                     "Б — болел", "Итого", "Классный руководитель"):
        assert expected in text
    rows = list(load_workbook(io.BytesIO(files.student_progress_file(report, "xlsx", FORMED))).active.iter_rows(
        values_only=True))
    first = len(rows) - 3  # the first subject's row (ИЗО, Математика, Русский язык, Итого)
    assert rows[-3] == ("Математика", "4, 5", 4.5, 5, 0, 1, 0, 0, 1)
    assert rows[-1] == ("Итого", None, None, None, *(f"=SUM({c}{first}:{c}{first + 2})" for c in "EFGHI"))
    letters = reports.progress_report("Школа № 7", results(Q2), sheet(Q2))
    text = pdf_text(files.guardian_letters_pdf(letters, "Собрание 25 декабря.\n=1+1", FORMED), tmp_path)
    assert text.count("Информационное письмо родителям") == 3 and "стр. 3 из 3" in text
    for expected in ("Уважаемые родители (законные представители) Зайцев Пётр!", "Сообщаем результаты обучения",
                     "Пропущено уроков за период: 3 (Б — болел — 2; НП — неуважительная — 1).",
                     "Пропущенных уроков за период нет.", "Собрание 25 декабря.", "=1+1", "Классный руководитель"):
        assert expected in text
