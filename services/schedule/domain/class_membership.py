"""Which classes' subgroups a student keeps after a cancelled movement order (identity's dated memberships): every
class they still have a membership of, ended or not. Subgroup membership is not dated; the journal takes a
subgroup lesson's students as the subgroup's who were in the class that day, so a transferred student or a leaver
stays listed and keeps the marks of their earlier subgroup lessons. Plain Python, no I/O."""
from collections.abc import Iterable


def classes_kept(class_group_ids: Iterable[str]) -> set[str]:
    """The classes of the student's memberships after the change (an undone enrolment or transfer has none left)."""
    return set(class_group_ids)
