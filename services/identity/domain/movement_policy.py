"""The school's movement policy (A1): its deadlines for signing movement orders and the year transition, with the
regulations' defaults, and the checks of a change. Plain Python, no I/O."""
import datetime as dt
import re
from dataclasses import dataclass, fields

from services.identity.domain import Problems

MONTH_DAY = re.compile(r"\d{2}-\d{2}")
WORKING_DAYS = (0, 30)  # the bounds of notice_working_days


@dataclass(frozen=True)
class MovementPolicy:
    """The school's deadlines; the defaults are the regulations': orders of the year end (promotion, conditional
    promotion, repetition, graduation) by 31 August of the year the source year ends; enrolment, transfer and
    leaving within 3 working days (Mon-Fri) after the day they take effect; the year transition by 15 September of
    the new year."""

    promotion_due: str = "08-31"
    notice_working_days: int = 3
    transition_due: str = "09-15"


KEYS = tuple(f.name for f in fields(MovementPolicy))


def on(year: int, month_day: str) -> dt.date:
    """The policy's "MM-DD" day in the calendar year."""
    month, day = month_day.split("-")
    return dt.date(year, int(month), int(day))


def _a_day_of_every_year(text: str) -> bool:
    """Whether the text is "MM-DD" of a day every year has (so not 02-29)."""
    try:
        return bool(MONTH_DAY.fullmatch(text)) and bool(on(2001, text))
    except ValueError:
        return False


def policy_problems(changes: dict) -> Problems:
    """Every problem of a change (values by the keys of MovementPolicy), by its field."""
    problems: Problems = {}
    for key in ("promotion_due", "transition_due"):
        if key in changes and not _a_day_of_every_year(changes[key]):
            problems[key] = "укажите день в виде ММ-ДД, например 08-31"
    low, high = WORKING_DAYS
    if "notice_working_days" in changes and not low <= changes["notice_working_days"] <= high:
        problems["notice_working_days"] = f"число рабочих дней от {low} до {high}"
    return problems
