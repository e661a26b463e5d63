"""The school-wide period reports as files, each as PDF (adapters.pdf_report) and XLSX (adapters.xlsx_report) from the
same rows: results and knowledge quality (by class with the grades' subtotals and the school's total; by subject across
the school and per grade), the school summary report (fill, results, missed lessons, lessons planned and given per
class, the school's total) and the school progress summary (per grade and the school, the previous period beside this
one). In the XLSX the rates of a class row, a summary's totals and a progress row's change are formulas."""
import datetime as dt

from openpyxl.utils import get_column_letter
from reportlab.lib.units import mm

from services.reporting.adapters.pdf_report import (
    DEPUTY_HEAD,
    DIRECTOR,
    PAGE_WIDTH,
    Heading,
    report_pdf,
    text_rows,
)
from services.reporting.adapters.school_reports_files import date_text
from services.reporting.adapters.xlsx_report import Formula, SheetTable, report_xlsx
from services.reporting.domain.attendance_sheet import REASONS
from services.reporting.domain.period_results import (
    EXCELLENT,
    FAILING,
    GOOD,
    NOT_ASSESSED,
    ONE_THREE,
    SATISFACTORY,
    YEAR,
    SubjectSummary,
)
from services.reporting.domain.progress_summary import ProgressRow, ProgressSummary
from services.reporting.domain.school_results import ResultsRow, SchoolResults
from services.reporting.domain.school_summary import SchoolSummary, SummaryRow

KNOWLEDGE_QUALITY_TITLE = "Итоги успеваемости и качество знаний"
SCHOOL_SUMMARY_TITLE = "Отчёт о всей школе"
PROGRESS_SUMMARY_TITLE = "Сводный отчёт об успеваемости"
SHOWN = (EXCELLENT, GOOD, ONE_THREE, SATISFACTORY, FAILING, NOT_ASSESSED)  # the categories' columns
CATEGORY_HEADER = ("Отличники", "Хорошисты", "С одной «3»", "Троечники", "Неуспевающие", "Не аттестованы")
RATES_HEADER = ("Качество знаний, %", "Успеваемость, %", "Средний балл")
CLASS_HEADER = ("Класс", "Учащихся", "С отметками", *CATEGORY_HEADER, *RATES_HEADER)
SUBJECT_HEADER = ("Предмет", "Классы", "С отметками", *RATES_HEADER)
SUMMARY_HEADER = ("Класс", "Мальчики", "Девочки", "Всего", *CATEGORY_HEADER, *RATES_HEADER,
                  *(f"Пропущено: {name}" for _, name in REASONS), "Пропущено уроков", "Уроков по плану",
                  "Уроков проведено")
NOTES_HEADER = ("Не вошли в отчёт",)
WHOLE_SCHOOL = "Вся школа"
# a class row's rates from its counts (columns C: with a result, D, E: отличники, хорошисты, H, I: failing, Н/А)
QUALITY = Formula('=IF(C{row}=0,"",ROUND((D{row}+E{row})*100/C{row},1))')
PASS_RATE = Formula('=IF(C{row}=0,"",ROUND((C{row}-H{row}-I{row})*100/C{row},1))')


def number(text: str) -> float | None:
    """A rate or an average as a spreadsheet number (None = blank)."""
    return float(text) if text else None


def decimal_comma(text: str) -> str:
    return text.replace(".", ",")


def heading(title: str, results: SchoolResults, formed_at: dt.datetime) -> Heading:
    period = results.period
    name = period.name if period.id == YEAR else f"{period.name}, учебный год {results.academic_year_name}"
    return Heading(title, results.school_name, f"{name} (с {date_text(period.date_from.isoformat())} по "
                   f"{date_text(period.date_to.isoformat())})", formed_at)


def results_cells(row: ResultsRow, xlsx: bool, formulas: bool = False) -> tuple:
    """The categories, the rates and the average of a class, a grade or the school."""
    rates = (QUALITY, PASS_RATE) if formulas else (row.rates.quality, row.rates.pass_rate)
    shown = (*rates, row.average)
    if xlsx:
        shown = tuple(value if isinstance(value, Formula) else number(value) for value in shown)
    else:
        shown = tuple(decimal_comma(value) for value in shown)
    return (*(row.count(category) for category in SHOWN), *shown)


def class_rows(results: SchoolResults, xlsx: bool) -> list[tuple]:
    """Each grade's classes, then its subtotal; the school's total last. The XLSX's class rows compute their rates."""
    rows = []
    for grade in results.grades:
        rows += [(row.name, row.students, row.rates.with_result, *results_cells(row, xlsx, formulas=xlsx))
                 for row in results.class_rows if row.grade == grade.grade]
        rows.append((f"Итого: {grade.name}", grade.students, grade.rates.with_result, *results_cells(grade, xlsx)))
    total = results.total
    return [*rows, (total.name, total.students, total.rates.with_result, *results_cells(total, xlsx))]


def subject_cells(summary: SubjectSummary, classes: str, xlsx: bool) -> tuple:
    rates = (summary.quality, summary.pass_rate, summary.average)
    return (summary.subject.name, classes, summary.with_result,
            *(number(value) if xlsx else decimal_comma(value) for value in rates))


def subject_rows(results: SchoolResults, xlsx: bool) -> list[tuple]:
    rows = [subject_cells(s, WHOLE_SCHOOL, xlsx) for s in results.subjects]
    for grade in results.grade_subjects:
        rows += [subject_cells(s, grade.name, xlsx) for s in grade.subjects]
    return rows


