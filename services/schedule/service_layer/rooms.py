"""Rooms and bell schedules of a school (S4): a timetable entry may name a room (checked for double booking) and a
bell schedule (a shift: lesson number -> start and end) that gives its times."""
from collections import defaultdict

from sqlalchemy import func, insert, select

from proto.schedule.v1 import schedule_pb2 as pb
from services.common.errors import Conflict
from services.common.scope import Scope
from services.schedule.adapters import messages
from services.schedule.adapters.tables import bell_periods, bell_schedules, new_id
from services.schedule.domain import timetable_slot
from services.schedule.domain.values import required_name
from services.schedule.service_layer.unit_of_work import ScheduleUnitOfWork


def create_room(scope: Scope, uow: ScheduleUnitOfWork, name: str) -> pb.Room:
    scope.require("schedule.manage")
    name = required_name(name, "name", timetable_slot.MAX_ROOM)
    with uow:
        if uow.rooms.name_taken(name):
            raise Conflict(f"Кабинет «{name}» уже есть", {"name": "уже есть"})
        row = dict(id=new_id(), school_id=uow.school_id, name=name)
        uow.rooms.add(row)
    return pb.Room(**row)


def list_rooms(scope: Scope, uow: ScheduleUnitOfWork) -> list[pb.Room]:
    scope.require("schedule.read")
    with uow:
        rows = uow.rooms.all()
    return [pb.Room(**row) for row in rows]


def create_bell_schedule(scope: Scope, uow: ScheduleUnitOfWork, name: str, values) -> pb.BellSchedule:
    scope.require("schedule.manage")
    name = required_name(name, "name")
    rows = timetable_slot.bell_periods(values)
    with uow:
        session = uow.session
        if session.scalar(select(bell_schedules.c.id).where(func.lower(bell_schedules.c.name) == name.lower())):
            raise Conflict(f"Расписание звонков «{name}» уже есть", {"name": "уже есть"})
        schedule = dict(id=new_id(), school_id=uow.school_id, name=name)
        session.execute(insert(bell_schedules).values(schedule))
        session.execute(insert(bell_periods), [dict(r, school_id=uow.school_id, bell_schedule_id=schedule["id"])
                                               for r in rows])
    return messages.bell_schedule(schedule, rows)


def list_bell_schedules(scope: Scope, uow: ScheduleUnitOfWork) -> list[pb.BellSchedule]:
    scope.require("schedule.read")
    with uow:
        session = uow.session
        schedules = session.execute(select(bell_schedules).order_by(bell_schedules.c.name)).mappings().all()
        by_schedule = defaultdict(list)
        for row in session.execute(select(bell_periods).order_by(bell_periods.c.lesson_number)).mappings():
            by_schedule[row["bell_schedule_id"]].append(row)
    return [messages.bell_schedule(s, by_schedule[s["id"]]) for s in schedules]
