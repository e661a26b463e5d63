"""Compromised accounts (T8): list every journal change of one person (by person id) after a time, and let the
school administrator revert them, newest first. A change is reverted only while the journal still shows what that
person left; a later change by someone else is reported as a conflict, never overwritten. Each revert is a ledger
row naming the reverted one (`reverts`), with the administrator's reason, and the usual event of that change."""
from __future__ import annotations

import datetime as dt
import json
from typing import TYPE_CHECKING

from proto.journal.v1 import journal_pb2 as pb
from services.common.db import parse_uuid
from services.common.errors import Invalid
from services.common.policy import Principal
from services.common.scope import Scope
from services.journal.adapters import ledger
from services.journal.adapters import protobuf as messages
from services.journal.domain import lesson_entry as domain
from services.journal.domain import term_mark as term_rules
from services.journal.domain.closed_year import MESSAGE, ClosedYears, refuse_closed

if TYPE_CHECKING:
    from services.journal.service_layer.unit_of_work import JournalUnitOfWork

REVERTIBLE = ("mark", "attendance", "topic", "homework", "term_mark", "final_mark")


def revertible(row) -> bool:
    """A student's own homework (entity homework with a student) is not the lesson's: it is undone by hand."""
    return row.entity in REVERTIBLE and not (row.entity == "homework" and row.student_id)
MAX_CHANGES = 5000
DEFAULT_WINDOW_HOURS = 72
MAX_WINDOW_HOURS = 720


def parse_since(value: str) -> dt.datetime:
    try:
        since = dt.datetime.fromisoformat(value or "")
    except ValueError:
        since = None
    if since is None or since.tzinfo is None:
        raise Invalid("since", "ожидается время с часовым поясом, например 2026-03-10T12:00:00+03:00")
    return since


def _json(value) -> str:
    return "" if value is None else json.dumps(value, ensure_ascii=False, sort_keys=True)


def _empty(value: dict | None) -> dict | None:
    """No value and a value of empty texts (a topic never set) are the same state."""
    return value if value and any(v not in ("", None) for v in value.values()) else None


def _of_closed_years(uow: JournalUnitOfWork, closed: ClosedYears, rows) -> set[str]:
    """Ids of the ledger rows whose lesson, term mark or final mark belongs to a closed academic year."""
    if not closed.academic_year_ids:
        return set()
    lessons, terms, finals = uow.reverts.years_of(rows)
    return {r.id for r in rows if (r.lesson_id and closed.covers(lessons.get(r.lesson_id, "")))
            or (r.entity == "term_mark" and r.entity_id in terms and closed.covers(*terms[r.entity_id]))
            or (r.entity == "final_mark" and r.entity_id in finals
                and closed.covers(finals[r.entity_id][0], academic_year_id=finals[r.entity_id][1]))}


def _actor(scope: Scope, actor_person_id: str, since: str, action: str, refusal: str):
    principal = scope.require(action, refusal)
    return principal, parse_uuid(actor_person_id, "actor_person_id"), parse_since(since)


def list_actor_changes(scope: Scope, uow: JournalUnitOfWork, actor_person_id: str, since: str) -> list[pb.ActorChange]:
    """Every journal change of the person since the time, newest first (for the school administrator and the
    director)."""
    _, actor, since_at = _actor(scope, actor_person_id, since, "journal.changes.read",
                                "Изменения учётной записи смотрят администратор школы и директор")
    with uow:
        rows, reverted = uow.reverts.changes(actor, since_at, MAX_CHANGES)
        closed = _of_closed_years(uow, uow.settings().closed, rows)
    return [pb.ActorChange(ledger_id=r.id, occurred_at=r.occurred_at.isoformat(), entity=r.entity,
                           entity_id=r.entity_id or "", lesson_id=r.lesson_id or "", student_id=r.student_id or "",
                           old_value=_json(r.old_value), new_value=_json(r.new_value), reason=r.reason,
                           client_address=r.client_address, reverted=r.id in reverted,
                           revertible=revertible(r) and r.id not in closed,
                           entered_at=r.entered_at.isoformat() if r.entered_at else "") for r in rows]


