"""The per-school schedule policy: the notice periods of requirement S4 with their defaults (the one place
defaults live), read from the schedule_policy table's key/value rows."""
from collections.abc import Mapping
from dataclasses import dataclass, fields, replace


@dataclass(frozen=True)
class SchedulePolicy:
    """A school's settings; the defaults are those of requirements.md S4 [004 §6.6]."""

    holiday_notice_days: int = 14          # holidays announced 2 weeks ahead
    transfer_notice_working_days: int = 3  # day transfers announced 3 working days ahead


DEFAULT = SchedulePolicy()
KEYS = tuple(f.name for f in fields(SchedulePolicy))


def from_stored(rows: Mapping[str, str]) -> SchedulePolicy:
    """Keys not stored (or not whole numbers) keep their defaults."""
    values = {key: int(rows[key]) for key in KEYS if key in rows and rows[key].strip().lstrip("-").isdigit()}
    return replace(DEFAULT, **values)
