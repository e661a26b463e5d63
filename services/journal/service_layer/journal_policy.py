"""The school's journal policy: show it, change it (school administrator or director), each change in the ledger
and announced (JournalSettingsChanged, once per call that changes something); the mark scale only while the school
has no marks."""
from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

from proto.journal.v1 import journal_pb2 as pb
from services.common.errors import FailedPrecondition
from services.common.scope import Scope
from services.journal.adapters import ledger
from services.journal.adapters import protobuf as messages
from services.journal.domain import journal_policy as school_policy
from services.journal.domain import mark_scale

if TYPE_CHECKING:
    from services.journal.service_layer.unit_of_work import JournalUnitOfWork


def get_journal_policy(scope: Scope, uow: JournalUnitOfWork) -> pb.JournalPolicy:
    scope.require("lesson.read")
    with uow:
        return messages.policy(scope.school_id, uow.settings(read_only=True).policy)


def _require_no_marks(stored: int, current: str) -> None:
    """The scale is chosen before marks are recorded: marks on one scale cannot be read on another."""
    if stored:
        raise FailedPrecondition(
            f"Шкалу отметок нельзя сменить: в журнале школы уже есть отметки ({stored}) по шкале "
            f"«{mark_scale.NAMES[current]}». "
            "Шкалу выбирают до начала учебного года, пока отметок нет.",
            {"mark_scale": f"в журнале уже есть отметки ({stored})"})


def set_journal_policy(scope: Scope, uow: JournalUnitOfWork, updates: dict[str, object]) -> pb.JournalPolicy:
    """Changes the given settings; every changed key is stored and written to the ledger."""
    school_id = scope.school_id
    principal = scope.require("journal_policy.manage")
    now = dt.datetime.now(dt.UTC)
    with uow:
        old = uow.policy.load_for_update()
        new = school_policy.changed(old, updates)
        before, after = school_policy.to_stored(old), school_policy.to_stored(new)
        keys = [key for key in school_policy.KEYS if before[key] != after[key]]
        if "mark_scale" in keys:
            _require_no_marks(uow.policy.marks_stored(), old.mark_scale)
        for key in keys:
            uow.policy.put(school_id, key, after[key], now)
        uow.write_ledger([ledger.entry(school_id, principal, scope.client_address, now, "policy",
                                       {key: before[key]}, {key: after[key]}, "") for key in keys])
        if keys:
            uow.publish(messages.settings_changed(school_id, uow.settings(read_only=True)))
        return messages.policy(school_id, new)
