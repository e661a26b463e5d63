"""The summary sheet as a printable PDF (adapters.pdf_report: landscape A4, Cyrillic text) and as XLSX
(adapters.xlsx_report) from the same sheet. In the PDF each cell holds the lesson marks, their average and the period
marks given, one line each ("1 четверть: 5", "Годовая: 5"); a student who was in the class part of the year has the
days under their name ("с 14.01.2027", "по 13.01.2027"). The XLSX is the grid: per subject a column of the marks, one
of the average (a number) and one per period mark; the name column and the header stay in view. At year end both end
with the pedagogical council's decision."""
import datetime as dt
from xml.sax.saxutils import escape

from reportlab.lib.units import mm
from reportlab.platypus import Paragraph

from services.reporting.adapters.pdf_report import PAGE_WIDTH, Heading, report_pdf, russian_date, styles
from services.reporting.adapters.xlsx_report import SheetTable, report_xlsx
from services.reporting.domain.period_results import YEAR
from services.reporting.domain.summary_sheet import Cell, Row, SummarySheet

TITLE = "Сводная ведомость учёта успеваемости"
DECISION = "Решение педагогического совета"
NAME_WIDTH = 55 * mm
DECISION_WIDTH = 50 * mm


def decimal_comma(value: str) -> str:
    return value.replace(".", ",")


def cell_text(cell: Cell) -> str:
    lines = [escape(" ".join(cell.marks))] if cell.marks else []
    if cell.average:
        lines.append(f"<b>ср. {decimal_comma(cell.average)}</b>")
    lines += [f"{escape(m.period_name or '—')}: <b>{escape(m.value)}</b>" for m in cell.period_marks if m.value]
    return "<br/>".join(lines)


def name_text(row: Row) -> str:
    """The student's name and, for part of the year, the days in the class."""
    stay = " ".join(([f"с {russian_date(row.date_from)}"] if row.date_from else [])
                    + ([f"по {russian_date(row.date_to)}"] if row.date_to else []))
    return escape(row.student_name or "—") + (f"<br/><i>{stay}</i>" if stay else "")


def heading(sheet: SummarySheet, school_name: str, formed_at: dt.datetime | None) -> Heading:
    """The year and the class, and the term of a term's sheet."""
    term = f", {sheet.period_name}" if sheet.period_id not in ("", YEAR) else ""
    return Heading(TITLE, school_name, f"Учебный год {sheet.academic_year_name}, класс {sheet.class_group.name}{term}",
                   formed_at)


def summary_sheet_pdf(sheet: SummarySheet, school_name: str = "", formed_at: dt.datetime | None = None) -> bytes:
    style = styles()
    cell, head = style.cell, style.head
    decided = sheet.decisions_shown
    header = [Paragraph("№", head), Paragraph("Обучающийся", head)]
    header += [Paragraph(escape(s.name or "—"), head) for s in sheet.subjects]
    header += [Paragraph(DECISION, head)] if decided else []
    body = []
    for number, row in enumerate(sheet.rows, start=1):
        line = [Paragraph(str(number), cell), Paragraph(name_text(row), cell)]
        line += [Paragraph(cell_text(c), cell) for c in row.cells]
        line += [Paragraph(escape(row.decision), cell)] if decided else []
        body.append(line)
    number_width = 8 * mm
    decision_width = DECISION_WIDTH if decided else 0
    subject_width = (PAGE_WIDTH - number_width - NAME_WIDTH - decision_width) / max(len(sheet.subjects), 1)
    return report_pdf(heading(sheet, school_name, formed_at), [header, *body],
                      [number_width, NAME_WIDTH, *[subject_width] * len(sheet.subjects),
                       *([decision_width] if decided else [])])


def mark_value(value: str) -> str | int:
    """A numeric mark as a number, any other (ОСВ, Н/А, зачёт) as text."""
    return int(value) if value.isdigit() else value


def grid(sheet: SummarySheet) -> SheetTable:
    header = ["Обучающийся"]
    for subject in sheet.subjects:
        header += [f"{subject.name}: отметки", f"{subject.name}: средний балл",
                   *(f"{subject.name}: {p.name}" for p in sheet.periods)]
    header += [DECISION] if sheet.decisions_shown else []
    rows = []
    for row in sheet.rows:
        line: list[str | int | float] = [row.student_name]
        for c in row.cells:
            line += [" ".join(c.marks), float(c.average) if c.average else "",
                     *(mark_value(m.value) for m in c.period_marks)]
        rows.append(line + ([row.decision] if sheet.decisions_shown else []))
    return SheetTable("Ведомость", header, rows, frozen_columns=1)


def summary_sheet_file(sheet: SummarySheet, kind: str, school_name: str, formed_at: dt.datetime) -> bytes:
    if kind == "xlsx":
        return report_xlsx(heading(sheet, school_name, formed_at), [grid(sheet)])
    return summary_sheet_pdf(sheet, school_name, formed_at)
