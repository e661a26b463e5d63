"""The school's work types: list them (defaults while none stored), set one (school administrator or deputy head;
the first change stores the defaults too), each change in the ledger and announced (JournalSettingsChanged)."""
from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

from proto.journal.v1 import journal_pb2 as pb
from services.common.mark_average import WorkType
from services.common.scope import Scope
from services.journal.adapters import ledger
from services.journal.adapters.protobuf import settings_changed
from services.journal.adapters.protobuf import work_type as message
from services.journal.domain import work_type as rules

if TYPE_CHECKING:
    from services.journal.service_layer.unit_of_work import JournalUnitOfWork


def list_work_types(scope: Scope, uow: JournalUnitOfWork) -> list[pb.WorkType]:
    scope.require("lesson.read")
    with uow:
        return [message(w) for w in uow.settings(read_only=True).work_types]


def set_work_type(scope: Scope, uow: JournalUnitOfWork, code: str, name: str, weight: str) -> pb.WorkType:
    """Adds or changes one work type; a change is a ledger row (entity work_type) and a JournalSettingsChanged with
    the school's work types after it."""
    school_id = scope.school_id
    principal = scope.require("work_type.manage", "Виды работ и их веса меняют администратор школы и заместитель директора")
    wanted = rules.checked(code, name, weight)
    now = dt.datetime.now(dt.UTC)
    with uow:
        uow.work_types.lock_stored(school_id, now)
        old = next((w for w in uow.work_types.load() if w.code == wanted.code), None)
        if old == wanted:
            return message(wanted)
        uow.work_types.put(school_id, wanted, now)
        uow.write_ledger([ledger.entry(school_id, principal, scope.client_address, now, "work_type",
                                       old and _value(old), _value(wanted), "")])
        uow.publish(settings_changed(school_id, uow.settings(read_only=True)))
        return message(wanted)


def _value(work_type: WorkType) -> dict:
    return {"code": work_type.code, "name": work_type.name, "weight": rules.weight_text(work_type.weight)}
