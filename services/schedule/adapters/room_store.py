"""The school's rooms as rows created and listed (changing them is service_layer/room_changes.py's, with the
timetable entries that name them)."""
from collections.abc import Mapping

from sqlalchemy import func, insert, select
from sqlalchemy.orm import Session

from services.schedule.adapters.tables import rooms


class RoomStore:
    def __init__(self, session: Session):
        self.session = session

    def name_taken(self, name: str) -> bool:
        """Whether a room of that name (in any letter case) exists."""
        return self.session.scalar(select(rooms.c.id).where(func.lower(rooms.c.name) == name.lower())) is not None

    def add(self, row: Mapping) -> None:
        self.session.execute(insert(rooms).values(row))

    def all(self) -> list[Mapping]:
        """Every room, by name."""
        return list(self.session.execute(select(rooms).order_by(rooms.c.name)).mappings().all())
