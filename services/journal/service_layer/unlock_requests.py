"""Unlock requests (J6): the teacher of a lesson closed by the edit lock asks to reopen it with a reason, a deputy
head or director lists and decides; an approval opens the lesson for the teacher for the policy's unlock_hours
(domain/edit_lock.py holds the rule)."""
from __future__ import annotations

import datetime as dt
import uuid
from typing import TYPE_CHECKING

from proto.journal.v1 import journal_pb2 as pb
from services.common.db import parse_uuid
from services.common.errors import Conflict, FailedPrecondition, NotFound
from services.common.scope import Scope
from services.journal.adapters import ledger
from services.journal.adapters import protobuf as messages
from services.journal.domain import edit_lock
from services.journal.domain import lesson_entry as domain
from services.journal.service_layer import subgroups

if TYPE_CHECKING:
    from services.journal.service_layer.unit_of_work import JournalUnitOfWork


def request_unlock(scope: Scope, uow: JournalUnitOfWork, lesson_id: str, reason: str) -> pb.UnlockRequest:
    """The lesson's teacher (or its substitute) asks to reopen a closed lesson; one pending request per lesson and
    teacher."""
    school_id = scope.school_id
    principal = scope.require("unlock.request")
    lesson = uow.schedule.get_lesson(school_id, parse_uuid(lesson_id, "lesson_id"))
    scope.require("unlock.request", teacher_id=subgroups.teachers(lesson))
    domain.check_lesson_recordable(lesson.status, lesson.year_closed)
    teacher_id = principal.person_id
    reason = edit_lock.request_reason(reason)
    now = dt.datetime.now(dt.UTC)
    with uow:
        settings = uow.settings(lessons=[lesson], teacher_id=teacher_id, now=now)
        settings.closed.require_open("lesson_id", class_group_id=lesson.class_group_id)
        if not edit_lock.closed_for([lesson], settings, domain.school_today(settings.policy.zone, now)):
            raise FailedPrecondition("Урок открыт для изменений: запрос не нужен", {"lesson_id": "урок не закрыт"})
        if uow.unlock_requests.pending(lesson.id, teacher_id):
            raise Conflict("Запрос на открытие этого урока уже ждёт решения", {"lesson_id": "запрос уже отправлен"})
        row = dict(id=str(uuid.uuid4()), school_id=school_id, lesson_id=lesson.id, teacher_id=teacher_id,
                   class_group_id=lesson.class_group_id, subject_name=lesson.subject_name,
                   lesson_date=dt.date.fromisoformat(lesson.date), reason=reason, status="pending", requested_at=now,
                   decided_at=None, decided_by=None, decision_comment="", expires_at=None)
        uow.unlock_requests.add(row)
        uow.write_ledger([ledger.entry(school_id, principal, scope.client_address, now, "unlock_request", None,
                                       {"status": "pending"}, reason, lesson_id=lesson.id, entity_id=row["id"])])
        result = messages.unlock_request(row)
        uow.publish(pb.UnlockRequested(request=result))
        return result


def list_unlock_requests(scope: Scope, uow: JournalUnitOfWork, status: str) -> list[pb.UnlockRequest]:
    """The school's requests, newest first; status "" lists every status."""
    scope.require("unlock.decide")
    status = edit_lock.status_filter(status)
    with uow:
        return [messages.unlock_request(row) for row in uow.unlock_requests.list(status)]


def decide_unlock(scope: Scope, uow: JournalUnitOfWork, request_id: str, decision: str,
                  comment: str) -> pb.UnlockRequest:
    """Approves (the lesson opens for its teacher for the policy's unlock_hours) or refuses a pending request."""
    school_id = scope.school_id
    principal = scope.require("unlock.decide")
    request_id = parse_uuid(request_id, "request_id")
    status, comment = edit_lock.decision(decision, comment)
    now = dt.datetime.now(dt.UTC)
    with uow:
        row = uow.unlock_requests.get(request_id)
        if row is None:
            raise NotFound("Запрос на открытие урока не найден", {"request_id": "не найден"})
        if row["status"] != "pending":
            raise FailedPrecondition("По этому запросу уже принято решение", {"request_id": "уже рассмотрен"})
        settings = uow.settings()
        settings.closed.require_open("request_id", class_group_id=row["class_group_id"])
        expires = edit_lock.expires_at(now, settings.policy.unlock_hours) if status == "approved" else None
        decided = dict(status=status, decided_at=now, decided_by=principal.subject, decision_comment=comment,
                       expires_at=expires)
        uow.unlock_requests.decide(request_id, decided)
        new = {"status": status, **({"expires_at": expires.isoformat()} if expires else {})}
        uow.write_ledger([ledger.entry(school_id, principal, scope.client_address, now, "unlock_request",
                                       {"status": "pending"}, new, comment, lesson_id=row["lesson_id"],
                                       entity_id=request_id)])
        result = messages.unlock_request({**row, **decided})
        if expires:
            uow.publish(pb.LessonUnlocked(request=result))
        return result
