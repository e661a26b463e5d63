"""Deadlines of journal entries (J3), per school policy: marks, attendance and the topic on the lesson day, homework
within `homework_deadline_minutes` after the lesson ends, marks of written work within `written_work_days` working
days. Only entries are measured (something recorded where nothing was); corrections carry a reason instead. A late
entry is accepted and flagged. Plain Python, no I/O."""
import datetime as dt

from services.journal.domain.journal_policy import JournalPolicy

ENTITIES = ("mark", "attendance", "topic", "homework")


def add_working_days(date: dt.date, days: int) -> dt.date:
    """The date `days` working days (Monday to Friday) after `date`."""
    while days > 0:
        date += dt.timedelta(days=1)
        days -= date.weekday() < 5
    return date


def _end_of(date: dt.date, settings: JournalPolicy) -> dt.datetime:
    return dt.datetime.combine(date + dt.timedelta(days=1), dt.time(), settings.zone)


def due_at(entity: str, work_type: str, lesson_date: dt.date, ends_at: str, settings: JournalPolicy) -> dt.datetime:
    """When the entry is due (aware, school time zone)."""
    if entity == "homework" and ends_at:
        end = dt.datetime.combine(lesson_date, dt.time.fromisoformat(ends_at), settings.zone)
        return end + dt.timedelta(minutes=settings.homework_deadline_minutes)
    if entity == "mark" and work_type in settings.written:
        return _end_of(add_working_days(lesson_date, settings.written_work_days), settings)
    return _end_of(lesson_date, settings)


def is_entry(entity: str, old: dict | None, new: dict | None) -> bool:
    """Something recorded where nothing was (a change or a removal is a correction)."""
    return entity in ENTITIES and bool(new) and any(new.values()) and (old is None or not any(old.values()))


def deadline(entity: str, old: dict | None, new: dict | None, lesson_date: dt.date, ends_at: str,
             settings: JournalPolicy, now: dt.datetime) -> tuple[dt.datetime | None, bool]:
    """(due_at, late) of a ledger row; (None, False) for what has no deadline."""
    if not is_entry(entity, old, new):
        return None, False
    due = due_at(entity, (new or {}).get("work_type", ""), lesson_date, ends_at, settings)
    return due, now > due
