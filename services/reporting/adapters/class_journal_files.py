"""The class journal as the printout that is bound, numbered, signed and sealed (PDF/A-2b, landscape A4, one page a
sheet, «Лист N» at the foot of each) and as JSON of a documented shape (docs/reporting.md), both from the same
journal (domain/class_journal.py).

The PDF: a title sheet (the school, «Классный журнал», the class, the school year, the period when it is not the
whole year, the contents — each subject with its teacher and the sheet it starts on — and the number of sheets); per
subject, as the paper journal's spreads, a sheet of the marks grid (the students × at most LESSONS_A_SHEET lessons,
a cell's marks and attendance letter; the period marks beside the last lessons or on a sheet of their own) followed
by a sheet of those lessons (date, number, topic, homework, subgroup); and the certification sheet («В журнале
прошнуровано, пронумеровано и скреплено печатью N листов», the director's signature, «М.П.»). The sheet numbers
are known once the journal is laid out: it is built again with them until they hold (twice in practice)."""
import json
from xml.sax.saxutils import escape

from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import Flowable, PageBreak, Paragraph, Spacer, TableStyle

from services.common.plural import plural
from services.reporting.adapters import pdf_report as pdf
from services.reporting.domain.class_journal import ClassJournal, SubjectJournal, grid_pages

TITLE = "Классный журнал"
MEDIA_TYPES = {"pdf": "application/pdf", "json": "application/json"}
JSON_FORMAT = "otmetka.class-journal/1"
LESSONS_A_SHEET = 22  # the grid's lesson columns on a sheet (a period mark's column is two wide)
NUMBER_WIDTH, NAME_WIDTH = 7 * mm, 50 * mm
LESSON_WIDTH = (pdf.PAGE_WIDTH - NUMBER_WIDTH - NAME_WIDTH) / LESSONS_A_SHEET
CONTENTS_HEADER = ("№", "Предмет", "Учитель", "Лист")
LESSONS_HEADER = ("Дата", "Урок", "Тема урока", "Домашнее задание", "Подгруппа")
LESSONS_WIDTHS = (22 * mm, 14 * mm, 100 * mm, 100 * mm)
NOTHING = "За этот период в журнале нет записей."
END = "end"  # the certification sheet's key among the sheets found


class SheetCanvas(pdf.PdfACanvas, pdf.NumberedCanvas):
    FOOTER = "Лист {number}"


class SheetMark(Flowable):
    """Notes the sheet it is drawn on under its key (a subject's id, END)."""

    def __init__(self, key: str, found: dict[str, int]):
        super().__init__()
        self.key, self.found = key, found

    def wrap(self, *_):
        return 0, 0

    def draw(self):
        self.found[self.key] = self.canv.getPageNumber()


def period_text(report: ClassJournal) -> str:
    return f"с {pdf.russian_date(report.date_from.isoformat())} по {pdf.russian_date(report.date_to.isoformat())}"


def heading(report: ClassJournal) -> pdf.Heading:
    return pdf.Heading(f"{TITLE} {report.class_group.name}, {report.academic_year_name}".strip(" ,"), report.school_name)


def teachers_text(subject: SubjectJournal) -> str:
    return ", ".join(subject.teachers)


def title_sheet(report: ClassJournal, sheets: dict[str, int] | None) -> list:
    """The title sheet; `sheets` None = the first layout (the numbers are not known yet: as wide as they will be)."""
    style = pdf.styles()
    lines = [f"Класс {report.class_group.name}", f"Учебный год {report.academic_year_name}".strip()]
    lines += [] if report.whole_year else [f"за период {period_text(report)}"]
    head = [Spacer(0, 25 * mm), *pdf.title_block(pdf.Heading(TITLE, report.school_name)),
            *(Paragraph(escape(line), style.subtitle) for line in lines), Spacer(0, 10 * mm)]

    def sheet(key: str) -> str:
        return str(sheets[key]) if sheets else "000"
    if not report.subjects:
        contents = [Paragraph(NOTHING, style.subtitle)]
    else:
        rows = [(i, s.subject.name, teachers_text(s), sheet(s.subject.id)) for i, s in enumerate(report.subjects, 1)]
        contents = [Paragraph("Содержание", style.subtitle), Spacer(0, 2 * mm),
                    pdf.gridded(pdf.text_rows(CONTENTS_HEADER, rows), [10 * mm, 90 * mm, 120 * mm, 20 * mm])]
    return [*head, *contents, Spacer(0, 6 * mm), Paragraph(f"Всего листов: {sheet(END)}", style.subtitle)]


def subject_heading(report: ClassJournal, subject: SubjectJournal, what: str) -> list:
    style = pdf.styles()
    teachers = f". Учитель: {teachers_text(subject)}" if subject.teachers else ""
    return [Paragraph(f"<b>{escape(subject.subject.name)}</b>{escape(teachers)}", style.subtitle),
            Paragraph(escape(f"{what}. Класс {report.class_group.name}, учебный год {report.academic_year_name}"),
                      style.cell), Spacer(0, 2 * mm)]


