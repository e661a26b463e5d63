"""Reading and changing a school's schedule policy (notice periods, curriculum and first-timetable due dates):
managers only; a change is checked value by value (domain/schedule_policy.py, which keeps the defaults) and stored
as key/value rows."""
from collections.abc import Mapping
from dataclasses import asdict, replace

from proto.schedule.v1 import schedule_pb2 as pb
from services.common.scope import Scope
from services.schedule.domain.schedule_policy import SchedulePolicy, checked
from services.schedule.service_layer.unit_of_work import ScheduleUnitOfWork


def _message(school_id: str, policy: SchedulePolicy) -> pb.SchedulePolicy:
    return pb.SchedulePolicy(school_id=school_id, **asdict(policy))


def get_schedule_policy(scope: Scope, uow: ScheduleUnitOfWork) -> pb.SchedulePolicy:
    scope.require("schedule.manage")
    with uow:
        return _message(uow.school_id, uow.policy.load())


def set_schedule_policy(scope: Scope, uow: ScheduleUnitOfWork, changes: Mapping[str, int | str]) -> pb.SchedulePolicy:
    """Sets the values given (the keys of SchedulePolicy); the others stay."""
    scope.require("schedule.manage")
    values = checked(changes)
    with uow:
        uow.policy.save(values)
        return _message(uow.school_id, replace(uow.policy.load(), **values))
