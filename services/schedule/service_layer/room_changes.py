"""Changing a school's rooms and bell schedules (S4). A renamed room keeps its timetable entries, which show the new
name, as do their lessons after today. A changed bell schedule re-times its timetable entries and their scheduled
lessons after today that the journal has no records for (recorded lessons keep the times they were given); either
publishes one LessonsChanged for the lessons it changed. Either is deleted only when no timetable entry in force uses
it."""
import datetime as dt

from proto.schedule.v1 import schedule_pb2 as pb
from services.common.db import parse_uuid
from services.common.errors import Conflict, FailedPrecondition, Invalid, NotFound
from services.common.scope import Scope
from services.schedule.adapters import protobuf
from services.schedule.domain import timetable_slot
from services.schedule.domain.values import required_name
from services.schedule.service_layer import lesson_dates
from services.schedule.service_layer.unit_of_work import ScheduleUnitOfWork


def _found(row, missing: str, field: str):
    if row is None:
        raise NotFound(missing, {field: "не найден"})
    return row


def rename_room(scope: Scope, uow: ScheduleUnitOfWork, room_id: str, name: str) -> pb.Room:
    scope.require("schedule.manage")
    room_id = parse_uuid(room_id, "room_id")
    name = required_name(name, "name", timetable_slot.MAX_ROOM)
    with uow:
        room = _found(uow.rooms.locked(room_id), "Кабинет не найден", "room_id")
        if uow.rooms.name_taken(name, room_id):
            raise Conflict(f"Кабинет «{name}» уже есть", {"name": "уже есть"})
        uow.rooms.rename(room_id, name)
        renamed = uow.timetable_entries.rename_room(room_id, room["name"], name, uow.today())
        lesson_dates.publish_changed(uow, renamed, "room")
    return pb.Room(id=room_id, school_id=uow.school_id, name=name)


def delete_room(scope: Scope, uow: ScheduleUnitOfWork, room_id: str) -> pb.Room:
    """Removes a room no timetable entry uses after today; earlier entries keep its name as text."""
    scope.require("schedule.manage")
    room_id = parse_uuid(room_id, "room_id")
    with uow:
        room = _found(uow.rooms.locked(room_id), "Кабинет не найден", "room_id")
        used = uow.timetable_entries.count_in_room(room_id, uow.today())
        if used:
            raise FailedPrecondition(f"Кабинет «{room['name']}» есть в расписании ({used} ур. в неделю): сначала "
                                     "замените его в этих уроках", {"room_id": "есть в расписании"})
        uow.timetable_entries.forget_room(room_id)
        uow.rooms.delete(room_id)
    return pb.Room(**room)


def update_bell_schedule(scope: Scope, uow: ScheduleUnitOfWork, bell_schedule_id: str, name: str,
                         values) -> pb.UpdateBellScheduleResponse:
    """New name and periods; every lesson number its timetable entries use must stay in it."""
    scope.require("schedule.manage")
    bell_schedule_id = parse_uuid(bell_schedule_id, "bell_schedule_id")
    name = required_name(name, "name")
    periods = timetable_slot.bell_periods(values)
    times = {p["lesson_number"]: (p["starts_at"], p["ends_at"]) for p in periods}
    today = uow.today()
    with uow:
        schedule = _found(uow.bell_schedules.locked(bell_schedule_id), "Расписание звонков не найдено",
                          "bell_schedule_id")
        if uow.bell_schedules.name_taken(name, bell_schedule_id):
            raise Conflict(f"Расписание звонков «{name}» уже есть", {"name": "уже есть"})
        entries = uow.timetable_entries.by_bells_locked(bell_schedule_id, today)
        used = sorted({e["lesson_number"] for e in entries} - set(times))
        if used:
            raise Invalid("periods", f"в расписании есть {', '.join(map(str, used))}-й урок по этим звонкам: "
                                     "оставьте его время")
        uow.bell_schedules.change(schedule, name, periods)
        for number, (starts_at, ends_at) in times.items():
            uow.timetable_entries.retime([e["id"] for e in entries if e["lesson_number"] == number], starts_at, ends_at)
        retimed = _retime_lessons(uow, [e["id"] for e in entries], times, today)
    return pb.UpdateBellScheduleResponse(bell_schedule=protobuf.bell_schedule(dict(schedule, name=name), periods),
                                         lessons_retimed=retimed)


def _retime_lessons(uow: ScheduleUnitOfWork, entry_ids: list[str], times: dict, today: dt.date) -> int:
    """Gives the entries' scheduled lessons after today without journal records the times of their lesson number
    (LessonsChanged "times")."""
    later = uow.timetable_entries.scheduled_after(entry_ids, today)
    kept = uow.recorded_lessons.of([x["id"] for x in later])
    changed = [x for x in later if x["id"] not in kept and x["lesson_number"] in times
               and (x["starts_at"], x["ends_at"]) != times[x["lesson_number"]]]
    for number, (starts_at, ends_at) in times.items():
        ids = [x["id"] for x in changed if x["lesson_number"] == number]
        if ids:
            uow.timetable_entries.retime_lessons(ids, starts_at, ends_at)
    lesson_dates.publish_changed(uow, changed, "times")
    return len(changed)


def delete_bell_schedule(scope: Scope, uow: ScheduleUnitOfWork, bell_schedule_id: str) -> pb.BellSchedule:
    """Removes a bell schedule no timetable entry refers to."""
    scope.require("schedule.manage")
    bell_schedule_id = parse_uuid(bell_schedule_id, "bell_schedule_id")
    with uow:
        schedule = _found(uow.bell_schedules.locked(bell_schedule_id), "Расписание звонков не найдено",
                          "bell_schedule_id")
        used = uow.timetable_entries.count_by_bells(bell_schedule_id)
        if used:
            raise FailedPrecondition(f"По звонкам «{schedule['name']}» идут уроки расписания ({used}): сначала "
                                     "переведите их на другие звонки", {"bell_schedule_id": "есть в расписании"})
        periods = uow.bell_schedules.periods_of(bell_schedule_id)
        uow.bell_schedules.delete(bell_schedule_id)
    return protobuf.bell_schedule(schedule, periods)
