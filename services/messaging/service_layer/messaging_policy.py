"""The school's messaging policy: everyone of the school reads it (the pages show the answer deadline and the
cut-off); the school administrator and the director change it."""
from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

from proto.messaging.v1 import messaging_pb2 as pb
from services.common.scope import Scope
from services.messaging.adapters import protobuf
from services.messaging.domain import messaging_policy as rules

if TYPE_CHECKING:
    from services.messaging.service_layer.unit_of_work import MessagingUnitOfWork

REFUSAL = "Настройки сообщений меняют администратор школы и директор"


def get_messaging_policy(scope: Scope, uow: MessagingUnitOfWork) -> pb.MessagingPolicy:
    scope.require("notice.read")
    with uow:
        return protobuf.policy(scope.school_id, uow.policy.load())


def set_messaging_policy(scope: Scope, uow: MessagingUnitOfWork, changes: dict, now: dt.datetime) -> pb.MessagingPolicy:
    scope.require("messaging_policy.manage", REFUSAL)
    with uow:
        policy = rules.changed(uow.policy.load(for_update=True), **changes)
        uow.policy.save(policy, now)
        result = protobuf.policy(scope.school_id, policy)
        uow.publish(pb.MessagingPolicyChanged(policy=result))
        return result
