"""The teachers' period reports as files, each PDF (adapters.pdf_report) and XLSX (adapters.xlsx_report) from the same
rows: the subject teacher's report (a line per subject and class, then the subject's total over the classes; the lag
computed by the spreadsheet), the form teacher's report for a period (the subjects, the categories with quality and
pass rate, the lessons missed per student with the class's total summed by the spreadsheet, the lists; signed by the
form teacher) and the class's results for a period (the grid of results with «*» on an estimated one and the
spreadsheet's average per subject, then the categories)."""
import datetime as dt
import re

from openpyxl.utils import get_column_letter
from reportlab.lib.units import mm

from services.common.mark_scales import FIVE_POINT, VALUES
from services.reporting.adapters.pdf_report import DEPUTY_HEAD, FORM_TEACHER, PAGE_WIDTH, Heading, report_pdf, text_rows
from services.reporting.adapters.school_reports_files import date_text
from services.reporting.adapters.xlsx_report import Formula, SheetTable, Shown, Value, report_xlsx
from services.reporting.domain.attendance_sheet import REASONS
from services.reporting.domain.class_results_report import ESTIMATED, LEGEND, ClassResultsReport, result_text
from services.reporting.domain.form_teacher_report import FormTeacherReport
from services.reporting.domain.period_results import (
    CATEGORY_NAMES,
    NO_RESULT,
    NOT_ASSESSED_MARK,
    ClassResults,
    Period,
    Rates,
    SubjectResult,
    SubjectSummary,
)
from services.reporting.domain.subject_teacher_report import SubjectTeacherReport, lag

SUBJECT_TEACHER_TITLE = "Отчёт учителя-предметника"
FORM_TEACHER_TITLE = "Отчёт классного руководителя за период"
CLASS_RESULTS_TITLE = "Итоги успеваемости класса"
TEACHER = "Учитель ____________________ / ____________________"
ALL_CLASSES = "Все классы"
CLASS_AVERAGE = "Средний балл по предмету"
WITH_RESULT = "С результатом"
RATES_HEADER = ("Категория", "Учащихся")
MISSED_HEADER = ("Ученик", *(name for _, name in REASONS), "Всего")
LISTS_HEADER = ("Список", "Ученик", "Предметы")
OTHERS_HEADER = ("Ученик", "В классе с", "по")
MARK_WIDTH = 8 * mm
DECIMAL = re.compile(r"\d+\.\d+")
ESTIMATED_FORMAT = f'0"{ESTIMATED}"'
SUM = Formula("=SUM({column}{first}:{column}{last})")
AVERAGE = Formula('=IFERROR(ROUND(AVERAGE({column}{first}:{column}{last}),2),"")')


def decimal(value) -> bool:
    return isinstance(value, str) and DECIMAL.fullmatch(value) is not None


def xlsx_rows(rows: list[list]) -> list[list]:
    """Rows for the spreadsheet: an average or a rate ("4.25", "87.5") a number."""
    return [[float(value) if decimal(value) else value for value in row] for row in rows]


def sheet_table(title: str, header: tuple[str, ...], rows: list[list]) -> SheetTable:
    return SheetTable(title, header, xlsx_rows(rows))


def pdf_rows(rows: list[list]) -> list[tuple]:
    """Rows as printed: a decimal comma."""
    return [tuple(value.replace(".", ",") if decimal(value) else value for value in row) for row in rows]


def mark_values(subjects: list[SubjectSummary]) -> tuple[str, ...]:
    """The distribution's columns: the scale's values best first, then Н/А."""
    return tuple(v for v, _ in subjects[0].distribution) if subjects else (*VALUES[FIVE_POINT], NOT_ASSESSED_MARK)


def results_columns(subject: SubjectSummary) -> list:
    return [*(n for _, n in subject.distribution), subject.average, subject.quality, subject.pass_rate]


def results_header(values: tuple[str, ...]) -> tuple[str, ...]:
    return (*values, "Средний балл", "Качество, %", "Успеваемость, %")


def widths(names: list[float], columns: int, marks: int = 0) -> list[float]:
    """The name columns of the widths given, then narrow columns of the marks' counts, the rest of the page shared by
    the other columns."""
    rest = PAGE_WIDTH - sum(names) - marks * MARK_WIDTH
    return [*names, *[MARK_WIDTH] * marks, *[rest / (columns - marks)] * (columns - marks)]


