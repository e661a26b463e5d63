"""Changing the weekly timetable from a date (S4): an entry replaced or removed from a date after today ends the
day before; its lessons from that date are cancelled, except those the journal already has records for, which
stay (with a change_note for the teacher) and keep their class's slot. Earlier lessons never change."""
import datetime as dt

from proto.schedule.v1 import schedule_pb2 as pb
from services.common.dates import parse_date
from services.common.db import parse_uuid
from services.common.errors import FailedPrecondition, Invalid, NotFound
from services.common.scope import Scope
from services.schedule.adapters import protobuf
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
        replacement = pb.TimetableEntry()
        replacement.CopyFrom(e)
        replacement.draft = old["draft"]  # a draft line is replaced by a draft line, an ordinary one by an ordinary one
        entry, created = insert_entry(uow, group, replacement, starts_on=day, held=held)
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
    entry = uow.timetable_entries.get(entry_id)
    if entry is None:
        raise NotFound("Урок расписания не найден", {"entry_id": "не найден"})
    year = uow.academic_years.open_year(entry["academic_year_id"], lock=True)
    if not year["start_date"] <= day <= year["end_date"]:
        raise Invalid("effective_from", "дата вне учебного года")
    if entry["ends_before"] is not None and entry["ends_before"] <= day:
        raise FailedPrecondition("Этот урок уже убран из расписания раньше", {"entry_id": "уже убран"})
    group = uow.class_groups.get(entry["class_group_id"])
    uow.timetable_entries.end(entry_id, max(day, entry["starts_on"]) if entry["starts_on"] else day)
    later = uow.lessons.scheduled_of_entry_from(entry_id, day)
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
        uow.class_groups.get(class_group_id)
        rows = uow.timetable_entries.of_class_group(class_group_id)
    return [protobuf.timetable_entry(row) for row in rows if day is None or lesson_dates.in_force(row, day)]
