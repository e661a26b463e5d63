"""Who may write to whom (J13). A family (a guardian, or the student) writes only to the staff who teach their child's
class (schedule's teaching assignments of the class), lead it (the form teacher), or lead the school (the director and
the deputy heads); never to another student or family. A staff member writes to the family of a student of a class
they teach or lead; the director and the deputy heads to any family of the school. Plain Python, no I/O."""
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from services.common.errors import Forbidden

LEADERS = {"director": "директор", "deputy_head": "заместитель директора"}
FAMILY_REFUSAL = ("Писать можно только учителям, которые ведут уроки в классе ребёнка, классному руководителю, "
                  "директору и его заместителям")
STAFF_REFUSAL = "Писать можно семьям учеников тех классов, в которых вы ведёте уроки или классное руководство"


@dataclass(frozen=True)
class StaffMember:
    person_id: str
    name: str
    roles: frozenset[str]
    form_class_group_ids: frozenset[str]


@dataclass(frozen=True)
class Contact:
    person_id: str
    name: str
    student_id: str
    student_name: str
    reasons: tuple[str, ...]


def contacts_of_student(student_id: str, student_name: str, class_group_id: str, staff: Iterable[StaffMember],
                        subjects_taught: Mapping[str, list[str]]) -> list[Contact]:
    """The staff the student's family may write to, each with why: the form teacher of the class, the teachers of
    the class with their subjects (teacher id -> subject names), the director and the deputy heads."""
    found = []
    for member in staff:
        reasons = []
        if class_group_id and class_group_id in member.form_class_group_ids:
            reasons.append("классный руководитель")
        reasons += [f"учитель: {subject}" for subject in sorted(subjects_taught.get(member.person_id, []))]
        reasons += [name for role, name in LEADERS.items() if role in member.roles]
        if reasons:
            found.append(Contact(member.person_id, member.name, student_id, student_name, tuple(reasons)))
    return sorted(found, key=lambda c: (c.student_name, "классный руководитель" not in c.reasons, c.name))


def check_family_may_write(contacts: Iterable[Contact], staff_id: str) -> None:
    if staff_id not in {c.person_id for c in contacts}:
        raise Forbidden(FAMILY_REFUSAL, {"staff_id": "этот сотрудник не ведёт уроки и не руководит классом ребёнка"})


def staff_may_write(roles: frozenset[str], person_id: str, form_class_group_ids: frozenset[str],
                    class_group_id: str, class_teacher_ids: Iterable[str]) -> bool:
    """A staff member may write to the families of the class: the director and deputy heads always; a teacher when
    they teach the class or lead it."""
    if roles & set(LEADERS):
        return True
    return bool(class_group_id) and (class_group_id in form_class_group_ids or person_id in set(class_teacher_ids))


def check_staff_may_write(allowed: bool, field: str) -> None:
    if not allowed:
        raise Forbidden(STAFF_REFUSAL, {field: "вы не ведёте уроки и не руководите этим классом"})
