"""Term marks (J7, J8): the values a term or final mark may take (the school's scale, ОСВ, Н/А), a subject's
hours a week in a term, and the rule that a term mark needs enough current marks. Plain Python, no I/O."""
import datetime as dt
from decimal import ROUND_HALF_UP, Decimal

from services.common.errors import FailedPrecondition, Invalid
from services.journal.domain import mark_scale
from services.journal.domain.journal_policy import JournalPolicy

SPECIAL = {"ОСВ": "exempt", "Н/А": "not_assessed"}


def values(school_scale: str) -> list[str]:
    """What a term or final mark may be, as a person picks it: the school's scale, best first, then ОСВ and Н/А."""
    return [*mark_scale.VALUES[school_scale], *SPECIAL]


def value(raw: str) -> str:
    """A mark as typed: "ОСВ" and "Н/А" in any letter case, anything else as a current mark is read
    (check_scale then holds it to the school's scale)."""
    cleaned = (raw or "").strip()
    if cleaned.upper() in SPECIAL:
        return cleaned.upper()
    if not cleaned:
        raise Invalid("value", "укажите оценку за период, ОСВ (освобождён) или Н/А (не аттестован)")
    return mark_scale.normalized(cleaned)


def check_scale(period_mark: str, school_scale: str) -> None:
    """A period mark is on the school's scale, or ОСВ, or Н/А."""
    if period_mark not in SPECIAL and period_mark not in mark_scale.VALUES[school_scale]:
        raise Invalid("value", f"оценка по шкале школы ({mark_scale.NAMES[school_scale]}): "
                               f"{mark_scale.HINTS[school_scale]}, ОСВ (освобождён) или Н/А (не аттестован)")


def special(term_mark: str) -> str:
    """exempt, not_assessed, or "" for a numeric mark."""
    return SPECIAL.get(term_mark, "")


def hours_per_week(lessons: int, start: dt.date, end: dt.date) -> int:
    """Lessons of the subject in the term divided by the term's weeks (days / 7), rounded half up."""
    weeks = ((end - start).days + 1) / 7
    return int(lessons / weeks + 0.5) if weeks > 0 else 0


def marks_needed(lessons: int, start: dt.date, end: dt.date, policy: JournalPolicy) -> tuple[int, int]:
    """(hours a week, current marks a numeric term mark needs) of a subject with this many lessons in the term: the
    policy's minimum at those hours (J8). SetTermMark holds a term mark to it; the control view warns ahead of it."""
    hours = hours_per_week(lessons, start, end)
    return hours, policy.min_marks(hours)


def enough(marks: int, needed: int) -> bool:
    return marks >= needed


def check_enough_marks(term_mark: str, marks: int, minimum: int, hours: int) -> None:
    """A term mark on the scale needs at least the policy minimum of current marks; ОСВ and Н/А never do."""
    if term_mark in SPECIAL or enough(marks, minimum):
        return
    raise FailedPrecondition(
        f"Недостаточно текущих отметок для оценки за период: у ученика {marks}, нужно не меньше {minimum} "
        f"(предмет {hours} ч в неделю). Можно выставить Н/А (не аттестован) или ОСВ.",
        {"value": f"нужно не меньше {minimum} текущих отметок, сейчас {marks}"})


def proposal(average: Decimal | None, marks: int, needed: int, school_scale: str) -> str:
    """The term mark the grid proposes for the teacher to confirm or change (never set by itself): Н/А with fewer
    current marks than the rule needs (J8), else the weighted average rounded half up (4.50 → 5); "" on a scale
    without averages (pass/fail: the teacher decides)."""
    if not enough(marks, needed):
        return "Н/А"
    if average is None or not mark_scale.has_average(school_scale):
        return ""
    return str(int(average.quantize(Decimal(1), rounding=ROUND_HALF_UP)))
