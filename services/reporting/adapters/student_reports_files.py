"""The reports on a student as files: the average mark's dynamics (PDF with a ReportLab line chart of the overall
average per term, XLSX with an openpyxl line chart), the report cards (one PDF for the class, a student a page, signed
by the form teacher and a guardian; XLSX), the progress and attendance report (PDF, XLSX) and the letters to guardians
(one PDF for the class, a letter a page, signed by the form teacher). PDF through adapters.pdf_report, XLSX through
adapters.xlsx_report, from the same rows."""
import datetime as dt
import io
from xml.sax.saxutils import escape

from openpyxl import load_workbook
from openpyxl.chart import LineChart, Reference
from openpyxl.utils import get_column_letter
from reportlab.graphics.charts.linecharts import HorizontalLineChart
from reportlab.graphics.shapes import Drawing, String
from reportlab.graphics.widgets.markers import makeMarker
from reportlab.lib import colors
from reportlab.lib.pagesizes import A4
from reportlab.lib.units import mm
from reportlab.platypus import PageBreak, Paragraph, Spacer

from services.reporting.adapters.pdf_report import (
    FONT,
    FORM_TEACHER,
    PAGE_WIDTH,
    Heading,
    document,
    gridded,
    signature_lines,
    styles,
    text_rows,
    title_block,
)
from services.reporting.adapters.school_reports_files import date_text
from services.reporting.adapters.xlsx_report import Formula, SheetTable, report_xlsx
from services.reporting.domain.attendance_sheet import REASONS, Missed
from services.reporting.domain.period_results import Period
from services.reporting.domain.student_reports import (
    ProgressReport,
    ProgressSubject,
    ReportCard,
    ReportCards,
    StudentDynamics,
    StudentProgress,
)

DYNAMICS_TITLE = "Средний балл ученика и его динамика"
CARD_TITLE = "Табель успеваемости"
PROGRESS_TITLE = "Отчёт об успеваемости и посещаемости ученика"
LETTER_TITLE = "Информационное письмо родителям"
GUARDIAN = "Родитель (законный представитель) ____________________ / ____________________"
OVERALL, CHANGE, TOTAL = "Средний балл", "Изменение", "Итого"
CHART_CAPTION = "Средний балл по четвертям"
DYNAMICS_SHEET, DYNAMICS_HEADER = "Динамика", ("Период", OVERALL, CHANGE)
REASON_NAMES = tuple(name for _, name in REASONS)
MARKS_HEADER = ("Предмет", "Текущие отметки", "Средний балл (взвешенный)", "Отметка за период")
PROGRESS_HEADER = (*MARKS_HEADER, *REASON_NAMES, "Всего пропущено")
PORTRAIT_WIDTH = A4[0] - 20 * mm


def decimal_text(value: str) -> str:
    """A number as Russians print it: a decimal comma."""
    return value.replace(".", ",")


def number(value: str) -> str | int | float:
    """A mark or an average as a spreadsheet number when it is one."""
    if value.isdigit():
        return int(value)
    try:
        return float(value) if value else ""
    except ValueError:
        return value


def class_and_period(class_name: str, period: Period) -> str:
    return (f"класс {class_name or '—'}, {period.name}: с {date_text(period.date_from.isoformat())} "
            f"по {date_text(period.date_to.isoformat())}")


# --- the average mark's dynamics

def dynamics_header(dynamics: StudentDynamics) -> tuple[str, ...]:
    return ("Предмет", *(f"{t.period.name}: {what}" for t in dynamics.terms for what in ("средний", "отметка")))


def dynamics_rows(dynamics: StudentDynamics, show=lambda value: value) -> list[tuple]:
    rows = [(s.subject.name, *(show(v) for t in s.terms for v in (t.average, t.term_mark))) for s in dynamics.subjects]
    rows.append((OVERALL, *(v for t in dynamics.terms for v in (show(t.average), ""))))
    rows.append((CHANGE, *(v for t in dynamics.terms for v in (show(t.change), ""))))
    return rows


def dynamics_heading(dynamics: StudentDynamics, formed_at: dt.datetime) -> Heading:
    year = f", учебный год {dynamics.academic_year_name}" if dynamics.academic_year_name else ""
    return Heading(DYNAMICS_TITLE, dynamics.school_name,
                   f"{dynamics.student.name or '—'}, класс {dynamics.class_group.name or '—'}{year}", formed_at)


