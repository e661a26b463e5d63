"""What the reports' spreadsheets share (openpyxl): the title block in the first rows (the report's name, the
school's full name, the period, when it was formed), then the table with its header (and maybe its first columns)
frozen, numbers kept as numbers, formulas where a teacher expects one (a difference, a rate), text typed by people
never read as a formula, stressed cells bold and red, and every column as wide as its longest value."""
import io
from collections.abc import Sequence
from dataclasses import dataclass

from openpyxl import Workbook
from openpyxl.styles import Font
from openpyxl.utils import get_column_letter

from services.common.tabular import as_text
from services.reporting.adapters.pdf_report import Heading, russian_datetime

MAX_WIDTH = 60


@dataclass(frozen=True)
class Formula:
    """A cell the spreadsheet computes from its row: `text` with {row} for the row's number ("=G{row}-H{row}")."""
    text: str


def cell_value(value: "str | int | float | Formula", row: int = 0) -> str | int | float:
    """A number stays a number; a text starting like a formula is kept as text; a Formula is one."""
    if isinstance(value, Formula):
        return value.text.format(row=row)
    return as_text(value) if isinstance(value, str) else value


@dataclass(frozen=True)
class SheetTable:
    title: str  # the sheet's name (at most 31 characters)
    header: Sequence[str]
    rows: Sequence[Sequence["str | int | float | Formula"]]
    frozen_columns: int = 0  # the first columns kept in view when scrolling right (a student's name)
    bold: Sequence[tuple[int, int]] = ()  # (row, column) of the rows' cells to stress, both from 0 (a lag)


def report_xlsx(heading: Heading, tables: Sequence[SheetTable]) -> bytes:
    """One sheet per table, each with the title block above its table."""
    book = Workbook()
    book.remove(book.active)
    for table in tables:
        put_table(book.create_sheet(table.title[:31]), heading, table)
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def put_table(sheet, heading: Heading, table: SheetTable) -> None:
    lines = [heading.title, heading.school_name, heading.period,
             f"Сформирован: {russian_datetime(heading.formed_at)}" if heading.formed_at else ""]
    for line in filter(None, lines):
        sheet.append([line])
    sheet.cell(1, 1).font = Font(bold=True, size=14)
    sheet.append([])
    sheet.append(list(table.header))
    header_row = sheet.max_row
    for cell in sheet[header_row]:
        cell.font = Font(bold=True)
    sheet.freeze_panes = f"{get_column_letter(table.frozen_columns + 1)}{header_row + 1}"
    for row in table.rows:
        sheet.append([cell_value(value, sheet.max_row + 1) for value in row])
    for row, column in table.bold:
        sheet.cell(header_row + 1 + row, column + 1).font = Font(bold=True, color="C00000")
    for column in range(1, len(table.header) + 1):
        longest = max(len(str(sheet.cell(r, column).value or "")) for r in range(header_row, sheet.max_row + 1))
        sheet.column_dimensions[get_column_letter(column)].width = min(longest + 2, MAX_WIDTH)
