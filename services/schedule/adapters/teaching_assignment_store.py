"""Teaching assignments (who teaches which subject in a class group or one of its subgroups) as the assignment
commands and the teaching load import read and write them."""
from collections.abc import Mapping

from sqlalchemy import insert, select
from sqlalchemy.dialects.postgresql import insert as upsert
from sqlalchemy.orm import Session

from services.schedule.adapters.tables import subjects, teaching_assignments


class TeachingAssignmentStore:
    def __init__(self, session: Session):
        self.session = session

    def find(self, key: Mapping) -> Mapping | None:
        """The assignment of the teacher, subject, class group and subgroup (None: the whole class), if stored."""
        return self.session.execute(select(teaching_assignments).filter_by(**key)).mappings().first()

    def add(self, row: Mapping) -> None:
        self.session.execute(insert(teaching_assignments).values(row))

    def add_new(self, rows: list[Mapping]) -> int:
        """Inserts the assignments not stored yet (the same one twice counts once); returns how many."""
        if not rows:
            return 0
        stmt = upsert(teaching_assignments).on_conflict_do_nothing().returning(teaching_assignments.c.id)
        return len(self.session.execute(stmt, rows).all())

    def teachers(self, class_group_id: str, subject_id: str) -> set[str]:
        """Who is assigned to teach the subject in the class group (or one of its subgroups)."""
        return set(self.session.scalars(select(teaching_assignments.c.teacher_id).where(
            teaching_assignments.c.class_group_id == class_group_id, teaching_assignments.c.subject_id == subject_id)))

    def keys_of(self, class_group_id: str) -> frozenset:
        """(teacher, subject, subgroup or None) of the class group's assignments."""
        a = teaching_assignments
        return frozenset(tuple(row) for row in self.session.execute(
            select(a.c.teacher_id, a.c.subject_id, a.c.subgroup_id).where(a.c.class_group_id == class_group_id)))

    def of_class_group(self, class_group_id: str) -> list[Mapping]:
        """The class group's assignments by subject name, the whole class's before its subgroups'."""
        t = teaching_assignments
        return list(self.session.execute(select(t).join(subjects, subjects.c.id == t.c.subject_id)
                                         .where(t.c.class_group_id == class_group_id)
                                         .order_by(subjects.c.name, t.c.subgroup_id.nulls_first())).mappings().all())
