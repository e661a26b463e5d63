"""The movement register of a year as a file: XLSX (openpyxl) or CSV (UTF-8 with BOM, ";"-separated, as the
imports read them), one row per student of each order, with the register page's columns; or the PDF reporting
renders, under the same file name."""
import csv
import io

from flask import send_file

from services.common.tabular import as_text

HEADER = ("№ приказа", "Дата приказа", "Вступает в силу", "Вид", "Ученик", "Из класса", "В класс",
          "Документ, куда выбыл, задолженности", "Основание", "Позже срока", "Отменён приказом")
MEDIA_TYPES = {"xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
               "csv": "text/csv; charset=utf-8"}


def cells(row: dict) -> tuple[str, ...]:
    order, line = row["order"], row["line"]
    return tuple(as_text(value) for value in (
        order.number, order.order_date, order.effective_date, row["kind"], line.student_name, row["from_class"],
        row["to_class"], row["note"], order.reason, "да" if order.late else "", row["cancelled_by"]))


def xlsx(title: str, rows: list[dict]) -> bytes:
    from openpyxl import Workbook  # only this download needs it

    book = Workbook()
    sheet = book.active
    sheet.title = "Книга движения"
    sheet.append([title])
    sheet.append(list(HEADER))
    for row in rows:
        sheet.append(list(cells(row)))
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def csv_text(rows: list[dict]) -> bytes:
    out = io.StringIO()
    writer = csv.writer(out, delimiter=";")
    writer.writerow(HEADER)
    writer.writerows(cells(row) for row in rows)
    return ("\ufeff" + out.getvalue()).encode()


def filename(year_name: str, kind: str) -> str:
    return f"kniga-dvizheniya-{year_name.replace('/', '-') or 'god'}.{kind}"


def send(kind: str, year_name: str, rows: list[dict]):
    title = f"Книга движения учащихся {year_name}".strip()
    content = xlsx(title, rows) if kind == "xlsx" else csv_text(rows)
    return send_file(io.BytesIO(content), mimetype=MEDIA_TYPES[kind], as_attachment=True,
                     download_name=filename(year_name, kind))


def send_rendered(report, year_name: str):
    """A report reporting rendered (RenderedReport), named as the register's other files."""
    return send_file(io.BytesIO(report.content), mimetype=report.media_type or "application/pdf", as_attachment=True,
                     download_name=filename(year_name, "pdf"))
