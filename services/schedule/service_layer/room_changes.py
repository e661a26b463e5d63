"""Changing a school's rooms and bell schedules (S4). A renamed room keeps its timetable entries, which show the new
name, as do their lessons after today. A changed bell schedule re-times its timetable entries and their scheduled
lessons after today that the journal has no records for (recorded lessons keep the times they were given). Either is
deleted only when no timetable entry in force uses it."""
import datetime as dt

from sqlalchemy import delete, func, select, update
from sqlalchemy.orm import Session

from proto.schedule.v1 import schedule_pb2 as pb
from services.common.db import parse_uuid
from services.common.errors import Conflict, FailedPrecondition, Invalid, NotFound
from services.common.scope import Scope
from services.schedule.adapters import messages
from services.schedule.adapters.recorded_lessons import recorded
from services.schedule.adapters.tables import bell_periods, bell_schedules, lessons, timetable_entries
from services.schedule.adapters.tables import rooms as rooms_table
from services.schedule.domain import timetable_slot
from services.schedule.domain.values import required_name
from services.schedule.service_layer import lesson_dates
from services.schedule.service_layer.unit_of_work import ScheduleUnitOfWork


def _row(session: Session, table, row_id: str, missing: str, field: str):
    row = session.execute(select(table).where(table.c.id == row_id).with_for_update()).mappings().first()
    if row is None:
        raise NotFound(missing, {field: "не найден"})
    return row


def _reject_taken(session: Session, table, row_id: str, name: str, taken: str) -> None:
    if session.scalar(select(table.c.id).where(func.lower(table.c.name) == name.lower(), table.c.id != row_id)):
        raise Conflict(taken, {"name": "уже есть"})


def _in_force_after(today: dt.date):
    """Timetable entries that still hold on some day after today."""
    return timetable_entries.c.ends_before.is_(None) | (timetable_entries.c.ends_before > today + dt.timedelta(days=1))


def rename_room(scope: Scope, uow: ScheduleUnitOfWork, room_id: str, name: str) -> pb.Room:
    scope.require("schedule.manage")
    room_id = parse_uuid(room_id, "room_id")
    name = required_name(name, "name", timetable_slot.MAX_ROOM)
    with uow:
        session = uow.session
        room = _row(session, rooms_table, room_id, "Кабинет не найден", "room_id")
        _reject_taken(session, rooms_table, room_id, name, f"Кабинет «{name}» уже есть")
        session.execute(update(rooms_table).where(rooms_table.c.id == room_id).values(name=name))
        entry_ids = select(timetable_entries.c.id).where(timetable_entries.c.room_id == room_id)
        session.execute(update(timetable_entries).where(timetable_entries.c.room_id == room_id).values(room=name))
        session.execute(update(lessons).where(lessons.c.timetable_entry_id.in_(entry_ids), lessons.c.date > uow.today(),
                                              lessons.c.room == room["name"]).values(room=name))
    return pb.Room(id=room_id, school_id=uow.school_id, name=name)


