"""The school's subjects: creating one with a name not taken in any letter case (SubjectCreated), listing them."""
from proto.schedule.v1 import schedule_pb2 as pb
from services.common.errors import Conflict
from services.common.scope import Scope
from services.schedule.adapters import protobuf
from services.schedule.adapters.tables import new_id
from services.schedule.domain.values import required_name
from services.schedule.service_layer.unit_of_work import ScheduleUnitOfWork


def create_subject(scope: Scope, uow: ScheduleUnitOfWork, name: str) -> pb.Subject:
    scope.require("schedule.manage")
    name = required_name(name, "name")
    with uow:
        existing = uow.subjects.name_taken(name)
        if existing:  # named as the school wrote it, whatever case was typed now
            raise Conflict(f"Предмет «{existing}» уже есть", {"name": "уже есть"})
        row = dict(id=new_id(), school_id=uow.school_id, name=name)
        uow.subjects.add(row)
        message = protobuf.subject(row)
        uow.publish(pb.SubjectCreated(subject=message))
    return message


def list_subjects(scope: Scope, uow: ScheduleUnitOfWork) -> list[pb.Subject]:
    scope.require("schedule.read")
    with uow:
        return [protobuf.subject(row) for row in uow.subjects.all()]