# --- the subject teacher's report
PLANNED, TO_DATE, GIVEN, LAG = "Уроков по плану", "По плану на сегодня", "Дано", "Отставание"


def teacher_header(values: tuple[str, ...]) -> tuple[str, ...]:
    return ("Предмет", "Класс", "Период", *results_header(values), PLANNED, TO_DATE, GIVEN, LAG)


def lag_formula(header: tuple[str, ...]) -> Formula:
    """The lag as the spreadsheet computes it from the row's lessons to date and given."""
    to_date, given = (get_column_letter(header.index(name) + 1) for name in (TO_DATE, GIVEN))
    return Formula(f"=MAX(0,{to_date}{{row}}-{given}{{row}})")


def teacher_line(subject: SubjectSummary, names: tuple[str, str, str], behind: Value) -> list:
    lessons = subject.lessons
    return [*names, *results_columns(subject), lessons.planned, lessons.to_date, lessons.given, behind]


def period_text(period: Period) -> str:
    return f"{period.name}, с {date_text(period.date_from.isoformat())} по {date_text(period.date_to.isoformat())}"


def teacher_rows(report: SubjectTeacherReport, header: tuple[str, ...], xlsx: bool) -> list[list]:
    behind = lag_formula(header) if xlsx else None
    return [teacher_line(row.subject, (row.subject.subject.name, row.class_group_name, period_text(row.period)),
                         behind or lag(row.subject)) for row in report.rows]


def teacher_totals(report: SubjectTeacherReport, header: tuple[str, ...], xlsx: bool) -> list[list]:
    behind = lag_formula(header) if xlsx else None
    return [teacher_line(total, (total.subject.name, ALL_CLASSES, report.period_name), behind or lag(total))
            for total in report.totals]


def subject_teacher_file(report: SubjectTeacherReport, kind: str, formed_at: dt.datetime) -> bytes:
    heading = Heading(SUBJECT_TEACHER_TITLE, report.school_name, f"период: {report.period_name or '—'}", formed_at)
    values = mark_values([row.subject for row in report.rows])
    header = teacher_header(values)
    if kind == "xlsx":
        return report_xlsx(heading, [sheet_table("По классам", header, teacher_rows(report, header, True)),
                                     sheet_table("Итоги по предметам", header, teacher_totals(report, header, True))])
    column_widths = widths([30 * mm, 20 * mm, 30 * mm], len(header) - 3, len(values))
    return report_pdf(heading, text_rows(header, pdf_rows(teacher_rows(report, header, False))), column_widths,
                      signatures=(TEACHER, DEPUTY_HEAD),
                      more=(("Итоги по предметам", text_rows(header, pdf_rows(teacher_totals(report, header, False))),
                             column_widths),))


# --- the form teacher's report for a period


def subject_rows(results: ClassResults) -> list[list]:
    return [[s.subject.name, *results_columns(s), s.lessons.planned, s.lessons.given] for s in results.subjects]


def rates_rows(rates: Rates, xlsx: bool) -> list[list]:
    """The students by category (those with a result, their number — summed by the spreadsheet —, those without),
    then quality and pass rate."""
    counts = [[CATEGORY_NAMES[code], n] for code, n in rates.categories if code != NO_RESULT]
    return [*counts, [WITH_RESULT, SUM if xlsx else rates.with_result],
            [CATEGORY_NAMES[NO_RESULT], rates.count(NO_RESULT)],
            ["Качество знаний, %", rates.quality], ["Успеваемость, %", rates.pass_rate]]


def missed_rows(report: FormTeacherReport, xlsx: bool) -> list[list]:
    sheet = report.attendance
    rows = [[s.student_name or "—", *s.missed.by_reason, s.missed.total] for s in sheet.students]
    total = [SUM] * (len(REASONS) + 1) if xlsx else [*sheet.missed.by_reason, sheet.missed.total]
    return [*rows, ["Итого по классу", *total]]


def list_rows(report: FormTeacherReport) -> list[list]:
    rows = []
    for listed in report.lists:
        rows += [[listed.title, s.student_name, ", ".join(s.subjects)] for s in listed.students] or \
            [[listed.title, "нет", ""]]
    return rows


