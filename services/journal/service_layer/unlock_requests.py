"""Edit locks in the database (J6): is a lesson closed for its teacher, and the unlock requests: a teacher asks
with a reason, a deputy head or director lists and decides; an approval opens the lesson for the policy's hours."""
from __future__ import annotations

import datetime as dt
import uuid
from typing import TYPE_CHECKING

from sqlalchemy import insert, select, update
from sqlalchemy.orm import Session

from proto.journal.v1 import journal_pb2 as pb
from proto.schedule.v1 import schedule_pb2
from services.common import policy
from services.common.db import parse_uuid
from services.common.errors import Conflict, FailedPrecondition, NotFound
from services.journal.adapters import ledger
from services.journal.adapters import protobuf as messages
from services.journal.adapters.tables import term_marks, unlock_requests
from services.journal.domain import edit_lock as locks
from services.journal.domain import lesson_entry as domain
from services.journal.domain.journal_policy import JournalPolicy
from services.journal.service_layer import closed_years, subgroups
from services.journal.service_layer import journal_policy as policy_store

if TYPE_CHECKING:
    from services.journal.service_layer.lesson_record import Deps

MAX_LISTED = 500


def lock_reasons(session: Session, lessons: list[schedule_pb2.Lesson], settings: JournalPolicy) -> dict[str, str]:
    """Why each of these lessons is closed for its teacher now (too old, or its term marks are set), by lesson id;
    open lessons are left out. One query for all of them (none when no lesson has a term)."""
    terms = {lesson.term_id for lesson in lessons if lesson.term_id}
    marked = set()
    if terms:
        marked = set(session.execute(select(term_marks.c.class_group_id, term_marks.c.subject_id, term_marks.c.term_id)
                                     .where(term_marks.c.term_id.in_(terms),
                                            term_marks.c.class_group_id.in_({lesson.class_group_id for lesson in lessons}))
                                     .distinct()).tuples())
    today = domain.school_today(settings.zone)
    reasons = {lesson.id: locks.lock_reason(dt.date.fromisoformat(lesson.date), today, settings.edit_lock_days,
                                            (lesson.class_group_id, lesson.subject_id, lesson.term_id) in marked)
               for lesson in lessons}
    return {lesson_id: why for lesson_id, why in reasons.items() if why}


def lock_of(session: Session, lesson: schedule_pb2.Lesson, settings: JournalPolicy) -> str | None:
    """Why the lesson is closed for its teacher now (too old, or its term marks are set), or None."""
    return lock_reasons(session, [lesson], settings).get(lesson.id)


def unlocked(session: Session, lesson_ids, now: dt.datetime, teacher_id: str) -> set[str]:
    """Those of the lessons this teacher (the lesson's or its substitute) has an approved, unexpired request for."""
    return set(session.scalars(select(unlock_requests.c.lesson_id).where(
        unlock_requests.c.lesson_id.in_(list(lesson_ids)), unlock_requests.c.teacher_id == teacher_id,
        unlock_requests.c.status == "approved", unlock_requests.c.expires_at > now)))


def is_unlocked(session: Session, lesson: schedule_pb2.Lesson, now: dt.datetime, teacher_id: str) -> bool:
    """An approved request of this teacher (the lesson's or its substitute) that has not expired."""
    return lesson.id in unlocked(session, [lesson.id], now, teacher_id)


def closed_for(session: Session, lessons: list[schedule_pb2.Lesson], settings: JournalPolicy, now: dt.datetime,
               teacher_id: str) -> dict[str, str]:
    """Why each of these lessons is closed for this teacher (lock_reasons), leaving out the lessons the teacher's
    approved unlock requests opened: at most two queries for all of them."""
    reasons = lock_reasons(session, lessons, settings)
    opened = unlocked(session, reasons, now, teacher_id) if reasons else set()
    return {lesson_id: why for lesson_id, why in reasons.items() if lesson_id not in opened}


def require_open(session: Session, lesson: schedule_pb2.Lesson, settings: JournalPolicy, now: dt.datetime,
                 teacher_id: str) -> None:
    """The lesson is open for this teacher: its year is not closed (no unlock opens that) and it is not locked, or
    the teacher's unlock request for it was approved and has not expired."""
    closed_years.require_open(session, lesson.school_id, "lesson_id", class_group_id=lesson.class_group_id)
    why = closed_for(session, [lesson], settings, now, teacher_id).get(lesson.id)
    if why:
        raise locks.refuse_locked(why, settings.unlock_hours)


