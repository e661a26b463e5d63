"""The school's work types in the work_types table: list them (defaults while none stored), set one (school
administrator or deputy head; the first change stores the defaults too), each change in the ledger."""
from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

from sqlalchemy import insert, select
from sqlalchemy.dialects.postgresql import insert as pg_insert
from sqlalchemy.orm import Session

from proto.journal.v1 import journal_pb2 as pb
from services.common import policy
from services.common.db import parse_uuid
from services.journal.adapters import ledger
from services.journal.adapters.tables import work_types
from services.journal.domain import work_type as rules

if TYPE_CHECKING:
    from services.journal.service_layer.lesson_record import Deps

# Who sets work types and weights (the task names them; not yet a rule in services/common/policy.py).


def load(session: Session, lock: bool = False) -> list[rules.WorkType]:
    """The work types of the session's school, in a stable order (defaults while none are stored)."""
    query = select(work_types.c.code, work_types.c.name, work_types.c.weight).order_by(work_types.c.code)
    rows = session.execute(query.with_for_update() if lock else query).all()
    return rules.effective(rules.WorkType(r.code, r.name, r.weight) for r in rows)


def message(work_type: rules.WorkType) -> pb.WorkType:
    return pb.WorkType(code=work_type.code, name=work_type.name, weight=rules.weight_text(work_type.weight))


def list_work_types(deps: Deps, school_id: str) -> list[pb.WorkType]:
    school_id = parse_uuid(school_id, "school_id")
    policy.require(deps.principals.resolve(school_id), "lesson.read")
    with deps.db.tenant_session(school_id) as session:
        return [message(w) for w in load(session)]


def set_work_type(deps: Deps, school_id: str, code: str, name: str, weight: str,
                  client_address: str) -> pb.WorkType:
    """Adds or changes one work type; a change is a ledger row (entity work_type)."""
    school_id = parse_uuid(school_id, "school_id")
    principal = deps.principals.resolve(school_id)
    policy.require(principal, "work_type.manage",
                   "Виды работ и их веса меняют администратор школы и заместитель директора")
    wanted = rules.checked(code, name, weight)
    now = dt.datetime.now(dt.UTC)
    with deps.db.tenant_session(school_id) as session:
        stored = session.execute(select(work_types.c.code).with_for_update()).scalars().all()
        if not stored:  # the school starts from the defaults: store them so the list stays whole
            session.execute(insert(work_types), [dict(school_id=school_id, code=w.code, name=w.name, weight=w.weight,
                                                      updated_at=now) for w in rules.DEFAULTS])
        old = next((w for w in load(session) if w.code == wanted.code), None)
        if old == wanted:
            return message(wanted)
        values = dict(name=wanted.name, weight=wanted.weight, updated_at=now)
        session.execute(pg_insert(work_types).values(school_id=school_id, code=wanted.code, **values)
                        .on_conflict_do_update(index_elements=["school_id", "code"], set_=values))
        ledger.write(session, [ledger.entry(school_id, principal, client_address, now, "work_type",
                                            old and _value(old), _value(wanted), "")])
        return message(wanted)


def _value(work_type: rules.WorkType) -> dict:
    return {"code": work_type.code, "name": work_type.name, "weight": rules.weight_text(work_type.weight)}
