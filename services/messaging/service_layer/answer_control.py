"""The deputy head's control of the answer deadline (J13): the school's threads whose family has waited past the
policy's answer_days working days (schedule's calendar: weekends, holidays, day transfers) as of a day — the school's
today, or a day the deputy head names to see what will be overdue then. Subjects, people and dates only: never the
messages' text."""
from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

from proto.messaging.v1 import messaging_pb2 as pb
from services.common.dates import SCHOOL_ZONE, parse_date
from services.common.scope import Scope
from services.messaging.adapters import protobuf
from services.messaging.domain import answer_deadline as rules
from services.messaging.service_layer import people
from services.messaging.service_layer.school_calendar import school_calendar

if TYPE_CHECKING:
    from services.messaging.service_layer.unit_of_work import MessagingUnitOfWork

REFUSAL = "Контроль ответов родителям смотрят директор, его заместитель и администратор школы"


def list_overdue_threads(scope: Scope, uow: MessagingUnitOfWork, on_date: str, now: dt.datetime
                         ) -> tuple[list[pb.OverdueThread], dt.date, int]:
    """(overdue threads, the day, the policy's answer days), the longest waiting first."""
    school_id = scope.school_id
    scope.require("messaging.control", REFUSAL)
    on = parse_date(on_date, "on_date") if on_date else now.astimezone(SCHOOL_ZONE).date()
    with uow:
        policy = uow.policy.load()
        waiting = uow.threads.waiting_for_staff()
        posted: dict[str, list[rules.Posted]] = {row.id: [] for row in waiting}
        for m in uow.threads.messages(list(posted)) if posted else []:
            posted[m.thread_id].append(rules.Posted(m.author_role, m.created_at, m.withdrawn_at is not None))
        since = {tid: s for tid, messages in posted.items() if (s := rules.awaiting_since(messages)) is not None}
        if not since:
            return [], on, policy.answer_days
        participants = uow.threads.participants(list(since))
        names = people.names(uow, {p.person_id for ps in participants.values() for p in ps}
                             | {row.student_id for row in waiting})
    first = min(s.astimezone(SCHOOL_ZONE).date() for s in since.values())
    calendar = school_calendar(uow, school_id, policy.working_week_days, first, on)
    form_classes = {p.id: set(p.form_class_group_ids) for p in uow.identity.staff(school_id)}
    found = []
    for row in waiting:
        if row.id not in since:
            continue
        due = rules.answer_due(since[row.id], policy.answer_days, calendar, SCHOOL_ZONE)
        if rules.overdue(due, on):
            found.append(pb.OverdueThread(
                thread=protobuf.thread(row, participants[row.id], names, since[row.id]), answer_due=due.isoformat(),
                working_days_late=rules.days_late(due, on, calendar),
                staff_is_form_teacher=bool(row.class_group_id) and row.class_group_id in form_classes.get(row.staff_id,
                                                                                                          set())))
    found.sort(key=lambda t: (t.thread.awaiting_since, t.thread.id))
    return found, on, policy.answer_days
