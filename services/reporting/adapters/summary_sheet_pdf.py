"""Printable PDF of the summary sheet (landscape A4, DejaVu fonts for Cyrillic text): each cell holds the lesson
marks, their average and the period marks given, one line each ("1 четверть: 5", "Годовая: 5"); a student who was
in the class part of the year has the days under their name ("с 14.01.2027", "по 13.01.2027")."""
import io
import pathlib
from xml.sax.saxutils import escape

from reportlab.lib import colors
from reportlab.lib.pagesizes import A4, landscape
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.platypus import Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle

from services.reporting.domain.summary_sheet import Cell, Row, SummarySheet

FONT_DIR = pathlib.Path("/usr/share/fonts/truetype/dejavu")  # Debian package fonts-dejavu-core
FONT, BOLD = "DejaVuSans", "DejaVuSans-Bold"
TITLE = "Сводная ведомость учёта успеваемости"
NAME_WIDTH = 55 * mm


def register_fonts() -> None:
    if FONT not in pdfmetrics.getRegisteredFontNames():
        pdfmetrics.registerFont(TTFont(FONT, str(FONT_DIR / f"{FONT}.ttf")))
        pdfmetrics.registerFont(TTFont(BOLD, str(FONT_DIR / f"{BOLD}.ttf")))
        pdfmetrics.registerFontFamily(FONT, normal=FONT, bold=BOLD, italic=FONT, boldItalic=BOLD)


def decimal_comma(value: str) -> str:
    return value.replace(".", ",")


def cell_text(cell: Cell) -> str:
    lines = [escape(" ".join(cell.marks))] if cell.marks else []
    if cell.average:
        lines.append(f"<b>ср. {decimal_comma(cell.average)}</b>")
    lines += [f"{escape(m.period_name or '—')}: <b>{escape(m.value)}</b>" for m in cell.period_marks if m.value]
    return "<br/>".join(lines)


def russian_date(iso: str) -> str:
    year, month, day = iso.split("-")
    return f"{day}.{month}.{year}"


def name_text(row: Row) -> str:
    """The student's name and, for part of the year, the days in the class."""
    stay = " ".join(([f"с {russian_date(row.date_from)}"] if row.date_from else [])
                    + ([f"по {russian_date(row.date_to)}"] if row.date_to else []))
    return escape(row.student_name or "—") + (f"<br/><i>{stay}</i>" if stay else "")


def summary_sheet_pdf(sheet: SummarySheet) -> bytes:
    register_fonts()
    title = ParagraphStyle("title", fontName=BOLD, fontSize=14, leading=18, alignment=1)
    subtitle = ParagraphStyle("subtitle", fontName=FONT, fontSize=11, leading=14, alignment=1)
    cell = ParagraphStyle("cell", fontName=FONT, fontSize=7, leading=9)
    head = ParagraphStyle("head", parent=cell, fontName=BOLD)

    header = [Paragraph("№", head), Paragraph("Обучающийся", head)]
    header += [Paragraph(escape(s.name or "—"), head) for s in sheet.subjects]
    body = []
    for number, row in enumerate(sheet.rows, start=1):
        line = [Paragraph(str(number), cell), Paragraph(name_text(row), cell)]
        line += [Paragraph(cell_text(c), cell) for c in row.cells]
        body.append(line)

    page_width = landscape(A4)[0] - 20 * mm
    number_width = 8 * mm
    subject_width = (page_width - number_width - NAME_WIDTH) / max(len(sheet.subjects), 1)
    table = Table([header, *body], repeatRows=1,
                  colWidths=[number_width, NAME_WIDTH, *[subject_width] * len(sheet.subjects)])
    table.setStyle(TableStyle([
        ("GRID", (0, 0), (-1, -1), 0.4, colors.black),
        ("BACKGROUND", (0, 0), (-1, 0), colors.HexColor("#e8e8e8")),
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
    ]))
    out = io.BytesIO()
    doc = SimpleDocTemplate(out, pagesize=landscape(A4), leftMargin=10 * mm, rightMargin=10 * mm,
                            topMargin=10 * mm, bottomMargin=10 * mm, title=TITLE)
    doc.build([
        Paragraph(TITLE, title),
        Paragraph(escape(f"Учебный год {sheet.academic_year_name}, класс {sheet.class_group.name}"), subtitle),
        Spacer(0, 6 * mm),
        table,
    ])
    return out.getvalue()
