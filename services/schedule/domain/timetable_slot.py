"""What a valid weekly timetable slot is (weekday, lesson number, times, room) and a bell schedule's periods
(lesson number -> start and end, each after the one before). Plain Python, no I/O."""
import datetime as dt
from dataclasses import dataclass

from services.common.errors import Invalid
from services.schedule.domain.values import parse_time

WEEKDAYS = ("понедельник", "вторник", "среда", "четверг", "пятница", "суббота")
MAX_ROOM = 50


@dataclass(frozen=True)
class Slot:
    weekday: int
    lesson_number: int
    starts_at: dt.time
    ends_at: dt.time
    room: str


def slot(weekday: int, lesson_number: int, starts_at: str, ends_at: str, room: str) -> Slot:
    if not 1 <= weekday <= 6:
        raise Invalid("weekday", "день недели от 1 (понедельник) до 6 (суббота)")
    if not 1 <= lesson_number <= 10:
        raise Invalid("lesson_number", "номер урока от 1 до 10")
    start, end = parse_time(starts_at, "starts_at"), parse_time(ends_at, "ends_at")
    if start >= end:
        raise Invalid("ends_at", "урок должен заканчиваться позже, чем начинается")
    room = (room or "").strip()
    if len(room) > MAX_ROOM:
        raise Invalid("room", f"не длиннее {MAX_ROOM} символов")
    return Slot(weekday, lesson_number, start, end, room)


def slot_label(weekday: int, lesson_number: int) -> str:
    return f"{WEEKDAYS[weekday - 1]}, {lesson_number}-й урок"


def bell_periods(values) -> list[dict]:
    """Checked bell periods: lesson numbers 1..10 once each, start < end, each after the one before (fields name
    the period as it was sent)."""
    result, previous = [], None
    for i, p in sorted(enumerate(values), key=lambda item: item[1].lesson_number):
        field = f"periods[{i}]"
        if not 1 <= p.lesson_number <= 10:
            raise Invalid(f"{field}.lesson_number", "номер урока от 1 до 10")
        start, end = parse_time(p.starts_at, f"{field}.starts_at"), parse_time(p.ends_at, f"{field}.ends_at")
        if start >= end:
            raise Invalid(f"{field}.ends_at", "урок должен заканчиваться позже, чем начинается")
        if previous and p.lesson_number == previous["lesson_number"]:
            raise Invalid(f"{field}.lesson_number", f"{p.lesson_number}-й урок указан дважды")
        if previous and start < previous["ends_at"]:
            raise Invalid(f"{field}.starts_at", f"{p.lesson_number}-й урок начинается раньше конца предыдущего")
        previous = dict(lesson_number=p.lesson_number, starts_at=start, ends_at=end)
        result.append(previous)
    if not result:
        raise Invalid("periods", "укажите время хотя бы одного урока")
    return result
