"""Dated class membership (issue 12, A1): is a student in a class on a date, which class on a date, the memberships
during a period. Plain functions over ClassMembership-like values (identity's ClassMembership, a read model's row):
`class_group_id`, `date_from` and `date_to`, inclusive ISO dates (str or datetime.date), "" or None = open (since the
class began / still there)."""
import datetime as dt
from collections.abc import Iterable
from typing import Protocol


class Membership(Protocol):
    class_group_id: str
    date_from: str | dt.date | None
    date_to: str | dt.date | None


def _iso(day: str | dt.date | None) -> str:
    return str(day) if day else ""


def covers(membership: Membership, day: str | dt.date) -> bool:
    """The membership is in force on the day."""
    return overlaps(membership, day, day)


def overlaps(membership: Membership, date_from: str | dt.date | None, date_to: str | dt.date | None) -> bool:
    """The membership is in force on some day of the period (its ends inclusive, "" = open)."""
    start, end = _iso(membership.date_from), _iso(membership.date_to)
    return (not date_to or not start or start <= _iso(date_to)) and (not date_from or not end or _iso(date_from) <= end)


def in_class(memberships: Iterable[Membership], class_group_id: str, day: str | dt.date) -> bool:
    """The student is in the class on the day."""
    return any(m.class_group_id == class_group_id and covers(m, day) for m in memberships)


def in_class_during(memberships: Iterable[Membership], class_group_id: str, date_from: str | dt.date | None,
                    date_to: str | dt.date | None) -> bool:
    """The student was in the class on some day of the period ("" ends = open)."""
    return any(m.class_group_id == class_group_id and overlaps(m, date_from, date_to) for m in memberships)


def class_on(memberships: Iterable[Membership], day: str | dt.date) -> str:
    """The class the student is in on the day ("" = none)."""
    return next((m.class_group_id for m in memberships if covers(m, day)), "")


def during(memberships: Iterable[Membership], date_from: str | dt.date | None,
           date_to: str | dt.date | None) -> list[Membership]:
    """The memberships in force on some day of the period, oldest first."""
    return sorted((m for m in memberships if overlaps(m, date_from, date_to)), key=lambda m: _iso(m.date_from))


def clipped(membership: Membership, date_from: str = "", date_to: str = "") -> tuple[str, str]:
    """The days of the period (ISO dates, "" = open) the membership covers, as (from, to), "" = open."""
    start = max(_iso(membership.date_from), date_from)
    end = min((day for day in (_iso(membership.date_to), date_to) if day), default="")
    return start, end


def span(memberships: Iterable[Membership], class_group_id: str) -> tuple[str, str]:
    """The first and last day of the student's memberships of the class ("" = open: since the class began, still
    there); ("", "") when the student has none of it."""
    of_class = [m for m in memberships if m.class_group_id == class_group_id]
    if not of_class:
        return "", ""
    starts, ends = [_iso(m.date_from) for m in of_class], [_iso(m.date_to) for m in of_class]
    return ("" if "" in starts else min(starts)), ("" if "" in ends else max(ends))
