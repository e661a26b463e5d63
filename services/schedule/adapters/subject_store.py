"""The school's subjects: the one place their SQL lives."""
from collections.abc import Mapping

from sqlalchemy import func, insert, select
from sqlalchemy.orm import Session

from services.common.errors import NotFound
from services.schedule.adapters.tables import subjects


class SubjectStore:
    def __init__(self, session: Session):
        self.session = session

    def name_taken(self, name: str) -> str | None:
        """The stored name of the subject called `name` in any letter case, if there is one."""
        return self.session.scalar(select(subjects.c.name).where(func.lower(subjects.c.name) == name.lower()))

    def name_of(self, subject_id: str) -> str:
        """The subject's name (NotFound when there is none)."""
        name = self.session.scalar(select(subjects.c.name).where(subjects.c.id == subject_id))
        if name is None:
            raise NotFound("Предмет не найден", {"subject_id": "не найден"})
        return name

    def add(self, row: Mapping) -> None:
        self.session.execute(insert(subjects).values(row))

    def all(self) -> list[Mapping]:
        """Every subject, by name."""
        return list(self.session.execute(select(subjects).order_by(subjects.c.name)).mappings())
