"""The class groups of the school's academic years, as the class group and year commands read and write them."""
from collections.abc import Mapping

from sqlalchemy import insert, select, update
from sqlalchemy.orm import Session

from services.common.errors import NotFound
from services.schedule.adapters.tables import class_groups


class ClassGroupStore:
    def __init__(self, session: Session):
        self.session = session

    def name_taken(self, academic_year_id: str, name: str) -> bool:
        return self.session.scalar(select(class_groups.c.id).where(class_groups.c.academic_year_id == academic_year_id,
                                                                   class_groups.c.name == name)) is not None

    def add(self, row: Mapping) -> None:
        self.session.execute(insert(class_groups).values(row))

    def get(self, class_group_id: str) -> Mapping:
        """The class group (NotFound when there is none)."""
        row = self.session.execute(select(class_groups).where(class_groups.c.id == class_group_id)).mappings().first()
        if row is None:
            raise NotFound("Класс не найден", {"class_group_id": "не найден"})
        return row

    def follow_profile(self, class_group_id: str, profile_id: str | None) -> None:
        self.session.execute(update(class_groups).where(class_groups.c.id == class_group_id).values(profile_id=profile_id))

    def lock_for_plans(self, class_group_id: str) -> None:
        """One import of the class group's plans at a time (a key-share lock: lessons may still reference the class)."""
        self.session.execute(select(class_groups.c.id).where(class_groups.c.id == class_group_id)
                             .with_for_update(key_share=True))

    def of_year(self, academic_year_id: str | None = None) -> list[Mapping]:
        """The class groups of the year (of every year when None) by grade and name."""
        query = select(class_groups).order_by(class_groups.c.grade, class_groups.c.name)
        if academic_year_id:
            query = query.where(class_groups.c.academic_year_id == academic_year_id)
        return list(self.session.execute(query).mappings().all())
