"""Rooms and bell schedules of a school (S4): a timetable entry may name a room (checked for double booking) and a
bell schedule (a shift: lesson number -> start and end) that gives its times."""
from collections import defaultdict

from sqlalchemy import func, insert, select

from proto.schedule.v1 import schedule_pb2 as pb
from services.common.errors import Conflict, Invalid
from services.schedule import domain, messages
from services.schedule.handlers import Deps, authorize, new_id
from services.schedule.tables import bell_periods, bell_schedules, rooms


def create_room(deps: Deps, school_id: str, name: str) -> pb.Room:
    school_id = authorize(deps, school_id, "schedule.manage")
    name = domain.required_name(name, "name", domain.MAX_ROOM)
    with deps.db.tenant_session(school_id) as session:
        if session.scalar(select(rooms.c.id).where(func.lower(rooms.c.name) == name.lower())):
            raise Conflict(f"Кабинет «{name}» уже есть", {"name": "уже есть"})
        row = dict(id=new_id(), school_id=school_id, name=name)
        session.execute(insert(rooms).values(row))
    return pb.Room(**row)


def list_rooms(deps: Deps, school_id: str) -> list[pb.Room]:
    school_id = authorize(deps, school_id, "schedule.read")
    with deps.db.tenant_session(school_id) as session:
        rows = session.execute(select(rooms).order_by(rooms.c.name)).mappings().all()
    return [pb.Room(**row) for row in rows]


def periods(values) -> list[dict]:
    """Checked bell periods: lesson numbers 1..10 once each, start < end, each after the one before (fields name
    the period as it was sent)."""
    result, previous = [], None
    for i, p in sorted(enumerate(values), key=lambda item: item[1].lesson_number):
        field = f"periods[{i}]"
        if not 1 <= p.lesson_number <= 10:
            raise Invalid(f"{field}.lesson_number", "номер урока от 1 до 10")
        start, end = domain.parse_time(p.starts_at, f"{field}.starts_at"), domain.parse_time(p.ends_at, f"{field}.ends_at")
        if start >= end:
            raise Invalid(f"{field}.ends_at", "урок должен заканчиваться позже, чем начинается")
        if previous and p.lesson_number == previous["lesson_number"]:
            raise Invalid(f"{field}.lesson_number", f"{p.lesson_number}-й урок указан дважды")
        if previous and start < previous["ends_at"]:
            raise Invalid(f"{field}.starts_at", f"{p.lesson_number}-й урок начинается раньше конца предыдущего")
        previous = dict(lesson_number=p.lesson_number, starts_at=start, ends_at=end)
        result.append(previous)
    if not result:
        raise Invalid("periods", "укажите время хотя бы одного урока")
    return result


def create_bell_schedule(deps: Deps, school_id: str, name: str, values) -> pb.BellSchedule:
    school_id = authorize(deps, school_id, "schedule.manage")
    name = domain.required_name(name, "name")
    rows = periods(values)
    with deps.db.tenant_session(school_id) as session:
        if session.scalar(select(bell_schedules.c.id).where(func.lower(bell_schedules.c.name) == name.lower())):
            raise Conflict(f"Расписание звонков «{name}» уже есть", {"name": "уже есть"})
        schedule = dict(id=new_id(), school_id=school_id, name=name)
        session.execute(insert(bell_schedules).values(schedule))
        session.execute(insert(bell_periods), [dict(r, school_id=school_id, bell_schedule_id=schedule["id"])
                                               for r in rows])
    return messages.bell_schedule(schedule, rows)


def list_bell_schedules(deps: Deps, school_id: str) -> list[pb.BellSchedule]:
    school_id = authorize(deps, school_id, "schedule.read")
    with deps.db.tenant_session(school_id) as session:
        schedules = session.execute(select(bell_schedules).order_by(bell_schedules.c.name)).mappings().all()
        by_schedule = defaultdict(list)
        for row in session.execute(select(bell_periods).order_by(bell_periods.c.lesson_number)).mappings():
            by_schedule[row["bell_schedule_id"]].append(row)
    return [messages.bell_schedule(s, by_schedule[s["id"]]) for s in schedules]