def list_compromised_accounts(scope: Scope, uow: JournalUnitOfWork, window_hours: int) -> list[pb.CompromisedAccount]:
    """Accounts identity reported compromised, newest report first, with their journal changes after the report
    and within `window_hours` (default 72) before it, and how many of those are revertible and not reverted."""
    scope.require("journal.changes.read")
    hours = window_hours or DEFAULT_WINDOW_HOURS
    if not 1 <= hours <= MAX_WINDOW_HOURS:
        raise Invalid("window_hours", f"окно перед сообщением о взломе: от 1 до {MAX_WINDOW_HOURS} ч")
    result = []
    with uow:
        for account in uow.compromised.newest_first():
            reported = account["reported_at"]
            counts = uow.reverts.counts(account["person_id"], reported, reported - dt.timedelta(hours=hours), REVERTIBLE)
            result.append(pb.CompromisedAccount(
                person_id=account["person_id"], subject=account["subject"], reported_at=reported.isoformat(),
                reported_by=account["reported_by"], changes_since_report=counts[0], changes_in_window=counts[1],
                not_reverted=counts[2]))
    return result


def revert_actor_changes(scope: Scope, uow: JournalUnitOfWork, actor_person_id: str, since: str, reason: str,
                         ledger_ids: list[str]) -> pb.RevertActorChangesResponse:
    """Reverts the person's changes since the time (or only the listed ones) in one transaction."""
    school_id = scope.school_id
    principal, actor, since_at = _actor(scope, actor_person_id, since, "journal.revert",
                                        "Изменения скомпрометированной учётной записи отменяет администратор школы")
    reason = domain.bounded_text(reason, "reason", domain.MAX_REASON)
    if not reason:
        raise Invalid("reason", "укажите причину отмены (например, обращение о взломе учётной записи)")
    wanted = {parse_uuid(i, f"ledger_ids[{n}]") for n, i in enumerate(ledger_ids)}
    now = dt.datetime.now(dt.UTC)
    outcomes = []
    with uow:
        rows, reverted = uow.reverts.changes(actor, since_at, MAX_CHANGES)
        missing = wanted - {r.id for r in rows}
        if missing:
            raise Invalid("ledger_ids", f"не изменения этого человека после указанного времени: {sorted(missing)[0]}")
        chosen = [r for r in rows if (not wanted or r.id in wanted) and r.id not in reverted and revertible(r)]
        if _of_closed_years(uow, uow.settings().closed, chosen):
            raise refuse_closed("ledger_ids", "выберите изменения только открытого учебного года",
                                f"{MESSAGE}: среди изменений есть записи закрытого года")
        uow.lock_lessons([row.lesson_id for row in chosen if row.lesson_id])  # no save in between
        revert = Revert(uow, school_id, principal, scope.client_address,
                        f"Отмена изменений скомпрометированной учётной записи: {reason}", now)
        for row in rows:
            if wanted and row.id not in wanted:
                continue
            if row.id in reverted:
                outcomes.append(pb.RevertOutcome(ledger_id=row.id, result="already_reverted"))
            elif not revertible(row):
                outcomes.append(pb.RevertOutcome(ledger_id=row.id, result="not_revertible",
                                                 message="Такое изменение отменяют вручную"))
            else:
                outcomes.append(revert.one(row))
    return pb.RevertActorChangesResponse(outcomes=outcomes, reverted=sum(o.result == "reverted" for o in outcomes),
                                         conflicts=sum(o.result == "conflict" for o in outcomes))


