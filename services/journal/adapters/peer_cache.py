"""Answers of schedule and identity kept by the journal for a few seconds, per school, so the hot paths (a lesson
save, a diary read) do not ask the same question on every request.

Bound on staleness: an answer is served at most `ttl` seconds after it was fetched
(OTMETKA_JOURNAL_PEER_CACHE_SECONDS, default 5; 0 turns the cache off). The events that change an answer
(`forget`: a lesson cancelled, moved or substituted, a year closed, a student enrolled, transferred, promoted,
graduated or gone, a movement order cancelled, a person's name corrected) drop it as soon as the
journal's consumer hands them to `forget`, usually well under a second after the change. A newly scheduled
lesson (LessonScheduled, tens of thousands when a school's timetable is entered: not worth an inbox row each)
is listed within `ttl` seconds. A fetch that was under way while an answer of its school was dropped is not
kept (a generation counter per school), so an invalidation is never undone by a slow peer call.

Memory: every `SWEEP_EVERY` answers kept, the expired answers of every school are forgotten, so the cache holds
about what the last `ttl` seconds fetched (a school beyond `MAX_ENTRIES_PER_SCHOOL` starts over).

Isolation: every entry lives under its school id, which is part of every lookup; one school never reads
another's entries, and a school's entries are dropped together. Errors (not found, forbidden) are never kept.
Callers must not modify the messages they get: they are shared.
"""
import os
import threading
import time
from collections.abc import Callable, Hashable
from typing import Any

from google.protobuf.message import Message

from proto.identity.v1 import identity_pb2
from proto.schedule.v1 import schedule_pb2

DEFAULT_TTL_SECONDS = 5.0
MAX_ENTRIES_PER_SCHOOL = 10_000  # a backstop: beyond it the school's entries are dropped at once
SWEEP_EVERY = 1_000  # answers kept between two sweeps of every school's expired answers


class PeerCache:
    def __init__(self, ttl: float, clock: Callable[[], float] = time.monotonic,
                 max_entries_per_school: int = MAX_ENTRIES_PER_SCHOOL, sweep_every: int = SWEEP_EVERY):
        self.ttl = ttl
        self.clock = clock
        self.max_entries = max_entries_per_school
        self.sweep_every = sweep_every
        self._schools: dict[str, dict[Hashable, tuple[float, Any]]] = {}
        self._generations: dict[str, int] = {}
        self._puts = 0
        self._lock = threading.Lock()

    def fetch(self, school_id: str, key: Hashable, load: Callable[[], Any]) -> Any:
        """The school's kept answer for key, else load() (kept unless the school's answers changed meanwhile)."""
        if self.ttl <= 0:
            return load()
        now = self.clock()
        with self._lock:
            hit = self._schools.get(school_id, {}).get(key)
            if hit is not None and hit[0] > now:
                return hit[1]
            generation = self._generations.get(school_id, 0)
        value = load()
        self.put(school_id, key, value, generation)
        return value

    def put(self, school_id: str, key: Hashable, value: Any, generation: int | None = None) -> None:
        """Keeps an answer; with a generation, only if nothing of the school was dropped since it was taken."""
        if self.ttl <= 0:
            return
        with self._lock:
            if generation is not None and generation != self._generations.get(school_id, 0):
                return
            now = self.clock()
            self._puts += 1
            if self._puts % self.sweep_every == 0:
                self._sweep(now)
            entries = self._schools.setdefault(school_id, {})
            if len(entries) >= self.max_entries:
                entries.clear()
            entries[key] = (now + self.ttl, value)

    def size(self) -> int:
        with self._lock:
            return sum(len(entries) for entries in self._schools.values())

    def _sweep(self, now: float) -> None:
        """Forgets expired answers of every school (memory stays at what the last `ttl` seconds fetched)."""
        for school_id, entries in list(self._schools.items()):
            for key in [k for k, (expires, _) in entries.items() if expires <= now]:
                del entries[key]
            if not entries:
                del self._schools[school_id]

    def generation(self, school_id: str) -> int:
        with self._lock:
            return self._generations.get(school_id, 0)

    def drop(self, school_id: str, matches: Callable[[Hashable], bool] | None = None) -> None:
        """Drops the school's answers whose key matches (all of them without `matches`)."""
        with self._lock:
            self._generations[school_id] = self._generations.get(school_id, 0) + 1
            entries = self._schools.get(school_id)
            if not entries:
                return
            if matches is None:
                entries.clear()
                return
            for key in [k for k in entries if matches(k)]:
                del entries[key]


# Keys (the school id is kept apart, see PeerCache): what each peer answer is about.
def lesson_key(lesson_id: str) -> tuple:
    return ("lesson", lesson_id)


def lessons_key(class_group_id: str, date_from: str, date_to: str, subject_id: str) -> tuple:
    return ("lessons", class_group_id, date_from, date_to, subject_id)


def class_key(class_group_id: str) -> tuple:
    return ("class", class_group_id)


def student_key(student_id: str) -> tuple:
    return ("student", student_id)


# identity's events that change a student's memberships (each carries them after the change) or card
MOVEMENTS = (identity_pb2.StudentEnrolled, identity_pb2.StudentTransferred, identity_pb2.StudentPromoted,
             identity_pb2.StudentGraduated, identity_pb2.StudentLeft)


def _classes_named(event: Message) -> set[str]:
    """The class groups a movement event names: the classes it moves between and every membership's."""
    memberships = event.person.memberships if isinstance(event, identity_pb2.PersonCorrected) else event.memberships
    return {m.class_group_id for m in memberships} | {
        getattr(event, name) for name in ("class_group_id", "from_class_group_id", "to_class_group_id")
        if name in event.DESCRIPTOR.fields_by_name} - {""}


def forget(cache: PeerCache, school_id: str, event: Message) -> None:
    """Drops what an event of schedule or identity makes stale (other events change nothing kept here)."""
    if isinstance(event, schedule_pb2.AcademicYearClosed):
        cache.drop(school_id)  # every lesson of the year now says year_closed
    elif isinstance(event, (schedule_pb2.LessonCancelled, schedule_pb2.LessonMoved, schedule_pb2.SubstitutionAssigned)):
        lesson = event.lesson
        cache.drop(school_id, lambda key: key == lesson_key(lesson.id)
                   or (key[0] == "lessons" and key[1] == lesson.class_group_id))
    elif isinstance(event, (*MOVEMENTS, identity_pb2.PersonCorrected)):
        student_id = event.person.id if isinstance(event, identity_pb2.PersonCorrected) else event.student_id
        classes = {class_key(class_group_id) for class_group_id in _classes_named(event)}
        cache.drop(school_id, lambda key: key == student_key(student_id) or key in classes)
    elif isinstance(event, identity_pb2.MovementOrderCancelled):
        cache.drop(school_id)  # rare: every class list and card of the school is asked again


def ttl_from_env() -> float:
    return float(os.environ.get("OTMETKA_JOURNAL_PEER_CACHE_SECONDS", DEFAULT_TTL_SECONDS))


SHARED = PeerCache(ttl_from_env())  # the journal process's cache: its clients fill it, its consumer drops from it
