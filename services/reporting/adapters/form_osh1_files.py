"""Form ОШ-1 as files: a PDF (landscape, every section's table with the form's column numbers and row numbers, its
note under it, the director's signature lines) and an XLSX (one sheet per section, numbers as numbers, column 3 a
formula summing the grades) from the same rows. A crossed-out cell prints «х», a field the data cannot give stays
empty."""
import datetime as dt
import io
from xml.sax.saxutils import escape

from openpyxl import Workbook
from reportlab.lib.units import mm
from reportlab.platypus import Paragraph, Spacer

from services.reporting.adapters.pdf_report import (
    DIRECTOR,
    PAGE_WIDTH,
    Heading,
    document,
    gridded,
    russian_date,
    signature_lines,
    styles,
    text_rows,
    title_block,
)
from services.reporting.adapters.school_reports_files import MEDIA_TYPES
from services.reporting.adapters.xlsx_report import Formula, SheetTable, Value, put_table
from services.reporting.domain.form_osh1 import COLUMNS, FormOsh1, Line, Section

__all__ = ["MEDIA_TYPES", "form_osh1_file"]
TITLE = ("Форма ОШ-1. Сведения об организации, осуществляющей подготовку по образовательным программам начального "
         "общего, основного общего, среднего общего образования")
CROSSED = "х"
NUMBERS = tuple(str(n) for n in range(1, len(COLUMNS) + 1))  # the form's column numbers under its header
TOTAL = "=SUM(D{row}:N{row})"


def heading(report: FormOsh1, formed_at: dt.datetime) -> Heading:
    year = f", учебный год {report.academic_year_name}" if report.academic_year_name else ""
    previous = f"; движение — за {report.previous_year_name} учебный год" if report.previous_year_name else ""
    return Heading(TITLE, report.name, f"Контингент на {russian_date(report.on_date)}{year}{previous}", formed_at)


def caption(section: Section) -> str:
    return f"Раздел {section.code}. {section.title}"


def cell(value: int | None, line: Line) -> str | int:
    return "" if line.blank else CROSSED if value is None else value


def printed(line: Line) -> tuple:
    total = "" if line.blank or line.total is None else line.total
    return (line.name, line.number, total, *(cell(n, line) for n in line.by_grade))


def sheet_row(line: Line) -> list[Value]:
    total: Value = "" if line.blank or line.total is None else Formula(TOTAL)
    return [line.name, line.number, total, *(cell(n, line) for n in line.by_grade)]


def pdf(report: FormOsh1, formed_at: dt.datetime) -> bytes:
    style = styles()
    widths = [78 * mm, 12 * mm, 18 * mm]
    widths += [(PAGE_WIDTH - sum(widths)) / (len(COLUMNS) - 3)] * (len(COLUMNS) - 3)
    story = list(title_block(heading(report, formed_at)))
    for section in report.sections:
        rows = text_rows(COLUMNS, [NUMBERS, *(printed(line) for line in section.lines)])
        story += [Spacer(0, 5 * mm), Paragraph(escape(caption(section)), style.subtitle), Spacer(0, 2 * mm),
                  gridded(rows, widths)]
        if section.note:
            story += [Spacer(0, 1 * mm), Paragraph(escape(f"Примечание: {section.note}"), style.cell)]
    return document(heading(report, formed_at), [*story, *signature_lines((DIRECTOR,))])


def xlsx(report: FormOsh1, formed_at: dt.datetime) -> bytes:
    book = Workbook()
    book.remove(book.active)
    title = heading(report, formed_at)
    for section in report.sections:
        rows = [list(NUMBERS), *(sheet_row(line) for line in section.lines)]
        if section.note:
            rows.append([f"Примечание: {section.note}"])
        put_table(book.create_sheet(f"Раздел {section.code}"),
                  Heading(caption(section), title.school_name, title.period, formed_at),
                  SheetTable(caption(section), COLUMNS, rows, frozen_columns=2))
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def form_osh1_file(report: FormOsh1, kind: str, formed_at: dt.datetime) -> bytes:
    return xlsx(report, formed_at) if kind == "xlsx" else pdf(report, formed_at)
