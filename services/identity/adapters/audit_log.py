"""The identity audit log writer: one append-only row per write, in the write's own transaction."""
import json

from sqlalchemy import insert, select
from sqlalchemy.orm import Session

from proto.identity.v1 import identity_pb2 as pb
from services.common import context
from services.common.errors import Invalid
from services.identity.adapters.tables import audit_log

MAX_PAGE = 500
DEFAULT_PAGE = 100


class AuditLog:
    """The audit log of the school the session is bound to."""

    def __init__(self, session: Session, school_id: str):
        self.session, self.school_id = session, school_id

    def record(self, action: str, object_id: str, **details) -> None:
        """Appends who (the current caller), from where (the client address), what and on which object."""
        caller = context.caller_or_none()
        self.session.execute(insert(audit_log).values(
            school_id=self.school_id, actor_subject=caller.actor if caller else "system",
            actor_username=caller.username if caller else "", client_address=context.client_address(),
            action=action, object_id=object_id or "", details=details,
        ))

    def page(self, limit: int, before: str) -> pb.ListAuditLogResponse:
        """Entries newest first, `limit` of them with id below `before` (empty: from the newest)."""
        if limit < 0 or limit > MAX_PAGE:
            raise Invalid("limit", f"от 1 до {MAX_PAGE}")
        if before and not (before.isdigit() and len(before) < 19):
            raise Invalid("before", "ожидается номер записи журнала")
        limit = limit or DEFAULT_PAGE
        query = select(audit_log).order_by(audit_log.c.id.desc()).limit(limit + 1)
        if before:
            query = query.where(audit_log.c.id < int(before))
        rows = self.session.execute(query).all()
        more, rows = len(rows) > limit, rows[:limit]
        return pb.ListAuditLogResponse(entries=[_entry(row) for row in rows],
                                       next_before=str(rows[-1].id) if more else "")


def _entry(row) -> pb.AuditEntry:
    return pb.AuditEntry(id=str(row.id), occurred_at=row.occurred_at.isoformat(), actor_subject=row.actor_subject,
                         actor_username=row.actor_username, client_address=row.client_address, action=row.action,
                         object_id=row.object_id, details_json=json.dumps(row.details, ensure_ascii=False))
