"""Printable PDF of the summary sheet (adapters.pdf_report: landscape A4, Cyrillic text): each cell holds the lesson
marks, their average and the period marks given, one line each ("1 четверть: 5", "Годовая: 5"); a student who was
in the class part of the year has the days under their name ("с 14.01.2027", "по 13.01.2027")."""
import datetime as dt
from xml.sax.saxutils import escape

from reportlab.lib.units import mm
from reportlab.platypus import Paragraph

from services.reporting.adapters.pdf_report import PAGE_WIDTH, Heading, report_pdf, russian_date, styles
from services.reporting.domain.summary_sheet import Cell, Row, SummarySheet

TITLE = "Сводная ведомость учёта успеваемости"
NAME_WIDTH = 55 * mm


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


def summary_sheet_pdf(sheet: SummarySheet, school_name: str = "", formed_at: dt.datetime | None = None) -> bytes:
    style = styles()
    cell, head = style.cell, style.head
    header = [Paragraph("№", head), Paragraph("Обучающийся", head)]
    header += [Paragraph(escape(s.name or "—"), head) for s in sheet.subjects]
    body = []
    for number, row in enumerate(sheet.rows, start=1):
        line = [Paragraph(str(number), cell), Paragraph(name_text(row), cell)]
        line += [Paragraph(cell_text(c), cell) for c in row.cells]
        body.append(line)
    number_width = 8 * mm
    subject_width = (PAGE_WIDTH - number_width - NAME_WIDTH) / max(len(sheet.subjects), 1)
    return report_pdf(Heading(TITLE, school_name, f"Учебный год {sheet.academic_year_name}, класс {sheet.class_group.name}",
                              formed_at),
                      [header, *body], [number_width, NAME_WIDTH, *[subject_width] * len(sheet.subjects)])
