"""Subgroups (S1, J10): parts of a class group taught separately (a foreign language, labour), each with its
students. The journal takes a subgroup lesson's class list from GetSubgroup."""
from collections import defaultdict

from sqlalchemy import delete, func, insert, select

from proto.schedule.v1 import schedule_pb2 as pb
from services.common.db import parse_uuid
from services.common.errors import Conflict, Invalid
from services.schedule import domain, messages
from services.schedule.handlers import Deps, authorize, class_group_row, new_id, open_year, subgroup_row
from services.schedule.tables import subgroup_students, subgroups


def students_of(student_ids) -> set[str]:
    students = {parse_uuid(s, f"student_ids[{i}]") for i, s in enumerate(student_ids)}
    if not students:
        raise Invalid("student_ids", "в подгруппе должен быть хотя бы один ученик")
    return students


def create_subgroup(deps: Deps, school_id: str, class_group_id: str, name: str, student_ids) -> pb.Subgroup:
    """A named subgroup of the class group; every student must be a student of that class (identity says)."""
    school_id = authorize(deps, school_id, "schedule.manage")
    class_group_id = parse_uuid(class_group_id, "class_group_id")
    name = domain.required_name(name, "name")
    students = students_of(student_ids)
    with deps.db.tenant_session(school_id) as session:
        group = class_group_row(session, class_group_id)
        open_year(session, group["academic_year_id"])
    deps.staff.require_class_students(school_id, class_group_id, group["name"], students)
    with deps.db.tenant_session(school_id) as session:
        open_year(session, group["academic_year_id"])
        taken = select(subgroups.c.id).where(subgroups.c.class_group_id == class_group_id,
                                             func.lower(subgroups.c.name) == name.lower())
        if session.scalar(taken):
            raise Conflict(f"Подгруппа «{name}» в классе {group['name']} уже есть", {"name": "уже есть"})
        row = dict(id=new_id(), school_id=school_id, class_group_id=class_group_id, name=name)
        session.execute(insert(subgroups).values(row))
        session.execute(insert(subgroup_students), [dict(school_id=school_id, subgroup_id=row["id"], student_id=s)
                                                    for s in sorted(students)])
    return messages.subgroup(row, students)


def set_subgroup_students(deps: Deps, school_id: str, subgroup_id: str, student_ids) -> pb.Subgroup:
    """Replaces the subgroup's students (all of them students of its class group)."""
    school_id = authorize(deps, school_id, "schedule.manage")
    subgroup_id = parse_uuid(subgroup_id, "subgroup_id")
    students = students_of(student_ids)
    with deps.db.tenant_session(school_id) as session:
        row = subgroup_row(session, subgroup_id)
        group = class_group_row(session, row["class_group_id"])
    deps.staff.require_class_students(school_id, group["id"], group["name"], students)
    with deps.db.tenant_session(school_id) as session:
        open_year(session, group["academic_year_id"])
        session.execute(select(subgroups.c.id).where(subgroups.c.id == subgroup_id).with_for_update())
        session.execute(delete(subgroup_students).where(subgroup_students.c.subgroup_id == subgroup_id))
        session.execute(insert(subgroup_students), [dict(school_id=school_id, subgroup_id=subgroup_id, student_id=s)
                                                    for s in sorted(students)])
    return messages.subgroup(row, students)


def get_subgroup(deps: Deps, school_id: str, subgroup_id: str) -> pb.Subgroup:
    school_id = authorize(deps, school_id, "schedule.read")
    with deps.db.tenant_session(school_id) as session:
        row = subgroup_row(session, parse_uuid(subgroup_id, "subgroup_id"))
        students = session.scalars(select(subgroup_students.c.student_id)
                                   .where(subgroup_students.c.subgroup_id == row["id"])).all()
    return messages.subgroup(row, students)


def list_subgroups(deps: Deps, school_id: str, class_group_id: str) -> list[pb.Subgroup]:
    school_id = authorize(deps, school_id, "schedule.read")
    class_group_id = parse_uuid(class_group_id, "class_group_id")
    with deps.db.tenant_session(school_id) as session:
        class_group_row(session, class_group_id)
        rows = session.execute(select(subgroups).where(subgroups.c.class_group_id == class_group_id)
                               .order_by(subgroups.c.name)).mappings().all()
        members = defaultdict(list)
        for subgroup_id, student_id in session.execute(
                select(subgroup_students.c.subgroup_id, subgroup_students.c.student_id)
                .where(subgroup_students.c.subgroup_id.in_([r["id"] for r in rows]))):
            members[subgroup_id].append(student_id)
    return [messages.subgroup(row, members[row["id"]]) for row in rows]