def dynamics_chart(dynamics: StudentDynamics, width: float = PAGE_WIDTH, height: float = 70 * mm) -> Drawing:
    """The overall average per term as a line on the 2..5 scale (a term without an average: no point)."""
    drawing = Drawing(width, height)
    drawing.add(String(width / 2, height - 12, CHART_CAPTION, fontName=FONT, fontSize=10, textAnchor="middle"))
    chart = HorizontalLineChart()
    chart.x, chart.y, chart.width, chart.height = 30, 20, width - 50, height - 45
    chart.data = [tuple(float(t.average) if t.average else None for t in dynamics.terms)]
    chart.categoryAxis.categoryNames = [t.period.name for t in dynamics.terms]
    chart.categoryAxis.labels.fontName = chart.valueAxis.labels.fontName = FONT
    chart.valueAxis.valueMin, chart.valueAxis.valueMax, chart.valueAxis.valueStep = 2, 5, 0.5
    chart.valueAxis.labelTextFormat = lambda value: decimal_text(f"{value:.1f}")
    chart.lines[0].strokeColor = colors.HexColor("#1f4e9c")
    chart.lines[0].strokeWidth = 1.5
    chart.lines[0].symbol = makeMarker("FilledCircle")
    chart.lineLabelFormat = lambda value: decimal_text(f"{value:.2f}")
    chart.lineLabels.fontName = FONT
    drawing.add(chart)
    return drawing


def dynamics_terms_rows(dynamics: StudentDynamics) -> list[tuple]:
    return [(t.period.name, number(t.average), number(t.change)) for t in dynamics.terms]


def student_dynamics_file(dynamics: StudentDynamics, kind: str, formed_at: dt.datetime) -> bytes:
    heading = dynamics_heading(dynamics, formed_at)
    header = dynamics_header(dynamics)
    if kind == "xlsx":
        return with_line_chart(report_xlsx(heading, [
            SheetTable("Средний балл", header, dynamics_rows(dynamics, number)),
            SheetTable(DYNAMICS_SHEET, DYNAMICS_HEADER, dynamics_terms_rows(dynamics))]))
    widths = [60 * mm, *([(PAGE_WIDTH - 60 * mm) / max(1, len(header) - 1)] * (len(header) - 1))]
    table = gridded(text_rows(header, dynamics_rows(dynamics, decimal_text)), widths)
    return document(heading, [*title_block(heading), Spacer(0, 6 * mm), table, Spacer(0, 6 * mm),
                              dynamics_chart(dynamics)])


def with_line_chart(content: bytes) -> bytes:
    """The workbook with a line chart of its «Динамика» sheet: the overall average per term."""
    book = load_workbook(io.BytesIO(content))
    sheet = book[DYNAMICS_SHEET]
    header = next(r for r in range(1, sheet.max_row + 1) if sheet.cell(r, 1).value == DYNAMICS_HEADER[0])
    chart = LineChart()
    chart.title, chart.y_axis.title = CHART_CAPTION, OVERALL
    chart.y_axis.scaling.min, chart.y_axis.scaling.max = 2, 5
    chart.add_data(Reference(sheet, min_col=2, min_row=header, max_row=sheet.max_row), titles_from_data=True)
    chart.set_categories(Reference(sheet, min_col=1, min_row=header + 1, max_row=sheet.max_row))
    sheet.add_chart(chart, f"E{header}")
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


# --- the report cards

def missed_rows(missed: Missed) -> list[list]:
    return text_rows((*REASON_NAMES, "Всего"), [(*missed.by_reason, missed.total)])


def card_heading(cards: ReportCards, formed_at: dt.datetime, card: ReportCard | None = None) -> Heading:
    who = f"{card.student.name or '—'}, " if card else ""
    return Heading(CARD_TITLE, cards.school_name, who + class_and_period(cards.class_group.name, cards.period),
                   formed_at)


def card_page(cards: ReportCards, card: ReportCard, formed_at: dt.datetime) -> list:
    style = styles()
    header = ("Предмет", *(c.name for c in cards.columns))
    widths = [70 * mm, *([(PORTRAIT_WIDTH - 70 * mm) / max(1, len(cards.columns))] * len(cards.columns))]
    rows = [(s.subject.name, *s.marks) for s in card.subjects] or [("Отметок нет", *("" for _ in cards.columns))]
    return [*title_block(card_heading(cards, formed_at, card)), Spacer(0, 6 * mm),
            gridded(text_rows(header, rows), widths), Spacer(0, 6 * mm),
            Paragraph("Пропущено уроков за период", style.subtitle), Spacer(0, 2 * mm),
            gridded(missed_rows(card.missed), [PORTRAIT_WIDTH / (len(REASONS) + 1)] * (len(REASONS) + 1)),
            *signature_lines((FORM_TEACHER, GUARDIAN))]


def report_cards_file(cards: ReportCards, kind: str, formed_at: dt.datetime) -> bytes:
    heading = card_heading(cards, formed_at)
    if kind == "xlsx":
        marks = [(c.student.name, s.subject.name, *(number(m) for m in s.marks)) for c in cards.cards
                 for s in c.subjects]
        last = get_column_letter(1 + len(REASONS))
        missed = [(c.student.name, *c.missed.by_reason, Formula(f"=SUM(B{row}:{last}{row})"))
                  for row, c in enumerate(cards.cards, start=attendance_first_row(heading))]
        return report_xlsx(heading, [
            SheetTable("Табель", ("Ученик", "Предмет", *(c.name for c in cards.columns)), marks),
            SheetTable("Пропуски", ("Ученик", *REASON_NAMES, "Всего"), missed)])
    pages = [part for i, card in enumerate(cards.cards)
             for part in ([PageBreak()] if i else []) + card_page(cards, card, formed_at)]
    if not pages:
        pages = [*title_block(heading), Spacer(0, 6 * mm), Paragraph("В классе за период нет учеников.",
                                                                      styles().subtitle)]
    return document(heading, pages, A4)


