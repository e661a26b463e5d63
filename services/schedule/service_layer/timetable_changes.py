"""Changing the weekly timetable from a date (S4): an entry replaced or removed from a date after today ends the
day before; its lessons from that date are cancelled, except those the journal already has records for, which
stay (with a change_note for the teacher) and keep their class's slot. Earlier lessons never change."""
import datetime as dt

from sqlalchemy import select, update

from proto.schedule.v1 import schedule_pb2 as pb
from services.common.dates import parse_date
from services.common.db import parse_uuid
from services.common.errors import FailedPrecondition, Invalid, NotFound
from services.common.scope import Scope
from services.schedule.adapters import messages
from services.schedule.adapters.lookups import class_group_row, open_year
from services.schedule.adapters.queries import booking_columns, lessons_query
from services.schedule.adapters.tables import lessons, timetable_entries
from services.schedule.domain import calendar
from services.schedule.service_layer import lesson_dates
from services.schedule.service_layer.timetable_lines import insert_entry
from services.schedule.service_layer.unit_of_work import ScheduleUnitOfWork


def replace_timetable_entry(scope: Scope, uow: ScheduleUnitOfWork, entry_id: str, effective_from: str,
                            e: pb.TimetableEntry) -> pb.ChangeTimetableEntryResponse:
    scope.require("schedule.manage")
    with uow:
        old, group, day, cancelled, kept = end_entry(uow, entry_id, effective_from)
        if e.class_group_id and e.class_group_id != old["class_group_id"]:
            raise Invalid("entry.class_group_id", "заменить можно только урок того же класса")
        held = frozenset((row["date"], row["lesson_number"]) for row in kept)
        entry, created = insert_entry(uow, group, e, starts_on=day, held=held)
    return pb.ChangeTimetableEntryResponse(entry=entry, lessons_created=created, lessons_cancelled=cancelled,
                                           lessons_kept=len(kept))


def delete_timetable_entry(scope: Scope, uow: ScheduleUnitOfWork, entry_id: str,
                           effective_from: str) -> pb.ChangeTimetableEntryResponse:
    scope.require("schedule.manage")
    with uow:
        _, _, _, cancelled, kept = end_entry(uow, entry_id, effective_from)
    return pb.ChangeTimetableEntryResponse(lessons_cancelled=cancelled, lessons_kept=len(kept))


def end_entry(uow: ScheduleUnitOfWork, entry_id: str, effective_from: str):
    """Ends the entry before effective_from and retires its lessons from then on. Returns (entry, class group,
    date, lessons cancelled, lessons kept)."""
    entry_id = parse_uuid(entry_id, "entry_id")
    day = parse_date(effective_from, "effective_from")
    if day <= uow.today():
        raise Invalid("effective_from", "изменить расписание можно только с завтрашнего дня или позже")
    session = uow.session
    entry = session.execute(select(timetable_entries).where(timetable_entries.c.id == entry_id)).mappings().first()
    if entry is None:
        raise NotFound("Урок расписания не найден", {"entry_id": "не найден"})
    year = open_year(session, entry["academic_year_id"], lock=True)
    if not year["start_date"] <= day <= year["end_date"]:
        raise Invalid("effective_from", "дата вне учебного года")
    if entry["ends_before"] is not None and entry["ends_before"] <= day:
        raise FailedPrecondition("Этот урок уже убран из расписания раньше", {"entry_id": "уже убран"})
    group = class_group_row(session, entry["class_group_id"])
    ends = max(day, entry["starts_on"]) if entry["starts_on"] else day
    session.execute(update(timetable_entries).where(timetable_entries.c.id == entry_id).values(ends_before=ends))
    later = session.execute(lessons_query().where(lessons.c.timetable_entry_id == entry_id, lessons.c.date >= day,
                                                  lessons.c.status == lesson_dates.SCHEDULED)
                            .with_for_update(of=lessons)).mappings().all()
    since = calendar.day_label(day)
    kept = lesson_dates.retire(uow, later, f"Урок отменён: расписание изменено с {since}",
                               f"Расписание изменено с {since}, но в журнале по уроку уже есть записи: урок сохранён")
    return entry, group, day, len(later) - len(kept), kept


def list_timetable_entries(scope: Scope, uow: ScheduleUnitOfWork, class_group_id: str, date: str) -> list[pb.TimetableEntry]:
    """The class group's weekly timetable: every entry, or those in force on the date."""
    scope.require("schedule.read")
    class_group_id = parse_uuid(class_group_id, "class_group_id")
    day: dt.date | None = parse_date(date, "date") if date else None
    with uow:
        session = uow.session
        class_group_row(session, class_group_id)
        rows = session.execute(booking_columns(timetable_entries)
                               .where(timetable_entries.c.class_group_id == class_group_id)
                               .order_by(timetable_entries.c.weekday, timetable_entries.c.lesson_number,
                                         timetable_entries.c.starts_on.nulls_first())).mappings().all()
    return [messages.timetable_entry(row) for row in rows if day is None or lesson_dates.in_force(row, day)]
