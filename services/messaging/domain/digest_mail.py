"""The e-mail digest of a guardian (a daily or weekly summary of marks, absences, homework and notices): its subject,
plain text and HTML in Russian, from a guardian's children and the period's items, with the unsubscribe link. Every
item names the child it is about, so a guardian of several children never has to guess. Plain Python and two
templates (`templates/mail/digest.txt`, `digest.html`), no I/O.
"""
import datetime as dt
import pathlib
from collections.abc import Sequence
from dataclasses import dataclass, field

import jinja2

from services.common.attendance_kinds import ATTENDANCE_KINDS
from services.common.mail import Mail
from services.common.plural import plural

# the digest as its opening names it, and as «подписались на …» does
PERIODS = {"daily": ("Ежедневная сводка", "ежедневную сводку"), "weekly": ("Еженедельная сводка", "еженедельную сводку")}
MONTHS = ("января", "февраля", "марта", "апреля", "мая", "июня", "июля", "августа", "сентября", "октября", "ноября",
          "декабря")
WEEKDAYS = ("пн", "вт", "ср", "чт", "пт", "сб", "вс")
TEMPLATES = jinja2.Environment(
    loader=jinja2.FileSystemLoader(pathlib.Path(__file__).resolve().parent / "templates" / "mail"),
    autoescape=jinja2.select_autoescape(enabled_extensions=("html",), default_for_string=False),
    undefined=jinja2.StrictUndefined, trim_blocks=True, lstrip_blocks=True, keep_trailing_newline=True,
)


@dataclass(frozen=True)
class Child:
    """A child of the guardian as the digest names them (`Иванов Пётр`), their class and, when the guardian's
    children go to different schools, the school."""

    id: str
    name: str
    class_name: str
    school_name: str = ""


@dataclass(frozen=True)
class MarkItem:
    child_id: str
    day: dt.date  # the lesson's
    subject: str
    value: str  # 5, 4+, Н/А, ОСВ, 5/4 (as the journal shows it)
    work_type: str = ""
    weight: float | None = None
    comment: str = ""


@dataclass(frozen=True)
class AbsenceItem:
    child_id: str
    day: dt.date
    kind: str  # one of ATTENDANCE_KINDS
    subject: str = ""  # the lesson's; empty: the whole day
    lesson_number: int | None = None


@dataclass(frozen=True)
class HomeworkItem:
    child_id: str
    due: dt.date | None  # the subject's next lesson; None when it is not in the timetable yet
    subject: str
    text: str
    given: dt.date | None = None  # the lesson it was given at


@dataclass(frozen=True)
class NoticeItem:
    child_id: str  # the child whose class, grade or school the notice is to
    day: dt.date
    title: str
    text: str
    author: str = ""  # «Классный руководитель Петрова А. В.»


@dataclass(frozen=True)
class Digest:
    """One guardian's digest of a period: a day (daily: first_day == last_day) or a week (weekly, up to 7 days)."""

    period: str
    first_day: dt.date
    last_day: dt.date
    guardian_name: str  # as the greeting calls them: «Мария Петровна»
    children: Sequence[Child]
    unsubscribe_url: str
    marks: Sequence[MarkItem] = ()
    absences: Sequence[AbsenceItem] = ()
    homework: Sequence[HomeworkItem] = ()
    notices: Sequence[NoticeItem] = ()
    diary_url: str = ""


@dataclass(frozen=True)
class DigestMail:
    """The composed digest: what a guardian reads."""

    period: str
    subject: str
    text: str
    html: str
    unsubscribe_url: str

    def mail(self, to: str) -> Mail:
        return Mail(to=to, subject=self.subject, text=self.text, html=self.html, unsubscribe_url=self.unsubscribe_url,
                    kind=f"digest.{self.period}")


@dataclass(frozen=True)
class Line:
    """One item as both templates show it: who it is about, when, the subject, the main thing, further details."""

    who: str
    when: str
    what: str
    main: str
    details: tuple[str, ...] = ()


@dataclass
class Section:
    title: str
    lines: list[Line] = field(default_factory=list)


@dataclass
class ChildPart:
    child: Child
    heading: str
    summary: str
    sections: list[Section]


def compose_digest(digest: Digest) -> DigestMail | None:
    """The digest's mail, or None when the period brought nothing for any child (no mail that says nothing)."""
    _check(digest)
    parts = [_child_part(digest, child) for child in digest.children]
    if not any(part.sections for part in parts):
        return None
    period = period_label(digest.first_day, digest.last_day)
    named = ", ".join(part.child.name for part in parts if part.sections)
    subject = f"Дневник за {period}: {named}" if digest.period == "daily" else f"Дневник за неделю {period}: {named}"
    context = dict(digest=digest, kind=PERIODS[digest.period], period=period, parts=parts, subject=subject)
    return DigestMail(period=digest.period, subject=subject, text=TEMPLATES.get_template("digest.txt").render(context),
                      html=TEMPLATES.get_template("digest.html").render(context), unsubscribe_url=digest.unsubscribe_url)


