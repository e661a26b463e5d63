"""Absence reasons (J4): which statuses are an absence, what a correction may change, and the form teacher's
window of working days after the document. Plain Python, no I/O."""
import datetime as dt

from services.common.dates import parse_date
from services.common.errors import FailedPrecondition, Invalid
from services.journal.domain.lesson_entry import MAX_REASON, bounded_text

# what a recorded absence may be corrected to, named as the form teacher picks it ("late" is not an absence)
REASONS = {"ill": "Б — болел", "excused": "УП — уважительная", "unexcused": "НП — неуважительная",
           "absent": "Н — причина не известна"}
ABSENCES = tuple(REASONS)


def status(value: str) -> str:
    value = (value or "").strip().lower()
    if value not in ABSENCES:
        raise Invalid("status", "причина пропуска: ill (болезнь), excused (уважительная), unexcused (неуважительная) "
                                "или absent (не известна)")
    return value


def reason(value: str) -> str:
    value = bounded_text(value, "reason", MAX_REASON)
    if not value:
        raise Invalid("reason", "укажите документ, по которому меняется причина пропуска")
    return value


def document_date(value: str, today: dt.date) -> dt.date:
    """The date the document was handed in ("" = today); never in the future."""
    date = parse_date(value, "document_date") if value else today
    if date > today:
        raise Invalid("document_date", "дата документа ещё не наступила")
    return date


def working_days_after(start: dt.date, end: dt.date) -> int:
    """Working days (Monday to Friday) after start, up to and including end."""
    return sum(1 for n in range(1, (end - start).days + 1) if (start + dt.timedelta(days=n)).weekday() < 5)


def check_window(document: dt.date, today: dt.date, days: int) -> None:
    if working_days_after(document, today) > days:
        raise FailedPrecondition(
            f"Срок исправления причины пропуска истёк: {days} раб. дн. после документа от {document:%d.%m.%Y}",
            {"document_date": "срок исправления истёк"})


def check_stored(stored: str | None) -> None:
    if stored not in ABSENCES:
        raise FailedPrecondition("На этом уроке у ученика не отмечен пропуск: причину указывают только для пропуска",
                                 {"student_id": "пропуск не отмечен"})
