"""What the printed reports share (ReportLab): landscape A4, DejaVu fonts for Cyrillic text, the paragraph styles,
dates as Russians write them, and a titled document of one gridded table whose header row repeats on every page:
the title block (the school's full name, the report's name, its period, when it was formed), "стр. N из M" at the
foot of every page and, where the paper form has them, the signature lines under the table."""
import datetime as dt
import io
import pathlib
import threading
from dataclasses import dataclass
from xml.sax.saxutils import escape

from reportlab.lib import colors
from reportlab.lib.pagesizes import A4, landscape
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle

from services.reporting.adapters.pdfa import eol_before_endstream, make_pdfa

DIRECTOR = "Директор ____________________ / ____________________"
DEPUTY_HEAD = "Заместитель директора ____________________ / ____________________"
FORM_TEACHER = "Классный руководитель ____________________ / ____________________"
CREATOR = "Отметка — электронный журнал"
FONT_DIR = pathlib.Path("/usr/share/fonts/truetype/dejavu")  # Debian package fonts-dejavu-core
FONT, BOLD = "DejaVuSans", "DejaVuSans-Bold"
PAGE_WIDTH = landscape(A4)[0] - 20 * mm  # within the margins
# ReportLab's registered fonts are shared by the process and not thread-safe: a font's glyph subset is assigned while a
# document is built, and two documents built at once (two report workers, two gRPC calls) corrupt it ("KeyError" in
# makeSubset). One PDF is built at a time in a process; re-entrant, so registering fonts may happen while building.
BUILDING = threading.RLock()


@dataclass(frozen=True)
class Styles:
    title: ParagraphStyle
    subtitle: ParagraphStyle
    cell: ParagraphStyle
    head: ParagraphStyle


def register_fonts() -> None:
    with BUILDING:
        _register_fonts()


def _register_fonts() -> None:
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


def russian_datetime(moment: dt.datetime) -> str:
    return moment.strftime("%d.%m.%Y %H:%M")


@dataclass(frozen=True)
class Heading:
    """A report's title block: its name, then the school's full name and the period ("" = not printed), then when it
    was formed (None = not printed)."""
    title: str
    school_name: str = ""
    period: str = ""
    formed_at: dt.datetime | None = None


class NumberedCanvas(Canvas):
    """Writes "стр. N из M" (`FOOTER`) at the foot of every page once the number of pages is known."""
    FOOTER = "стр. {number} из {total}"

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.pages: list[dict] = []

    def showPage(self):
        self.pages.append(dict(self.__dict__))
        self._startPage()

    def save(self):
        for state in self.pages:
            self.__dict__.update(state)
            self.setFont(FONT, 8)
            self.drawRightString(self._pagesize[0] - 10 * mm, 5 * mm,
                                 self.FOOTER.format(number=self._pageNumber, total=len(self.pages)))
            super().showPage()
        super().save()


class PdfACanvas(Canvas):
    """A canvas whose document is PDF/A-2b (adapters/pdfa.py): its initial font, which ReportLab names on every page,
    the embedded DejaVu font, and the catalog's metadata and output intent added when it is saved. First among a
    report canvas's bases: `class SheetCanvas(PdfACanvas, NumberedCanvas)`."""

    def __init__(self, *args, **kwargs):
        register_fonts()
        super().__init__(*args, **{**kwargs, "initialFontName": FONT})

    def save(self):
        make_pdfa(self)
        super().save()


def gridded(rows: list[list], col_widths: list[float]) -> Table:
    """A table with its header row repeated on every page; the cells' font DejaVu (a table sets its cell font on the
    canvas even for paragraphs: ReportLab's default, Helvetica, is not embedded)."""
    register_fonts()
    table = Table(rows, repeatRows=1, colWidths=col_widths)
    table.setStyle(TableStyle([
        ("FONTNAME", (0, 0), (-1, -1), FONT),
        ("GRID", (0, 0), (-1, -1), 0.4, colors.black),
        ("BACKGROUND", (0, 0), (-1, 0), colors.HexColor("#e8e8e8")),
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
    ]))
    return table


def text_rows(header: tuple[str, ...], rows: list[tuple]) -> list[list]:
    """A header and rows of plain values as the table's paragraphs (the header bold)."""
    style = styles()
    return [[Paragraph(escape(h), style.head) for h in header],
            *[[Paragraph(escape(str(value)), style.cell) for value in row] for row in rows]]


def title_block(heading: Heading) -> list:
    """The school's full name, the report's name, its period and when it was formed, as paragraphs."""
    style = styles()
    head = [Paragraph(escape(text), style.subtitle) for text in (heading.school_name,) if text]
    head += [Paragraph(escape(heading.title), style.title)]
    head += [Paragraph(escape(text), style.subtitle) for text in (heading.period,) if text]
    if heading.formed_at:
        head.append(Paragraph(f"Сформирован: {russian_datetime(heading.formed_at)}", style.cell))
    return head


def signature_lines(signatures: tuple[str, ...]) -> list:
    """The signature lines under a report (none: nothing)."""
    style = styles()
    signed = [Paragraph(escape(text), ParagraphStyle("signature", parent=style.subtitle, alignment=0, spaceAfter=4 * mm))
              for text in signatures]
    return [Spacer(0, 10 * mm), *signed] if signed else []


def document(heading: Heading, story: list, pagesize: tuple[float, float] = landscape(A4),
             canvasmaker: type[Canvas] = NumberedCanvas) -> bytes:
    """The story as a PDF with "стр. N из M" (the canvas's footer) at the foot of every page; the school as its
    author, the report's name as its title and subject; PDF/A-2b with a PdfACanvas."""
    out = io.BytesIO()
    doc = SimpleDocTemplate(out, pagesize=pagesize, leftMargin=10 * mm, rightMargin=10 * mm,
                            topMargin=10 * mm, bottomMargin=12 * mm, title=heading.title,
                            author=heading.school_name or "anonymous", subject=heading.title, creator=CREATOR)
    with BUILDING:
        doc.build(story, canvasmaker=canvasmaker)
    return eol_before_endstream(out.getvalue()) if issubclass(canvasmaker, PdfACanvas) else out.getvalue()


def report_pdf(heading: Heading, rows: list[list], col_widths: list[float], signatures: tuple[str, ...] = (),
               more: tuple[tuple[str, list[list], list[float]], ...] = ()) -> bytes:
    """The report as PDF: its title block, the table (its first row the header), then `more` tables (each under its
    caption), the signature lines; page numbers at the foot."""
    style = styles()
    table = gridded(rows, col_widths)
    after = [part for caption, more_rows, widths in more
             for part in (Spacer(0, 6 * mm), Paragraph(escape(caption), style.subtitle), Spacer(0, 2 * mm),
                          gridded(more_rows, widths))]
    return document(heading, [*title_block(heading), Spacer(0, 6 * mm), table, *after, *signature_lines(signatures)])
