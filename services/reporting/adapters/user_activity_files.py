"""The weekly user-activity report (отчёт по активности пользователей) as PDF (adapters.pdf_report, signed by the
director) and XLSX (adapters.xlsx_report, the school's totals as formulas) from the same rows: a line per person with
activity, the school's total, then the staff who did not sign in or fill anything."""
import datetime as dt

from reportlab.lib.units import mm

from services.reporting.adapters.pdf_report import DIRECTOR, PAGE_WIDTH, Heading, report_pdf, text_rows
from services.reporting.adapters.school_reports_files import date_text
from services.reporting.adapters.xlsx_report import Formula, SheetTable, report_xlsx
from services.reporting.domain.user_activity import IDLE, UserActivity

TITLE = "Отчёт по активности пользователей электронного журнала"
COUNTS = ("Дней со входом", "Входов", "Уроков с темой", "Отметок", "Исправлено и удалено отметок",
          "Записей посещаемости", "Домашних заданий", "Четвертных и итоговых отметок")
HEADER = ("Сотрудник", "Роли", *COUNTS)
IDLE_HEADER = ("Сотрудник", "Роли")
TOTAL = "Итого по школе"
NONE = "Нет сотрудников без активности."

def activity_rows(report: UserActivity) -> list[tuple]:
    return [(row.name, row.roles, *row.counts.values()) for row in report.rows]

def idle_rows(report: UserActivity) -> list[tuple]:
    return [(row.name, row.roles) for row in report.idle] or [(NONE, "")]

def heading(report: UserActivity, formed_at: dt.datetime) -> Heading:
    return Heading(TITLE, report.school_name, f"неделя с {date_text(report.week_from.isoformat())} "
                   f"по {date_text(report.week_to.isoformat())}", formed_at)

def user_activity_file(report: UserActivity, kind: str, formed_at: dt.datetime) -> bytes:
    title = heading(report, formed_at)
    rows = activity_rows(report)
    if kind == "xlsx":
        total = (TOTAL, "", *(Formula("=SUM({column}{first}:{column}{last})") if rows else 0 for _ in COUNTS))
        return report_xlsx(title, [SheetTable("Активность", HEADER, [*rows, total], frozen_columns=1),
                                   SheetTable(IDLE.capitalize(), IDLE_HEADER, idle_rows(report))])
    counts = [22 * mm] * len(COUNTS)
    names = (PAGE_WIDTH - sum(counts)) / 2
    total = (TOTAL, "", *report.total.values())
    return report_pdf(title, text_rows(HEADER, [*rows, total]), [names, names, *counts], signatures=(DIRECTOR,),
                      more=((IDLE.capitalize(), text_rows(IDLE_HEADER, idle_rows(report)), [names * 1.5, names]),))
