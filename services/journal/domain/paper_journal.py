"""Re-entry of a paper journal (J12): reading the file into lines, each line's values checked (date, lesson
number, the student by id or name, a mark with its work type, an attendance status or its paper letter, a topic),
and merging a line into what a lesson already has (the same value is unchanged, another value is an error).
Plain Python, no I/O."""
import dataclasses
import datetime as dt
import uuid
from collections.abc import Iterable

from services.common.dates import parse_date
from services.common.errors import Invalid
from services.common.tabular import read_table
from services.journal.domain import lesson_entry as domain
from services.journal.domain import mark_scale

COLUMNS = ("date", "lesson_number", "subject", "student", "mark", "work_type", "attendance", "topic")
REQUIRED_COLUMNS = ("date", "lesson_number", "student")
MAX_BYTES = 2_000_000
MAX_ROWS = 5000
MAX_DAYS = 366
# letters of a paper journal: н — absent, б — ill, у/ув — excused, неув — unexcused, оп — late
ATTENDANCE_ALIASES = {"н": "absent", "нб": "absent", "б": "ill", "бол": "ill", "у": "excused", "ув": "excused",
                      "неув": "unexcused", "оп": "late"}


class LineError(Exception):
    def __init__(self, field: str, reason: str):
        super().__init__(reason)
        self.field, self.reason = field, reason


@dataclasses.dataclass(frozen=True)
class PaperLine:
    line: int
    date: dt.date
    lesson_number: int
    subject: str
    student: str          # as written: an id or a name
    mark: str             # "" or "1".."5"
    work_type: str
    attendance: str       # "" or a status
    topic: str


def read_lines(filename: str, content: bytes) -> list[tuple[int, dict[str, str]]]:
    table = read_table(filename, content, MAX_BYTES)
    header = [cell.strip().lower() for cell in table[0][1]] if table else []
    missing = [column for column in REQUIRED_COLUMNS if column not in header]
    if missing:
        raise Invalid("content", f"в первой строке нет столбцов: {', '.join(missing)}")
    lines = [(number, {c: (row[header.index(c)] if header.index(c) < len(row) else "").strip()
                       for c in COLUMNS if c in header}) for number, row in table[1:] if any(row)]
    if not lines:
        raise Invalid("content", "в файле нет строк с данными")
    if len(lines) > MAX_ROWS:
        raise Invalid("content", f"в файле больше {MAX_ROWS} строк: разделите его на части")
    return lines


def _check(field: str, check, *args):
    try:
        return check(*args)
    except Invalid as error:
        raise LineError(field, next(iter(error.fields.values()), error.message)) from None


def check_line(number: int, values: dict[str, str]) -> PaperLine:
    """The line's values checked one by one; raises LineError naming the column."""
    date = _check("date", parse_date, values.get("date", ""), "date")
    lesson_number = values.get("lesson_number", "")
    if not lesson_number.isdigit() or not 1 <= int(lesson_number) <= 12:
        raise LineError("lesson_number", "номер урока: целое число от 1 до 12")
    if not values.get("student"):
        raise LineError("student", "укажите ученика: идентификатор или «Фамилия Имя»")
    mark = mark_scale.normalized(values.get("mark", ""))
    raw = values.get("attendance", "").lower()
    attendance = ATTENDANCE_ALIASES.get(raw, raw)
    if attendance and attendance not in domain.ATTENDANCE_STATUSES:
        raise LineError("attendance", "посещаемость: н, б, ув, неув, оп или absent, ill, excused, unexcused, late")
    topic = _check("topic", domain.bounded_text, values.get("topic", ""), "topic", domain.MAX_TOPIC)
    work_type = _check("work_type", domain.bounded_text, values.get("work_type", ""), "work_type",
                       domain.MAX_WORK_TYPE) or domain.DEFAULT_WORK_TYPE
    if not (mark or attendance or topic):
        raise LineError("mark", "в строке нет ни отметки, ни посещаемости, ни темы")
    return PaperLine(number, date, int(lesson_number), values.get("subject", ""), values["student"], mark,
                     work_type if mark else "", attendance, topic)


def check_scale(line: PaperLine, school_scale: str) -> None:
    """The line's mark is on the school's scale (read from the policy in the import's transaction)."""
    if line.mark:
        _check("mark", mark_scale.mark, line.mark, school_scale, "mark")


def check_period(lines: Iterable[PaperLine]) -> tuple[dt.date, dt.date]:
    dates = [line.date for line in lines]
    start, end = min(dates), max(dates)
    if (end - start).days + 1 > MAX_DAYS:
        raise Invalid("content", f"даты в файле охватывают больше {MAX_DAYS} дней: разделите его на части")
    return start, end


def _name_key(text: str) -> str:
    return " ".join(text.lower().replace("ё", "е").split())


def name_index(people) -> dict[str, list[str]]:
    """Student ids by "фамилия имя" and "фамилия имя отчество" (lower case, ё as е)."""
    index: dict[str, list[str]] = {}
    for person in people:
        name = person.name
        for key in {_name_key(f"{name.last_name} {name.first_name}"),
                    _name_key(f"{name.last_name} {name.first_name} {name.middle_name}")}:
            index.setdefault(key, []).append(person.id)
    return index


def student_of(text: str, index: dict[str, list[str]], class_ids: set[str]) -> str:
    try:
        student_id = str(uuid.UUID(text))
    except ValueError:
        found = index.get(_name_key(text), [])
        if len(found) > 1:
            raise LineError("student", "в классе несколько учеников с таким именем: укажите идентификатор") from None
        if not found:
            raise LineError("student", "в классе нет такого ученика") from None
        return found[0]
    if student_id not in class_ids:
        raise LineError("student", "ученик не учится в этом классе")
    return student_id


def merge(stored: str, imported: str, what: str) -> bool:
    """Whether the imported value adds something: False when the journal has it already; LineError when the
    journal has another value."""
    if not imported or stored == imported:
        return False
    if stored:
        raise LineError(what, f"в журнале уже записано другое значение: «{stored}»")
    return True
