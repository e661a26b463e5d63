"""The summary attendance sheet (сводная ведомость посещаемости) as PDF (adapters.pdf_report, signed by the form
teacher and the deputy head) and XLSX (adapters.xlsx_report) from the same rows: a line per student and subject,
then the student's total; the class's total per subject, then the class's."""
import datetime as dt

from reportlab.lib.units import mm

from services.reporting.adapters.pdf_report import (
    DEPUTY_HEAD,
    FORM_TEACHER,
    PAGE_WIDTH,
    Heading,
    report_pdf,
    text_rows,
)
from services.reporting.adapters.school_reports_files import date_text
from services.reporting.adapters.xlsx_report import SheetTable, report_xlsx
from services.reporting.domain.attendance_sheet import (
    CLASS_TOTAL,
    REASONS,
    STUDENT_TOTAL,
    AttendanceSheet,
    Missed,
    SubjectLine,
)

TITLE = "Сводная ведомость посещаемости"
HEADER = ("Ученик", "Предмет", *(name for _, name in REASONS), "Всего")


def line(student: str, subject: str, missed: Missed) -> tuple:
    return (student, subject, *missed.by_reason, missed.total)


def subject_rows(student: str, subjects: tuple[SubjectLine, ...], total_name: str, total: Missed) -> list[tuple]:
    return [*(line(student, s.subject_name, s.missed) for s in subjects), line(student, total_name, total)]


def sheet_rows(sheet: AttendanceSheet) -> list[tuple]:
    rows = []
    for student in sheet.students:
        rows += subject_rows(student.student_name or "—", student.subjects, STUDENT_TOTAL, student.missed)
    return rows + subject_rows(CLASS_TOTAL, sheet.subjects, STUDENT_TOTAL, sheet.missed)


def heading(sheet: AttendanceSheet, formed_at: dt.datetime) -> Heading:
    return Heading(TITLE, sheet.school_name, f"класс {sheet.class_group_name or '—'}, с {date_text(sheet.date_from)} "
                   f"по {date_text(sheet.date_to)}", formed_at)


def attendance_sheet_file(sheet: AttendanceSheet, kind: str, formed_at: dt.datetime) -> bytes:
    title = heading(sheet, formed_at)
    if kind == "xlsx":
        return report_xlsx(title, [SheetTable("Посещаемость", HEADER, sheet_rows(sheet))])
    counts = [28 * mm] * (len(HEADER) - 2)
    names = (PAGE_WIDTH - sum(counts)) / 2
    return report_pdf(title, text_rows(HEADER, sheet_rows(sheet)), [names, names, *counts],
                      signatures=(FORM_TEACHER, DEPUTY_HEAD))
