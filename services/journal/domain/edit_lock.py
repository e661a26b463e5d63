"""Edit locks of lessons (J6): when a teacher may no longer change a lesson, what an unlock request and a
decision on it must contain, and how long an approval keeps the lesson open. Plain Python, no I/O."""
import datetime as dt

from services.common.errors import FailedPrecondition, Invalid
from services.journal.domain.lesson_entry import MAX_REASON, bounded_text

DECISIONS = {"approve": "approved", "refuse": "refused"}
STATUSES = ("pending", "approved", "refused")


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
        {"lesson_id": "урок закрыт для изменений"})


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
