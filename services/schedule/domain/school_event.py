"""School events (S4, seed 004 §6.1 «школьные и классные мероприятия»): what an event is — its kind, title, date
with an optional time range, place, description and audience (the whole school, some grades or some class groups;
families, staff or everyone) — the checks of a new or changed one, what changed, and whom an event is shown to.
Plain Python, no I/O. The audience and whom it includes: services/common/event_audience.py (reporting prints a
class's events by the same rule)."""
import datetime as dt
from collections.abc import Collection, Mapping
from dataclasses import dataclass, field, fields

from services.common.dates import parse_date
from services.common.db import parse_uuid
from services.common.errors import Invalid
from services.common.event_audience import (
    CLASS_GROUPS,
    EVERYONE,
    GRADES,
    PEOPLE,
    SCHOOL,
    SCOPES,
    Audience,
)
from services.schedule.domain.values import CLOCK_TIME

# kind code -> Russian name, in the order the form offers them
KINDS: dict[str, str] = {
    "parent_meeting": "Родительское собрание",
    "concert": "Концерт",
    "celebration": "Праздник",
    "exam": "Экзамен",
    "olympiad": "Олимпиада",
    "sports_day": "Спортивное мероприятие",
    "excursion": "Экскурсия",
    "class_hour": "Классный час",
    "staff_meeting": "Педагогический совет, совещание",
    "other": "Другое",
}
MAX_TITLE, MAX_PLACE, MAX_DESCRIPTION, MAX_REASON = 200, 200, 2000, 500
MAX_CLASS_GROUPS = 100
MAX_LIST_DAYS = 400  # a list covers at most a school year and a bit


@dataclass(frozen=True)
class SchoolEventValues:
    """A new or changed event as checked: every value of SchoolEventInput."""

    title: str
    kind: str
    date: dt.date
    starts_at: dt.time | None
    ends_at: dt.time | None
    place: str
    description: str
    audience: Audience = field(default_factory=Audience)


VALUE_FIELDS = tuple(f.name for f in fields(SchoolEventValues))


def _time(value: str, name: str, problems: dict[str, str]) -> dt.time | None:
    value = (value or "").strip()
    if not value:
        return None
    if not CLOCK_TIME.fullmatch(value):
        problems[name] = "ожидается время в формате ЧЧ:ММ"
        return None
    return dt.time.fromisoformat(value)


def _text(value: str, name: str, limit: int, problems: dict[str, str], required: bool = False) -> str:
    value = (value or "").strip()
    if required and not value:
        problems[name] = "поле не заполнено"
    elif len(value) > limit:
        problems[name] = f"не длиннее {limit} символов"
    return value


def _audience(scope: str, grades: Collection[int], class_group_ids: Collection[str], people: str,
              problems: dict[str, str]) -> Audience:
    scope, people = scope or SCHOOL, people or EVERYONE
    if scope not in SCOPES:
        problems["audience.scope"] = "ожидается school, grades или class_groups"
        return Audience()
    if people not in PEOPLE:
        problems["audience.people"] = "ожидается everyone, families или staff"
    if scope == GRADES:
        if not grades:
            problems["audience.grades"] = "укажите хотя бы одну параллель"
        elif any(not 1 <= g <= 11 for g in grades):
            problems["audience.grades"] = "параллели от 1 до 11"
        return Audience(GRADES, tuple(sorted(set(grades))), (), people)
    if scope == CLASS_GROUPS:
        ids: list[str] = []
        if not class_group_ids:
            problems["audience.class_group_ids"] = "укажите хотя бы один класс"
        elif len(class_group_ids) > MAX_CLASS_GROUPS:
            problems["audience.class_group_ids"] = f"не больше {MAX_CLASS_GROUPS} классов"
        else:
            try:
                ids = [parse_uuid(i, "audience.class_group_ids") for i in class_group_ids]
            except Invalid as error:
                problems.update(error.fields)
        return Audience(CLASS_GROUPS, (), tuple(dict.fromkeys(ids)), people)
    return Audience(SCHOOL, (), (), people)


def school_event_values(title: str, kind: str, date: str, starts_at: str, ends_at: str, place: str,
                        description: str, scope: str = "", grades: Collection[int] = (),
                        class_group_ids: Collection[str] = (), people: str = "") -> SchoolEventValues:
    """The event's values checked all at once: Invalid naming every wrong field (audience.* for the audience)."""
    problems: dict[str, str] = {}
    title = _text(title, "title", MAX_TITLE, problems, required=True)
    if kind not in KINDS:
        problems["kind"] = "выберите вид мероприятия из списка"
    day = None
    try:
        day = parse_date(date, "date")
    except Invalid as error:
        problems.update(error.fields)
    start, end = _time(starts_at, "starts_at", problems), _time(ends_at, "ends_at", problems)
    if end is not None and start is None and "starts_at" not in problems:
        problems["starts_at"] = "укажите время начала, если указано время окончания"
    elif start is not None and end is not None and end <= start:
        problems["ends_at"] = "окончание позже начала"
    place = _text(place, "place", MAX_PLACE, problems)
    description = _text(description, "description", MAX_DESCRIPTION, problems)
    audience = _audience(scope, grades, class_group_ids, people, problems)
    if problems:
        raise Invalid(message="Проверьте поля мероприятия", fields=problems)
    return SchoolEventValues(title, kind, day, start, end, place, description, audience)


def cancel_reason(reason: str) -> str:
    reason = (reason or "").strip()
    if not reason:
        raise Invalid("reason", "укажите причину отмены")
    if len(reason) > MAX_REASON:
        raise Invalid("reason", f"не длиннее {MAX_REASON} символов")
    return reason


def changed_fields(before: SchoolEventValues, after: SchoolEventValues) -> list[str]:
    """The names of the values that differ, in the order of SchoolEventValues."""
    return [name for name in VALUE_FIELDS if getattr(before, name) != getattr(after, name)]


def list_period(date_from: dt.date, date_to: dt.date) -> None:
    """A list's dates: from ≤ to, at most MAX_LIST_DAYS apart."""
    if date_to < date_from:
        raise Invalid("date_to", "конец периода раньше начала")
    if (date_to - date_from).days > MAX_LIST_DAYS:
        raise Invalid("date_to", f"не больше {MAX_LIST_DAYS} дней")


def shown(audience: Audience, *, families_only: bool, class_group: tuple[str, int] | None = None,
          staff_classes: Mapping[str, int] | None = None) -> bool:
    """Whether an event with this audience is shown: to families only the events for families; with a class group
    (its id and grade) only those whose audience includes it; with `staff_classes` (a teacher's class groups by id
    with their grades: a teacher's calendar) only the events for staff of the whole school or of one of them."""
    if families_only and not audience.for_families:
        return False
    if class_group is not None and not audience.includes(*class_group):
        return False
    if staff_classes is not None:
        return audience.for_staff and (audience.scope == SCHOOL or any(
            audience.includes(cid, grade) for cid, grade in staff_classes.items()))
    return True
