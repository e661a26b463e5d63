"""A school's teaching load at once (ImportTeachingLoad): teaching assignments and curriculum hours, all or
nothing, every row checked as AssignTeacher and SetCurriculumHours check it (with the same lookups, each id read
once per call), written with multi-row inserts. Rows already stored change nothing, so sending the same load
again adds nothing. Each curriculum row that changed publishes CurriculumHoursSet, as SetCurriculumHours does;
the assignments publish no events."""
from collections.abc import Sequence
from functools import cache

from proto.schedule.v1 import schedule_pb2 as pb
from services.common.db import parse_uuid
from services.common.errors import DomainError, Invalid
from services.common.scope import Scope
from services.schedule.adapters import protobuf
from services.schedule.adapters.tables import new_id
from services.schedule.domain import curriculum
from services.schedule.domain.import_rows import check_size, refuse, row_errors
from services.schedule.service_layer.unit_of_work import ScheduleUnitOfWork

MAX_ROWS = 2000  # of each list in one call


def import_teaching_load(scope: Scope, uow: ScheduleUnitOfWork, assignments: Sequence[pb.TeachingLoadAssignment],
                         hours: Sequence[pb.TeachingLoadHours]) -> pb.ImportTeachingLoadResponse:
    scope.require("schedule.manage")
    if not assignments and not hours:
        raise Invalid("assignments", "нет ни одной строки нагрузки или учебного плана")
    check_size(assignments, "assignments", MAX_ROWS)
    check_size(hours, "hours", MAX_ROWS)
    errors: dict[str, str] = {}
    keys = {}
    teacher = cache(lambda teacher_id: uow.staff.require_teacher(uow.school_id, teacher_id))
    for index, a in enumerate(assignments):  # identity is asked before the transaction, as AssignTeacher does
        try:
            keys[index] = dict(teacher_id=parse_uuid(a.teacher_id, "teacher_id"),
                               subject_id=parse_uuid(a.subject_id, "subject_id"),
                               class_group_id=parse_uuid(a.class_group_id, "class_group_id"),
                               subgroup_id=parse_uuid(a.subgroup_id, "subgroup_id") if a.subgroup_id else None)
            teacher(keys[index]["teacher_id"])
        except DomainError as error:
            keys.pop(index, None)
            errors |= row_errors("assignments", index, error)
    with uow:
        group_of = cache(uow.class_groups.get)
        subject = cache(uow.subjects.name_of)
        subgroup = cache(uow.subgroups.get)
        year = cache(uow.academic_years.open_year)  # shared lock until commit
        for index, key in keys.items():
            try:
                group_of(key["class_group_id"])
                subject(key["subject_id"])
                if key["subgroup_id"]:
                    subgroup(key["subgroup_id"], key["class_group_id"])
            except DomainError as error:
                errors |= row_errors("assignments", index, error)
        rows: dict[tuple, tuple[int, dict]] = {}
        for index, h in enumerate(hours):
            try:
                class_group_id = parse_uuid(h.class_group_id, "class_group_id")
                subject_id = parse_uuid(h.subject_id, "subject_id")
                weekly = curriculum.weekly_hours(h.hours_per_week)
                year(group_of(class_group_id)["academic_year_id"])
                subject(subject_id)
                earlier = rows.get((class_group_id, subject_id))
                if earlier and earlier[1]["hours_per_week"] != weekly:
                    raise Invalid("subject_id", f"часы этого предмета в классе уже заданы иначе в hours[{earlier[0]}]")
                rows[(class_group_id, subject_id)] = (index, dict(
                    id=new_id(), school_id=uow.school_id, class_group_id=class_group_id, subject_id=subject_id,
                    hours_per_week=weekly))
            except DomainError as error:
                errors |= row_errors("hours", index, error)
        refuse(errors, "Нагрузка не загружена")
        return pb.ImportTeachingLoadResponse(
            assignments_created=uow.teaching_assignments.add_new([dict(key, id=new_id(), school_id=uow.school_id)
                                                                  for key in keys.values()]),
            hours_set=hours_set(uow, [row for _, row in rows.values()]))


def hours_set(uow: ScheduleUnitOfWork, rows: list[dict]) -> int:
    """Stores the curriculum rows, a CurriculumHoursSet for each one that changed; how many changed."""
    changed = uow.curriculum.set_many_hours(rows)
    uow.publish_all([pb.CurriculumHoursSet(hours=protobuf.curriculum_hours(row, "")) for row in changed])
    return len(changed)

