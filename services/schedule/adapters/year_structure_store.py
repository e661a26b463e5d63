"""The structure of an academic year that a new year copies (S1): its class groups, their subgroups, curriculum
profiles with their standard hours, curriculum hours and teaching assignments."""
from collections.abc import Mapping
from dataclasses import dataclass

from sqlalchemy import insert, select
from sqlalchemy.orm import Session

from services.schedule.adapters.tables import (
    class_groups,
    curriculum_hours,
    curriculum_profiles,
    profile_hours,
    subgroups,
    teaching_assignments,
)


@dataclass(frozen=True)
class YearStructure:
    class_groups: list[Mapping]
    profiles: list[Mapping]
    profile_hours: list[Mapping]
    subgroups: list[Mapping]
    curriculum_hours: list[Mapping]
    teaching_assignments: list[Mapping]


class YearStructureStore:
    def __init__(self, session: Session):
        self.session = session

    def of_year(self, academic_year_id: str) -> YearStructure:
        """The year's structure, its class groups by grade and name."""
        def rows(query) -> list[Mapping]:
            return list(self.session.execute(query).mappings().all())

        groups = rows(select(class_groups).where(class_groups.c.academic_year_id == academic_year_id)
                      .order_by(class_groups.c.grade, class_groups.c.name))
        profiles = rows(select(curriculum_profiles).where(curriculum_profiles.c.academic_year_id == academic_year_id))
        group_ids = [g["id"] for g in groups]
        return YearStructure(
            groups, profiles,
            rows(select(profile_hours).where(profile_hours.c.profile_id.in_([p["id"] for p in profiles]))),
            rows(select(subgroups).where(subgroups.c.class_group_id.in_(group_ids))),
            rows(select(curriculum_hours).where(curriculum_hours.c.class_group_id.in_(group_ids))),
            rows(select(teaching_assignments).where(teaching_assignments.c.class_group_id.in_(group_ids))))

    def add(self, structure: YearStructure) -> None:
        """Inserts a year's structure, each table's rows after those they refer to."""
        for table, rows in [(curriculum_profiles, structure.profiles), (profile_hours, structure.profile_hours),
                            (class_groups, structure.class_groups), (subgroups, structure.subgroups),
                            (curriculum_hours, structure.curriculum_hours),
                            (teaching_assignments, structure.teaching_assignments)]:
            if rows:
                self.session.execute(insert(table), rows)
