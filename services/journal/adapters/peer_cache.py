"""The journal's copy of schedule's and identity's answers, per school, so the hot paths (a lesson save, a diary
read) do not ask a peer on every request: lessons, a class's lessons of a range, subgroups, class lists and students'
cards. Filled by asking on a miss (a replica that starts empty serves correctly from its first request), kept current
by the peers' events, which every replica reads itself (services.common.event_tail: no consumer group, from the end).

Bound on staleness: an answer is served while `now − max(fetched, current_until()) < ttl`
(OTMETKA_JOURNAL_PEER_CACHE_SECONDS, default 5; 0 keeps nothing), where `current_until()` is the time before which
every event schedule and identity committed has been applied here (their relays' heartbeats). While the events flow,
an answer is kept until an event drops it: `forget` drops it as soon as the replica reads the event (a lesson
cancelled, moved, substituted or newly scheduled in its class; a year closed; a student enrolled, moved, corrected or
registered; …; any other event of those services that is not known to change nothing kept here drops the school's
answers). When the relays, Kafka or the reading stop, `current_until()` stops moving and every answer is asked again
`ttl` seconds after the later of its fetch and that time: never staler than `ttl` behind what the peers committed.
A fetch that was under way while its school's answers were dropped is not kept (a generation per school, and one for
all schools: `reset`, when the reading starts or misses an event).

Memory: at most `max_entries` answers, the least recently read going first; an answer not read for `idle` seconds goes
when the next answer is kept. Both are checked at the least recently read end only (answers are kept in the order they
were last read), so keeping an answer costs the same with 10 answers kept or 200,000. An answer past its bound is
never served: the next read of its key asks again and replaces it.

Isolation: every entry lives under its school id, which is part of every lookup; one school never reads
another's entries, and a school's entries are dropped together. Errors (not found, forbidden) are never kept.
Callers must not modify the messages they get: they are shared.
"""
import os
import threading
import time
from collections import OrderedDict
from collections.abc import Callable, Hashable, Iterable
from typing import Any

from google.protobuf.message import Message

from proto.events.v1.envelope_pb2 import Envelope
from proto.identity.v1 import identity_pb2
from proto.schedule.v1 import schedule_pb2
from services.common import metrics
from services.common.dates import school_today

DEFAULT_TTL_SECONDS = 5.0
MAX_ENTRIES = 200_000  # answers kept per process (≈ 0.5–1 KB each)
IDLE_SECONDS = 1800.0  # an answer nobody read for this long goes when the next answer is kept


class _Entry:
    __slots__ = ("fetched", "value", "used")

    def __init__(self, fetched: float, value: Any, used: float):
        self.fetched, self.value, self.used = fetched, value, used


