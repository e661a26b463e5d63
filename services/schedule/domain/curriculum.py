"""Rules of the curriculum (S2) and of planned hours: decimal hours, the due date of a complete curriculum,
the weeks of study in a year's terms and the Russian warnings about them. Plain Python, no framework."""
import datetime as dt
from collections.abc import Iterable
from decimal import Decimal, InvalidOperation

from services.common import curriculum_hours
from services.common.curriculum_hours import hours_text
from services.common.errors import Invalid
from services.schedule.domain import calendar
from services.schedule.domain.schedule_policy import month_day

MIN_WEEKLY, MAX_WEEKLY = Decimal("0.5"), Decimal("10")


def parse_hours(value: str, minimum: Decimal, maximum: Decimal) -> Decimal | str:
    """Hours as a decimal ("1.5" or "1,5", at most 2 decimals) within [minimum, maximum], or the Russian reason."""
    try:
        hours = Decimal(str(value).strip().replace(",", "."))
    except InvalidOperation:
        return "ожидается число часов, например 1 или 1,5"
    if not hours.is_finite():
        return "ожидается число часов, например 1 или 1,5"
    if hours.as_tuple().exponent < -2 and hours != hours.quantize(Decimal("0.01")):
        return "не больше двух знаков после запятой"
    if not minimum <= hours <= maximum:
        return f"от {hours_text(minimum)} до {hours_text(maximum)} ч."
    return hours.quantize(Decimal("0.01"))


def weekly_hours(value: str) -> Decimal:
    """Hours per week of a curriculum row, 0.5..10."""
    hours = parse_hours(value, MIN_WEEKLY, MAX_WEEKLY)
    if isinstance(hours, str):
        raise Invalid("hours_per_week", hours)
    return hours


def due_date(year_start: dt.date, due: str, default: str = "09-15") -> dt.date:
    """The due date (policy "MM-DD") in the calendar year the academic year starts in."""
    month, day = month_day(due) or month_day(default)
    return dt.date(year_start.year, month, day)


def study_weeks(year: calendar.Calendar) -> int:
    """Monday-to-Sunday weeks with at least one date that works (has lessons) in the year's terms."""
    return curriculum_hours.study_weeks(day for term in year.terms for day in calendar.days(term.start, term.end)
                                        if year.works_as(day) is not None)


def overdue_warning(today: dt.date, due: dt.date, incomplete: Iterable[str], what: str = "Учебный план не заполнен",
                    lacking: str = "нет часов") -> list[str]:
    """One warning when the due date has passed and some class groups still lack something (the curriculum's
    hours by default; the first timetable's lessons for S4)."""
    names = list(incomplete)
    if today <= due or not names:
        return []
    return [f"{what} после {calendar.day_label(due)}: {lacking} у классов {', '.join(names)}"]


def progress_warnings(subject: str, class_group: str, plan_hours: Decimal, curriculum_hours: Decimal,
                      lessons_total: int) -> list[str]:
    """Where the thematic plan, the curriculum and the timetable of a subject disagree (only what is set)."""
    where = f"«{subject}», {class_group}"
    warnings = []
    if plan_hours and curriculum_hours and plan_hours != curriculum_hours:
        warnings.append(f"{where}: в тематическом плане {hours_text(plan_hours)} ч., "
                        f"по учебному плану {hours_text(curriculum_hours)} ч.")
    if plan_hours and plan_hours != lessons_total:
        warnings.append(f"{where}: в тематическом плане {hours_text(plan_hours)} ч., "
                        f"в расписании уроков на год {lessons_total}")
    return warnings


def topics_covered(topic_hours: list[Decimal], delivered: int) -> int:
    """How many plan topics, taken in order, the delivered lessons (one hour each) cover in full."""
    covered, used = 0, Decimal(0)
    for hours in topic_hours:
        used += hours
        if used > delivered:
            break
        covered += 1
    return covered


def delivery_warning(subject: str, class_group: str, lessons_to_date: int, delivered: int) -> list[str]:
    """Lessons that should have taken place by today but have nothing in the journal."""
    missing = lessons_to_date - delivered
    if missing <= 0:
        return []
    return [f"«{subject}», {class_group}: по расписанию прошло уроков {lessons_to_date}, "
            f"в журнале записаны {delivered} (без записей {missing})"]
