"""Parsing of ISO dates from requests, with the field named in the Russian error."""
import datetime as dt
import re
import zoneinfo

from services.common.errors import Invalid

ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")


def parse_date(value: str, field: str) -> dt.date:
    if not ISO_DATE.fullmatch(value or ""):
        raise Invalid(field, "ожидается дата в формате ГГГГ-ММ-ДД")
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise Invalid(field, "такой даты нет в календаре") from None


SCHOOL_ZONE = zoneinfo.ZoneInfo("Europe/Moscow")


def school_today() -> dt.date:
    """Today's date in the schools' time zone (Moscow)."""
    return dt.datetime.now(SCHOOL_ZONE).date()
