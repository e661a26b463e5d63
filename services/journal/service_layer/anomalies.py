"""ListAnomalies: the ledger rows of a period (school dates) with their lessons' teachers, flagged by
domain/anomaly.py under the school's policy. For the school administrator and the director."""
from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

from proto.journal.v1 import journal_pb2 as pb
from services.common.dates import parse_date
from services.common.errors import Invalid
from services.common.scope import Scope
from services.journal.domain import anomaly as rules

if TYPE_CHECKING:
    from services.journal.service_layer.unit_of_work import JournalUnitOfWork

MAX_DAYS = 92


def day_range(date_from: str, date_to: str) -> tuple[dt.date, dt.date]:
    start, end = parse_date(date_from, "date_from"), parse_date(date_to, "date_to")
    if start > end:
        raise Invalid("date_to", "конец периода раньше начала")
    if (end - start).days + 1 > MAX_DAYS:
        raise Invalid("date_to", f"период проверки не длиннее {MAX_DAYS} дней")
    return start, end


def list_anomalies(scope: Scope, uow: JournalUnitOfWork, date_from: str, date_to: str) -> list[pb.Anomaly]:
    scope.require("journal_policy.manage")
    start, end = day_range(date_from, date_to)
    with uow:
        settings = uow.settings(read_only=True).policy
        since = dt.datetime.combine(start, dt.time(), settings.zone)
        until = dt.datetime.combine(end + dt.timedelta(days=1), dt.time(), settings.zone)
        changes = [rules.Change(r.occurred_at, r.actor_subject, r.actor_person_id or "", r.entity, r.entity_id or "",
                                r.lesson_id or "", r.teacher_id or "", r.lesson_date,
                                r.substitute_teacher_id or "") for r in uow.ledger.changes_between(since, until)]
    return [message(flag) for flag in rules.find(changes, settings)]


def message(flag: rules.Flag) -> pb.Anomaly:
    return pb.Anomaly(kind=flag.kind, actor_subject=flag.actor_subject, actor_person_id=flag.actor_person_id,
                      window_start=flag.start.isoformat(), window_end=flag.end.isoformat(), count=flag.count,
                      sample_entity_ids=list(flag.samples), description=flag.description)
