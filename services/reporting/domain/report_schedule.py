"""The school's report schedule and the request key of a background report: the regulation (seed 001 §2.12) has the
summary sheets of every class formed on the 15th of each month; a school may move the day (1..28) or turn it off (0).
A schedule's day counts from that day to the month's end, so a service that was down on the day forms them after.
The school-wide period reports (seed 000 §5.1: reports after each period) are formed once a period has ended, unless
the school turns that off. The weekly user-activity report of the week before (seed 003 §8) is formed from the school's
chosen weekday on (Monday unless the school moves it; 0 = not formed)."""
import datetime as dt
import json
from dataclasses import dataclass

from services.common.errors import Invalid

SUMMARY_SHEETS_DAY = 15  # seed 001 §2.12: «15 числа каждого месяца»
LAST_DAY = 28  # a day every month has
PERIOD_REPORTS = True  # seed 000 §5.1: the period's reports within 2 working days of its end
ACTIVITY_WEEKDAY = 1  # seed 003 §8: the week's user activity, formed on Mondays (ISO weekday 1..7)


@dataclass(frozen=True)
class Schedule:
    summary_sheets_day: int = SUMMARY_SHEETS_DAY  # 0 = not on schedule
    period_reports: bool = PERIOD_REPORTS  # each ended period's school-wide reports formed once
    activity_weekday: int = ACTIVITY_WEEKDAY  # 0 = the weekly user-activity report is not on schedule


def checked_day(day: int) -> int:
    if not 0 <= day <= LAST_DAY:
        raise Invalid("summary_sheets_day", f"день месяца от 1 до {LAST_DAY} или 0 — не формировать")
    return day


def checked_weekday(weekday: int) -> int:
    if not 0 <= weekday <= 7:
        raise Invalid("activity_weekday", "день недели от 1 (понедельник) до 7 (воскресенье) или 0 — не формировать")
    return weekday


def weekly_due(weekday: int, today: dt.date) -> bool:
    """Whether the weekly report of the week before is due on `today`: its weekday has come this week."""
    return weekday != 0 and today.isoweekday() >= weekday


def due_date(day: int, today: dt.date) -> dt.date | None:
    """The scheduled date of this month the job is due for on `today`: None when the schedule is off or its day has
    not come yet this month."""
    if day == 0 or today.day < day:
        return None
    return today.replace(day=day)


def params_key(kind: str, params: dict[str, str]) -> str:
    """The same request: the same kind with the same (checked, canonical) params."""
    return f"{kind}:{json.dumps(params, sort_keys=True, ensure_ascii=False)}"
