"""Rows of the append-only ledger: who changed what, when, from where, the old and new value and why."""
import datetime as dt
import uuid

from sqlalchemy.orm import Session

from services.common import row_arrays
from services.common.policy import Principal
from services.journal.adapters.tables import ledger


def entry(school_id: str, principal: Principal, client_address: str, now: dt.datetime, entity: str,
          old: dict | None, new: dict | None, reason: str, *, lesson_id: str | None = None,
          student_id: str | None = None, entity_id: str | None = None, due_at: dt.datetime | None = None,
          late: bool = False, reverts: str | None = None) -> dict:
    return dict(id=str(uuid.uuid4()), school_id=school_id, occurred_at=now, actor_subject=principal.subject,
                actor_roles=sorted(principal.roles),
                actor_person_id=principal.person_id or None, client_address=client_address, entity=entity,
                entity_id=entity_id, lesson_id=lesson_id, student_id=student_id, old_value=old, new_value=new,
                reason=reason, due_at=due_at, late=late, reverts=reverts)


def write(session: Session, rows: list[dict]) -> None:
    """The rows in one statement."""
    row_arrays.insert(session, ledger, rows)
