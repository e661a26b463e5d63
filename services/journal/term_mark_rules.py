"""Term marks (J7, J8): the values a term mark may take, a subject's hours a week in a term, and the rule that
a numeric term mark needs enough current marks. Plain Python, no I/O."""
import datetime as dt

from services.common.errors import FailedPrecondition, Invalid

NUMERIC = ("1", "2", "3", "4", "5")
SPECIAL = {"ОСВ": "exempt", "Н/А": "not_assessed"}


def value(raw: str) -> str:
    """"1".."5", "ОСВ" or "Н/А" (any letter case)."""
    cleaned = (raw or "").strip().upper()
    if cleaned not in NUMERIC and cleaned not in SPECIAL:
        raise Invalid("value", "оценка за период: от 1 до 5, ОСВ (освобождён) или Н/А (не аттестован)")
    return cleaned


def special(term_mark: str) -> str:
    """exempt, not_assessed, or "" for a numeric mark."""
    return SPECIAL.get(term_mark, "")


def hours_per_week(lessons: int, start: dt.date, end: dt.date) -> int:
    """Lessons of the subject in the term divided by the term's weeks (days / 7), rounded half up."""
    weeks = ((end - start).days + 1) / 7
    return int(lessons / weeks + 0.5) if weeks > 0 else 0


def check_enough_marks(term_mark: str, marks: int, minimum: int, hours: int) -> None:
    """A numeric term mark needs at least the policy minimum of current marks; ОСВ and Н/А never do."""
    if term_mark in SPECIAL or marks >= minimum:
        return
    raise FailedPrecondition(
        f"Недостаточно текущих отметок для оценки за период: у ученика {marks}, нужно не меньше {minimum} "
        f"(предмет {hours} ч в неделю). Можно выставить Н/А (не аттестован) или ОСВ.",
        {"value": f"нужно не меньше {minimum} текущих отметок, сейчас {marks}"})
