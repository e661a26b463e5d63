"""Anomaly flags: bursts of changes, night changes in school time, marks changed by someone else than the
lesson's teacher; counts, windows, samples and the Russian descriptions."""
import datetime as dt
import zoneinfo

from services.journal.domain import anomaly as rules
from services.journal.domain.journal_policy import JournalPolicy

MSK = zoneinfo.ZoneInfo("Europe/Moscow")
START = dt.datetime(2026, 3, 10, 12, 0, tzinfo=MSK)


def change(minutes: float, actor: str = "a", entity: str = "mark", entity_id: str = "", teacher: str = "",
           person: str = "", lesson: str = "L") -> rules.Change:
    return rules.Change(START + dt.timedelta(minutes=minutes), actor, person, entity, entity_id or f"m{minutes}",
                        lesson, teacher, dt.date(2026, 3, 10))


def test_more_than_the_limit_within_the_window_is_one_bulk_flag():
    changes = [change(i * 0.5) for i in range(4)] + [change(100)]  # 4 changes in 1.5 minutes, then one later
    [flag] = rules.bulk(changes, limit=3, minutes=10, zone=MSK)
    assert (flag.kind, flag.count, flag.start, flag.end) == ("bulk_changes", 4, START, START + dt.timedelta(minutes=1.5))
    assert flag.samples == ("m0.0", "m0.5", "m1.0", "m1.5")
    assert flag.description.startswith("Массовые изменения: 4 изменения 10.03.2026 с 12:00 до 12:01")
    assert rules.bulk(changes, limit=4, minutes=10, zone=MSK) == [], "exactly the limit is not more than it"


def test_a_long_burst_merges_and_actors_are_counted_apart():
    steady = [change(i * 4) for i in range(10)]  # every 4 minutes for 36 minutes: 3 in any 10 minutes
    assert rules.bulk(steady, limit=2, minutes=10, zone=MSK)[0].count == 10
    assert rules.bulk(steady, limit=3, minutes=10, zone=MSK) == []
    mixed = [change(i, actor="a" if i % 2 else "b") for i in range(6)]  # 3 each
    assert rules.bulk(mixed, limit=3, minutes=10, zone=MSK) == []
    assert len(rules.bulk(mixed, limit=2, minutes=10, zone=MSK)) == 2
    assert len(rules.bulk([change(i) for i in range(20)], limit=3, minutes=10, zone=MSK)[0].samples) == 5


def test_night_is_school_time_and_spans_midnight():
    start, end = dt.time(23), dt.time(6)
    assert rules.night_of(dt.datetime(2026, 3, 10, 23, 0), start, end) == dt.date(2026, 3, 10)
    assert rules.night_of(dt.datetime(2026, 3, 11, 5, 59), start, end) == dt.date(2026, 3, 10)
    assert rules.night_of(dt.datetime(2026, 3, 11, 6, 0), start, end) is None
    assert rules.night_of(dt.datetime(2026, 3, 10, 22, 59), start, end) is None
    assert rules.night_of(dt.datetime(2026, 3, 10, 1, 0), dt.time(0), dt.time(5)) == dt.date(2026, 3, 10)
    # 20:30 UTC = 23:30 in Moscow: night there, not in UTC terms
    late = [change(11 * 60 + 30), change(12 * 60 + 10)]  # 23:30 and 00:10 Moscow
    [flag] = rules.night(late, start, end, MSK)
    assert (flag.kind, flag.count) == ("night_changes", 2)
    assert flag.description == ("Изменения ночью: 2 изменения в ночь на 11.03.2026, с 23:30 до 00:10 "
                                "(ночь в школе — с 23:00 до 06:00)")
    assert rules.night([change(0)], start, end, MSK) == []


def test_marks_changed_by_someone_who_is_not_the_lessons_teacher():
    changes = [change(0, person="p1", teacher="p1"), change(1, person="p2", teacher="p1"),
               change(2, person="p2", teacher="p1"), change(3, person="p2", teacher="p1", entity="topic"),
               change(4, person="", teacher="p1"), change(5, person="p2", teacher="")]
    [flag] = rules.not_own_lesson(changes)
    assert (flag.kind, flag.actor_person_id, flag.count, flag.samples) == ("not_own_lesson", "p2", 2, ("m1", "m2"))
    assert flag.description == ("Отметки изменены не учителем урока: 2 изменения на уроке от 10.03.2026, "
                                "который ведёт другой учитель")


def test_find_uses_the_school_policy():
    changes = [change(i) for i in range(5)]
    assert rules.find(changes, JournalPolicy()) == []
    flags = rules.find(changes, JournalPolicy(anomaly_bulk_changes=4, night_start="11:00", night_end="13:00"))
    assert sorted(f.kind for f in flags) == ["bulk_changes", "night_changes"]


def test_the_plural_of_changes():
    assert [rules.changes_word(n) for n in (1, 2, 5, 11, 12, 21, 22, 25, 101, 111)] == [
        "изменение", "изменения", "изменений", "изменений", "изменений", "изменение", "изменения", "изменений",
        "изменение", "изменений"]
