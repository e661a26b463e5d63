"""Rooms and bell schedules of a school (S4): a timetable entry may name a room (checked for double booking) and a
bell schedule (a shift: lesson number -> start and end) that gives its times."""
from proto.schedule.v1 import schedule_pb2 as pb
from services.common.errors import Conflict
from services.common.scope import Scope
from services.schedule.adapters import protobuf
from services.schedule.adapters.tables import new_id
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
        if uow.bell_schedules.name_taken(name):
            raise Conflict(f"Расписание звонков «{name}» уже есть", {"name": "уже есть"})
        schedule = dict(id=new_id(), school_id=uow.school_id, name=name)
        uow.bell_schedules.add(schedule, rows)
    return protobuf.bell_schedule(schedule, rows)


def list_bell_schedules(scope: Scope, uow: ScheduleUnitOfWork) -> list[pb.BellSchedule]:
    scope.require("schedule.read")
    with uow:
        schedules = uow.bell_schedules.all()
    return [protobuf.bell_schedule(schedule, periods) for schedule, periods in schedules]
