"""Class groups of an academic year: creating one in an open year (ClassGroupCreated), reading and listing them."""
from sqlalchemy import insert, select

from proto.schedule.v1 import schedule_pb2 as pb
from services.common.db import parse_uuid
from services.common.errors import Conflict
from services.common.scope import Scope
from services.schedule.adapters import messages
from services.schedule.adapters.lookups import class_group_row, open_year
from services.schedule.adapters.tables import class_groups, new_id
from services.schedule.domain.class_group import class_group_name
from services.schedule.service_layer.unit_of_work import ScheduleUnitOfWork


def create_class_group(scope: Scope, uow: ScheduleUnitOfWork, academic_year_id: str, grade: int,
                       name: str) -> pb.ClassGroup:
    scope.require("schedule.manage")
    name = class_group_name(grade, name)
    academic_year_id = parse_uuid(academic_year_id, "academic_year_id")
    with uow:
        session = uow.session
        open_year(session, academic_year_id)
        taken = select(class_groups.c.id).where(class_groups.c.academic_year_id == academic_year_id,
                                                class_groups.c.name == name)
        if session.scalar(taken):
            raise Conflict(f"Класс {name} в этом учебном году уже есть", {"name": "уже есть"})
        row = dict(id=new_id(), school_id=uow.school_id, academic_year_id=academic_year_id, grade=grade, name=name)
        session.execute(insert(class_groups).values(row))
        message = messages.class_group(row)
        uow.publish(pb.ClassGroupCreated(class_group=message))
    return message


def get_class_group(scope: Scope, uow: ScheduleUnitOfWork, class_group_id: str) -> pb.ClassGroup:
    scope.require("schedule.read")
    with uow:
        return messages.class_group(class_group_row(uow.session, parse_uuid(class_group_id, "class_group_id")))


def list_class_groups(scope: Scope, uow: ScheduleUnitOfWork, academic_year_id: str) -> list[pb.ClassGroup]:
    scope.require("schedule.read")
    query = select(class_groups).order_by(class_groups.c.grade, class_groups.c.name)
    if academic_year_id:
        query = query.where(class_groups.c.academic_year_id == parse_uuid(academic_year_id, "academic_year_id"))
    with uow:
        return [messages.class_group(row) for row in uow.session.execute(query).mappings()]