def grid_table(subject: SubjectJournal, lessons: range, with_periods: bool):
    """The students × the lessons' cells (and the period marks)."""
    style = pdf.styles()
    head = ParagraphStyle("grid_head", parent=style.head, fontSize=6, leading=7)  # «01.09» on one line
    header = [Paragraph("№", head), Paragraph("Обучающийся", head),
              *(Paragraph(pdf.russian_date(subject.lessons[i].date.isoformat())[:5], head) for i in lessons),
              *(Paragraph(escape(p.name), head) for p in subject.periods if with_periods)]
    body = [[Paragraph(str(n), style.cell), Paragraph(escape(line.student.name or "—"), style.cell),
             *(Paragraph(escape(line.cells[i].text), style.cell) for i in lessons),
             *(Paragraph(f"<b>{escape(v)}</b>", style.cell) for v in (line.period_marks if with_periods else ()))]
            for n, line in enumerate(subject.students, 1)]
    periods = len(subject.periods) if with_periods else 0
    table = pdf.gridded([header, *body], [NUMBER_WIDTH, NAME_WIDTH, *[LESSON_WIDTH] * len(lessons),
                                      *[2 * LESSON_WIDTH] * periods])
    table.setStyle(TableStyle([("LEFTPADDING", (0, 0), (-1, -1), 2), ("RIGHTPADDING", (0, 0), (-1, -1), 2)]))
    table.hAlign = "LEFT"
    return table


def lessons_table(subject: SubjectJournal, lessons: range):
    rows = [(pdf.russian_date(lesson.date.isoformat()), lesson.number or "", lesson.topic, lesson.homework,
             lesson.subgroup_name) for lesson in (subject.lessons[i] for i in lessons)]
    return pdf.gridded(pdf.text_rows(LESSONS_HEADER, rows), [*LESSONS_WIDTHS, pdf.PAGE_WIDTH - sum(LESSONS_WIDTHS)])


def lessons_dates(subject: SubjectJournal, lessons: range) -> str:
    first, last = (pdf.russian_date(subject.lessons[i].date.isoformat()) for i in (lessons[0], lessons[-1]))
    return f"уроки {first} – {last}" if first != last else f"урок {first}"


def subject_sheets(report: ClassJournal, subject: SubjectJournal, found: dict[str, int]) -> list:
    """The subject's spreads: each grid sheet, then the sheet of its lessons."""
    story = [SheetMark(subject.subject.id, found)]
    pages = grid_pages(len(subject.lessons), len(subject.periods), LESSONS_A_SHEET)
    for i, (lessons, with_periods) in enumerate(pages):
        dates = lessons_dates(subject, lessons) if lessons else "итоговые отметки"
        story += [*([PageBreak()] if i else []), *subject_heading(report, subject, f"Отметки и посещаемость, {dates}"),
                  grid_table(subject, lessons, with_periods)]
        if lessons:
            story += [PageBreak(), *subject_heading(report, subject, f"Записи уроков, {dates}"),
                      lessons_table(subject, lessons)]
    return [PageBreak(), *story]


def certification_sheet(sheets: dict[str, int] | None, found: dict[str, int]) -> list:
    style = pdf.styles()
    total = plural(sheets[END], "лист", "листа", "листов") if sheets else "000 листов"
    return [PageBreak(), SheetMark(END, found), Spacer(0, 50 * mm),
            Paragraph(f"В журнале прошнуровано, пронумеровано и скреплено печатью {total}", style.subtitle),
            *pdf.signature_lines((pdf.DIRECTOR, "М.П.", "«___» ______________ 20___ г."))]


def story(report: ClassJournal, sheets: dict[str, int] | None, found: dict[str, int]) -> list:
    return [*title_sheet(report, sheets), *(part for subject in report.subjects
                                            for part in subject_sheets(report, subject, found)),
            *certification_sheet(sheets, found)]


def class_journal_pdf(report: ClassJournal) -> bytes:
    """The journal laid out until the sheet numbers printed (contents, total) are those it has."""
    sheets: dict[str, int] | None = None
    for _ in range(4):
        found: dict[str, int] = {}
        content = pdf.document(heading(report), story(report, sheets, found), canvasmaker=SheetCanvas)
        if found == sheets:
            return content
        sheets = found
    raise RuntimeError("the class journal's sheet numbers do not settle")


def class_journal_data(report: ClassJournal) -> dict:
    """The JSON's shape (docs/reporting.md): the class, the period and per subject its lessons, period columns and
    students, a student's cells in the lessons' order and period marks in the columns' order."""
    return {
        "format": JSON_FORMAT, "school_name": report.school_name,
        "class_group": {"id": report.class_group.id, "name": report.class_group.name},
        "academic_year_name": report.academic_year_name, "date_from": report.date_from.isoformat(),
        "date_to": report.date_to.isoformat(), "whole_year": report.whole_year,
        "subjects": [{
            "id": s.subject.id, "name": s.subject.name, "teachers": list(s.teachers),
            "lessons": [{"lesson_id": x.lesson_id, "date": x.date.isoformat(), "number": x.number, "topic": x.topic,
                         "homework": x.homework, "subgroup": x.subgroup_name} for x in s.lessons],
            "periods": [{"id": p.id, "name": p.name} for p in s.periods],
            "students": [{"id": line.student.id, "name": line.student.name,
                          "cells": [{"marks": list(c.marks), "attendance": c.attendance} for c in line.cells],
                          "period_marks": list(line.period_marks)} for line in s.students],
        } for s in report.subjects]}


def class_journal_file(report: ClassJournal, kind: str) -> bytes:
    if kind == "json":
        return json.dumps(class_journal_data(report), ensure_ascii=False, indent=1).encode("utf-8")
    return class_journal_pdf(report)
