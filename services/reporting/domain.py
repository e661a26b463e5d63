"""The summary sheet (сводная ведомость учёта успеваемости): students × subjects with their marks in
date order and the average of the numeric ones. Plain Python, no framework imports."""
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation


@dataclass(frozen=True)
class Named:
    id: str
    name: str


@dataclass(frozen=True)
class CellMarks:
    """A student's marks in a subject, in lesson-date order (the read model sorts them)."""
    student_id: str
    subject_id: str
    values: tuple[str, ...]


@dataclass(frozen=True)
class Cell:
    subject_id: str
    marks: tuple[str, ...]
    average: str


@dataclass(frozen=True)
class Row:
    student_id: str
    student_name: str
    cells: tuple[Cell, ...]


@dataclass(frozen=True)
class SummarySheet:
    school_id: str
    class_group: Named
    academic_year_name: str
    subjects: tuple[Named, ...]
    rows: tuple[Row, ...]


def collation_key(name: str) -> tuple[str, str]:
    """Russian alphabetical order: case-insensitive, Ё sorted with Е."""
    folded = name.casefold().replace("ё", "е")
    return folded, name


def average(values: list[str]) -> str:
    """Arithmetic mean of the numeric marks rounded to 2 decimals, or "" when there are none."""
    numbers = []
    for value in values:
        try:
            number = Decimal(value.strip())
        except InvalidOperation:
            continue
        if number.is_finite():
            numbers.append(number)
    if not numbers:
        return ""
    return str((sum(numbers) / len(numbers)).quantize(Decimal("0.01"), rounding=ROUND_HALF_UP))


def summary_sheet(school_id: str, class_group: Named, academic_year_name: str, students: list[Named],
                  subjects: list[Named], cells: list[CellMarks]) -> SummarySheet:
    by_cell = {(c.student_id, c.subject_id): c.values for c in cells}
    subjects = sorted(subjects, key=lambda s: collation_key(s.name))
    rows = []
    for student in sorted(students, key=lambda s: collation_key(s.name)):
        row_cells = []
        for subject in subjects:
            values = by_cell.get((student.id, subject.id), ())
            row_cells.append(Cell(subject.id, tuple(values), average(values)))
        rows.append(Row(student.id, student.name, tuple(row_cells)))
    return SummarySheet(school_id, class_group, academic_year_name, tuple(subjects), tuple(rows))