def attendance_first_row(heading: Heading) -> int:
    """The first data row under the title block (its non-empty lines), a blank row and the header."""
    lines = [heading.title, heading.school_name, heading.period, heading.formed_at]
    return sum(1 for line in lines if line) + 3


# --- the progress and attendance report, the letters to guardians

def marks_cells(subject: ProgressSubject, show=decimal_text) -> tuple:
    return (subject.subject.name, ", ".join(subject.marks), show(subject.average), show(subject.period_mark))


def progress_rows(student: StudentProgress, first_row: int = 0) -> list[tuple]:
    """A line per subject with its missed lessons, then the total; with first_row (the XLSX) the total's counts are
    sums of the lines above."""
    rows = [(*marks_cells(s, number if first_row else decimal_text), *s.missed.by_reason, s.missed.total)
            for s in student.subjects]
    if first_row and rows:
        last = first_row + len(rows) - 1
        columns = [get_column_letter(len(MARKS_HEADER) + 1 + i) for i in range(len(REASONS) + 1)]
        return rows + [(TOTAL, "", "", "", *(Formula(f"=SUM({c}{first_row}:{c}{last})") for c in columns))]
    return rows + [(TOTAL, "", "", "", *student.missed.by_reason, student.missed.total)]


def progress_heading(report: ProgressReport, title: str, formed_at: dt.datetime,
                     student: StudentProgress | None = None) -> Heading:
    who = f"{student.student.name or '—'}, " if student else ""
    return Heading(title, report.school_name, who + class_and_period(report.class_group.name, report.period),
                   formed_at)


def student_progress_file(report: ProgressReport, kind: str, formed_at: dt.datetime) -> bytes:
    student = report.students[0]
    heading = progress_heading(report, PROGRESS_TITLE, formed_at, student)
    if kind == "xlsx":
        return report_xlsx(heading, [SheetTable("Успеваемость", PROGRESS_HEADER,
                                                progress_rows(student, attendance_first_row(heading)))])
    counts = [26 * mm] * (len(REASONS) + 1)
    rest = PAGE_WIDTH - sum(counts) - 50 * mm
    widths = [50 * mm, rest - 56 * mm, 28 * mm, 28 * mm, *counts]
    return document(heading, [*title_block(heading), Spacer(0, 6 * mm),
                              gridded(text_rows(PROGRESS_HEADER, progress_rows(student)), widths),
                              *signature_lines((FORM_TEACHER,))])


def missed_sentence(missed: Missed) -> str:
    if not missed.total:
        return "Пропущенных уроков за период нет."
    reasons = "; ".join(f"{name} — {n}" for (_, name), n in zip(REASONS, missed.by_reason, strict=True) if n)
    return f"Пропущено уроков за период: {missed.total} ({reasons})."


def letter_page(report: ProgressReport, student: StudentProgress, text: str, formed_at: dt.datetime) -> list:
    style = styles()
    body = style.subtitle.clone("letter", alignment=0, spaceAfter=3 * mm)
    period = report.period
    rows = [marks_cells(s) for s in student.subjects if s.marks or s.period_mark]
    return [*title_block(progress_heading(report, LETTER_TITLE, formed_at)), Spacer(0, 6 * mm),
            Paragraph(escape(f"Уважаемые родители (законные представители) {student.student.name or '—'}!"),
                      style.title.clone("salutation", fontSize=12, leading=16)),
            Spacer(0, 3 * mm),
            Paragraph(escape(f"Сообщаем результаты обучения за период «{period.name}» (с "
                             f"{date_text(period.date_from.isoformat())} по {date_text(period.date_to.isoformat())})."),
                      body),
            gridded(text_rows(MARKS_HEADER, rows or [("Отметок за период нет", "", "", "")]),
                    [55 * mm, PORTRAIT_WIDTH - 125 * mm, 35 * mm, 35 * mm]),
            Spacer(0, 4 * mm), Paragraph(escape(missed_sentence(student.missed)), body),
            *(Paragraph(escape(line), body) for line in text.splitlines() if line.strip()),
            *signature_lines((FORM_TEACHER,))]


def guardian_letters_pdf(report: ProgressReport, text: str, formed_at: dt.datetime) -> bytes:
    heading = progress_heading(report, LETTER_TITLE, formed_at)
    pages = [part for i, student in enumerate(report.students)
             for part in ([PageBreak()] if i else []) + letter_page(report, student, text, formed_at)]
    if not pages:
        pages = [*title_block(heading), Spacer(0, 6 * mm), Paragraph("В классе за период нет учеников.",
                                                                      styles().subtitle)]
    return document(heading, pages, A4)
