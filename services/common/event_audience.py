"""Whom a school event is for (S4): the whole school, some grades or some class groups; families (students and
guardians), staff or everyone. Schedule keeps the events (its domain checks them); reporting prints a class's events in
the weekly diaries: both decide by this one rule whether an event is a class's. Plain Python, no I/O."""
from dataclasses import dataclass

SCHOOL, GRADES, CLASS_GROUPS = "school", "grades", "class_groups"
SCOPES = (SCHOOL, GRADES, CLASS_GROUPS)
EVERYONE, FAMILIES, STAFF = "everyone", "families", "staff"
PEOPLE = (EVERYONE, FAMILIES, STAFF)


@dataclass(frozen=True)
class Audience:
    scope: str = SCHOOL
    grades: tuple[int, ...] = ()
    class_group_ids: tuple[str, ...] = ()
    people: str = EVERYONE

    def includes(self, class_group_id: str, grade: int | None) -> bool:
        """Whether a class group (of that grade; None = not known) is in the audience."""
        if self.scope == GRADES:
            return grade in self.grades
        if self.scope == CLASS_GROUPS:
            return class_group_id in self.class_group_ids
        return True

    @property
    def for_families(self) -> bool:
        return self.people in (EVERYONE, FAMILIES)

    @property
    def for_staff(self) -> bool:
        return self.people in (EVERYONE, STAFF)
