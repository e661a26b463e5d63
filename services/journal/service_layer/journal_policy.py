"""The school's journal policy in the journal_policy table: read it (defaults for keys never set), show it,
change it (school administrator or director), each change in the ledger; the mark scale only while the school
has no marks."""
from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

from sqlalchemy import func, select
from sqlalchemy.dialects.postgresql import insert as pg_insert
from sqlalchemy.orm import Session

from proto.journal.v1 import journal_pb2 as pb
from services.common import policy
from services.common.db import parse_uuid
from services.common.errors import FailedPrecondition
from services.journal.adapters import ledger
from services.journal.adapters.tables import final_marks, journal_policy, marks, term_marks
from services.journal.domain import journal_policy as school_policy
from services.journal.domain import mark_scale
from services.journal.domain.journal_policy import JournalPolicy

if TYPE_CHECKING:
    from services.journal.service_layer.lesson_record import Deps


def load(session: Session, lock: bool = False) -> JournalPolicy:
    """The policy of the session's school."""
    query = select(journal_policy.c.key, journal_policy.c.value)
    return school_policy.from_stored(dict(session.execute(query.with_for_update() if lock else query).all()))


def message(school_id: str, settings: JournalPolicy) -> pb.JournalPolicy:
    return pb.JournalPolicy(school_id=school_id, **{key: getattr(settings, key) for key in school_policy.KEYS})


def get_journal_policy(deps: Deps, school_id: str) -> pb.JournalPolicy:
    school_id = parse_uuid(school_id, "school_id")
    policy.require(deps.principals.resolve(school_id), "lesson.read")
    with deps.db.tenant_session(school_id) as session:
        return message(school_id, load(session))


def _require_no_marks(session: Session, current: str) -> None:
    """The scale is chosen before marks are recorded: marks on one scale cannot be read on another."""
    stored = sum(session.scalar(select(func.count()).select_from(table)) for table in (marks, term_marks, final_marks))
    if stored:
        raise FailedPrecondition(
            f"Шкалу отметок нельзя сменить: в журнале школы уже есть отметки ({stored}) по шкале "
            f"«{mark_scale.NAMES[current]}». "
            "Шкалу выбирают до начала учебного года, пока отметок нет.",
            {"mark_scale": f"в журнале уже есть отметки ({stored})"})


def set_journal_policy(deps: Deps, school_id: str, updates: dict[str, object], client_address: str) -> pb.JournalPolicy:
    """Changes the given settings; every changed key is stored and written to the ledger."""
    school_id = parse_uuid(school_id, "school_id")
    principal = deps.principals.resolve(school_id)
    policy.require(principal, "journal_policy.manage")
    now = dt.datetime.now(dt.UTC)
    with deps.db.tenant_session(school_id) as session:
        old = load(session, lock=True)
        new = school_policy.changed(old, updates)
        before, after = school_policy.to_stored(old), school_policy.to_stored(new)
        keys = [key for key in school_policy.KEYS if before[key] != after[key]]
        if "mark_scale" in keys:
            _require_no_marks(session, old.mark_scale)
        for key in keys:
            session.execute(pg_insert(journal_policy).values(school_id=school_id, key=key, value=after[key], updated_at=now)
                            .on_conflict_do_update(index_elements=["school_id", "key"],
                                                   set_=dict(value=after[key], updated_at=now)))
        ledger.write(session, [ledger.entry(school_id, principal, client_address, now, "policy",
                                            {key: before[key]}, {key: after[key]}, "") for key in keys])
        return message(school_id, new)
