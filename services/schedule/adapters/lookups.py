"""Rows a command looks up by id inside its tenant transaction, each a NotFound (naming the field) when missing: the
open academic year (locked), a class group, a subject's name, a subgroup, a room's name, a bell period's times."""
from sqlalchemy import select
from sqlalchemy.orm import Session

from services.common.errors import FailedPrecondition, Invalid, NotFound
from services.schedule.adapters.tables import (
    academic_years,
    bell_periods,
    bell_schedules,
    class_groups,
    rooms,
    subgroups,
    subjects,
)


def open_year(session: Session, academic_year_id: str, lock: bool = False):
    """The year, if open. Its row stays locked until commit: shared (nothing may close the year under us)
    or, with lock=True, exclusive (for closing it and for calendar changes)."""
    query = select(academic_years).where(academic_years.c.id == academic_year_id)
    row = session.execute(query.with_for_update(read=not lock)).mappings().first()
    if row is None:
        raise NotFound("Учебный год не найден", {"academic_year_id": "не найден"})
    if row["status"] != "open":
        raise FailedPrecondition(f"Учебный год {row['name']} закрыт")
    return row


def class_group_row(session: Session, class_group_id: str):
    row = session.execute(select(class_groups).where(class_groups.c.id == class_group_id)).mappings().first()
    if row is None:
        raise NotFound("Класс не найден", {"class_group_id": "не найден"})
    return row


def subject_name(session: Session, subject_id: str) -> str:
    name = session.scalar(select(subjects.c.name).where(subjects.c.id == subject_id))
    if name is None:
        raise NotFound("Предмет не найден", {"subject_id": "не найден"})
    return name


def subgroup_row(session: Session, subgroup_id: str, class_group_id: str | None = None):
    """The subgroup; with class_group_id, it must be a subgroup of that class group."""
    row = session.execute(select(subgroups).where(subgroups.c.id == subgroup_id)).mappings().first()
    if row is None:
        raise NotFound("Подгруппа не найдена", {"subgroup_id": "не найдена"})
    if class_group_id and row["class_group_id"] != class_group_id:
        raise Invalid("subgroup_id", "подгруппа другого класса")
    return row


def year_exists(session: Session, academic_year_id: str) -> None:
    if session.scalar(select(academic_years.c.id).where(academic_years.c.id == academic_year_id)) is None:
        raise NotFound("Учебный год не найден", {"academic_year_id": "не найден"})


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
