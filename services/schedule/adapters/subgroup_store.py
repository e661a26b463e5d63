"""Subgroups of class groups with their students; deleting one takes its weekly entries, dated lessons, teaching
assignments and students with it."""
import datetime as dt
from collections import defaultdict
from collections.abc import Iterable, Mapping

from sqlalchemy import delete, func, insert, select, update
from sqlalchemy.orm import Session

from services.common.errors import Invalid, NotFound
from services.schedule.adapters.tables import (
    academic_years,
    class_groups,
    lessons,
    subgroup_students,
    subgroups,
    teaching_assignments,
    timetable_entries,
)


class SubgroupStore:
    def __init__(self, session: Session):
        self.session = session

    def get(self, subgroup_id: str, class_group_id: str | None = None) -> Mapping:
        """The subgroup (NotFound when there is none); with class_group_id, it must be a subgroup of that class group
        (Invalid otherwise)."""
        row = self.session.execute(select(subgroups).where(subgroups.c.id == subgroup_id)).mappings().first()
        if row is None:
            raise NotFound("Подгруппа не найдена", {"subgroup_id": "не найдена"})
        if class_group_id and row["class_group_id"] != class_group_id:
            raise Invalid("subgroup_id", "подгруппа другого класса")
        return row

    def of_class_group(self, class_group_id: str) -> list[Mapping]:
        """The class group's subgroups by name."""
        return list(self.session.execute(select(subgroups).where(subgroups.c.class_group_id == class_group_id)
                                         .order_by(subgroups.c.name)).mappings().all())

    def name_taken(self, class_group_id: str, name: str, except_id: str | None = None) -> bool:
        """Whether another subgroup of the class group has the name in any letter case."""
        query = select(subgroups.c.id).where(subgroups.c.class_group_id == class_group_id,
                                             func.lower(subgroups.c.name) == name.lower())
        if except_id:
            query = query.where(subgroups.c.id != except_id)
        return self.session.scalar(query) is not None

    def add(self, row: Mapping, student_ids: Iterable[str]) -> None:
        self.session.execute(insert(subgroups).values(row))
        self._add_students(row["school_id"], row["id"], student_ids)

    def rename(self, subgroup_id: str, name: str) -> None:
        self.session.execute(update(subgroups).where(subgroups.c.id == subgroup_id).values(name=name))

    def students(self, subgroup_id: str) -> list[str]:
        return list(self.session.scalars(select(subgroup_students.c.student_id)
                                         .where(subgroup_students.c.subgroup_id == subgroup_id)).all())

    def members(self, subgroup_ids: list[str]) -> dict[str, list[str]]:
        """The students of each of the subgroups."""
        result = defaultdict(list)
        for subgroup_id, student_id in self.session.execute(
                select(subgroup_students.c.subgroup_id, subgroup_students.c.student_id)
                .where(subgroup_students.c.subgroup_id.in_(subgroup_ids))):
            result[subgroup_id].append(student_id)
        return result

    def replace_students(self, school_id: str, subgroup_id: str, student_ids: Iterable[str]) -> None:
        """The subgroup's students become these (its row locked first, so replacements run one after another)."""
        self.session.execute(select(subgroups.c.id).where(subgroups.c.id == subgroup_id).with_for_update())
        self.session.execute(delete(subgroup_students).where(subgroup_students.c.subgroup_id == subgroup_id))
        self._add_students(school_id, subgroup_id, student_ids)

    def leave_classes(self, student_id: str, kept_class_group_ids: Iterable[str], on: dt.date) -> set[str]:
        """The student leaves the subgroups of every class but the kept ones whose year is open and lasts to the
        date or later (the subgroups of an ended or closed year stay as they were: its journal reads them); returns
        the ids of the subgroups the student left."""
        left = (select(subgroups.c.id).join(class_groups, class_groups.c.id == subgroups.c.class_group_id)
                .join(academic_years, academic_years.c.id == class_groups.c.academic_year_id)
                .where(academic_years.c.status == "open", academic_years.c.end_date >= on,
                       class_groups.c.id.not_in(list(kept_class_group_ids))))
        return set(self.session.scalars(delete(subgroup_students).where(
            subgroup_students.c.student_id == student_id, subgroup_students.c.subgroup_id.in_(left))
            .returning(subgroup_students.c.subgroup_id)))

    def delete(self, subgroup_id: str) -> int:
        """Deletes the subgroup with its dated lessons, timetable entries, teaching assignments and students;
        returns how many timetable entries went."""
        self.session.execute(delete(lessons).where(lessons.c.subgroup_id == subgroup_id))
        entries = self.session.execute(delete(timetable_entries)
                                       .where(timetable_entries.c.subgroup_id == subgroup_id)).rowcount
        self.session.execute(delete(teaching_assignments).where(teaching_assignments.c.subgroup_id == subgroup_id))
        self.session.execute(delete(subgroup_students).where(subgroup_students.c.subgroup_id == subgroup_id))
        self.session.execute(delete(subgroups).where(subgroups.c.id == subgroup_id))
        return entries

    def _add_students(self, school_id: str, subgroup_id: str, student_ids: Iterable[str]) -> None:
        self.session.execute(insert(subgroup_students), [dict(school_id=school_id, subgroup_id=subgroup_id, student_id=s)
                                                         for s in sorted(student_ids)])
