"""The school-wide period reports' rules, plain Python: a period's due date (2 working days after its last day), the
school's periods, the results per class, grade, subject and school with the classes left out, the summary's totals
and the progress summary's change in points; the files' title block, formulas and numbers."""
import datetime as dt
import io
from decimal import Decimal

from openpyxl import load_workbook

from services.reporting.adapters import school_period_reports_files as files
from services.reporting.domain import period_results as rules
from services.reporting.domain.attendance_sheet import Missed
from services.reporting.domain.class_fill import ClassFill, FillRow
from services.reporting.domain.progress_summary import change, progress_summary
from services.reporting.domain.school_periods import DUE, LATE, OPEN, school_periods, working_days_after
from services.reporting.domain.school_results import school_results
from services.reporting.domain.school_summary import school_summary

TERM = rules.Period("q1", "1 четверть", dt.date(2026, 9, 1), dt.date(2026, 10, 24))
MATH = rules.Named("m", "Математика")


def class_results(class_id: str, name: str, grade: int, marks: list[str], period: rules.Period = TERM
                  ) -> rules.ClassResults:
    """A class whose students have one term mark each in mathematics."""
    members = [rules.Member(f"{class_id}{i}", f"Ученик {i}", None, None) for i in range(len(marks))]
    period_marks = [rules.PeriodMarkFact(f"{class_id}{i}", MATH.id, value) for i, value in enumerate(marks)]
    lessons = [rules.LessonFact(MATH.id, "t", dt.date(2026, 9, 10), False, True),
               rules.LessonFact(MATH.id, "t", dt.date(2026, 9, 17), False, False)]
    return rules.class_results(rules.Named(class_id, name), grade, "2026/2027", period, dt.date(2026, 12, 1), members,
                               [MATH], [], period_marks, lessons, {}, "five_point")


def test_a_periods_reports_are_due_two_working_days_after_its_last_day():
    assert working_days_after(dt.date(2026, 10, 24), 2) == dt.date(2026, 10, 27)  # Saturday → Tuesday
    assert working_days_after(dt.date(2026, 12, 25), 2) == dt.date(2026, 12, 29)  # Friday → Tuesday
    terms = [(rules.TermDates("q1", "1 четверть", dt.date(2026, 9, 1), dt.date(2026, 10, 24)), 1, 9),
             (rules.TermDates("h1", "1 полугодие", dt.date(2026, 9, 1), dt.date(2026, 12, 25)), 10, 11)]
    periods = school_periods(terms, "2026/2027", dt.date(2026, 10, 27))
    assert [(p.period.id, p.grades, p.due_date, p.status) for p in periods] == [
        ("q1", "1–9 классы", dt.date(2026, 10, 27), DUE), ("h1", "10–11 классы", dt.date(2026, 12, 29), OPEN),
        ("year", "все классы", dt.date(2026, 12, 29), OPEN)]
    assert school_periods(terms, "2026/2027", dt.date(2026, 10, 28))[0].status == LATE
    assert school_periods([], "2026/2027", dt.date(2026, 10, 28)) == ()


def test_the_school_results_by_class_grade_subject_and_school_with_the_classes_left_out():
    a5, b5, a7 = (class_results("a", "5А", 5, ["5", "4", "3"]), class_results("b", "5Б", 5, ["2"]),
                  class_results("c", "7А", 7, ["4", "4"]))
    report = school_results("Школа", "y", "2026/2027", TERM, [a7, b5, a5],
                            [("11А", ("1 полугодие",)), ("10А", ("1 полугодие",))])
    assert [(r.name, r.students, r.rates.quality, r.rates.pass_rate, r.average) for r in report.class_rows] == [
        ("5А", 3, "66.7", "100.0", "4.00"), ("5Б", 1, "0.0", "0.0", "2.00"), ("7А", 2, "100.0", "100.0", "4.00")]
    # 5 classes: 5, 4, 3, 2 → quality 2/4, pass 3/4, average 14/4
    assert [(r.name, r.students, r.rates.quality, r.rates.pass_rate, r.average) for r in report.grades] == [
        ("5 классы", 4, "50.0", "75.0", "3.50"), ("7 классы", 2, "100.0", "100.0", "4.00")]
    total = report.total
    assert (total.name, total.students, total.rates.quality, total.rates.pass_rate, total.average) == (
        "Итого по школе", 6, "66.7", "83.3", "3.67")
    (math,) = report.subjects
    assert (math.with_result, math.quality, math.pass_rate, math.average, math.lessons.planned) == (
        6, "66.7", "83.3", "3.67", 6)
    assert [(g.name, g.subjects[0].quality) for g in report.grade_subjects] == [("5 классы", "50.0"),
                                                                                 ("7 классы", "100.0")]
    assert report.notes == ("10А, 11А — не аттестуются за период «1 четверть» (их периоды: 1 полугодие)",)


