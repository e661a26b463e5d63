"""The municipal authority's side-by-side table of its schools as XLSX (adapters.xlsx_report): a school per row with
its period's numbers as numbers, the header frozen, and the municipality's total row — the counts summed and the
rates made of the sums by formulas; the knowledge quality, pass rate and average mark of the total are the ones
combined from the schools' counts (their categories and marks are not columns)."""
import datetime as dt

from services.reporting.adapters.pdf_report import Heading
from services.reporting.adapters.xlsx_report import Formula, SheetTable, report_xlsx
from services.reporting.domain.school_aggregates import Aggregate

TITLE = "Показатели школ муниципалитета"
HEADER = ("Школа", "Учащихся", "Средний балл", "Качество знаний, %", "Успеваемость, %", "Пропущено уроков",
          "Пропущено на ученика", "Уроков проведено", "Заполнено в день урока", "Своевременность заполнения, %",
          "Сотрудников", "Сотрудников с учётной записью", "Сотрудники, %", "Учеников и родителей",
          "Учеников и родителей с учётной записью", "Ученики и родители, %", "Архивов сформировано")
SUM = Formula("=SUM({column}{first}:{column}{last})")


def rate(part: str, whole: str) -> Formula:
    """part / whole × 100 of the row's columns, one decimal ("" when whole is 0)."""
    return Formula(f'=IF({whole}{{row}}=0,"",ROUND({part}{{row}}*100/{whole}{{row}},1))')


def number(text: str) -> float | str:
    return float(text) if text else ""


def school_line(name: str, a: Aggregate | None) -> list:
    if a is None:
        return [name, *[""] * (len(HEADER) - 1)]
    return [name, a.students, number(a.average), number(a.quality), number(a.pass_rate), a.lessons_missed,
            number(a.missed_per_student), a.lessons_to_date, a.lessons_on_time, number(a.fill_rate), a.accounts.staff,
            a.accounts.staff_activated, number(a.accounts.staff_rate), a.accounts.families,
            a.accounts.families_activated, number(a.accounts.families_rate), a.archives_sealed]


def total_line(total: Aggregate) -> list:
    return [total.period_name, SUM, number(total.average), number(total.quality), number(total.pass_rate), SUM,
            Formula('=IF(B{row}=0,"",ROUND(F{row}/B{row},2))'), SUM, SUM, rate("I", "H"), SUM, SUM, rate("L", "K"),
            SUM, SUM, rate("O", "N"), SUM]


def schools_overview_xlsx(overview, formed_at: dt.datetime) -> bytes:
    """`overview`: service_layer.authority.SchoolsOverview."""
    rows = [school_line(row.school_name or row.school_id, row.aggregate) for row in overview.schools]
    heading = Heading(TITLE, "", f"{overview.period_name}, {overview.year} учебный год", formed_at)
    return report_xlsx(heading, [SheetTable("Школы", HEADER, [*rows, total_line(overview.total)], frozen_columns=1)])
