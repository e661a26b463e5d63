"""Rooms and bell schedules as a timetable entry uses them, looked up inside the caller's tenant transaction."""
from sqlalchemy import select
from sqlalchemy.orm import Session

from services.common.errors import Invalid, NotFound
from services.schedule.tables import bell_periods, bell_schedules, rooms


def room_name(session: Session, room_id: str) -> str:
    name = session.scalar(select(rooms.c.name).where(rooms.c.id == room_id))
    if name is None:
        raise NotFound("Кабинет не найден", {"room_id": "не найден"})
    return name


def bell_times(session: Session, bell_schedule_id: str, lesson_number: int) -> tuple[str, str]:
    """("08:30", "09:15") of the lesson number in the bell schedule."""
    name = session.scalar(select(bell_schedules.c.name).where(bell_schedules.c.id == bell_schedule_id))
    if name is None:
        raise NotFound("Расписание звонков не найдено", {"bell_schedule_id": "не найдено"})
    period = session.execute(select(bell_periods.c.starts_at, bell_periods.c.ends_at).where(
        bell_periods.c.bell_schedule_id == bell_schedule_id, bell_periods.c.lesson_number == lesson_number)).first()
    if period is None:
        raise Invalid("lesson_number", f"в расписании звонков «{name}» нет {lesson_number}-го урока")
    return period.starts_at.strftime("%H:%M"), period.ends_at.strftime("%H:%M")
