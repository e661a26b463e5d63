"""The school-wide reports on its students as files: class fill (наполняемость классов) and student movement for a
period (движение учащихся за период), each as PDF (adapters.pdf_report, signed by the director) and XLSX
(adapters.xlsx_report) from the same rows."""
import datetime as dt

from reportlab.lib.units import mm

from services.reporting.adapters.pdf_report import DIRECTOR, PAGE_WIDTH, Heading, report_pdf, russian_date, text_rows
from services.reporting.adapters.xlsx_report import SheetTable, report_xlsx
from services.reporting.domain.class_fill import ClassFill
from services.reporting.domain.student_movement import StudentMovement

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
MEDIA_TYPES = {"pdf": "application/pdf", "xlsx": XLSX}

FILL_TITLE = "Наполняемость классов"
FILL_HEADER = ("Класс", "Мальчики", "Девочки", "Всего")
MOVEMENT_TITLE = "Движение учащихся за период"
COUNT_HEADER = ("Вид приказа", "Класс", "Учащихся")
ENTRY_HEADER = ("Вид приказа", "№ приказа", "Дата приказа", "Вступает в силу", "Ученик", "Из класса", "В класс")


def date_text(iso: str) -> str:
    return russian_date(iso) if iso else ""


def fill_rows(report: ClassFill) -> list[tuple]:
    return [(row.class_group_name or "—", row.boys, row.girls, row.total) for row in (*report.rows, report.total)]


def fill_heading(report: ClassFill, formed_at: dt.datetime) -> Heading:
    year = f", учебный год {report.academic_year_name}" if report.academic_year_name else ""
    return Heading(FILL_TITLE, report.school_name, f"на {date_text(report.on_date)}{year}", formed_at)


def count_rows(report: StudentMovement) -> list[tuple]:
    rows = []
    for kind in report.kinds:
        rows += [(kind.kind_name, c.class_group_name or "—", c.count) for c in kind.classes]
        rows.append((kind.kind_name, "Итого", kind.total))
    return rows


def entry_rows(report: StudentMovement) -> list[tuple]:
    return [(e.kind_name, e.order_number, date_text(e.order_date), date_text(e.effective_date), e.student_name,
             e.from_class, e.to_class) for e in report.entries]


def movement_heading(report: StudentMovement, formed_at: dt.datetime) -> Heading:
    return Heading(MOVEMENT_TITLE, report.school_name,
                   f"с {date_text(report.date_from)} по {date_text(report.date_to)}", formed_at)


def class_fill_file(report: ClassFill, kind: str, formed_at: dt.datetime) -> bytes:
    heading = fill_heading(report, formed_at)
    if kind == "xlsx":
        return report_xlsx(heading, [SheetTable(FILL_TITLE, FILL_HEADER, fill_rows(report))])
    width = (PAGE_WIDTH - 60 * mm) / 3
    return report_pdf(heading, text_rows(FILL_HEADER, fill_rows(report)), [60 * mm, width, width, width],
                      signatures=(DIRECTOR,))


def student_movement_file(report: StudentMovement, kind: str, formed_at: dt.datetime) -> bytes:
    heading = movement_heading(report, formed_at)
    if kind == "xlsx":
        return report_xlsx(heading, [SheetTable("Итоги", COUNT_HEADER, count_rows(report)),
                                     SheetTable("Ученики", ENTRY_HEADER, entry_rows(report))])
    entry_widths = [50 * mm, 20 * mm, 25 * mm, 25 * mm, 0, 25 * mm, 25 * mm]
    entry_widths[4] = PAGE_WIDTH - sum(entry_widths)
    return report_pdf(heading, text_rows(COUNT_HEADER, count_rows(report)), [90 * mm, 40 * mm, 30 * mm],
                      signatures=(DIRECTOR,),
                      more=(("Учащиеся", text_rows(ENTRY_HEADER, entry_rows(report)), entry_widths),))