def _check(digest: Digest) -> None:
    """A digest the caller got wrong is a bug, not a guardian's input: ValueError."""
    if digest.period not in PERIODS:
        raise ValueError(f"a digest is daily or weekly, not {digest.period!r}")
    days = (digest.last_day - digest.first_day).days
    if days < 0 or (digest.period == "daily" and days != 0) or days > 6:
        raise ValueError(f"a {digest.period} digest cannot cover {digest.first_day} to {digest.last_day}")
    ids = [child.id for child in digest.children]
    if not ids or len(set(ids)) != len(ids):
        raise ValueError("a digest names the guardian's children, each once")
    for item in (*digest.marks, *digest.absences, *digest.homework, *digest.notices):
        if item.child_id not in ids:
            raise ValueError(f"an item of child {item.child_id}, who is not among this guardian's children")
    for absence in digest.absences:
        if absence.kind not in ATTENDANCE_KINDS:
            raise ValueError(f"unknown attendance kind {absence.kind!r}")
    if not digest.unsubscribe_url:
        raise ValueError("every digest carries its unsubscribe link")


def _child_part(digest: Digest, child: Child) -> ChildPart:
    def of_child(items):
        return [item for item in items if item.child_id == child.id]

    who = child.name
    marks = sorted(of_child(digest.marks), key=lambda m: (m.day, m.subject))
    absences = sorted(of_child(digest.absences), key=lambda a: (a.day, a.lesson_number or 0, a.subject))
    homework = sorted(of_child(digest.homework), key=lambda h: (h.due or h.given or digest.last_day, h.subject))
    notices = sorted(of_child(digest.notices), key=lambda n: n.day)
    sections = [section for section in (
        Section("Оценки", [Line(who, day_label(m.day), m.subject, m.value, _mark_details(m)) for m in marks]),
        Section("Пропуски и опоздания", [
            Line(who, day_label(a.day), a.subject or "весь день", ATTENDANCE_KINDS[a.kind],
                 (f"{a.lesson_number}-й урок",) if a.lesson_number else ()) for a in absences]),
        Section("Домашние задания", [Line(who, _homework_day(h), h.subject, h.text) for h in homework]),
        Section("Объявления", [Line(who, day_label(n.day), n.title, n.text, (n.author,) if n.author else ())
                               for n in notices]),
    ) if section.lines]
    counts = [plural(len(marks), "оценка", "оценки", "оценок"),
              plural(len(absences), "пропуск", "пропуска", "пропусков"),
              plural(len(homework), "домашнее задание", "домашних задания", "домашних заданий"),
              plural(len(notices), "объявление", "объявления", "объявлений")]
    summary = ", ".join(count for count in counts if not count.startswith("0 ")) or "нового нет"
    heading = ", ".join(part for part in (child.name, child.class_name, child.school_name) if part)
    return ChildPart(child, heading, summary, sections)


def _homework_day(homework: HomeworkItem) -> str:
    if homework.due:
        return f"к {day_label(homework.due)}"
    return f"задано {day_label(homework.given)}" if homework.given else "к следующему уроку"


def _mark_details(mark: MarkItem) -> tuple[str, ...]:
    details = []
    if mark.work_type:
        details.append(mark.work_type)
    if mark.weight is not None:
        details.append(f"вес {mark.weight:g}")
    if mark.comment:
        details.append(f"комментарий учителя: «{mark.comment}»")
    return tuple(details)


def day_label(day: dt.date) -> str:
    """`3 декабря (чт)`."""
    return f"{day.day} {MONTHS[day.month - 1]} ({WEEKDAYS[day.weekday()]})"


def period_label(first: dt.date, last: dt.date) -> str:
    """`7 декабря 2026`, `1–7 декабря 2026`, `30 ноября – 6 декабря 2026`, `29 декабря 2025 – 4 января 2026`."""
    if first == last:
        return f"{first.day} {MONTHS[first.month - 1]} {first.year}"
    if (first.year, first.month) == (last.year, last.month):
        return f"{first.day}–{last.day} {MONTHS[last.month - 1]} {last.year}"
    if first.year == last.year:
        return f"{first.day} {MONTHS[first.month - 1]} – {last.day} {MONTHS[last.month - 1]} {last.year}"
    return f"{first.day} {MONTHS[first.month - 1]} {first.year} – {last.day} {MONTHS[last.month - 1]} {last.year}"
