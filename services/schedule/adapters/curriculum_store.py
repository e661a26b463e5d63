"""The curriculum: weekly hours of a subject in a class group, and the curriculum profiles of a year with their
standard hours."""
from collections.abc import Mapping
from decimal import Decimal

from sqlalchemy import func, insert, select
from sqlalchemy.dialects.postgresql import insert as upsert
from sqlalchemy.orm import Session

from services.schedule.adapters.tables import (
    class_groups,
    curriculum_hours,
    curriculum_profiles,
    profile_hours,
    subjects,
    teaching_assignments,
)


class CurriculumStore:
    def __init__(self, session: Session):
        self.session = session

    def set_hours(self, row: Mapping) -> Mapping:
        """Stores the row's hours of its subject in its class group (changing them if set); returns the stored row."""
        return self.session.execute(upsert(curriculum_hours).values(row).on_conflict_do_update(
            index_elements=["class_group_id", "subject_id"], set_={"hours_per_week": row["hours_per_week"]})
            .returning(curriculum_hours)).mappings().one()

    def set_many_hours(self, rows: list[Mapping]) -> list[Mapping]:
        """Inserts the rows or changes their hours where they differ; returns the rows that changed as stored."""
        if not rows:
            return []
        stmt = upsert(curriculum_hours)
        stmt = stmt.on_conflict_do_update(
            index_elements=["class_group_id", "subject_id"], set_={"hours_per_week": stmt.excluded.hours_per_week},
            where=curriculum_hours.c.hours_per_week != stmt.excluded.hours_per_week).returning(curriculum_hours)
        return list(self.session.execute(stmt, rows).mappings().all())

    def of_class_group(self, class_group_id: str) -> list[Mapping]:
        """The class group's hours with their subject_name, by subject name."""
        return list(self.session.execute(select(curriculum_hours, subjects.c.name.label("subject_name"))
                                         .join(subjects, subjects.c.id == curriculum_hours.c.subject_id)
                                         .where(curriculum_hours.c.class_group_id == class_group_id)
                                         .order_by(subjects.c.name)).mappings().all())

    def weekly_hours(self, class_group_id: str, subject_id: str) -> Decimal | None:
        return self.session.scalar(select(curriculum_hours.c.hours_per_week).where(
            curriculum_hours.c.class_group_id == class_group_id, curriculum_hours.c.subject_id == subject_id))

    def with_hours(self, class_group_ids: list[str]) -> set[str]:
        """Which of the class groups have hours of some subject."""
        return set(self.session.scalars(select(curriculum_hours.c.class_group_id).distinct()
                                        .where(curriculum_hours.c.class_group_id.in_(class_group_ids))))

    def without_teacher(self, academic_year_id: str) -> list:
        """(class_group_id, subject_id, hours_per_week, class_group, subject) of the year's hours of a subject nobody
        is assigned to teach in the class group, by grade, class group and subject names."""
        assigned = select(teaching_assignments.c.id).where(
            teaching_assignments.c.class_group_id == curriculum_hours.c.class_group_id,
            teaching_assignments.c.subject_id == curriculum_hours.c.subject_id).exists()
        return list(self.session.execute(
            select(curriculum_hours.c.class_group_id, curriculum_hours.c.subject_id, curriculum_hours.c.hours_per_week,
                   class_groups.c.name.label("class_group"), subjects.c.name.label("subject"))
            .join(class_groups, class_groups.c.id == curriculum_hours.c.class_group_id)
            .join(subjects, subjects.c.id == curriculum_hours.c.subject_id)
            .where(class_groups.c.academic_year_id == academic_year_id, ~assigned)
            .order_by(class_groups.c.grade, class_groups.c.name, subjects.c.name)).all())

    def profile(self, profile_id: str) -> Mapping | None:
        return self.session.execute(select(curriculum_profiles)
                                    .where(curriculum_profiles.c.id == profile_id)).mappings().first()

    def profile_name_taken(self, academic_year_id: str, name: str) -> bool:
        """Whether the year has a profile of that name in any letter case."""
        return self.session.scalar(select(curriculum_profiles.c.id).where(
            curriculum_profiles.c.academic_year_id == academic_year_id,
            func.lower(curriculum_profiles.c.name) == name.lower())) is not None

    def add_profile(self, row: Mapping) -> None:
        self.session.execute(insert(curriculum_profiles).values(row))

    def profiles_of(self, academic_year_id: str) -> list[Mapping]:
        """The year's profiles by their first grade and name."""
        return list(self.session.execute(select(curriculum_profiles)
                                         .where(curriculum_profiles.c.academic_year_id == academic_year_id)
                                         .order_by(curriculum_profiles.c.grade_from, curriculum_profiles.c.name))
                    .mappings().all())

    def set_profile_hours(self, row: Mapping) -> None:
        """Stores the row's standard hours of its subject in its profile (changing them if set)."""
        self.session.execute(upsert(profile_hours).values(row).on_conflict_do_update(
            index_elements=["profile_id", "subject_id"], set_={"hours_per_week": row["hours_per_week"]}))

    def standard_hours(self, profile_id: str) -> list[Mapping]:
        return list(self.session.execute(select(profile_hours).where(profile_hours.c.profile_id == profile_id))
                    .mappings().all())

    def named_standard_hours(self, profile_ids: list[str]) -> list:
        """(profile_id, subject_id, hours_per_week, name) of the profiles' standard hours, by subject name."""
        return list(self.session.execute(
            select(profile_hours.c.profile_id, profile_hours.c.subject_id, profile_hours.c.hours_per_week,
                   subjects.c.name).join(subjects, subjects.c.id == profile_hours.c.subject_id)
            .where(profile_hours.c.profile_id.in_(profile_ids)).order_by(subjects.c.name)).all())
