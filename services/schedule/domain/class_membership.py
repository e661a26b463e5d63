"""Which classes a student is still in after a movement (identity's dated memberships: ISO dates, inclusive, "" date_to
= still there): those with a membership that has not ended before the date. Plain Python, no I/O."""
import datetime as dt
from collections.abc import Iterable


def classes_kept(memberships: Iterable[tuple[str, str]], on: dt.date) -> set[str]:
    """The classes of the (class_group_id, date_to) memberships that the student is in on the date or later."""
    return {class_group_id for class_group_id, date_to in memberships
            if not date_to or dt.date.fromisoformat(date_to) >= on}
