"""The schedule's class groups and academic years as identity's rules see them (asked of schedule over gRPC): which
year follows which, and a class's successor name in the next year (5А -> 6А). Plain Python, no I/O."""
import datetime as dt
import re
from dataclasses import dataclass


@dataclass(frozen=True)
class ClassGroup:
    id: str
    academic_year_id: str
    grade: int
    name: str


@dataclass(frozen=True)
class AcademicYear:
    id: str
    name: str
    start: dt.date
    end: dt.date
    status: str  # open | closed

    @property
    def open(self) -> bool:
        return self.status == "open"


@dataclass(frozen=True)
class NextYear:
    """What schedule opened at the year transition: the new year, its class groups and each source class's
    successor (source class group id -> new class group id)."""

    academic_year: AcademicYear
    class_groups: list[ClassGroup]
    successions: dict[str, str]


def next_year(years: list[AcademicYear], year_id: str) -> AcademicYear | None:
    """The year that follows the given one (the first to start after it ends), or None."""
    current = next((y for y in years if y.id == year_id), None)
    later = sorted((y for y in years if current and y.start > current.end), key=lambda y: y.start)
    return later[0] if later else None


def successor_name(name: str, grade: int, new_grade: int) -> str:
    """The class's name in the next grade: its grade number replaced, the letter kept (5А -> 6А, 10-Б -> 11-Б); a
    name without the grade number gets the new grade in front."""
    replaced, count = re.subn(rf"(?<!\d){grade}(?!\d)", str(new_grade), name, count=1)
    return replaced if count else f"{new_grade}{name}"
