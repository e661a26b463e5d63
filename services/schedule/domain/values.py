"""Values a command checks on their own before it reads anything: a required name, a clock time, optional dates and
a date range. Plain Python, no I/O."""
import datetime as dt
import re

from services.common.dates import parse_date
from services.common.errors import Invalid

CLOCK_TIME = re.compile(r"([01]\d|2[0-3]):[0-5]\d")
MAX_NAME = 100


def parse_optional_date(value: str, field: str) -> dt.date | None:
    return parse_date(value, field) if value else None


def parse_time(value: str, field: str) -> dt.time:
    if not CLOCK_TIME.fullmatch(value or ""):
        raise Invalid(field, "ожидается время в формате ЧЧ:ММ")
    return dt.time.fromisoformat(value)


def required_name(value: str, field: str, max_length: int = MAX_NAME) -> str:
    value = (value or "").strip()
    if not value:
        raise Invalid(field, "поле не заполнено")
    if len(value) > max_length:
        raise Invalid(field, f"не длиннее {max_length} символов")
    return value


def date_range(date_from: str, date_to: str) -> tuple[dt.date | None, dt.date | None]:
    start, end = parse_optional_date(date_from, "date_from"), parse_optional_date(date_to, "date_to")
    if start and end and start > end:
        raise Invalid("date_to", "конец периода раньше начала")
    return start, end