def test_the_summary_totals_and_the_change_in_points():
    a5 = class_results("a", "5А", 5, ["5", "4", "3"])
    results = school_results("Школа", "y", "2026/2027", TERM, [a5], [("10А", ("1 полугодие",))])
    fill = ClassFill("Школа", "2026-10-24", "y", "2026/2027",
                     (FillRow("a", "5А", 5, 2, 1, 3), FillRow("t", "10А", 10, 0, 2, 2)), FillRow("", "Итого", 0, 2, 3, 5))
    summary = school_summary(results, fill, {"a": Missed((1, 2, 0, 0), 3), "t": Missed((0, 0, 0, 4), 4)})
    assert [(r.fill.class_group_name, r.results is not None, r.lessons) for r in summary.rows] == [
        ("5А", True, rules.LessonCount(2, 2, 1)), ("10А", False, None)]
    assert (summary.total.missed, summary.total.lessons) == (Missed((1, 2, 0, 4), 7), rules.LessonCount(2, 2, 1))
    assert (change("60.0", "40.0"), change("33.3", "50.0"), change("50.0", "50.0"), change("50.0", "")) == (
        "+20.0", "-16.7", "0.0", "")
    q2 = rules.Period("q2", "2 четверть", dt.date(2026, 11, 5), dt.date(2026, 12, 28))
    now = school_results("Школа", "y", "2026/2027", q2, [class_results("a", "5А", 5, ["5", "5", "2"], q2)], [])
    progress = progress_summary(now, [a5])
    assert progress.previous_names == ("1 четверть",)
    assert [(r.now.rates.quality, r.before.rates.quality, r.quality_change, r.pass_rate_change)
            for r in (*progress.grades, progress.total)] == [("66.7", "66.7", "0.0", "-33.3")] * 2
    assert progress_summary(now, []).total.before is None


def test_the_knowledge_quality_spreadsheet_computes_a_classs_rates_from_its_counts():
    report = school_results("Школа", "y", "2026/2027", TERM, [class_results("a", "5А", 5, ["5", "4", "3"])], [])
    content = files.knowledge_quality_file(report, "xlsx", dt.datetime(2026, 10, 28, 9, 30))
    sheet = load_workbook(io.BytesIO(content))["По классам"]
    rows = list(sheet.iter_rows(values_only=True))
    assert [row[0] for row in rows[:3]] == ["Итоги успеваемости и качество знаний", "Школа",
                                            "1 четверть, учебный год 2026/2027 (с 01.09.2026 по 24.10.2026)"]
    at = next(i for i, row in enumerate(rows, start=1) if row[0] == "5А")
    assert rows[at - 1][9:] == (f'=IF(C{at}=0,"",ROUND((D{at}+E{at})*100/C{at},1))',
                                f'=IF(C{at}=0,"",ROUND((C{at}-H{at}-I{at})*100/C{at},1))', 4.0)
    assert rows[-1] == ("Итого по школе", 3, 3, 1, 1, 1, 0, 0, 0, 66.7, 100.0, 4.0)  # a single 3: с одной «3»
    assert sheet.freeze_panes == f"A{at}"
    assert Decimal(str(rows[-1][9])) == Decimal(report.total.rates.quality)