class Revert:
    """Puts back the old value of one ledger row if the journal still shows its new value."""

    def __init__(self, uow: JournalUnitOfWork, school_id: str, principal: Principal, client_address: str,
                 reason: str, now: dt.datetime):
        self.uow, self.store, self.school_id, self.principal = uow, uow.reverts, school_id, principal
        self.client_address, self.reason, self.now = client_address, reason, now

    def one(self, row) -> pb.RevertOutcome:
        stored = self.store.state(row)
        current = _empty(stored)
        if current != _empty(row.new_value):
            return pb.RevertOutcome(ledger_id=row.id, result="conflict", message=(
                f"Запись изменена позже: сейчас {_json(current) or 'пусто'}, "
                f"после этого изменения было {_json(_empty(row.new_value)) or 'пусто'}"))
        target = _empty(row.old_value)
        if row.entity == "mark" and current is None and self.store.has_mark(row.lesson_id, row.student_id,
                                                                            target["work_type"]):
            return pb.RevertOutcome(ledger_id=row.id, result="conflict",
                                    message="На уроке у ученика уже есть другая отметка за этот вид работы")
        event = getattr(self, f"apply_{row.entity}")(row, current, target)
        entry = ledger.entry(self.school_id, self.principal, self.client_address, self.now, row.entity,
                             stored, row.old_value, self.reason, lesson_id=row.lesson_id, student_id=row.student_id,
                             entity_id=row.entity_id, reverts=row.id)
        self.uow.write_ledger([entry])
        self.uow.publish(event)
        return pb.RevertOutcome(ledger_id=row.id, result="reverted", revert_ledger_id=entry["id"])

    def apply_mark(self, row, current: dict | None, target: dict | None):
        lesson = self.store.lesson(row.lesson_id)
        group, date = lesson["class_group_id"], lesson["lesson_date"].isoformat()
        mark = dict(target or current, id=row.entity_id, lesson_id=row.lesson_id, student_id=row.student_id)
        self.store.put_mark(mark, current, target, self.now)
        message = messages.mark(mark, date, lesson["subject_id"])
        if target is None:
            return pb.MarkDeleted(mark=message, class_group_id=group)
        if current is None:
            return pb.MarkRecorded(mark=message, class_group_id=group)
        return pb.MarkChanged(mark=message, class_group_id=group, old_value=current["value"])

    def apply_attendance(self, row, current: dict | None, target: dict | None):
        self.store.put_attendance(row.lesson_id, row.student_id, current, target)
        lesson = self.store.lesson(row.lesson_id)
        return pb.AttendanceRecorded(
            entry=pb.AttendanceEntry(lesson_id=row.lesson_id, student_id=row.student_id,
                                     status=target["status"] if target else ""),
            class_group_id=lesson["class_group_id"], lesson_date=lesson["lesson_date"].isoformat())

    def _text(self, row, target: dict | None):
        text = target[row.entity] if target else ""
        self.store.put_text(row.lesson_id, row.entity, text, self.now)
        lesson = self.store.lesson(row.lesson_id)
        return dict(lesson_id=row.lesson_id, class_group_id=lesson["class_group_id"],
                    lesson_date=lesson["lesson_date"].isoformat()), text

    def apply_topic(self, row, current, target):
        common, text = self._text(row, target)
        return pb.TopicSet(topic=text, **common)

    def apply_homework(self, row, current, target):
        common, text = self._text(row, target)
        return pb.HomeworkSet(homework=text, **common)

    def apply_term_mark(self, row, current: dict, target: dict | None):
        stored = self.store.put_period_mark(row.entity, row.entity_id, target, self.now)
        value = target["value"] if target else ""
        return pb.TermMarkSet(term_mark=messages.term_mark(dict(stored, value=value, updated_at=self.now),
                                                           term_rules.special(value)), old_value=current["value"])

    def apply_final_mark(self, row, current: dict, target: dict | None):
        stored = self.store.put_period_mark(row.entity, row.entity_id, target, self.now)
        value = target["value"] if target else ""
        return pb.FinalMarkSet(final_mark=messages.final_mark(dict(stored, value=value, updated_at=self.now)),
                               old_value=current["value"])
