"""Class fill (наполняемость классов) on a date: the students of each class of the academic year containing the date,
by gender, and the school's total. Plain Python, no I/O."""
import datetime as dt
from dataclasses import dataclass

from services.common.memberships import covers
from services.reporting.domain.movement_register import number_key

TOTAL = "Итого по школе"


@dataclass(frozen=True)
class ClassGroup:
    id: str
    name: str
    grade: int


@dataclass(frozen=True)
class Member:
    """A student's membership of a class (None ends = open), with the student's gender (male | female | "")."""
    student_id: str
    class_group_id: str
    date_from: dt.date | None
    date_to: dt.date | None
    gender: str


@dataclass(frozen=True)
class FillRow:
    class_group_id: str
    class_group_name: str
    grade: int
    boys: int
    girls: int
    total: int  # every student, also those whose gender is not known


@dataclass(frozen=True)
class ClassFill:
    school_name: str
    on_date: str  # ISO
    academic_year_id: str
    academic_year_name: str
    rows: tuple[FillRow, ...]
    total: FillRow


def fill_row(group: ClassGroup, genders: list[str]) -> FillRow:
    return FillRow(group.id, group.name, group.grade, genders.count("male"), genders.count("female"), len(genders))


def class_fill(school_name: str, on_date: str, academic_year_id: str, academic_year_name: str,
               classes: list[ClassGroup], members: list[Member]) -> ClassFill:
    """The students whose membership covers the date (services.common.memberships), each counted once per class; a
    class of `classes` with none counts 0, a class named by a member only is listed too. Classes by grade, then name
    ("5А" before "10А")."""
    known = {group.id: group for group in classes}
    present = {(m.class_group_id, m.student_id): m.gender for m in members if covers(m, on_date)}
    for class_group_id, _ in present:
        known.setdefault(class_group_id, ClassGroup(class_group_id, "", 0))
    genders: dict[str, list[str]] = {group_id: [] for group_id in known}
    for (class_group_id, _), gender in present.items():
        genders[class_group_id].append(gender)
    rows = tuple(fill_row(group, genders[group.id])
                 for group in sorted(known.values(), key=lambda g: (g.grade, number_key(g.name))))
    total = FillRow("", TOTAL, 0, sum(r.boys for r in rows), sum(r.girls for r in rows), sum(r.total for r in rows))
    return ClassFill(school_name, on_date, academic_year_id, academic_year_name, rows, total)
