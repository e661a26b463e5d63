"""The school's rooms and bell schedules (a bell schedule's periods: lesson number -> start and end)."""
from collections import defaultdict
from collections.abc import Mapping

from sqlalchemy import delete, func, insert, select, update
from sqlalchemy.orm import Session

from services.common.errors import Invalid, NotFound
from services.schedule.adapters.tables import bell_periods, bell_schedules, rooms


def _name_taken(session: Session, table, name: str, except_id: str | None) -> bool:
    """Whether another row of the table has that name in any letter case."""
    query = select(table.c.id).where(func.lower(table.c.name) == name.lower())
    if except_id:
        query = query.where(table.c.id != except_id)
    return session.scalar(query) is not None


def _locked(session: Session, table, row_id: str) -> Mapping | None:
    return session.execute(select(table).where(table.c.id == row_id).with_for_update()).mappings().first()


class RoomStore:
    def __init__(self, session: Session):
        self.session = session

    def name_taken(self, name: str, except_id: str | None = None) -> bool:
        return _name_taken(self.session, rooms, name, except_id)

    def add(self, row: Mapping) -> None:
        self.session.execute(insert(rooms).values(row))

    def all(self) -> list[Mapping]:
        """Every room, by name."""
        return list(self.session.execute(select(rooms).order_by(rooms.c.name)).mappings().all())

    def name_of(self, room_id: str) -> str:
        """The room's name (NotFound when there is none)."""
        name = self.session.scalar(select(rooms.c.name).where(rooms.c.id == room_id))
        if name is None:
            raise NotFound("Кабинет не найден", {"room_id": "не найден"})
        return name

    def locked(self, room_id: str) -> Mapping | None:
        """The room, its row locked until commit."""
        return _locked(self.session, rooms, room_id)

    def rename(self, room_id: str, name: str) -> None:
        self.session.execute(update(rooms).where(rooms.c.id == room_id).values(name=name))

    def delete(self, room_id: str) -> None:
        self.session.execute(delete(rooms).where(rooms.c.id == room_id))


class BellScheduleStore:
    def __init__(self, session: Session):
        self.session = session

    def name_taken(self, name: str, except_id: str | None = None) -> bool:
        return _name_taken(self.session, bell_schedules, name, except_id)

    def add(self, schedule: Mapping, periods: list[Mapping]) -> None:
        self.session.execute(insert(bell_schedules).values(schedule))
        self._add_periods(schedule["school_id"], schedule["id"], periods)

    def all(self) -> list[tuple[Mapping, list[Mapping]]]:
        """Every bell schedule by name, with its periods by lesson number."""
        schedules = self.session.execute(select(bell_schedules).order_by(bell_schedules.c.name)).mappings().all()
        by_schedule = defaultdict(list)
        for row in self.session.execute(select(bell_periods).order_by(bell_periods.c.lesson_number)).mappings():
            by_schedule[row["bell_schedule_id"]].append(row)
        return [(schedule, by_schedule[schedule["id"]]) for schedule in schedules]

    def times(self, bell_schedule_id: str, lesson_number: int) -> tuple[str, str]:
        """("08:30", "09:15") of the lesson number in the bell schedule."""
        name = self.session.scalar(select(bell_schedules.c.name).where(bell_schedules.c.id == bell_schedule_id))
        if name is None:
            raise NotFound("Расписание звонков не найдено", {"bell_schedule_id": "не найдено"})
        period = self.session.execute(select(bell_periods.c.starts_at, bell_periods.c.ends_at).where(
            bell_periods.c.bell_schedule_id == bell_schedule_id, bell_periods.c.lesson_number == lesson_number)).first()
        if period is None:
            raise Invalid("lesson_number", f"в расписании звонков «{name}» нет {lesson_number}-го урока")
        return period.starts_at.strftime("%H:%M"), period.ends_at.strftime("%H:%M")

    def locked(self, bell_schedule_id: str) -> Mapping | None:
        """The bell schedule, its row locked until commit."""
        return _locked(self.session, bell_schedules, bell_schedule_id)

    def periods_of(self, bell_schedule_id: str) -> list[Mapping]:
        return list(self.session.execute(select(bell_periods).where(bell_periods.c.bell_schedule_id == bell_schedule_id)
                                         .order_by(bell_periods.c.lesson_number)).mappings().all())

    def change(self, schedule: Mapping, name: str, periods: list[Mapping]) -> None:
        """A new name and periods (the old periods go)."""
        self.session.execute(update(bell_schedules).where(bell_schedules.c.id == schedule["id"]).values(name=name))
        self.session.execute(delete(bell_periods).where(bell_periods.c.bell_schedule_id == schedule["id"]))
        self._add_periods(schedule["school_id"], schedule["id"], periods)

    def delete(self, bell_schedule_id: str) -> None:
        self.session.execute(delete(bell_periods).where(bell_periods.c.bell_schedule_id == bell_schedule_id))
        self.session.execute(delete(bell_schedules).where(bell_schedules.c.id == bell_schedule_id))

    def _add_periods(self, school_id: str, bell_schedule_id: str, periods: list[Mapping]) -> None:
        self.session.execute(insert(bell_periods), [dict(p, school_id=school_id, bell_schedule_id=bell_schedule_id)
                                                    for p in periods])
