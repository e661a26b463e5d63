"""Subgroups (S1, J10): parts of a class group taught separately (a foreign language, labour), each with its
students. The journal takes a subgroup lesson's class list from GetSubgroup."""
from collections import defaultdict

from sqlalchemy import delete, func, insert, select, update

from proto.schedule.v1 import schedule_pb2 as pb
from services.common.db import parse_uuid
from services.common.errors import Conflict, FailedPrecondition, Invalid
from services.common.scope import Scope
from services.schedule.adapters import messages
from services.schedule.adapters.lookups import class_group_row, open_year, subgroup_row
from services.schedule.adapters.queries import lessons_query
from services.schedule.adapters.tables import (
    lessons,
    new_id,
    subgroup_students,
    subgroups,
    teaching_assignments,
    timetable_entries,
)
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
        session = uow.session
        group = class_group_row(session, class_group_id)
        open_year(session, group["academic_year_id"])
    uow.staff.require_class_students(uow.school_id, class_group_id, group["name"], students)
    with uow:
        session = uow.session
        open_year(session, group["academic_year_id"])
        reject_taken_name(session, group, name)
        row = dict(id=new_id(), school_id=uow.school_id, class_group_id=class_group_id, name=name)
        session.execute(insert(subgroups).values(row))
        session.execute(insert(subgroup_students), [dict(school_id=uow.school_id, subgroup_id=row["id"], student_id=s)
                                                    for s in sorted(students)])
    return messages.subgroup(row, students)


def set_subgroup_students(scope: Scope, uow: ScheduleUnitOfWork, subgroup_id: str, student_ids) -> pb.Subgroup:
    """Replaces the subgroup's students (all of them students of its class group)."""
    scope.require("schedule.manage")
    subgroup_id = parse_uuid(subgroup_id, "subgroup_id")
    students = students_of(student_ids)
    with uow:
        session = uow.session
        row = subgroup_row(session, subgroup_id)
        group = class_group_row(session, row["class_group_id"])
    uow.staff.require_class_students(uow.school_id, group["id"], group["name"], students)
    with uow:
        session = uow.session
        open_year(session, group["academic_year_id"])
        session.execute(select(subgroups.c.id).where(subgroups.c.id == subgroup_id).with_for_update())
        session.execute(delete(subgroup_students).where(subgroup_students.c.subgroup_id == subgroup_id))
        session.execute(insert(subgroup_students), [dict(school_id=uow.school_id, subgroup_id=subgroup_id, student_id=s)
                                                    for s in sorted(students)])
    return messages.subgroup(row, students)


def get_subgroup(scope: Scope, uow: ScheduleUnitOfWork, subgroup_id: str) -> pb.Subgroup:
    scope.require("schedule.read")
    with uow:
        session = uow.session
        row = subgroup_row(session, parse_uuid(subgroup_id, "subgroup_id"))
        students = session.scalars(select(subgroup_students.c.student_id)
                                   .where(subgroup_students.c.subgroup_id == row["id"])).all()
    return messages.subgroup(row, students)


def list_subgroups(scope: Scope, uow: ScheduleUnitOfWork, class_group_id: str) -> list[pb.Subgroup]:
    scope.require("schedule.read")
    class_group_id = parse_uuid(class_group_id, "class_group_id")
    with uow:
        session = uow.session
        class_group_row(session, class_group_id)
        rows = session.execute(select(subgroups).where(subgroups.c.class_group_id == class_group_id)
                               .order_by(subgroups.c.name)).mappings().all()
        members = defaultdict(list)
        for subgroup_id, student_id in session.execute(
                select(subgroup_students.c.subgroup_id, subgroup_students.c.student_id)
                .where(subgroup_students.c.subgroup_id.in_([r["id"] for r in rows]))):
            members[subgroup_id].append(student_id)
    return [messages.subgroup(row, members[row["id"]]) for row in rows]


def reject_taken_name(session, group, name: str, subgroup_id: str | None = None) -> None:
    taken = select(subgroups.c.id).where(subgroups.c.class_group_id == group["id"],
                                         func.lower(subgroups.c.name) == name.lower())
    if subgroup_id:
        taken = taken.where(subgroups.c.id != subgroup_id)
    if session.scalar(taken):
        raise Conflict(f"Подгруппа «{name}» в классе {group['name']} уже есть", {"name": "уже есть"})


def rename_subgroup(scope: Scope, uow: ScheduleUnitOfWork, subgroup_id: str, name: str) -> pb.Subgroup:
    """A new name, unique in the class group; lessons and records stay with the subgroup."""
    scope.require("schedule.manage")
    subgroup_id = parse_uuid(subgroup_id, "subgroup_id")
    name = required_name(name, "name")
    with uow:
        session = uow.session
        row = subgroup_row(session, subgroup_id)
        group = class_group_row(session, row["class_group_id"])
        open_year(session, group["academic_year_id"])
        reject_taken_name(session, group, name, subgroup_id)
        session.execute(update(subgroups).where(subgroups.c.id == subgroup_id).values(name=name))
        students = session.scalars(select(subgroup_students.c.student_id)
                                   .where(subgroup_students.c.subgroup_id == subgroup_id)).all()
    return messages.subgroup(dict(row, name=name), students)


def delete_subgroup(scope: Scope, uow: ScheduleUnitOfWork, subgroup_id: str) -> pb.DeleteSubgroupResponse:
    """Removes a subgroup created by mistake with its weekly lessons, dated lessons (LessonCancelled for the
    scheduled ones), teaching assignments and students; refused once the journal has records for one of its lessons
    or a teacher reported a date mismatch on one."""
    scope.require("schedule.manage")
    subgroup_id = parse_uuid(subgroup_id, "subgroup_id")
    with uow:
        session = uow.session
        row = subgroup_row(session, subgroup_id)
        group = class_group_row(session, row["class_group_id"])
        open_year(session, group["academic_year_id"], lock=True)  # no new lessons of it meanwhile
        own = session.execute(lessons_query().where(lessons.c.subgroup_id == subgroup_id)
                              .with_for_update(of=lessons)).mappings().all()
        if uow.recorded_lessons.of([x["id"] for x in own]):
            raise FailedPrecondition(f"В журнале уже есть записи по урокам подгруппы «{row['name']}»: её нельзя "
                                     "удалить", {"subgroup_id": "есть записи в журнале"})
        if uow.mismatch_reports.lessons_reported([x["id"] for x in own]):
            raise FailedPrecondition(f"По урокам подгруппы «{row['name']}» есть сообщения о расхождении дат: её нельзя "
                                     "удалить", {"subgroup_id": "есть сообщения о расхождении дат"})
        note = f"Урок отменён: подгруппа «{row['name']}» удалена"
        lesson_dates.cancel_lessons(uow, [dict(x, change_note=note) for x in own
                                                           if x["status"] == lesson_dates.SCHEDULED])
        session.execute(delete(lessons).where(lessons.c.subgroup_id == subgroup_id))
        entries = session.execute(delete(timetable_entries).where(timetable_entries.c.subgroup_id == subgroup_id)).rowcount
        session.execute(delete(teaching_assignments).where(teaching_assignments.c.subgroup_id == subgroup_id))
        session.execute(delete(subgroup_students).where(subgroup_students.c.subgroup_id == subgroup_id))
        session.execute(delete(subgroups).where(subgroups.c.id == subgroup_id))
    return pb.DeleteSubgroupResponse(lessons_deleted=len(own), timetable_entries_deleted=entries)

