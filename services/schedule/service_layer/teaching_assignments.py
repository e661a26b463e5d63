"""Teaching assignments: who teaches which subject in a class group (or one subgroup of it); assigning and listing."""
from proto.schedule.v1 import schedule_pb2 as pb
from services.common.db import parse_uuid
from services.common.scope import Scope
from services.schedule.adapters import protobuf
from services.schedule.adapters.tables import new_id
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
        uow.class_groups.get(key["class_group_id"])
        uow.subjects.name_of(key["subject_id"])
        if key["subgroup_id"]:
            uow.subgroups.get(key["subgroup_id"], key["class_group_id"])
        existing = uow.teaching_assignments.find(key)
        if existing:
            return protobuf.teaching_assignment(existing)
        row = dict(key, id=new_id(), school_id=uow.school_id)
        uow.teaching_assignments.add(row)
    return protobuf.teaching_assignment(row)


def list_teaching_assignments(scope: Scope, uow: ScheduleUnitOfWork, class_group_id: str) -> list[pb.TeachingAssignment]:
    """Who teaches what in the class group (and its subgroups)."""
    scope.require("schedule.read")
    class_group_id = parse_uuid(class_group_id, "class_group_id")
    with uow:
        uow.class_groups.get(class_group_id)
        rows = uow.teaching_assignments.of_class_group(class_group_id)
    return [protobuf.teaching_assignment(row) for row in rows]