class PeerCache:
    def __init__(self, ttl: float, clock: Callable[[], float] = time.time,
                 current_until: Callable[[], float] = lambda: 0.0, max_entries: int = MAX_ENTRIES,
                 idle: float = IDLE_SECONDS):
        self.ttl = ttl
        self.clock = clock
        self.current_until = current_until  # set by the event tail that keeps this copy current
        self.max_entries = max_entries
        self.idle = idle
        self._schools: dict[str, dict[Hashable, _Entry]] = {}
        self._recent: OrderedDict[tuple[str, Hashable], _Entry] = OrderedDict()  # least recently read first
        self._by_class: dict[str, dict[str, set[Hashable]]] = {}  # school -> class group -> its lists' keys
        self._generations: dict[str, int] = {}
        self._epoch = 0  # moved by reset(): every school's answers dropped
        self._lock = threading.Lock()

    def _fresh(self, entry: _Entry, now: float) -> bool:
        return now - max(entry.fetched, self.current_until()) < self.ttl

    def fetch(self, school_id: str, key: Hashable, load: Callable[[], Any]) -> Any:
        """The school's kept answer for key, else load() (kept unless the school's answers changed meanwhile)."""
        if self.ttl <= 0:
            return load()
        now = self.clock()
        with self._lock:
            hit = self._schools.get(school_id, {}).get(key)
            if hit is not None and self._fresh(hit, now):
                hit.used = now
                self._recent.move_to_end((school_id, key))
                metrics.copy_looked_up(key[0], True)
                return hit.value
            generation = self._generation(school_id)
        metrics.copy_looked_up(key[0], False)
        value = load()
        self.put(school_id, key, value, generation, fetched=now)
        return value

    def put(self, school_id: str, key: Hashable, value: Any, generation: tuple | None = None,
            fetched: float | None = None) -> None:
        """Keeps an answer asked at `fetched` (now by default); with a generation, only if nothing of the school was
        dropped since it was taken."""
        if self.ttl <= 0:
            return
        with self._lock:
            if generation is not None and generation != self._generation(school_id):
                return
            now = self.clock()
            entry = _Entry(now if fetched is None else fetched, value, used=now)
            self._schools.setdefault(school_id, {})[key] = entry
            self._recent[(school_id, key)] = entry
            self._recent.move_to_end((school_id, key))
            if key[0] in LISTS:
                self._by_class.setdefault(school_id, {}).setdefault(key[1], set()).add(key)
            self._evict(now)

    def size(self) -> int:
        with self._lock:
            return len(self._recent)

    def _evict(self, now: float) -> None:
        """Forgets the least recently read answers beyond `max_entries` and those not read for `idle` seconds."""
        while self._recent:
            (school_id, key), oldest = next(iter(self._recent.items()))
            if len(self._recent) <= self.max_entries and now - oldest.used < self.idle:
                return
            self._remove(school_id, key)

    def _remove(self, school_id: str, key: Hashable) -> None:
        entries = self._schools.get(school_id, {})
        entries.pop(key, None)
        self._recent.pop((school_id, key), None)
        if key[0] in LISTS:
            keys = self._by_class.get(school_id, {}).get(key[1])
            if keys is not None:
                keys.discard(key)
                if not keys:
                    del self._by_class[school_id][key[1]]
        if not entries:
            self._schools.pop(school_id, None)
            self._by_class.pop(school_id, None)

    def _generation(self, school_id: str) -> tuple:
        return self._epoch, self._generations.get(school_id, 0)

    def generation(self, school_id: str) -> tuple:
        with self._lock:
            return self._generation(school_id)

    def drop(self, school_id: str, keys: Iterable[Hashable] = (), classes: Iterable[str] = ()) -> None:
        """Drops the school's answers under `keys` and every list of the class groups `classes`."""
        with self._lock:
            self._generations[school_id] = self._generations.get(school_id, 0) + 1
            lists = self._by_class.get(school_id, {})
            for key in [*keys, *(k for c in classes for k in list(lists.get(c, ())))]:
                self._remove(school_id, key)

    def drop_school(self, school_id: str) -> None:
        with self._lock:
            self._generations[school_id] = self._generations.get(school_id, 0) + 1
            for key in self._schools.pop(school_id, {}):
                self._recent.pop((school_id, key), None)
            self._by_class.pop(school_id, None)

    def reset(self) -> None:
        """Drops every school's answers (the reading of events started, or missed one)."""
        with self._lock:
            self._epoch += 1
            self._schools.clear()
            self._recent.clear()
            self._by_class.clear()


# Keys (the school id is kept apart, see PeerCache): what each peer answer is about. A list's class group is key[1].
LISTS = ("lessons", "class")


def lesson_key(lesson_id: str) -> tuple:
    return ("lesson", lesson_id)


def lessons_key(class_group_id: str, date_from: str, date_to: str, subject_id: str) -> tuple:
    return ("lessons", class_group_id, date_from, date_to, subject_id)


def class_key(class_group_id: str) -> tuple:
    return ("class", class_group_id)


def student_key(student_id: str, day: str) -> tuple:
    """A student's card as identity answered it on `day` (its class_group_id is the class in force that day)."""
    return ("student", student_id, day)


def subgroup_key(subgroup_id: str) -> tuple:
    return ("subgroup", subgroup_id)


# identity's events that change a student's memberships (each carries them after the change) or card
MOVEMENTS = (identity_pb2.StudentEnrolled, identity_pb2.StudentTransferred, identity_pb2.StudentPromoted,
             identity_pb2.StudentGraduated, identity_pb2.StudentLeft)
