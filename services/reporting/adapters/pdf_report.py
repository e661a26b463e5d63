"""What the printed reports share (ReportLab): landscape A4, DejaVu fonts for Cyrillic text, the paragraph styles,
dates as Russians write them, and a titled document of one gridded table whose header row repeats on every page."""
import io
import pathlib
from dataclasses import dataclass

from reportlab.lib import colors
from reportlab.lib.pagesizes import A4, landscape
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.platypus import Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle

FONT_DIR = pathlib.Path("/usr/share/fonts/truetype/dejavu")  # Debian package fonts-dejavu-core
FONT, BOLD = "DejaVuSans", "DejaVuSans-Bold"
PAGE_WIDTH = landscape(A4)[0] - 20 * mm  # within the margins


@dataclass(frozen=True)
class Styles:
    title: ParagraphStyle
    subtitle: ParagraphStyle
    cell: ParagraphStyle
    head: ParagraphStyle


def register_fonts() -> None:
    if FONT not in pdfmetrics.getRegisteredFontNames():
        pdfmetrics.registerFont(TTFont(FONT, str(FONT_DIR / f"{FONT}.ttf")))
        pdfmetrics.registerFont(TTFont(BOLD, str(FONT_DIR / f"{BOLD}.ttf")))
        pdfmetrics.registerFontFamily(FONT, normal=FONT, bold=BOLD, italic=FONT, boldItalic=BOLD)


def styles() -> Styles:
    """The reports' paragraph styles (the fonts registered)."""
    register_fonts()
    cell = ParagraphStyle("cell", fontName=FONT, fontSize=7, leading=9)
    return Styles(title=ParagraphStyle("title", fontName=BOLD, fontSize=14, leading=18, alignment=1),
                  subtitle=ParagraphStyle("subtitle", fontName=FONT, fontSize=11, leading=14, alignment=1),
                  cell=cell, head=ParagraphStyle("head", parent=cell, fontName=BOLD))


def russian_date(iso: str) -> str:
    year, month, day = iso.split("-")
    return f"{day}.{month}.{year}"


def report_pdf(title: str, subtitle: str, rows: list[list], col_widths: list[float]) -> bytes:
    """The report as PDF: its title, a subtitle and the table (its first row the header)."""
    style = styles()
    table = Table(rows, repeatRows=1, colWidths=col_widths)
    table.setStyle(TableStyle([
        ("GRID", (0, 0), (-1, -1), 0.4, colors.black),
        ("BACKGROUND", (0, 0), (-1, 0), colors.HexColor("#e8e8e8")),
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
    ]))
    out = io.BytesIO()
    doc = SimpleDocTemplate(out, pagesize=landscape(A4), leftMargin=10 * mm, rightMargin=10 * mm,
                            topMargin=10 * mm, bottomMargin=10 * mm, title=title)
    doc.build([Paragraph(title, style.title), Paragraph(subtitle, style.subtitle), Spacer(0, 6 * mm), table])
    return out.getvalue()
