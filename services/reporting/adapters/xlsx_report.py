"""What the reports' spreadsheets share (openpyxl): the title block in the first rows (the report's name, the
school's full name, the period, when it was formed), then the table with its header (and maybe its first columns)
frozen, numbers kept as numbers, text typed by people never read as a formula, stressed cells bold and red, and every
column as wide as its longest value; where a teacher expects the spreadsheet to compute (a total, an average), a
Formula cell, and a number shown in its own format (Shown)."""
import io
from collections.abc import Sequence
from dataclasses import dataclass

from openpyxl import Workbook
from openpyxl.styles import Font
from openpyxl.utils import get_column_letter

from services.common.tabular import as_text
from services.reporting.adapters.pdf_report import Heading, russian_datetime

MAX_WIDTH = 60


def cell_value(value: str | int | float) -> str | int | float:
    """A number stays a number; text starting like a formula is kept as text (a Formula cell is written apart)."""
    return as_text(value) if isinstance(value, str) else value


@dataclass(frozen=True)
class Formula:
    """A cell the spreadsheet computes: its text with {column} (the cell's column letter), {row} (its row), {prev}
    (the row above), {first} and {last} (the table's first row and the last one before its first row holding a
    formula) filled in, e.g. "=SUM({column}{first}:{column}{last})"."""
    text: str


@dataclass(frozen=True)
class Shown:
    """A number shown in a number format of its own, e.g. 4 as "4*" with '0"*"' (still a number to the formulas)."""
    value: int | float
    number_format: str


Value = str | int | float | Formula | Shown


@dataclass(frozen=True)
class SheetTable:
    title: str  # the sheet's name (at most 31 characters)
    header: Sequence[str]
    rows: Sequence[Sequence[Value]]
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
    first = header_row + 1
    computed = [i for i, row in enumerate(table.rows) if any(isinstance(value, Formula) for value in row)]
    last = first - 1 + (computed[0] if computed else len(table.rows))
    for row in table.rows:
        sheet.append([cell_value(value) if isinstance(value, str | int | float) else None for value in row])
        for column, value in enumerate(row, 1):
            cell = sheet.cell(sheet.max_row, column)
            if isinstance(value, Formula):
                cell.value = value.text.format(column=get_column_letter(column), row=cell.row, prev=cell.row - 1,
                                               first=first, last=last)
            elif isinstance(value, Shown):
                cell.value, cell.number_format = value.value, value.number_format
    for row, column in table.bold:
        sheet.cell(first + row, column + 1).font = Font(bold=True, color="C00000")
    for column in range(1, len(table.header) + 1):
        longest = max(len(str(sheet.cell(r, column).value or "")) for r in range(header_row, sheet.max_row + 1)
                      if sheet.cell(r, column).data_type != "f")
        sheet.column_dimensions[get_column_letter(column)].width = min(longest + 2, MAX_WIDTH)