def class_heading(title: str, results: ClassResults, school_name: str, formed_at: dt.datetime) -> Heading:
    return Heading(title, school_name, f"класс {results.class_group.name}, {period_text(results.period)}", formed_at)


def form_teacher_file(report: FormTeacherReport, kind: str, formed_at: dt.datetime) -> bytes:
    results = report.results
    heading = class_heading(FORM_TEACHER_TITLE, results, report.school_name, formed_at)
    values = mark_values(list(results.subjects))
    header = ("Предмет", *results_header(values), PLANNED, GIVEN)
    if kind == "xlsx":
        return report_xlsx(heading, [sheet_table("Предметы", header, subject_rows(results)),
                                     sheet_table("Категории", RATES_HEADER, rates_rows(results.rates, True)),
                                     sheet_table("Посещаемость", MISSED_HEADER, missed_rows(report, True)),
                                     sheet_table("Списки", LISTS_HEADER, list_rows(report))])
    return report_pdf(
        heading, text_rows(header, pdf_rows(subject_rows(results))), widths([60 * mm], len(header) - 1, len(values)),
        signatures=(FORM_TEACHER,),
        more=((f"Учащиеся по категориям (на {date_text(results.counted_on.isoformat())})",
               text_rows(RATES_HEADER, pdf_rows(rates_rows(results.rates, False))), [80 * mm, 30 * mm]),
              ("Пропущено уроков за период", text_rows(MISSED_HEADER, missed_rows(report, False)),
               widths([80 * mm], len(MISSED_HEADER) - 1)),
              ("Списки учащихся", text_rows(LISTS_HEADER, list_rows(report)), [70 * mm, 80 * mm, 100 * mm])))


# --- the class's results for a period


def result_cell(result: SubjectResult, xlsx: bool) -> Value:
    """A result: in the spreadsheet a number (an estimated one shown with «*»), else as printed."""
    if not (xlsx and result.result.isdigit()):
        return result_text(result)
    return Shown(int(result.result), ESTIMATED_FORMAT) if result.estimated else int(result.result)


def grid_rows(report: ClassResultsReport, xlsx: bool) -> list[list]:
    subjects = report.results.subjects
    rows = [[s.student_name or "—", *(result_cell(r, xlsx) for r in s.subjects), s.average,
             CATEGORY_NAMES[s.category]] for s in report.students]
    averages = [AVERAGE] * len(subjects) if xlsx else [s.average for s in subjects]
    return [*rows, [CLASS_AVERAGE, *averages, "", ""], [LEGEND]]


def others_rows(report: ClassResultsReport) -> list[list]:
    return [[s.student_name, date_text(s.date_from) or "начала периода", date_text(s.date_to) or "конца периода"]
            for s in report.others]


def class_results_file(report: ClassResultsReport, kind: str, formed_at: dt.datetime) -> bytes:
    results = report.results
    heading = class_heading(CLASS_RESULTS_TITLE, results, report.school_name, formed_at)
    header = ("Ученик", *(s.subject.name for s in results.subjects), "Средний балл", "Категория")
    others = f"Учились в классе часть периода (не на {date_text(results.counted_on.isoformat())})"
    if kind == "xlsx":
        return report_xlsx(heading, [sheet_table("Итоги класса", header, grid_rows(report, True)),
                                     sheet_table("Категории", RATES_HEADER, rates_rows(results.rates, True)),
                                     *([sheet_table("Часть периода", OTHERS_HEADER, others_rows(report))]
                                       if report.others else [])])
    grid = [(*row, *[""] * (len(header) - len(row))) for row in pdf_rows(grid_rows(report, False))]
    return report_pdf(
        heading, text_rows(header, grid), widths([55 * mm], len(header) - 1), signatures=(FORM_TEACHER,),
        more=((f"Учащиеся по категориям (на {date_text(results.counted_on.isoformat())})",
               text_rows(RATES_HEADER, pdf_rows(rates_rows(results.rates, False))), [80 * mm, 30 * mm]),
              *(((others, text_rows(OTHERS_HEADER, others_rows(report)), [80 * mm, 40 * mm, 40 * mm]),)
                if report.others else ())))