def delete_room(scope: Scope, uow: ScheduleUnitOfWork, room_id: str) -> pb.Room:
    """Removes a room no timetable entry uses after today; earlier entries keep its name as text."""
    scope.require("schedule.manage")
    room_id = parse_uuid(room_id, "room_id")
    with uow:
        session = uow.session
        room = _row(session, rooms_table, room_id, "Кабинет не найден", "room_id")
        used = session.scalar(select(func.count()).select_from(timetable_entries).where(
            timetable_entries.c.room_id == room_id, _in_force_after(uow.today())))
        if used:
            raise FailedPrecondition(f"Кабинет «{room['name']}» есть в расписании ({used} ур. в неделю): сначала "
                                     "замените его в этих уроках", {"room_id": "есть в расписании"})
        session.execute(update(timetable_entries).where(timetable_entries.c.room_id == room_id).values(room_id=None))
        session.execute(delete(rooms_table).where(rooms_table.c.id == room_id))
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
        session = uow.session
        schedule = _row(session, bell_schedules, bell_schedule_id, "Расписание звонков не найдено", "bell_schedule_id")
        _reject_taken(session, bell_schedules, bell_schedule_id, name, f"Расписание звонков «{name}» уже есть")
        entries = session.execute(select(timetable_entries).where(
            timetable_entries.c.bell_schedule_id == bell_schedule_id, _in_force_after(today))
            .with_for_update()).mappings().all()
        used = sorted({e["lesson_number"] for e in entries} - set(times))
        if used:
            raise Invalid("periods", f"в расписании есть {', '.join(map(str, used))}-й урок по этим звонкам: "
                                     "оставьте его время")
        session.execute(update(bell_schedules).where(bell_schedules.c.id == bell_schedule_id).values(name=name))
        session.execute(delete(bell_periods).where(bell_periods.c.bell_schedule_id == bell_schedule_id))
        session.execute(bell_periods.insert(), [dict(p, school_id=uow.school_id, bell_schedule_id=bell_schedule_id)
                                                for p in periods])
        for number, (starts_at, ends_at) in times.items():
            session.execute(update(timetable_entries).where(
                timetable_entries.c.id.in_([e["id"] for e in entries if e["lesson_number"] == number]))
                .values(starts_at=starts_at, ends_at=ends_at))
        retimed = _retime_lessons(session, [e["id"] for e in entries], times, today)
    return pb.UpdateBellScheduleResponse(bell_schedule=messages.bell_schedule(dict(schedule, name=name), periods),
                                         lessons_retimed=retimed)


def _retime_lessons(session: Session, entry_ids: list[str], times: dict, today: dt.date) -> int:
    """Gives the entries' scheduled lessons after today without journal records the times of their lesson number."""
    later = session.execute(select(lessons.c.id, lessons.c.lesson_number, lessons.c.starts_at, lessons.c.ends_at).where(
        lessons.c.timetable_entry_id.in_(entry_ids), lessons.c.date > today,
        lessons.c.status == lesson_dates.SCHEDULED).with_for_update()).all()
    kept = recorded(session, [x.id for x in later])
    changed = [x for x in later if x.id not in kept and x.lesson_number in times
               and (x.starts_at, x.ends_at) != times[x.lesson_number]]
    for number, (starts_at, ends_at) in times.items():
        ids = [x.id for x in changed if x.lesson_number == number]
        if ids:
            session.execute(update(lessons).where(lessons.c.id.in_(ids)).values(starts_at=starts_at, ends_at=ends_at))
    return len(changed)


def delete_bell_schedule(scope: Scope, uow: ScheduleUnitOfWork, bell_schedule_id: str) -> pb.BellSchedule:
    """Removes a bell schedule no timetable entry refers to."""
    scope.require("schedule.manage")
    bell_schedule_id = parse_uuid(bell_schedule_id, "bell_schedule_id")
    with uow:
        session = uow.session
        schedule = _row(session, bell_schedules, bell_schedule_id, "Расписание звонков не найдено", "bell_schedule_id")
        used = session.scalar(select(func.count()).select_from(timetable_entries).where(
            timetable_entries.c.bell_schedule_id == bell_schedule_id))
        if used:
            raise FailedPrecondition(f"По звонкам «{schedule['name']}» идут уроки расписания ({used}): сначала "
                                     "переведите их на другие звонки", {"bell_schedule_id": "есть в расписании"})
        periods = session.execute(select(bell_periods).where(bell_periods.c.bell_schedule_id == bell_schedule_id)
                                  .order_by(bell_periods.c.lesson_number)).mappings().all()
        session.execute(delete(bell_periods).where(bell_periods.c.bell_schedule_id == bell_schedule_id))
        session.execute(delete(bell_schedules).where(bell_schedules.c.id == bell_schedule_id))
    return messages.bell_schedule(schedule, periods)