def request_unlock(deps: Deps, school_id: str, lesson_id: str, reason: str, client_address: str) -> pb.UnlockRequest:
    """The lesson's teacher (or its substitute) asks to reopen a closed lesson; one pending request per lesson and
    teacher."""
    school_id = parse_uuid(school_id, "school_id")
    principal = deps.principals.resolve(school_id)
    policy.require(principal, "unlock.request")
    lesson = deps.schedule.get_lesson(school_id, parse_uuid(lesson_id, "lesson_id"))
    policy.require(principal, "unlock.request", teacher_id=subgroups.teachers(lesson))
    domain.check_lesson_recordable(lesson.status, lesson.year_closed)
    teacher_id = principal.person_id
    reason = locks.request_reason(reason)
    now = dt.datetime.now(dt.UTC)
    with deps.db.tenant_session(school_id) as session:
        closed_years.require_open(session, school_id, "lesson_id", class_group_id=lesson.class_group_id)
        settings = policy_store.load(session)
        if lock_of(session, lesson, settings) is None or is_unlocked(session, lesson, now, teacher_id):
            raise FailedPrecondition("Урок открыт для изменений: запрос не нужен", {"lesson_id": "урок не закрыт"})
        if session.scalar(select(unlock_requests.c.id).where(
                unlock_requests.c.lesson_id == lesson.id, unlock_requests.c.teacher_id == teacher_id,
                unlock_requests.c.status == "pending").with_for_update()):
            raise Conflict("Запрос на открытие этого урока уже ждёт решения", {"lesson_id": "запрос уже отправлен"})
        row = dict(id=str(uuid.uuid4()), school_id=school_id, lesson_id=lesson.id, teacher_id=teacher_id,
                   class_group_id=lesson.class_group_id, subject_name=lesson.subject_name,
                   lesson_date=dt.date.fromisoformat(lesson.date), reason=reason, status="pending", requested_at=now,
                   decided_at=None, decided_by=None, decision_comment="", expires_at=None)
        session.execute(insert(unlock_requests).values(row))
        ledger.write(session, [ledger.entry(school_id, principal, client_address, now, "unlock_request", None,
                                            {"status": "pending"}, reason, lesson_id=lesson.id, entity_id=row["id"])])
        result = messages.unlock_request(row)
        deps.outbox.add(session, school_id, pb.UnlockRequested(request=result))
        return result


def list_unlock_requests(deps: Deps, school_id: str, status: str) -> list[pb.UnlockRequest]:
    """The school's requests, newest first; status "" lists every status."""
    school_id = parse_uuid(school_id, "school_id")
    policy.require(deps.principals.resolve(school_id), "unlock.decide")
    status = locks.status_filter(status)
    query = select(unlock_requests).order_by(unlock_requests.c.requested_at.desc()).limit(MAX_LISTED)
    if status:
        query = query.where(unlock_requests.c.status == status)
    with deps.db.tenant_session(school_id) as session:
        return [messages.unlock_request(row) for row in session.execute(query).mappings()]


def decide_unlock(deps: Deps, school_id: str, request_id: str, decision: str, comment: str,
                  client_address: str) -> pb.UnlockRequest:
    """Approves (the lesson opens for its teacher for the policy's unlock_hours) or refuses a pending request."""
    school_id = parse_uuid(school_id, "school_id")
    principal = deps.principals.resolve(school_id)
    policy.require(principal, "unlock.decide")
    request_id = parse_uuid(request_id, "request_id")
    status, comment = locks.decision(decision, comment)
    now = dt.datetime.now(dt.UTC)
    with deps.db.tenant_session(school_id) as session:
        row = session.execute(select(unlock_requests).where(unlock_requests.c.id == request_id)
                              .with_for_update()).mappings().first()
        if row is None:
            raise NotFound("Запрос на открытие урока не найден", {"request_id": "не найден"})
        if row["status"] != "pending":
            raise FailedPrecondition("По этому запросу уже принято решение", {"request_id": "уже рассмотрен"})
        closed_years.require_open(session, school_id, "request_id", class_group_id=row["class_group_id"])
        expires = locks.expires_at(now, policy_store.load(session).unlock_hours) if status == "approved" else None
        decided = dict(status=status, decided_at=now, decided_by=principal.subject, decision_comment=comment,
                       expires_at=expires)
        session.execute(update(unlock_requests).where(unlock_requests.c.id == request_id).values(decided))
        new = {"status": status, **({"expires_at": expires.isoformat()} if expires else {})}
        ledger.write(session, [ledger.entry(school_id, principal, client_address, now, "unlock_request",
                                            {"status": "pending"}, new, comment, lesson_id=row["lesson_id"],
                                            entity_id=request_id)])
        result = messages.unlock_request({**row, **decided})
        if expires:
            deps.outbox.add(session, school_id, pb.LessonUnlocked(request=result))
        return result
