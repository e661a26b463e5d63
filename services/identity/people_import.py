"""Bulk import of people: reading a CSV or XLSX file into lines, checking each line with the same rules
as CreatePerson, and telling duplicates (of the school's records or of earlier lines) from new people.

Pure functions; the handler does the database and the class-group checks.
"""
import datetime as dt
import re
from dataclasses import dataclass, field

from services.common.errors import Invalid
from services.common.tabular import read_table
from services.identity import domain
from services.identity.domain import NewPerson, PersonName

COLUMNS = ("kind", "last_name", "first_name", "middle_name", "gender", "birth_date", "snils", "roles",
           "class_group_id")
REQUIRED_COLUMNS = ("kind", "last_name", "first_name")
MAX_BYTES = 2_000_000
MAX_ROWS = 5000
KIND_ALIASES = {"сотрудник": "staff", "обучающийся": "student", "ученик": "student", "родитель": "guardian",
                "законный представитель": "guardian"}
GENDER_ALIASES = {"м": "male", "муж": "male", "мужской": "male", "ж": "female", "жен": "female", "женский": "female"}

Line = tuple[int, dict[str, str]]  # (line number in the file, value by column)


@dataclass
class Checked:
    """One data line after the checks: the person it describes or its problems by column."""

    line: int
    person: NewPerson | None
    problems: dict[str, str] = field(default_factory=dict)
    duplicate_of: str = ""  # id of the existing person, or "line N" of an earlier line

    @property
    def key(self) -> tuple:
        person = self.person
        return identity_key(person.kind, person.snils, person.name, person.birth_date) if person else ()


def identity_key(kind: str, snils: str | None, name: PersonName, birth_date: dt.date | None) -> tuple:
    """How a re-import recognises a person: kind and SNILS, or kind, full name and birth date without SNILS."""
    if snils:
        return (kind, "snils", snils)
    return (kind, "name", name.full.lower(), birth_date)


def read_lines(filename: str, content: bytes) -> list[Line]:
    """The file's data lines by column (the header is the first row); refuses unknown formats, oversize files
    and headers without the required columns."""
    table = read_table(filename, content, MAX_BYTES)
    if not table:
        raise Invalid("content", "файл пуст")
    header = [cell.lower() for cell in table[0][1]]
    missing = [column for column in REQUIRED_COLUMNS if column not in header]
    if missing:
        raise Invalid("content", f"в первой строке нет столбцов: {', '.join(missing)}")
    lines = [(number, {column: _cell(row, header.index(column)) for column in COLUMNS if column in header})
             for number, row in table[1:] if any(row)]
    if len(lines) > MAX_ROWS:
        raise Invalid("content", f"в файле больше {MAX_ROWS} строк: разделите его на части")
    if not lines:
        raise Invalid("content", "в файле нет строк с данными")
    return lines


def _cell(row: list[str], index: int) -> str:
    return row[index] if index < len(row) else ""


def check_line(line: Line, today: dt.date) -> Checked:
    """The line as a new person (CreatePerson's rules) or its problems by column."""
    number, values = line
    kind = values.get("kind", "").strip().lower()
    gender = values.get("gender", "").strip().lower()
    roles = [role for role in re.split(r"[,\s|]+", values.get("roles", "")) if role]
    person, problems = domain.new_person(
        KIND_ALIASES.get(kind, kind), PersonName(values.get("last_name", ""), values.get("first_name", ""),
                                                 values.get("middle_name", "")),
        GENDER_ALIASES.get(gender, gender), values.get("birth_date", ""), values.get("snils", ""), roles,
        values.get("class_group_id", "").strip(), False, today)
    problems = {column.removeprefix("name."): reason for column, reason in problems.items()}
    return Checked(number, None if problems else person, problems)


def mark_duplicates(checked: list[Checked], existing: dict[tuple, str]) -> None:
    """Marks lines describing a person the school already has (by identity key) or an earlier line."""
    seen: dict[tuple, int] = {}
    for item in checked:
        if item.person is None:
            continue
        if item.key in existing:
            item.duplicate_of = existing[item.key]
        elif item.key in seen:
            item.duplicate_of = f"line {seen[item.key]}"
        else:
            seen[item.key] = item.line
