"""The per-school schedule policy: the notice periods and the first timetable's due date of requirement S4 and
the curriculum due date of S2 with their defaults (the one place defaults live), read from stored key/value texts,
and the checks of a change."""
import datetime as dt
import re
from collections.abc import Mapping
from dataclasses import dataclass, fields, replace

from services.common.errors import Invalid

MONTH_DAY = re.compile(r"(\d{2})-(\d{2})")


@dataclass(frozen=True)
class SchedulePolicy:
    """A school's settings; the defaults are those of requirements.md S4 [004 §6.6] and S2."""

    holiday_notice_days: int = 14          # holidays announced 2 weeks ahead
    transfer_notice_working_days: int = 3  # day transfers announced 3 working days ahead
    curriculum_due: str = "09-15"          # MM-DD: the curriculum is complete by 15 September of the year
    timetable_due: str = "09-20"           # MM-DD: every class group has its first timetable by 20 September (S4)


DEFAULT = SchedulePolicy()
KEYS = tuple(f.name for f in fields(SchedulePolicy))
_TYPES = {f.name: f.type for f in fields(SchedulePolicy)}


def month_day(text: str) -> tuple[int, int] | None:
    """(month, day) of an "MM-DD" text valid in every year (so not 02-29), else None."""
    match = MONTH_DAY.fullmatch(text.strip())
    if match is None:
        return None
    try:
        dt.date(2001, int(match[1]), int(match[2]))
    except ValueError:
        return None
    return int(match[1]), int(match[2])


def _parsed(key: str, text: str):
    if _TYPES[key] is int:
        return int(text) if text.strip().lstrip("-").isdigit() else None
    return text.strip() if month_day(text) else None


def from_stored(rows: Mapping[str, str]) -> SchedulePolicy:
    """Keys not stored (or not valid values of their kind) keep their defaults."""
    values = {key: _parsed(key, rows[key]) for key in KEYS if key in rows}
    return replace(DEFAULT, **{key: value for key, value in values.items() if value is not None})


LIMITS = {"holiday_notice_days": (0, 90), "transfer_notice_working_days": (0, 30)}


def checked(changes: Mapping[str, int | str]) -> dict:
    """The values a change sets (keys of SchedulePolicy), each checked in the order of the keys: day counts within
    LIMITS, due dates "MM-DD" of a real day."""
    values = {}
    for key in KEYS:
        if key not in changes:
            continue
        value = changes[key]
        if key in LIMITS:
            low, high = LIMITS[key]
            if not low <= value <= high:
                raise Invalid(key, f"от {low} до {high}")
        elif month_day(value) is None:
            raise Invalid(key, "дата в виде ММ-ДД, например 09-20")
        values[key] = value.strip() if isinstance(value, str) else value
    return values
