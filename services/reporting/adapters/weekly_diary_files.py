"""The weekly diaries as one PDF (ReportLab through adapters.pdf_report, portrait A4 as the report cards): a student a
page — the title block (the school, «Дневник за неделю», the student, the class and the week), the lessons by day
(№, subject, topic, homework, marks with their work types and comments, attendance), the lessons missed that week, the
class's school events of the week, and the signature lines of the form teacher and a guardian."""
import datetime as dt
from xml.sax.saxutils import escape

from reportlab.lib.pagesizes import A4
from reportlab.lib.units import mm
from reportlab.platypus import PageBreak, Paragraph, Spacer

from services.reporting.adapters.pdf_report import (
    FORM_TEACHER,
    Heading,
    document,
    gridded,
    russian_date,
    signature_lines,
    styles,
    text_rows,
    title_block,
)
from services.reporting.adapters.student_reports_files import GUARDIAN, PORTRAIT_WIDTH, missed_rows
from services.reporting.domain.weekly_diary import DiaryLesson, EventFact, StudentWeek, WeeklyDiaries

TITLE = "Дневник за неделю"
WEEKDAYS = ("понедельник", "вторник", "среда", "четверг", "пятница", "суббота", "воскресенье")
HEADER = ("День", "№", "Предмет", "Тема урока", "Домашнее задание", "Отметки", "Посещаемость")
WIDTHS = (24 * mm, 8 * mm, 28 * mm, 38 * mm, 38 * mm, 28 * mm)
NO_LESSONS = "Уроков на этой неделе нет."


def clock(value: dt.time | None) -> str:
    return value.strftime("%H:%M") if value else ""


def day_text(day: dt.date) -> str:
    return f"{WEEKDAYS[day.weekday()]}, {russian_date(day.isoformat())[:5]}"


def week_text(diaries: WeeklyDiaries) -> str:
    return f"с {russian_date(diaries.date_from.isoformat())} по {russian_date(diaries.date_to.isoformat())}"


def heading(diaries: WeeklyDiaries, formed_at: dt.datetime, student: StudentWeek | None = None) -> Heading:
    who = f"{student.student.name or '—'}, " if student else ""
    return Heading(TITLE, diaries.school_name, f"{who}класс {diaries.class_group.name or '—'}, неделя "
                   f"{week_text(diaries)}", formed_at)


def marks_text(lesson: DiaryLesson) -> str:
    """«5 (Контрольная работа: молодец)», one mark a line."""
    def one(mark) -> str:
        about = ": ".join(part for part in (mark.work_type_name, mark.comment) if part)
        return f"{mark.value} ({about})" if about else mark.value
    return "\n".join(one(mark) for mark in lesson.marks)


def homework_text(lesson: DiaryLesson) -> str:
    own = f"Лично: {lesson.own_homework}" if lesson.own_homework else ""
    return "\n".join(part for part in (lesson.homework, own) if part)


def lesson_rows(student: StudentWeek) -> list[tuple]:
    """A row per lesson; the day printed on its first lesson only."""
    rows, shown = [], None
    for lesson in student.lessons:
        day = day_text(lesson.date) if lesson.date != shown else ""
        shown = lesson.date
        number = str(lesson.number or "")
        rows.append((day, number, lesson.subject_name, lesson.topic, homework_text(lesson), marks_text(lesson),
                     lesson.attendance_name))
    return rows


def event_text(event: EventFact) -> str:
    """«пятница, 12.09, 18:00–19:00: Родительское собрание (Родительское собрание), Актовый зал»."""
    when = "–".join(part for part in (clock(event.starts_at), clock(event.ends_at)) if part)
    kind = f" ({event.kind_name})" if event.kind_name and event.kind_name != event.title else ""
    where = f", {event.place}" if event.place else ""
    return f"{day_text(event.date)}{', ' + when if when else ''}: {event.title}{kind}{where}"


def table_rows(student: StudentWeek) -> list[list]:
    """The header and the lesson rows as paragraphs, a cell's lines kept as lines."""
    style = styles()
    return [*text_rows(HEADER, []), *[[Paragraph(escape(value).replace("\n", "<br/>"), style.cell) for value in row]
                                      for row in lesson_rows(student)]]


def student_page(diaries: WeeklyDiaries, student: StudentWeek, formed_at: dt.datetime) -> list:
    style = styles()
    widths = [*WIDTHS, PORTRAIT_WIDTH - sum(WIDTHS)]
    table = [gridded(table_rows(student), widths)] if student.lessons else [Paragraph(NO_LESSONS, style.subtitle)]
    late = f" Опозданий: {student.late}." if student.late else ""
    missed = missed_rows(student.missed)
    events = [Paragraph(escape(event_text(e)), style.cell) for e in diaries.events]
    return [*title_block(heading(diaries, formed_at, student)), Spacer(0, 4 * mm), *table, Spacer(0, 4 * mm),
            Paragraph(f"Пропущено уроков за неделю: {student.missed.total}.{late}", style.subtitle), Spacer(0, 2 * mm),
            gridded(missed, [PORTRAIT_WIDTH / len(missed[0])] * len(missed[0])),
            *([Spacer(0, 4 * mm), Paragraph("Мероприятия недели", style.subtitle), *events] if events else []),
            *signature_lines((FORM_TEACHER, GUARDIAN))]


def weekly_diaries_pdf(diaries: WeeklyDiaries, formed_at: dt.datetime) -> bytes:
    pages = [part for i, student in enumerate(diaries.students)
             for part in ([PageBreak()] if i else []) + student_page(diaries, student, formed_at)]
    if not pages:
        pages = [*title_block(heading(diaries, formed_at)), Spacer(0, 6 * mm),
                 Paragraph("В классе на этой неделе нет учеников.", styles().subtitle)]
    return document(heading(diaries, formed_at), pages, A4)
