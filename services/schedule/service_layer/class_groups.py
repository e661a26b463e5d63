"""Class groups of an academic year: creating one in an open year (ClassGroupCreated), reading and listing them."""
from proto.schedule.v1 import schedule_pb2 as pb
from services.common.db import parse_uuid
from services.common.errors import Conflict
from services.common.scope import Scope
from services.schedule.adapters import protobuf
from services.schedule.adapters.tables import new_id
from services.schedule.domain.class_group import class_group_name
from services.schedule.service_layer.unit_of_work import ScheduleUnitOfWork


def create_class_group(scope: Scope, uow: ScheduleUnitOfWork, academic_year_id: str, grade: int,
                       name: str) -> pb.ClassGroup:
    scope.require("schedule.manage")
    name = class_group_name(grade, name)
    academic_year_id = parse_uuid(academic_year_id, "academic_year_id")
    with uow:
        uow.academic_years.open_year(academic_year_id)
        if uow.class_groups.name_taken(academic_year_id, name):
            raise Conflict(f"Класс {name} в этом учебном году уже есть", {"name": "уже есть"})
        row = dict(id=new_id(), school_id=uow.school_id, academic_year_id=academic_year_id, grade=grade, name=name)
        uow.class_groups.add(row)
        message = protobuf.class_group(row)
        uow.publish(pb.ClassGroupCreated(class_group=message))
    return message


def get_class_group(scope: Scope, uow: ScheduleUnitOfWork, class_group_id: str) -> pb.ClassGroup:
    scope.require("schedule.read")
    with uow:
        return protobuf.class_group(uow.class_groups.get(parse_uuid(class_group_id, "class_group_id")))


def list_class_groups(scope: Scope, uow: ScheduleUnitOfWork, academic_year_id: str) -> list[pb.ClassGroup]:
    scope.require("schedule.read")
    academic_year_id = parse_uuid(academic_year_id, "academic_year_id") if academic_year_id else None
    with uow:
        return [protobuf.class_group(row) for row in uow.class_groups.of_year(academic_year_id)]
