"""Curriculum fulfilment (выполнение учебного плана) as PDF (adapters.pdf_report, signed by the deputy head) and XLSX
(adapters.xlsx_report) from the same rows: a line per class and subject, then the school's total; a lag (planned to
date − given > 0) bold and red. In the XLSX the lag and the fulfilment % are formulas of the row's cells."""
import datetime as dt
from xml.sax.saxutils import escape

from reportlab.lib.units import mm
from reportlab.platypus import Paragraph

from services.reporting.adapters.pdf_report import DEPUTY_HEAD, PAGE_WIDTH, Heading, report_pdf, russian_date, styles
from services.reporting.adapters.xlsx_report import Formula, SheetTable, report_xlsx
from services.reporting.domain.curriculum_fulfilment import CurriculumFulfilment, Row

TITLE = "Выполнение учебного плана"
HEADER = ("Класс", "Предмет", "Часов в неделю", "Учебных недель", "Часов за год", "Уроков за год по расписанию",
          "Уроков на дату", "Проведено", "Отставание", "Выполнение, %")
LAG_COLUMN = HEADER.index("Отставание")
LAG = Formula("=G{row}-H{row}")
FULFILMENT = Formula('=IF(F{row}>0,ROUND(H{row}/F{row}*100,1),"")')


def heading(report: CurriculumFulfilment, formed_at: dt.datetime) -> Heading:
    return Heading(TITLE, report.school_name, f"Учебный год {report.academic_year_name}, уроки на "
                   f"{russian_date(report.as_of.isoformat())}", formed_at)


def number(text: str) -> int | float | str:
    """Hours as a number ("1.5" → 1.5, "68" → 68), "" stays empty."""
    return "" if not text else int(text) if text.isdigit() else float(text)


def line(row: Row) -> tuple:
    """A row's values as printed (the lag with its sign, the percent with a comma)."""
    return (row.class_group_name, row.subject_name, row.hours_per_week.replace(".", ","),
            row.study_weeks or "", row.hours_per_year.replace(".", ","), row.planned, row.to_date, row.given, row.lag,
            row.fulfilment.replace(".", ","))


def rows_of(report: CurriculumFulfilment) -> list[Row]:
    return [*report.rows, report.total]


def fulfilment_pdf(report: CurriculumFulfilment, formed_at: dt.datetime) -> bytes:
    style = styles()
    table = [[Paragraph(escape(h), style.head) for h in HEADER]]
    for row in rows_of(report):
        cells = [escape(str(value)) for value in line(row)]
        if row.lag > 0:
            cells[LAG_COLUMN] = f'<font color="#c00000"><b>{cells[LAG_COLUMN]}</b></font>'
        table.append([Paragraph(text, style.cell) for text in cells])
    counts = [22 * mm] * (len(HEADER) - 3) + [26 * mm]  # «Выполнение, %» on one line
    return report_pdf(heading(report, formed_at), table, [30 * mm, PAGE_WIDTH - 30 * mm - sum(counts), *counts],
                      signatures=(DEPUTY_HEAD,))


def fulfilment_table(report: CurriculumFulfilment) -> SheetTable:
    rows = [(row.class_group_name, row.subject_name, number(row.hours_per_week), row.study_weeks or "",
             number(row.hours_per_year), row.planned, row.to_date, row.given, LAG, FULFILMENT)
            for row in rows_of(report)]
    lagging = [(i, LAG_COLUMN) for i, row in enumerate(rows_of(report)) if row.lag > 0]
    return SheetTable("Учебный план", HEADER, rows, frozen_columns=2, bold=lagging)


def curriculum_fulfilment_file(report: CurriculumFulfilment, kind: str, formed_at: dt.datetime) -> bytes:
    if kind == "xlsx":
        return report_xlsx(heading(report, formed_at), [fulfilment_table(report)])
    return fulfilment_pdf(report, formed_at)
