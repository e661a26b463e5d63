"""Printable PDF of the movement register (книга движения учащихся) of a school's year (adapters.pdf_report:
landscape A4, Cyrillic text): one row per student of each order, dates as "14.01.2027", the document, the
destination or the debts owed in one column, the marks ("позже срока", "отменён приказом № 7") in the last."""
from xml.sax.saxutils import escape

from reportlab.lib.units import mm
from reportlab.platypus import Paragraph

from services.reporting.adapters.pdf_report import PAGE_WIDTH, Heading, report_pdf, russian_date, styles
from services.reporting.domain.movement_register import MovementRegister, Row

TITLE = "Книга движения учащихся"
HEADER = ("№ приказа", "Дата приказа", "Вступает в силу", "Вид", "Ученик", "Из класса", "В класс",
          "Документ, куда выбыл, задолженности", "Основание", "Отметки")
WIDTHS = [16 * mm, 20 * mm, 20 * mm, 30 * mm, 40 * mm, 14 * mm, 14 * mm, 50 * mm, 36 * mm]


def date_text(iso: str) -> str:
    return russian_date(iso) if iso else ""


def note_text(row: Row) -> str:
    """The document issued, where the student went and the debts owed, one a line."""
    lines = [escape(text) for text in (row.document, row.destination) if text]
    lines += [escape(f"{d.subject_name} до {date_text(d.deadline)}".strip()) for d in row.debts]
    return "<br/>".join(lines)


def movement_register_pdf(register: MovementRegister) -> bytes:
    cell, head = styles().cell, styles().head
    body = [[Paragraph(text, cell) for text in (
        escape(row.number), date_text(row.order_date), date_text(row.effective_date), escape(row.kind),
        escape(row.student_name or "—"), escape(row.from_class), escape(row.to_class), note_text(row),
        escape(row.reason), "<br/>".join(map(escape, row.marks)))] for row in register.rows]
    period = f"учебный год {register.academic_year_name}" if register.academic_year_name else ""
    return report_pdf(Heading(TITLE, register.school_name, period), [[Paragraph(h, head) for h in HEADER], *body],
                      [*WIDTHS, PAGE_WIDTH - sum(WIDTHS)])
