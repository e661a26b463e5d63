"""School notices (J13): the director, the deputy heads and the school administrator send a notice to a class, a
grade, every family of the school or the staff; a form teacher to the class they lead. The audience is fixed when
the notice is sent (the guardians of the students in the class on that day; a family joining later does not get old
notices, as with paper ones). A notice may ask to be acknowledged («ознакомлен»): the sender sees who has. Everyone
lists the notices they received (a guardian also the automatic ones about their children); a guardian chooses which
automatic notices they receive on which channel."""
from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

from proto.messaging.v1 import messaging_pb2 as pb
from services.common.dates import SCHOOL_ZONE
from services.common.db import parse_uuid
from services.common.errors import FailedPrecondition, Forbidden, Invalid, NotFound
from services.common.policy import MANAGERS
from services.common.scope import Scope
from services.messaging.adapters import protobuf
from services.messaging.domain import notice as rules
from services.messaging.service_layer import people
from services.messaging.service_layer.delivery import Delivery, deliver

if TYPE_CHECKING:
    from services.messaging.service_layer.unit_of_work import MessagingUnitOfWork

SEND_REFUSAL = "Объявления рассылают директор, его заместитель, администратор школы и классный руководитель своему классу"
NOT_FOUND = NotFound("Объявление не найдено", {"notice_id": "нет такого объявления"})


def _current_year(uow: MessagingUnitOfWork, school_id: str, today: dt.date) -> str:
    years = sorted(uow.schedule.academic_years(school_id), key=lambda y: y.start_date, reverse=True)
    now = today.isoformat()
    return next((y.id for y in years if y.start_date <= now <= y.end_date), years[0].id if years else "")


def _audience(uow: MessagingUnitOfWork, school_id: str, audience: str, class_group_id: str, grade: int,
              today: dt.date) -> tuple[list[Delivery], list]:
    """The deliveries of a school notice (a guardian once, for their first child in the audience) and the students'
    cards (their names are kept)."""
    if audience == "staff":
        return [Delivery(p.id) for p in uow.identity.staff(school_id)], []
    if audience == "class":
        students = uow.identity.students(school_id, class_group_id, today.isoformat())
    elif audience == "grade":
        year = _current_year(uow, school_id, today)
        groups = [g.id for g in uow.schedule.class_groups(school_id) if g.grade == grade and g.academic_year_id == year]
        students = [s for gid in groups for s in uow.identity.students(school_id, gid, today.isoformat())]
    else:
        students = [s for s in uow.identity.students(school_id) if s.class_group_id]
    with uow:
        guardians = uow.directory.guardians_of([s.id for s in students])
    return [Delivery(g, s.id) for s in students for g in guardians[s.id]], students


def send_notice(scope: Scope, uow: MessagingUnitOfWork, audience: str, class_group_id: str, grade: int, title: str,
                text: str, requires_ack: bool, now: dt.datetime) -> pb.Notice:
    school_id = scope.school_id
    principal = scope.require("notice.send", SEND_REFUSAL)
    class_group_id = parse_uuid(class_group_id, "class_group_id") if class_group_id else ""
    title, text = rules.school_notice(audience, class_group_id, grade, title, text)
    if not principal.roles & MANAGERS and not (audience == "class" and class_group_id in principal.form_class_group_ids):
        raise Forbidden(SEND_REFUSAL, {"audience": "классный руководитель пишет только своему классу"})
    if audience == "class":
        class_group_id = uow.schedule.class_group(school_id, class_group_id).id
    deliveries, students = _audience(uow, school_id, audience, class_group_id, grade,
                                     now.astimezone(SCHOOL_ZONE).date())
    if not deliveries:
        raise Invalid("audience", "некому отправить: нет родителей (сотрудников) в системе")
    with uow:
        people.remember(uow, students)
        created = deliver(uow, {"kind": rules.SCHOOL, "title": title, "text": text, "audience": audience,
                                "class_group_id": class_group_id or None, "grade": grade if audience == "grade" else None,
                                "author_id": principal.person_id or None, "requires_ack": requires_ack,
                                "created_at": now}, deliveries)
    return created