LESSON_CHANGES = (schedule_pb2.LessonScheduled, schedule_pb2.LessonCancelled, schedule_pb2.LessonMoved,
                  schedule_pb2.SubstitutionAssigned)
# events that change nothing kept here (a sign-in, a school event, a guardian's link, a staff card, …)
UNCHANGING = frozenset(t.DESCRIPTOR.full_name for t in (
    schedule_pb2.AcademicYearCreated, schedule_pb2.ClassGroupCreated, schedule_pb2.SubjectCreated,
    schedule_pb2.CurriculumHoursSet, schedule_pb2.SchoolEventCreated, schedule_pb2.SchoolEventChanged,
    schedule_pb2.SchoolEventCancelled,
    identity_pb2.SchoolOnboarded, identity_pb2.SchoolUpdated, identity_pb2.SchoolStatusChanged,
    identity_pb2.MovementOrderSigned, identity_pb2.GuardianLinked, identity_pb2.FederatedAccountLinked,
    identity_pb2.AccountCompromised, identity_pb2.FormTeacherAssigned, identity_pb2.AccountActivated,
    identity_pb2.StaffCardUpdated, identity_pb2.StaffRolesChanged, identity_pb2.ContactsUpdated,
    identity_pb2.PersonSignedIn, identity_pb2.ConsentRecorded, identity_pb2.PaperDiarySet))
PRECISE = {t.DESCRIPTOR.full_name: t for t in (*LESSON_CHANGES, schedule_pb2.LessonsChanged, *MOVEMENTS,
                                               identity_pb2.PersonCorrected, identity_pb2.PersonRegistered)}


def _classes_named(event: Message) -> set[str]:
    """The class groups a student's event names: the classes it moves between and every membership's."""
    person = getattr(event, "person", None)
    memberships = person.memberships if person is not None else event.memberships
    named = {getattr(event, name) for name in ("class_group_id", "from_class_group_id", "to_class_group_id")
             if name in event.DESCRIPTOR.fields_by_name}
    return ({m.class_group_id for m in memberships} | named | {person.class_group_id if person else ""}) - {""}


def forget(cache: PeerCache, school_id: str, event: Message) -> None:
    """Drops what an event of schedule or identity makes stale: a lesson changed or scheduled, or lessons changed in
    place (a note, a room, the bell times) — the lessons and their class groups' lists; a student's movement,
    correction or registration — the student's card and the class lists of the classes it names; an event that
    changes nothing kept — nothing; any other — every answer of the school."""
    if isinstance(event, LESSON_CHANGES):
        cache.drop(school_id, keys=[lesson_key(event.lesson.id)], classes=[event.lesson.class_group_id])
    elif isinstance(event, schedule_pb2.LessonsChanged):
        cache.drop(school_id, keys=[lesson_key(lesson_id) for lesson_id in event.lesson_ids],
                   classes=event.class_group_ids)
    elif isinstance(event, (*MOVEMENTS, identity_pb2.PersonCorrected, identity_pb2.PersonRegistered)):
        student_id = event.student_id if isinstance(event, MOVEMENTS) else event.person.id
        cache.drop(school_id, keys=[student_key(student_id, school_today().isoformat())],
                   classes=_classes_named(event))
    elif event.DESCRIPTOR.full_name not in UNCHANGING:
        cache.drop_school(school_id)


def forget_envelope(cache: PeerCache, env: Envelope) -> None:
    """`forget` for an event as read from Kafka (the payload decoded only when the event names what it changed)."""
    if env.type in UNCHANGING:
        return
    message_type = PRECISE.get(env.type)
    if message_type is None:
        cache.drop_school(env.school_id)
        return
    event = message_type()
    env.payload.Unpack(event)
    forget(cache, env.school_id, event)


def ttl_from_env() -> float:
    return float(os.environ.get("OTMETKA_JOURNAL_PEER_CACHE_SECONDS", DEFAULT_TTL_SECONDS))


SHARED = PeerCache(ttl_from_env())  # the journal process's copy: its clients fill it, its event tail keeps it current
