"""Teaching assignments: who teaches which subject in a class group (or one subgroup of it); assigning and listing."""
from sqlalchemy import insert, select

from proto.schedule.v1 import schedule_pb2 as pb
from services.common.db import parse_uuid
from services.common.scope import Scope
from services.schedule.adapters import messages
from services.schedule.adapters.lookups import class_group_row, subgroup_row, subject_name
from services.schedule.adapters.tables import new_id, subjects, teaching_assignments
from services.schedule.service_layer.unit_of_work import ScheduleUnitOfWork


def assign_teacher(scope: Scope, uow: ScheduleUnitOfWork, teacher_id: str, subject_id: str, class_group_id: str,
                   subgroup_id: str = "") -> pb.TeachingAssignment:
    """Records that the teacher teaches the subject in the class group (or one subgroup of it); assigning twice
    changes nothing."""
    scope.require("schedule.manage")
    key = dict(teacher_id=parse_uuid(teacher_id, "teacher_id"), subject_id=parse_uuid(subject_id, "subject_id"),
               class_group_id=parse_uuid(class_group_id, "class_group_id"),
               subgroup_id=parse_uuid(subgroup_id, "subgroup_id") if subgroup_id else None)
    uow.staff.require_teacher(uow.school_id, key["teacher_id"])
    with uow:
        session = uow.session
        class_group_row(session, key["class_group_id"])
        subject_name(session, key["subject_id"])
        if key["subgroup_id"]:
            subgroup_row(session, key["subgroup_id"], key["class_group_id"])
        existing = session.execute(select(teaching_assignments).filter_by(**key)).mappings().first()
        if existing:
            return messages.teaching_assignment(existing)
        row = dict(key, id=new_id(), school_id=uow.school_id)
        session.execute(insert(teaching_assignments).values(row))
    return messages.teaching_assignment(row)


def list_teaching_assignments(scope: Scope, uow: ScheduleUnitOfWork, class_group_id: str) -> list[pb.TeachingAssignment]:
    """Who teaches what in the class group (and its subgroups)."""
    scope.require("schedule.read")
    class_group_id = parse_uuid(class_group_id, "class_group_id")
    with uow:
        session = uow.session
        class_group_row(session, class_group_id)
        t = teaching_assignments
        rows = session.execute(select(t).join(subjects, subjects.c.id == t.c.subject_id)
                               .where(t.c.class_group_id == class_group_id)
                               .order_by(subjects.c.name, t.c.subgroup_id.nulls_first())).mappings().all()
    return [messages.teaching_assignment(row) for row in rows]
