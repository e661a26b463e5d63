"""Subgroups (S1, J10): parts of a class group taught separately (a foreign language, labour), each with its
students. The journal takes a subgroup lesson's class list from GetSubgroup; reporting learns a subgroup's students
and name from SubgroupStudentsSet (published with every change of them)."""
from proto.schedule.v1 import schedule_pb2 as pb
from services.common.db import parse_uuid
from services.common.errors import Conflict, FailedPrecondition, Invalid
from services.common.scope import Scope
from services.schedule.adapters import protobuf
from services.schedule.adapters.tables import new_id
from services.schedule.domain.lesson_status import SCHEDULED
from services.schedule.domain.values import required_name
from services.schedule.service_layer import lesson_dates
from services.schedule.service_layer.unit_of_work import ScheduleUnitOfWork


def students_of(student_ids) -> set[str]:
    students = {parse_uuid(s, f"student_ids[{i}]") for i, s in enumerate(student_ids)}
    if not students:
        raise Invalid("student_ids", "в подгруппе должен быть хотя бы один ученик")
    return students


def create_subgroup(scope: Scope, uow: ScheduleUnitOfWork, class_group_id: str, name: str, student_ids) -> pb.Subgroup:
    """A named subgroup of the class group; every student must be a student of that class (identity says)."""
    scope.require("schedule.manage")
    class_group_id = parse_uuid(class_group_id, "class_group_id")
    name = required_name(name, "name")
    students = students_of(student_ids)
    with uow:
        group = uow.class_groups.get(class_group_id)
        uow.academic_years.open_year(group["academic_year_id"])
    uow.staff.require_class_students(uow.school_id, class_group_id, group["name"], students)
    with uow:
        uow.academic_years.open_year(group["academic_year_id"])
        reject_taken_name(uow, group, name)
        row = dict(id=new_id(), school_id=uow.school_id, class_group_id=class_group_id, name=name)
        uow.subgroups.add(row, students)
        uow.publish(pb.SubgroupStudentsSet(subgroup=protobuf.subgroup(row, students)))
    return protobuf.subgroup(row, students)


def set_subgroup_students(scope: Scope, uow: ScheduleUnitOfWork, subgroup_id: str, student_ids) -> pb.Subgroup:
    """Replaces the subgroup's students (all of them students of its class group)."""
    scope.require("schedule.manage")
    subgroup_id = parse_uuid(subgroup_id, "subgroup_id")
    students = students_of(student_ids)
    with uow:
        row = uow.subgroups.get(subgroup_id)
        group = uow.class_groups.get(row["class_group_id"])
    uow.staff.require_class_students(uow.school_id, group["id"], group["name"], students)
    with uow:
        uow.academic_years.open_year(group["academic_year_id"])
        uow.subgroups.replace_students(uow.school_id, subgroup_id, students)
        uow.publish(pb.SubgroupStudentsSet(subgroup=protobuf.subgroup(row, students)))
    return protobuf.subgroup(row, students)


def get_subgroup(scope: Scope, uow: ScheduleUnitOfWork, subgroup_id: str) -> pb.Subgroup:
    scope.require("schedule.read")
    with uow:
        row = uow.subgroups.get(parse_uuid(subgroup_id, "subgroup_id"))
        students = uow.subgroups.students(row["id"])
    return protobuf.subgroup(row, students)


def list_subgroups(scope: Scope, uow: ScheduleUnitOfWork, class_group_id: str) -> list[pb.Subgroup]:
    scope.require("schedule.read")
    class_group_id = parse_uuid(class_group_id, "class_group_id")
    with uow:
        uow.class_groups.get(class_group_id)
        rows = uow.subgroups.of_class_group(class_group_id)
        members = uow.subgroups.members([r["id"] for r in rows])
    return [protobuf.subgroup(row, members[row["id"]]) for row in rows]


def reject_taken_name(uow: ScheduleUnitOfWork, group, name: str, subgroup_id: str | None = None) -> None:
    if uow.subgroups.name_taken(group["id"], name, subgroup_id):
        raise Conflict(f"Подгруппа «{name}» в классе {group['name']} уже есть", {"name": "уже есть"})


def rename_subgroup(scope: Scope, uow: ScheduleUnitOfWork, subgroup_id: str, name: str) -> pb.Subgroup:
    """A new name, unique in the class group; lessons and records stay with the subgroup."""
    scope.require("schedule.manage")
    subgroup_id = parse_uuid(subgroup_id, "subgroup_id")
    name = required_name(name, "name")
    with uow:
        row = uow.subgroups.get(subgroup_id)
        group = uow.class_groups.get(row["class_group_id"])
        uow.academic_years.open_year(group["academic_year_id"])
        reject_taken_name(uow, group, name, subgroup_id)
        uow.subgroups.rename(subgroup_id, name)
        students = uow.subgroups.students(subgroup_id)
        renamed = protobuf.subgroup(dict(row, name=name), students)
        uow.publish(pb.SubgroupStudentsSet(subgroup=renamed))
    return renamed


def delete_subgroup(scope: Scope, uow: ScheduleUnitOfWork, subgroup_id: str) -> pb.DeleteSubgroupResponse:
    """Removes a subgroup created by mistake with its weekly lessons, dated lessons (LessonCancelled for the
    scheduled ones), teaching assignments and students; refused once the journal has records for one of its lessons
    or a teacher reported a date mismatch on one."""
    scope.require("schedule.manage")
    subgroup_id = parse_uuid(subgroup_id, "subgroup_id")
    with uow:
        row = uow.subgroups.get(subgroup_id)
        group = uow.class_groups.get(row["class_group_id"])
        uow.academic_years.open_year(group["academic_year_id"], lock=True)  # no new lessons of it meanwhile
        own = uow.lessons.of_subgroup_locked(subgroup_id)
        if uow.recorded_lessons.of([x["id"] for x in own]):
            raise FailedPrecondition(f"В журнале уже есть записи по урокам подгруппы «{row['name']}»: её нельзя "
                                     "удалить", {"subgroup_id": "есть записи в журнале"})
        if uow.mismatch_reports.lessons_reported([x["id"] for x in own]):
            raise FailedPrecondition(f"По урокам подгруппы «{row['name']}» есть сообщения о расхождении дат: её нельзя "
                                     "удалить", {"subgroup_id": "есть сообщения о расхождении дат"})
        note = f"Урок отменён: подгруппа «{row['name']}» удалена"
        lesson_dates.cancel_lessons(uow, [dict(x, change_note=note) for x in own if x["status"] == SCHEDULED])
        entries = uow.subgroups.delete(subgroup_id)
    return pb.DeleteSubgroupResponse(lessons_deleted=len(own), timetable_entries_deleted=entries)