def list_notices(scope: Scope, uow: MessagingUnitOfWork, box: str) -> tuple[list[pb.Notice], int]:
    """The notices the caller received (newest first) and how many of those asking for it they have not
    acknowledged; or (box "sent") the school notices they sent, every school notice for a manager."""
    if box not in ("", "received", "sent"):
        raise Invalid("box", "received (полученные) или sent (отправленные)")
    if box == "sent":
        principal = scope.require("notice.send", SEND_REFUSAL)
        with uow:
            rows = uow.notices.sent("" if principal.roles & MANAGERS else principal.person_id)
        return [protobuf.notice(row) for row in rows], 0
    principal = scope.require("notice.read")
    with uow:
        rows = uow.notices.received(principal.person_id) if principal.person_id else []
        names = people.names(uow, {row.for_student for row in rows if row.for_student})
    notices = [protobuf.notice({**row._mapping, "student_name": row.student_name or names.get(row.for_student, "")})
               for row in rows]
    return notices, sum(1 for n in notices if n.requires_ack and not n.acknowledged_at)


def acknowledge_notice(scope: Scope, uow: MessagingUnitOfWork, notice_id: str, now: dt.datetime) -> pb.Notice:
    principal = scope.require("notice.read")
    notice_id = parse_uuid(notice_id, "notice_id")
    with uow:
        row = uow.notices.get(notice_id)
        if row is None or not uow.notices.is_recipient(notice_id, principal.person_id):
            raise NOT_FOUND
        if not row.requires_ack:
            raise FailedPrecondition("Это объявление не требует подтверждения", {"notice_id": "без подтверждения"})
        at = uow.notices.acknowledge(notice_id, principal.person_id, now)
        if at == now:
            uow.publish(pb.NoticeAcknowledged(notice_id=notice_id, person_id=principal.person_id,
                                              acknowledged_at=now.isoformat()))
        return protobuf.notice({**row._mapping, "acknowledged_at": at})


def list_notice_recipients(scope: Scope, uow: MessagingUnitOfWork, notice_id: str) -> list[pb.NoticeRecipient]:
    """Who received a school notice and who has acknowledged it: its author and the managers."""
    principal = scope.require("notice.send", SEND_REFUSAL)
    notice_id = parse_uuid(notice_id, "notice_id")
    with uow:
        row = uow.notices.get(notice_id)
        if row is None or row.kind != rules.SCHOOL or not (principal.roles & MANAGERS or
                                                          row.author_id == principal.person_id):
            raise NOT_FOUND
        rows = uow.notices.recipients(notice_id)
        names = people.names(uow, {r.person_id for r in rows} | {r.student_id for r in rows if r.student_id})
    return [pb.NoticeRecipient(person_id=r.person_id, name=names.get(r.person_id, ""), student_id=r.student_id or "",
                               student_name=names.get(r.student_id or "", ""), channel=r.channel,
                               acknowledged_at=protobuf.iso(r.acknowledged_at))
            for r in sorted(rows, key=lambda r: (names.get(r.person_id, ""), r.person_id))]


def guardian_caller(scope: Scope) -> str:
    principal = scope.require("notice.read")
    if "guardian" not in principal.roles or not principal.person_id:
        raise Forbidden("Выбирать уведомления о детях могут родители")
    return principal.person_id


def get_notice_preferences(scope: Scope, uow: MessagingUnitOfWork) -> list[pb.NoticePreference]:
    guardian_id = guardian_caller(scope)
    with uow:
        chosen = uow.notices.preferences([guardian_id])[guardian_id]
    return [pb.NoticePreference(kind=kind, channel=channel, enabled=rules.wanted(chosen, kind, channel),
                                kind_name=rules.KIND_NAMES[kind], channel_name=rules.CHANNEL_NAMES[channel])
            for kind in rules.AUTOMATIC for channel in rules.CHANNELS]


def set_notice_preferences(scope: Scope, uow: MessagingUnitOfWork, preferences: list[pb.NoticePreference],
                           now: dt.datetime) -> list[pb.NoticePreference]:
    guardian_id = guardian_caller(scope)
    choices = [(*rules.preference(p.kind, p.channel), p.enabled) for p in preferences]
    with uow:
        uow.notices.set_preferences(guardian_id, choices, now)
    return get_notice_preferences(scope, uow)