def notes(results: SchoolResults) -> list[tuple]:
    return [(note,) for note in results.notes]


def pdf_widths(first: float, count: int) -> list[float]:
    return [first, *[(PAGE_WIDTH - first) / (count - 1)] * (count - 1)]


def with_notes(results: SchoolResults) -> tuple:
    return (("Не вошли в отчёт", text_rows(NOTES_HEADER, notes(results)), [PAGE_WIDTH]),) if results.notes else ()


def knowledge_quality_file(results: SchoolResults, kind: str, formed_at: dt.datetime) -> bytes:
    title = heading(KNOWLEDGE_QUALITY_TITLE, results, formed_at)
    if kind == "xlsx":
        return report_xlsx(title, [SheetTable("По классам", CLASS_HEADER, class_rows(results, True)),
                                   SheetTable("По предметам", SUBJECT_HEADER, subject_rows(results, True)),
                                   *([SheetTable("Примечания", NOTES_HEADER, notes(results))] if results.notes else [])])
    return report_pdf(title, text_rows(CLASS_HEADER, class_rows(results, False)), pdf_widths(30 * mm, len(CLASS_HEADER)),
                      signatures=(DEPUTY_HEAD,),
                      more=(("По предметам", text_rows(SUBJECT_HEADER, subject_rows(results, False)),
                             pdf_widths(60 * mm, len(SUBJECT_HEADER))), *with_notes(results)))


def summary_cells(row: SummaryRow, xlsx: bool, total: bool = False) -> tuple:
    """A class's (or, `total`, the school's) line; in the XLSX the total's counts are sums of the class lines."""
    blank = None if xlsx else ""
    results = ((blank,) * (len(SHOWN) + len(RATES_HEADER)) if row.results is None
               else results_cells(row.results, xlsx))
    lessons = (blank, blank) if row.lessons is None else (row.lessons.planned, row.lessons.given)
    cells = (row.fill.class_group_name or "—", row.fill.boys, row.fill.girls, row.fill.total, *results,
             *row.missed.by_reason, row.missed.total, *lessons)
    if not (xlsx and total):
        return cells
    summed = set(range(1, 4 + len(SHOWN))) | set(range(4 + len(SHOWN) + len(RATES_HEADER), len(cells)))
    return tuple(Formula(f"=SUM({column}{{first}}:{column}{{prev}})") if i in summed else value
                 for i, value in enumerate(cells) for column in (get_column_letter(i + 1),))


def school_summary_file(summary: SchoolSummary, kind: str, formed_at: dt.datetime) -> bytes:
    title = heading(SCHOOL_SUMMARY_TITLE, summary.results, formed_at)
    xlsx = kind == "xlsx"
    rows = [*(summary_cells(row, xlsx) for row in summary.rows), summary_cells(summary.total, xlsx, total=True)]
    if xlsx:
        return report_xlsx(title, [SheetTable("Отчёт о школе", SUMMARY_HEADER, rows),
                                   *([SheetTable("Примечания", NOTES_HEADER, notes(summary.results))]
                                     if summary.results.notes else [])])
    return report_pdf(title, text_rows(SUMMARY_HEADER, rows), pdf_widths(22 * mm, len(SUMMARY_HEADER)),
                      signatures=(DIRECTOR,), more=with_notes(summary.results))


def progress_header(summary: ProgressSummary) -> tuple[str, ...]:
    before = f" ({', '.join(summary.previous_names)})" if summary.previous_names else " (предыдущий период)"
    now = f" ({summary.results.period.name})"
    return ("Параллель", "Учащихся", f"Качество знаний, %{before}", f"Качество знаний, %{now}", "Изменение, п.",
            f"Успеваемость, %{before}", f"Успеваемость, %{now}", "Изменение, п.", "Средний балл")


def progress_cells(row: ProgressRow, xlsx: bool) -> tuple:
    before = row.before.rates if row.before else None
    rates = (before.quality if before else "", row.now.rates.quality, row.quality_change,
             before.pass_rate if before else "", row.now.rates.pass_rate, row.pass_rate_change, row.now.average)
    if not xlsx:
        return (row.now.name, row.now.students, *(decimal_comma(value) for value in rates))
    change = '=IF(OR({0}{{row}}="",{1}{{row}}=""),"",ROUND({1}{{row}}-{0}{{row}},1))'
    q_before, q_now, _, p_before, p_now, _, average = (number(value) for value in rates)
    return (row.now.name, row.now.students, q_before, q_now, Formula(change.format("C", "D")), p_before, p_now,
            Formula(change.format("F", "G")), average)


def progress_summary_file(summary: ProgressSummary, kind: str, formed_at: dt.datetime) -> bytes:
    title = heading(PROGRESS_SUMMARY_TITLE, summary.results, formed_at)
    xlsx = kind == "xlsx"
    header = progress_header(summary)
    rows = [progress_cells(row, xlsx) for row in (*summary.grades, summary.total)]
    if xlsx:
        return report_xlsx(title, [SheetTable("Успеваемость", header, rows),
                                   *([SheetTable("Примечания", NOTES_HEADER, notes(summary.results))]
                                     if summary.results.notes else [])])
    return report_pdf(title, text_rows(header, rows), pdf_widths(40 * mm, len(header)), signatures=(DEPUTY_HEAD,),
                      more=with_notes(summary.results))
