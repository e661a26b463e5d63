"""The curriculum's hours (R4): decimal hours as text and the weeks of study of a school year, whose product with
the weekly hours is the curriculum's hours for the year; one rule for schedule's plan progress and reporting's
curriculum fulfilment. Plain Python, no I/O."""
import datetime as dt
from collections.abc import Iterable
from decimal import Decimal


def hours_text(hours: Decimal) -> str:
    """"1.5", "2", "34": the decimal without trailing zeros."""
    text = format(Decimal(hours), "f")
    return text.rstrip("0").rstrip(".") if "." in text else text


def study_weeks(working_days: Iterable[dt.date]) -> int:
    """Monday-to-Sunday weeks with at least one working day (a day with lessons) of the year."""
    return len({day - dt.timedelta(days=day.weekday()) for day in working_days})
