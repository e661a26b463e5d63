"""Reading a thematic plan file (S3): CSV in UTF-8 with ";" or ",", or XLSX (first sheet), with the columns
order;title;hours (an optional header row first); every bad row is reported with its line number, field and a
Russian reason."""
from dataclasses import dataclass, field
from decimal import Decimal

from services.common.errors import Invalid
from services.common.tabular import read_table
from services.schedule.domain.curriculum import parse_hours

MAX_BYTES = 1_000_000
MAX_TITLE = 500
MAX_POSITION = 1000
MIN_TOPIC_HOURS, MAX_TOPIC_HOURS = Decimal("0.5"), Decimal("200")
COLUMNS = ("order", "title", "hours")


@dataclass(frozen=True)
class Topic:
    position: int
    title: str
    hours: Decimal


@dataclass(frozen=True)
class RowError:
    line: int
    field: str
    message: str


@dataclass
class PlanFile:
    topics: list[Topic] = field(default_factory=list)
    errors: list[RowError] = field(default_factory=list)


def read(filename: str, content: bytes) -> PlanFile:
    """Topics in plan order, or the errors of every bad row (then the topics are not to be saved)."""
    plan, seen, first = PlanFile(), {}, True
    for line, cells in read_table(filename, content, MAX_BYTES):
        while len(cells) > len(COLUMNS) and not cells[-1]:  # spreadsheets pad rows with empty cells
            cells = cells[:-1]
        if not any(cells):
            continue
        header, first = first and _is_header(cells), False
        if header:
            continue
        topic = _topic(line, cells, plan.errors)
        if topic is None:
            continue
        if topic.position in seen:
            plan.errors.append(RowError(line, "order", f"номер {topic.position} уже есть в строке {seen[topic.position]}"))
            continue
        seen[topic.position] = line
        plan.topics.append(topic)
    if not plan.topics and not plan.errors:
        raise Invalid("content", "в файле нет ни одной темы")
    plan.topics.sort(key=lambda t: t.position)
    return plan


def _number(text: str) -> bool:
    return text.isascii() and text.isdigit()


def _is_header(cells: list[str]) -> bool:
    return not _number(cells[0])


def _topic(line: int, cells: list[str], errors: list[RowError]) -> Topic | None:
    if len(cells) != len(COLUMNS):
        errors.append(RowError(line, "row", f"ожидается 3 столбца (порядок;тема;часы), в строке {len(cells)}"))
        return None
    order, title, hours_text = cells
    found = []
    if not _number(order) or not 1 <= int(order) <= MAX_POSITION:
        found.append(RowError(line, "order", f"ожидается целый номер от 1 до {MAX_POSITION}"))
    if not title:
        found.append(RowError(line, "title", "тема не указана"))
    elif len(title) > MAX_TITLE:
        found.append(RowError(line, "title", f"тема длиннее {MAX_TITLE} символов"))
    hours = parse_hours(hours_text, MIN_TOPIC_HOURS, MAX_TOPIC_HOURS)
    if isinstance(hours, str):
        found.append(RowError(line, "hours", hours))
    errors.extend(found)
    return None if found else Topic(int(order), title, hours)
