"""Bulk import of people: reading a CSV or XLSX file into lines, checking each line with the same rules
as CreatePerson (staff card and contacts included), telling duplicates (of the school's records or of
earlier lines) from new people, and resolving guardian ↔ student links (a student named by the row key of
its line or by SNILS).

Pure functions; the handler does the database and the class-group checks.
"""
import dataclasses
import datetime as dt
import re
from dataclasses import dataclass, field

from services.common.errors import Invalid
from services.common.tabular import read_table
from services.identity.domain.contacts import CONTACT_FIELDS, Contacts, contact_problems
from services.identity.domain.person import RELATIONS, NewPerson, PersonName, new_person
from services.identity.domain.snils import snils_digits, valid_snils
from services.identity.domain.staff_card import StaffCard, staff_card_problems

COLUMNS = ("kind", "last_name", "first_name", "middle_name", "gender", "birth_date", "snils", "roles",
           "class_group_id", "position", "qualification_category", "functions", "diploma_specialty",
           "phone", "email", "address", "row_key", "guardian_of", "relation")
REQUIRED_COLUMNS = ("kind", "last_name", "first_name")
MAX_BYTES = 2_000_000
MAX_ROWS = 5000
KIND_ALIASES = {"сотрудник": "staff", "обучающийся": "student", "ученик": "student", "родитель": "guardian",
                "законный представитель": "guardian"}
CATEGORY_ALIASES = {"без категории": "none", "соответствие": "fit", "соответствие занимаемой должности": "fit",
                    "соответствие должности": "fit", "первая": "first", "высшая": "highest"}
RELATION_ALIASES = {"мать": "mother", "отец": "father", "опекун": "guardian", "попечитель": "guardian",
                    "другое": "other"}
GENDER_ALIASES = {"м": "male", "муж": "male", "мужской": "male", "ж": "female", "жен": "female", "женский": "female"}

Line = tuple[int, dict[str, str]]  # (line number in the file, value by column)


@dataclass
class Checked:
    """One data line after the checks: the person it describes or its problems by column."""

    line: int
    person: NewPerson | None
    problems: dict[str, str] = field(default_factory=dict)
    duplicate_of: str = ""  # id of the existing person, or "line N" of an earlier line
    row_key: str = ""  # how other lines of the file name this one (guardian_of)
    guardian_of: tuple[str, ...] = ()  # guardians: their students by row key or SNILS
    relation: str = "guardian"

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


def check_line(line: Line, today: dt.date, kept_contacts: tuple[str, ...] = ()) -> Checked:
    """The line as a new person (CreatePerson's rules, with the staff card and the contacts the school keeps)
    or its problems by column."""
    number, values = line
    kind = values.get("kind", "").strip().lower()
    gender = values.get("gender", "").strip().lower()
    roles = [role for role in re.split(r"[,\s|]+", values.get("roles", "")) if role]
    person, problems = new_person(
        KIND_ALIASES.get(kind, kind), PersonName(values.get("last_name", ""), values.get("first_name", ""),
                                                 values.get("middle_name", "")),
        GENDER_ALIASES.get(gender, gender), values.get("birth_date", ""), values.get("snils", ""), roles,
        values.get("class_group_id", "").strip(), False, today)
    category = values.get("qualification_category", "").strip().lower()
    staff = StaffCard.cleaned(position=values.get("position", ""), functions=values.get("functions", ""),
                              qualification_category=CATEGORY_ALIASES.get(category, category),
                              diploma_specialty=values.get("diploma_specialty", ""))
    problems |= staff_card_problems(staff, person.kind)
    contacts, contacts_problems = contact_problems(Contacts.cleaned(
        **{field: values.get(field, "") for field in CONTACT_FIELDS}), kept_contacts)
    problems |= contacts_problems
    guardian_of = tuple(ref.strip() for ref in re.split(r"[,|]", values.get("guardian_of", "")) if ref.strip())
    relation = values.get("relation", "").strip().lower()
    relation = RELATION_ALIASES.get(relation, relation) or "guardian"
    if guardian_of and person.kind != "guardian":
        problems["guardian_of"] = "связь с обучающимся указывается только у родителя"
    if relation not in RELATIONS:
        problems["relation"] = "мать, отец, опекун или другое (mother, father, guardian, other)"
    problems = {column.removeprefix("name.").removeprefix("staff.").removeprefix("contacts."): reason
                for column, reason in problems.items()}
    person = dataclasses.replace(person, staff=staff, contacts=contacts)
    return Checked(number, None if problems else person, problems, row_key=values.get("row_key", "").strip(),
                   guardian_of=guardian_of, relation=relation)


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


Target = tuple[str, str]  # ("line", "N") of a student line of the file, or ("person", id) of a school's student


def resolve_links(checked: list[Checked], existing: dict[tuple, str]) -> list[tuple[Checked, Target]]:
    """The guardian ↔ student links the file asks for: a reference is the row key of a student line or a
    student's SNILS (of a line, or of the school's records). Unresolved references become line problems."""
    by_key: dict[str, Checked] = {}
    for item in checked:
        if item.row_key in by_key:
            item.problems["row_key"] = f"ключ уже есть в строке {by_key[item.row_key].line}"
            item.person = None
        elif item.row_key:
            by_key[item.row_key] = item
    student_lines = {item.key: item for item in checked if item.person and item.person.kind == "student"}
    links = []
    for item in checked:
        for ref in () if "guardian_of" in item.problems else item.guardian_of:  # every problem at once
            target, problem = _target(ref, by_key, student_lines, existing)
            if problem:
                item.problems["guardian_of"] = problem
            else:
                links.append((item, target))
        if item.problems:
            item.person = None
    return [(item, target) for item, target in links if item.person]


def _target(ref: str, by_key: dict[str, Checked], student_lines: dict[tuple, Checked],
            existing: dict[tuple, str]) -> tuple[Target | None, str]:
    if ref in by_key:
        student = by_key[ref]
        if student.person and student.person.kind != "student":
            return None, f"строка {student.line} (ключ «{ref}») — не обучающийся"
        return ("line", str(student.line)), ""  # a line with errors of its own stops the apply anyway
    snils = snils_digits(ref)
    if valid_snils(snils):
        key = ("student", "snils", snils)
        if key in student_lines:
            return ("line", str(student_lines[key].line)), ""
        if key in existing:
            return ("person", existing[key]), ""
        return None, f"обучающийся со СНИЛС {ref} не найден ни в файле, ни в школе"
    return None, f"нет строки с ключом «{ref}» (или укажите СНИЛС обучающегося)"
