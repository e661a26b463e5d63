"""Uploaded tables for imports: a CSV in UTF-8 (";" or "," separated) or the first sheet of an XLSX, read as
numbered rows of text cells, with Russian errors naming the field. One reader serves every import; and the one
guard for the tables we write (`as_text`)."""
import csv
import datetime as dt
import io
import zipfile

from services.common.errors import Invalid

FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def as_text(value: str) -> str:
    """A text typed by people (a reason, a destination, a name) never becomes a formula in a spreadsheet we write
    (XLSX or CSV): one starting like a formula is kept as text."""
    return f"'{value}" if value.startswith(FORMULA_START) else value


def read_table(filename: str, content: bytes, max_bytes: int) -> list[tuple[int, list[str]]]:
    """(line number, stripped cells) of every row; refuses unknown formats, empty and oversize files."""
    name = filename.strip().lower()
    if not name.endswith((".csv", ".xlsx")):
        raise Invalid("filename", "поддерживаются файлы .csv и .xlsx")
    if not content.strip():
        raise Invalid("content", "файл пуст")
    if len(content) > max_bytes:
        raise Invalid("content", f"файл больше {max_bytes / 1_000_000:g} МБ: разделите его на части")
    if name.endswith(".xlsx"):
        return list(enumerate(_xlsx_rows(content), start=1))
    return _csv_rows(content)


def _csv_rows(content: bytes) -> list[tuple[int, list[str]]]:
    try:
        text = content.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise Invalid("content", "файл CSV должен быть в кодировке UTF-8") from None
    first = text.split("\n", 1)[0]
    reader = csv.reader(io.StringIO(text), delimiter=";" if first.count(";") >= first.count(",") else ",")
    return [(reader.line_num, [cell.strip() for cell in row]) for row in reader]


def _xlsx_rows(content: bytes) -> list[list[str]]:
    from openpyxl import load_workbook  # only the XLSX path needs it

    try:
        book = load_workbook(io.BytesIO(content), read_only=True, data_only=True)
    except (zipfile.BadZipFile, KeyError, ValueError, OSError):
        raise Invalid("content", "файл не является книгой Excel (.xlsx)") from None
    try:
        return [[_cell_text(value) for value in row] for row in book.worksheets[0].iter_rows(values_only=True)]
    finally:
        book.close()


def _cell_text(value) -> str:
    """A cell as a person would have typed it: dates as ISO dates, whole numbers without '.0', empty as ''."""
    if value is None:
        return ""
    if isinstance(value, dt.datetime):
        return value.date().isoformat()
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value).strip()
