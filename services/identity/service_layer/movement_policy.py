"""A school's movement policy, its deadlines for signing movement orders and for the year transition: read by its
staff, set by its school administrator or director a field at a time (domain/movement_policy.py keeps the
regulations' defaults and the checks)."""
from dataclasses import asdict

from proto.identity.v1 import identity_pb2 as pb
from services.common.errors import Invalid
from services.common.scope import Scope
from services.identity.domain.movement_policy import MovementPolicy, policy_problems
from services.identity.service_layer.unit_of_work import IdentityUnitOfWork


def _message(school_id: str, policy: MovementPolicy) -> pb.MovementPolicy:
    return pb.MovementPolicy(school_id=school_id, **asdict(policy))


def get_movement_policy(scope: Scope, uow: IdentityUnitOfWork) -> pb.MovementPolicy:
    scope.require("movement.read")
    with uow:
        return _message(uow.school_id, uow.movement_policy.get())


def set_movement_policy(scope: Scope, uow: IdentityUnitOfWork, changes: dict) -> pb.MovementPolicy:
    """Sets the values given (keys of MovementPolicy: "MM-DD" due days, working days 0..30); the others stay. A bad
    value refuses the whole change, naming its field."""
    changes = {key: value.strip() if isinstance(value, str) else value for key, value in changes.items()}
    scope.require("movement_policy.manage")
    if problems := policy_problems(changes):
        raise Invalid(message="Проверьте сроки движения учащихся", fields=problems)
    with uow:
        if changes:
            uow.movement_policy.set(changes)
            uow.audit.record("movement_policy.set", uow.school_id, **changes)
        return _message(uow.school_id, uow.movement_policy.get())
