"""What the schedule's service layer asks outside its database (typed ports; adapters/staff.py and
services.common.dates.school_today implement them, the tests fake them)."""
import datetime as dt
from collections.abc import Iterable
from typing import Protocol


class Staff(Protocol):
    """Who is on the school's staff and in a class group (adapters/staff.py asks identity); each raises Invalid."""

    def require_teacher(self, school_id: str, person_id: str) -> None: ...

    def require_class_students(self, school_id: str, class_group_id: str, class_name: str,
                               student_ids: Iterable[str]) -> None: ...


class Clock(Protocol):
    """Today's date at the school."""

    def __call__(self) -> dt.date: ...
