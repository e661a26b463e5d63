"""Anomaly flags over ledger rows (for the school administrator): bulk changes by one person, changes at night
(school time) and marks changed by someone who is not the lesson's teacher. Plain Python, no I/O."""
import datetime as dt
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass

from services.journal.domain.journal_policy import JournalPolicy

SAMPLES = 5


@dataclass(frozen=True)
class Change:
    """One ledger row, with the teacher and date of its lesson (from lesson_records) when it has one."""

    occurred_at: dt.datetime  # aware
    actor_subject: str
    actor_person_id: str
    entity: str
    entity_id: str
    lesson_id: str
    teacher_id: str = ""
    lesson_date: dt.date | None = None
    substitute_id: str = ""  # the lesson's substitute teacher, who records it too (S5)

    @property
    def sample(self) -> str:
        return self.entity_id or self.lesson_id


@dataclass(frozen=True)
class Flag:
    kind: str  # bulk_changes | night_changes | not_own_lesson
    actor_subject: str
    actor_person_id: str
    start: dt.datetime
    end: dt.datetime
    count: int
    samples: tuple[str, ...]
    description: str


def changes_word(count: int) -> str:
    """«изменение», «изменения» or «изменений» after the number."""
    if count % 10 == 1 and count % 100 != 11:
        return "изменение"
    if 2 <= count % 10 <= 4 and not 12 <= count % 100 <= 14:
        return "изменения"
    return "изменений"


def _flag(kind: str, group: list[Change], description: str) -> Flag:
    samples = tuple(dict.fromkeys(c.sample for c in group if c.sample))[:SAMPLES]
    first = group[0]
    return Flag(kind, first.actor_subject, first.actor_person_id, first.occurred_at, group[-1].occurred_at,
                len(group), samples, description)


def _by_actor(changes: Iterable[Change]) -> dict[str, list[Change]]:
    actors: dict[str, list[Change]] = defaultdict(list)
    for change in sorted(changes, key=lambda c: c.occurred_at):
        actors[change.actor_subject].append(change)
    return actors


def bulk(changes: Iterable[Change], limit: int, minutes: int, zone: dt.tzinfo) -> list[Flag]:
    """Bursts of more than `limit` changes by one person within `minutes`; overlapping windows merge into one."""
    window = dt.timedelta(minutes=minutes)
    flags = []
    for items in _by_actor(changes).values():
        i = 0
        while i < len(items):
            j = i
            while j < len(items) and items[j].occurred_at - items[i].occurred_at <= window:
                j += 1
            if j - i <= limit:
                i += 1
                continue
            while j < len(items) and items[j].occurred_at - items[j - limit].occurred_at <= window:
                j += 1
            start, end = items[i].occurred_at.astimezone(zone), items[j - 1].occurred_at.astimezone(zone)
            flags.append(_flag("bulk_changes", items[i:j], (
                f"Массовые изменения: {j - i} {changes_word(j - i)} {start:%d.%m.%Y} с {start:%H:%M} до {end:%H:%M} "
                f"(порог школы — больше {limit} за {minutes} мин.)")))
            i = j
    return flags


def night_of(local: dt.datetime, start: dt.time, end: dt.time) -> dt.date | None:
    """The date the night began if the local time is in the night (start ≤ t < end, across midnight), else None."""
    t = local.time()
    if start <= end:
        return local.date() if start <= t < end else None
    if t >= start:
        return local.date()
    return local.date() - dt.timedelta(days=1) if t < end else None


def night(changes: Iterable[Change], start: dt.time, end: dt.time, zone: dt.tzinfo) -> list[Flag]:
    """One flag per person and night with the changes made between `start` and `end` school time."""
    nights: dict[tuple[str, dt.date], list[Change]] = defaultdict(list)
    for actor, items in _by_actor(changes).items():
        for change in items:
            date = night_of(change.occurred_at.astimezone(zone), start, end)
            if date is not None:
                nights[actor, date].append(change)
    flags = []
    for (_, date), group in nights.items():
        first, last = group[0].occurred_at.astimezone(zone), group[-1].occurred_at.astimezone(zone)
        flags.append(_flag("night_changes", group, (
            f"Изменения ночью: {len(group)} {changes_word(len(group))} в ночь на {date + dt.timedelta(days=1):%d.%m.%Y}"
            f", с {first:%H:%M} до {last:%H:%M} (ночь в школе — с {start:%H:%M} до {end:%H:%M})")))
    return flags


def not_own_lesson(changes: Iterable[Change]) -> list[Flag]:
    """One flag per person and lesson whose marks they changed while the lesson is another teacher's."""
    lessons: dict[tuple[str, str], list[Change]] = defaultdict(list)
    for actor, items in _by_actor(changes).items():
        for change in items:
            if (change.entity == "mark" and change.teacher_id and change.actor_person_id
                    and change.actor_person_id not in (change.teacher_id, change.substitute_id)):
                lessons[actor, change.lesson_id].append(change)
    flags = []
    for group in lessons.values():
        date = group[0].lesson_date
        when = f" от {date:%d.%m.%Y}" if date else ""
        flags.append(_flag("not_own_lesson", group, (
            f"Отметки изменены не учителем урока: {len(group)} {changes_word(len(group))} на уроке{when}, "
            "который ведёт другой учитель")))
    return flags


def find(changes: list[Change], settings: JournalPolicy) -> list[Flag]:
    """Every flag of the school's changes under its policy, earliest first."""
    zone = settings.zone
    flags = (bulk(changes, settings.anomaly_bulk_changes, settings.anomaly_bulk_minutes, zone)
             + night(changes, *settings.night, zone) + not_own_lesson(changes))
    return sorted(flags, key=lambda f: (f.start, f.kind, f.actor_subject))
