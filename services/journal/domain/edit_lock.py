"""Edit locks of lessons (J6): when a teacher may no longer change a lesson (too old, or the period's marks are
set), the refusal and its reason, what an unlock request and a decision on it must contain, how long an approval
keeps the lesson open, and the lock state the grid shows. Plain Python, no I/O."""
import datetime as dt
from collections.abc import Iterable

from proto.schedule.v1 import schedule_pb2
from services.common.errors import FailedPrecondition, Invalid
from services.journal.domain.closed_year import YEAR_CLOSED
from services.journal.domain.lesson_entry import MAX_REASON, bounded_text
from services.journal.domain.school_settings import SchoolSettings

DECISIONS = {"approve": "approved", "refuse": "refused"}
STATUSES = ("pending", "approved", "refused")
LESSON_LOCKED = "LESSON_LOCKED"  # the refusal's reason (journal.v1.ErrorReason)


def lock_reason(lesson_date: dt.date, today: dt.date, edit_lock_days: int, term_marked: bool) -> str | None:
    """Why the lesson is closed for its teacher, or None while it is open."""
    if term_marked:
        return "по предмету в этом классе уже выставлены оценки за учебный период"
    if edit_lock_days and (today - lesson_date).days > edit_lock_days:
        return f"с урока прошло больше {edit_lock_days} дн."
    return None


def refuse_locked(why: str, unlock_hours: int) -> FailedPrecondition:
    return FailedPrecondition(
        f"Урок закрыт для изменений: {why}. Чтобы исправить запись, отправьте запрос на открытие урока "
        f"с причиной; после одобрения заместителем директора или директором урок будет открыт на {unlock_hours} ч.",
        {"lesson_id": "урок закрыт для изменений"}, reason=LESSON_LOCKED)


def lock_reasons(lessons: Iterable[schedule_pb2.Lesson], settings: SchoolSettings, today: dt.date) -> dict[str, str]:
    """Why each of these lessons is closed for its teacher (too old, or its term marks are set), by lesson id;
    open lessons are left out."""
    reasons = {lesson.id: lock_reason(dt.date.fromisoformat(lesson.date), today, settings.policy.edit_lock_days,
                                      (lesson.class_group_id, lesson.subject_id, lesson.term_id) in settings.marked)
               for lesson in lessons}
    return {lesson_id: why for lesson_id, why in reasons.items() if why}


def closed_for(lessons: Iterable[schedule_pb2.Lesson], settings: SchoolSettings, today: dt.date) -> dict[str, str]:
    """lock_reasons, leaving out the lessons the caller's approved, unexpired unlock requests opened."""
    return {lesson_id: why for lesson_id, why in lock_reasons(lessons, settings, today).items()
            if lesson_id not in settings.unlocked}


def require_open(lesson: schedule_pb2.Lesson, settings: SchoolSettings, today: dt.date) -> None:
    """The lesson is open for the caller: its year is not closed (no unlock opens that) and it is not locked, or
    the caller's unlock request for it was approved and has not expired."""
    settings.closed.require_open("lesson_id", class_group_id=lesson.class_group_id)
    why = closed_for([lesson], settings, today).get(lesson.id)
    if why:
        raise refuse_locked(why, settings.policy.unlock_hours)


def state(lesson: schedule_pb2.Lesson, settings: SchoolSettings, today: dt.date, bound: bool = True) -> str:
    """The lesson's lock as the grid shows it to the caller: "" while they may change it, YEAR_CLOSED for a closed
    year, LESSON_LOCKED when the edit lock or the period's marks close it and no approved unlock opened it (the lock
    binds the lesson's teachers, not the deputy head who corrects: `bound` False)."""
    if lesson.year_closed or settings.closed.covers(lesson.class_group_id):
        return YEAR_CLOSED
    return LESSON_LOCKED if bound and closed_for([lesson], settings, today) else ""


def request_reason(reason: str) -> str:
    reason = bounded_text(reason, "reason", MAX_REASON)
    if not reason:
        raise Invalid("reason", "укажите, что и почему нужно исправить в уроке")
    return reason


def decision(value: str, comment: str) -> tuple[str, str]:
    """The new status and the comment; a refusal must say why."""
    status = DECISIONS.get((value or "").strip().lower())
    if status is None:
        raise Invalid("decision", "ожидается approve (одобрить) или refuse (отказать)")
    comment = bounded_text(comment, "comment", MAX_REASON)
    if status == "refused" and not comment:
        raise Invalid("comment", "укажите причину отказа")
    return status, comment


def status_filter(value: str) -> str:
    value = (value or "").strip().lower()
    if value and value not in STATUSES:
        raise Invalid("status", "ожидается pending, approved или refused")
    return value


def expires_at(decided_at: dt.datetime, unlock_hours: int) -> dt.datetime:
    return decided_at + dt.timedelta(hours=unlock_hours)
