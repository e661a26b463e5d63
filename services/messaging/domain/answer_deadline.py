"""The answer deadline (J13: a form teacher answers a family within 3 working days; the school's policy says how many
and applies it to every staff member in a thread): since when a family has been waiting, the last working day to
answer, and whether a thread is overdue on a day. Plain Python, no I/O."""
import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass

from services.messaging.domain.working_days import SchoolCalendar, add_working_days, working_days_between

FAMILY = frozenset({"guardian", "student"})


@dataclass(frozen=True)
class Posted:
    """A message as the deadline sees it."""

    author_role: str  # staff | guardian | student
    created_at: dt.datetime
    withdrawn: bool = False


def awaiting_since(messages: Iterable[Posted]) -> dt.datetime | None:
    """When the family's unanswered question began: their first message after the staff member's last message; None
    when the staff member wrote last or the family has written nothing since. Withdrawn messages count for neither:
    a withdrawn answer is no answer, a withdrawn question asks nothing."""
    since = None
    for message in sorted(messages, key=lambda m: m.created_at):
        if message.withdrawn:
            continue
        if message.author_role == "staff":
            since = None
        elif message.author_role in FAMILY and since is None:
            since = message.created_at
    return since


def answer_due(since: dt.datetime, answer_days: int, calendar: SchoolCalendar, zone: dt.tzinfo) -> dt.date:
    """The last day to answer: the `answer_days`-th working day after the day the family wrote (in the school's
    time zone). Written on Monday with 3 days: Thursday; on Friday or Saturday: Wednesday."""
    return add_working_days(since.astimezone(zone).date(), answer_days, calendar)


def days_late(due: dt.date, on: dt.date, calendar: SchoolCalendar) -> int:
    """Working days past the deadline up to `on` (0: not overdue; a weekend after the deadline adds nothing)."""
    return working_days_between(due, on, calendar)


def overdue(due: dt.date, on: dt.date) -> bool:
    return on > due
