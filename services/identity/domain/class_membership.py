"""Dated class membership (A1): a student belongs to a class group from a date to a date, both inclusive; None for
date_from = since the class began, None for date_to = still there. An order effective on D ends the old membership
on D - 1 and starts the new one on D (which class a student is in on a day: services/common/memberships.py).
Plain Python, no I/O."""
import datetime as dt
from dataclasses import dataclass, replace

from services.common.memberships import covers

DAY = dt.timedelta(days=1)


@dataclass(frozen=True)
class Membership:
    class_group_id: str
    date_from: dt.date | None = None
    date_to: dt.date | None = None
    order_id: str | None = None


def oldest_first(memberships: list[Membership]) -> list[Membership]:
    return sorted(memberships, key=lambda m: (m.date_from or dt.date.min, m.date_to or dt.date.max))


def later_than(memberships: list[Membership], day: dt.date) -> bool:
    """Whether a movement on the day or later is already recorded: a membership starts on the day or later, or the
    one in force the day before already has its end (an order effective on the day or later ended it: a leaver's
    second leaving order of the same day is one)."""
    return any((m.date_from is not None and m.date_from >= day)
               or (covers(m, day - DAY) and m.date_to is not None) for m in memberships)


def moved(memberships: list[Membership], effective: dt.date, to_class_group_id: str | None,
          order_id: str) -> list[Membership]:
    """The memberships after an order effective on the day: the one in force the day before ends then; a new one
    of to_class_group_id (None: the student leaves, or graduates) starts on the day."""
    before = effective - DAY
    kept = [replace(m, date_to=before) if covers(m, before) else m for m in memberships]
    if to_class_group_id:
        kept.append(Membership(to_class_group_id, effective, None, order_id))
    return oldest_first(kept)


def undone(memberships: list[Membership], order_id: str, effective: dt.date,
           from_class_group_id: str | None) -> list[Membership]:
    """The memberships as they were before the order: the one it started is gone, the one it ended (of
    from_class_group_id, ended the day before it took effect) runs on again."""
    before = effective - DAY
    return oldest_first([replace(m, date_to=None) if m.class_group_id == from_class_group_id and m.date_to == before
                         else m for m in memberships if m.order_id != order_id])
