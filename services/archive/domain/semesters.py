"""Semester packages (seed 002 §5.1): where a school's policy says so (colleges), each semester's class journals are
archived once the semester has ended and its late entries are in, besides the year's package. Plain Python, no
framework imports."""
import datetime as dt
from dataclasses import dataclass

SEMESTER = "semester"  # the kind of term (schedule) that gets a package of its own
LATE_ENTRIES = dt.timedelta(days=10)  # after a semester's last day, before its journal is archived


@dataclass(frozen=True)
class Semester:
    """A semester of an academic year, as the school's calendar has it."""
    academic_year_id: str
    academic_year_name: str
    term_id: str
    name: str
    start: dt.date
    end: dt.date


def due(semesters: list[Semester], today: dt.date, requested: set[str]) -> list[Semester]:
    """The semesters whose journals are to be archived now: ended at least LATE_ENTRIES ago and not requested yet
    (by their term id)."""
    return [s for s in semesters if s.end + LATE_ENTRIES <= today and s.term_id not in requested]
