"""The per-school journal policy: every number the regulations disagree on, with its default (the one place
defaults live), its allowed range and its Russian name. Plain Python, no I/O."""
import datetime as dt
import zoneinfo
from collections.abc import Callable, Mapping
from dataclasses import dataclass, fields, replace

from services.common.errors import Invalid
from services.journal.domain import mark_scale
from services.journal.domain.work_type import CODE as WORK_TYPE_CODE


@dataclass(frozen=True)
class JournalPolicy:
    """A school's settings; the defaults are those of requirements.md (J6, J8) and docs/journal.md."""

    edit_lock_days: int = 7       # J6 [004 §7.6] gives no number: 7 = the latest written-work deadline [004 §7.4]
    unlock_hours: int = 24        # an approved unlock opens the lesson for one day
    min_marks_1h: int = 3         # J8 [002 §4.5.2]
    min_marks_2h: int = 5         # J8 [002 §4.5.2]
    school_timezone: str = "Europe/Moscow"
    anomaly_bulk_changes: int = 30  # more changes than this by one person ...
    anomaly_bulk_minutes: int = 10  # ... within this many minutes are flagged for the school administrator
    night_start: str = "23:00"      # changes between night_start and night_end (school time) are flagged
    night_end: str = "06:00"
    attendance_correction_days: int = 2  # J4 [004 §7.3]: working days after a document to correct absence reasons
    homework_deadline_minutes: int = 90  # J3: homework within 1.5 h after the lesson [001 §2.7]
    written_work_days: int = 3           # J3: written work marks within 3 working days [001 §2.5] ([004 §7.4]: 7 days)
    written_work_types: str = "test,independent"  # which work types are written work (codes, comma-separated)
    mark_scale: str = mark_scale.FIVE_POINT  # J2: five_point, ten_point or pass_fail (mark_scale.py)
    outage_days: int = 2  # J12 [004 §13]: an entry kept offline is judged by its entry time when sent within these days
    double_lessons: str = "separately"  # two periods of a subject in a row: "together" (entered once) or "separately"

    @property
    def written(self) -> frozenset[str]:
        return frozenset(code for code in self.written_work_types.split(",") if code)

    @property
    def zone(self) -> zoneinfo.ZoneInfo:
        return zoneinfo.ZoneInfo(self.school_timezone)

    @property
    def night(self) -> tuple[dt.time, dt.time]:
        return dt.time.fromisoformat(self.night_start), dt.time.fromisoformat(self.night_end)

    def min_marks(self, hours_per_week: int) -> int:
        """Current marks needed before a numeric term mark at this many lessons a week."""
        return self.min_marks_1h if hours_per_week <= 1 else self.min_marks_2h


DEFAULT = JournalPolicy()
KEYS = tuple(f.name for f in fields(JournalPolicy))


def _integer(low: int, high: int, meaning: str) -> Callable[[object, str], object]:
    def check(value, key: str):
        if isinstance(value, bool) or not isinstance(value, int) or not low <= value <= high:
            raise Invalid(key, f"{meaning}: целое число от {low} до {high}")
        return value
    return check


def _zone(value, key: str):
    try:
        if not isinstance(value, str) or "/" not in value:
            raise ValueError
        zoneinfo.ZoneInfo(value)
    except (ValueError, zoneinfo.ZoneInfoNotFoundError):
        raise Invalid(key, "часовой пояс школы по базе IANA, например Europe/Moscow") from None
    return value


def _clock(value, key: str):
    try:
        if not isinstance(value, str) or len(value) != 5:
            raise ValueError
        dt.time.fromisoformat(value)
    except ValueError:
        raise Invalid(key, "время в формате ЧЧ:ММ, например 23:00") from None
    return value


DOUBLE_LESSONS = {"separately": "каждый урок отдельно", "together": "оба урока сразу"}


def _one_of(value, key: str, choices: Mapping[str, str]):
    if value not in choices:
        raise Invalid(key, " или ".join(f"{code} ({name})" for code, name in choices.items()))
    return value


def _codes(value, key: str):
    codes = value.split(",") if isinstance(value, str) else None
    if codes is None or len(value) > 500 or not all(WORK_TYPE_CODE.fullmatch(code) for code in codes if code):
        raise Invalid(key, "коды видов работ через запятую, например test,independent")
    return ",".join(code for code in codes if code)


CHECKS: dict[str, Callable[[object, str], object]] = {
    "edit_lock_days": _integer(0, 365, "через сколько дней урок закрывается для учителя (0 — не закрывается)"),
    "unlock_hours": _integer(1, 168, "на сколько часов открывается урок по запросу"),
    "min_marks_1h": _integer(0, 30, "минимум текущих отметок при 1 часе в неделю"),
    "min_marks_2h": _integer(0, 30, "минимум текущих отметок при 2 и более часах в неделю"),
    "school_timezone": _zone,
    "anomaly_bulk_changes": _integer(1, 10000, "сколько изменений одного человека подряд считать массовыми"),
    "anomaly_bulk_minutes": _integer(1, 1440, "за сколько минут считать массовые изменения"),
    "night_start": _clock,
    "night_end": _clock,
    "attendance_correction_days": _integer(0, 30, "за сколько рабочих дней после документа классный руководитель "
                                                  "исправляет причину пропуска"),
    "homework_deadline_minutes": _integer(0, 1440, "через сколько минут после урока нужно задать домашнее задание"),
    "written_work_days": _integer(0, 30, "за сколько рабочих дней выставляют отметки за письменные работы"),
    "written_work_types": _codes,
    "mark_scale": mark_scale.scale,
    "outage_days": _integer(0, 10, "в течение скольких дней после сбоя связи запись урока считается сделанной в момент "
                                   "ввода"),
    "double_lessons": lambda value, key: _one_of(value, key, DOUBLE_LESSONS),
}


def changed(policy: JournalPolicy, updates: Mapping[str, object]) -> JournalPolicy:
    """The policy with the updates applied, each checked against its range."""
    checked = {key: CHECKS[key](value, key) for key, value in updates.items()}
    return replace(policy, **checked)


def from_stored(rows: Mapping[str, str]) -> JournalPolicy:
    """The policy from the journal_policy table's key/value text rows; keys not stored keep their defaults."""
    values: dict[str, object] = {}
    for key in KEYS:
        if key in rows:
            values[key] = rows[key] if isinstance(getattr(DEFAULT, key), str) else int(rows[key])
    return replace(DEFAULT, **values)


def to_stored(policy: JournalPolicy) -> dict[str, str]:
    return {key: str(getattr(policy, key)) for key in KEYS}
