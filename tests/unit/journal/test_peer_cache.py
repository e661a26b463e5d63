"""The journal's copy of schedule and identity answers: the bound on staleness (ttl after the later of the fetch and
the time the events are applied up to), invalidation by events, per-school isolation, memory, and that the clients
ask their peer only when the copy has no current answer."""
import threading

import pytest

from proto.events.v1.envelope_pb2 import Envelope
from proto.identity.v1 import identity_pb2
from proto.schedule.v1 import schedule_pb2
from services.common.errors import NotFound
from services.common.outbox import envelope
from services.journal.adapters import peer_cache
from services.journal.adapters.peer_cache import PeerCache, forget, forget_envelope
from services.journal.adapters.peers import IdentityClient, ScheduleClient

A, B = "school-a", "school-b"


class Clock:
    def __init__(self):
        self.now = 100.0

    def __call__(self):
        return self.now


class FakePeer:
    """Answers like schedule/identity would, per school, and counts the calls."""

    def __init__(self):
        self.calls: list[tuple[str, str]] = []
        self.lessons: dict[tuple[str, str], schedule_pb2.Lesson] = {}
        self.people: dict[tuple[str, str], identity_pb2.Person] = {}

    def call(self, method, request):
        self.calls.append((method, request.school_id))
        school = request.school_id
        if method == "GetLesson":
            if (school, request.lesson_id) not in self.lessons:
                raise NotFound("Урок не найден")
            return self.lessons[(school, request.lesson_id)]
        if method == "ListLessons":
            return schedule_pb2.ListLessonsResponse(lessons=[
                x for (s, _), x in self.lessons.items() if s == school and x.class_group_id == request.class_group_id])
        if method == "ListPeople":  # every student who ever belonged to the class
            return identity_pb2.ListPeopleResponse(people=[
                p for (s, _), p in self.people.items() if s == school
                and request.class_group_id in {p.class_group_id, *(m.class_group_id for m in p.memberships)}])
        if method == "GetPerson":
            return self.people[(school, request.person_id)]
        raise AssertionError(method)

    def count(self, method):
        return sum(1 for m, _ in self.calls if m == method)


def class_list(identity, school, class_group_id) -> set[str]:
    return {person.id for person in identity.class_people(school, class_group_id)}


def lesson(school, lesson_id, group="g1", teacher="t1", status="scheduled"):
    return schedule_pb2.Lesson(id=lesson_id, school_id=school, class_group_id=group, teacher_id=teacher,
                               date="2025-09-01", status=status)


@pytest.fixture
def world():
    clock, peer = Clock(), FakePeer()
    cache = PeerCache(ttl=5, clock=clock)
    return clock, peer, cache, ScheduleClient(peer, cache), IdentityClient(peer, cache)


def test_a_lesson_is_asked_once_within_the_ttl_and_again_after_it(world):
    clock, peer, _, schedule, _ = world
    peer.lessons[(A, "l1")] = lesson(A, "l1")
    assert schedule.get_lesson(A, "l1").teacher_id == "t1"
    peer.lessons[(A, "l1")] = lesson(A, "l1", teacher="t2")
    clock.now += 4.9
    assert schedule.get_lesson(A, "l1").teacher_id == "t1"
    assert peer.count("GetLesson") == 1
    clock.now += 0.2
    assert schedule.get_lesson(A, "l1").teacher_id == "t2"
    assert peer.count("GetLesson") == 2


def test_one_school_never_sees_another_schools_answers(world):
    _, peer, cache, schedule, identity = world
    peer.lessons[(A, "l1")] = lesson(A, "l1")
    peer.people[(A, "s1")] = identity_pb2.Person(id="s1", school_id=A, class_group_id="g1")
    assert schedule.get_lesson(A, "l1").school_id == A
    assert identity.student(A, "s1").class_group_id == "g1"
    assert class_list(identity, A, "g1") == {"s1"}
    with pytest.raises(NotFound):  # the same ids asked for another school go to the peer as that school
        schedule.get_lesson(B, "l1")
    assert class_list(identity, B, "g1") == set()
    assert schedule.list_lessons(B, "g1", "2025-09-01", "2025-09-07") == []
    assert [c for c in peer.calls if c[1] == B] == [("GetLesson", B), ("ListPeople", B), ("ListLessons", B)]
    cache.drop_school(B)  # dropping one school's answers keeps the other's
    schedule.get_lesson(A, "l1")
    assert peer.count("GetLesson") == 2


def test_errors_are_not_kept(world):
    _, peer, _, schedule, _ = world
    with pytest.raises(NotFound):
        schedule.get_lesson(A, "l1")
    peer.lessons[(A, "l1")] = lesson(A, "l1")
    assert schedule.get_lesson(A, "l1").id == "l1"


def test_listed_lessons_and_class_lists_answer_single_questions(world):
    _, peer, _, schedule, identity = world
    peer.lessons[(A, "l1")] = lesson(A, "l1")
    peer.lessons[(A, "l2")] = lesson(A, "l2")
    peer.people[(A, "s1")] = identity_pb2.Person(id="s1", school_id=A, class_group_id="g1")
    assert [x.id for x in schedule.list_lessons(A, "g1", "2025-09-01", "2025-09-07")] == ["l1", "l2"]
    assert schedule.get_lesson(A, "l2").id == "l2"
    assert class_list(identity, A, "g1") == {"s1"}
    assert identity.student(A, "s1").class_group_id == "g1"
    assert peer.calls == [("ListLessons", A), ("ListPeople", A)]


def test_a_substituted_cancelled_or_moved_lesson_is_forgotten_with_its_class_lists(world):
    _, peer, cache, schedule, _ = world
    for event_type in (schedule_pb2.SubstitutionAssigned, schedule_pb2.LessonCancelled, schedule_pb2.LessonMoved):
        peer.lessons[(A, "l1")] = lesson(A, "l1")
        peer.lessons[(A, "other")] = lesson(A, "other", group="g2")
        schedule.get_lesson(A, "l1")
        schedule.list_lessons(A, "g1", "2025-09-01", "2025-09-07")
        schedule.list_lessons(A, "g2", "2025-09-01", "2025-09-07")
        changed = lesson(A, "l1", status="cancelled")
        peer.lessons[(A, "l1")] = changed
        before = len(peer.calls)
        forget(cache, A, event_type(lesson=changed))
        assert schedule.get_lesson(A, "l1").status == "cancelled"
        schedule.list_lessons(A, "g1", "2025-09-01", "2025-09-07")
        schedule.list_lessons(A, "g2", "2025-09-01", "2025-09-07")  # another class's list is still kept
        assert peer.calls[before:] == [("GetLesson", A), ("ListLessons", A)], event_type
        cache.drop_school(A)


def test_a_closed_year_forgets_all_of_the_schools_lessons_and_only_its(world):
    _, peer, cache, schedule, _ = world
    for school in (A, B):
        peer.lessons[(school, "l1")] = lesson(school, "l1")
        schedule.get_lesson(school, "l1")
    forget(cache, A, schedule_pb2.AcademicYearClosed(class_group_ids=["g1"]))
    schedule.get_lesson(A, "l1")
    schedule.get_lesson(B, "l1")
    assert peer.calls[2:] == [("GetLesson", A)]


def membership(class_group_id: str, date_from: str = "", date_to: str = "") -> identity_pb2.ClassMembership:
    return identity_pb2.ClassMembership(class_group_id=class_group_id, date_from=date_from, date_to=date_to)


def test_an_enrolled_student_is_forgotten_with_the_class_list(world):
    _, peer, cache, _, identity = world
    peer.people[(A, "s1")] = identity_pb2.Person(id="s1", school_id=A, class_group_id="")
    assert identity.student(A, "s1").class_group_id == ""
    assert class_list(identity, A, "g1") == set()
    peer.people[(A, "s1")] = identity_pb2.Person(id="s1", school_id=A, class_group_id="g1",
                                                 memberships=[membership("g1", "2026-09-01")])
    forget(cache, A, identity_pb2.StudentEnrolled(student_id="s1", class_group_id="g1"))
    assert identity.student(A, "s1").class_group_id == "g1"
    assert class_list(identity, A, "g1") == {"s1"}


TRANSFERRED = [membership("g1", "", "2027-01-13"), membership("g2", "2027-01-14")]


@pytest.mark.parametrize("event", [
    identity_pb2.StudentTransferred(student_id="s1", from_class_group_id="g1", to_class_group_id="g2",
                                    memberships=TRANSFERRED),
    identity_pb2.StudentPromoted(student_id="s1", from_class_group_id="g1", to_class_group_id="g2",
                                 memberships=TRANSFERRED),
    identity_pb2.StudentLeft(student_id="s1", from_class_group_id="g1", memberships=TRANSFERRED),
    identity_pb2.StudentGraduated(student_id="s1", from_class_group_id="g1", memberships=TRANSFERRED),
    identity_pb2.PersonCorrected(person=identity_pb2.Person(id="s1", memberships=TRANSFERRED)),
    identity_pb2.MovementOrderCancelled(students=[identity_pb2.StudentMemberships(student_id="s1")]),
])
def test_a_moved_student_is_forgotten_with_the_class_lists_of_their_classes(world, event):
    """Every movement event (and a correction of the person) drops the student's card and the class lists of the
    classes it names; another class's list stays (a cancelled order drops the whole school's)."""
    _, peer, cache, _, identity = world
    peer.people[(A, "s1")] = identity_pb2.Person(id="s1", school_id=A, class_group_id="g1",
                                                 memberships=[membership("g1")])
    peer.people[(A, "s3")] = identity_pb2.Person(id="s3", school_id=A, class_group_id="g3",
                                                 memberships=[membership("g3")])
    assert class_list(identity, A, "g1") == {"s1"} and class_list(identity, A, "g2") == set()
    assert class_list(identity, A, "g3") == {"s3"} and identity.student(A, "s1").class_group_id == "g1"
    peer.people[(A, "s1")] = identity_pb2.Person(id="s1", school_id=A, class_group_id="g2", memberships=TRANSFERRED)
    before = len(peer.calls)
    forget(cache, A, event)
    assert class_list(identity, A, "g1") == {"s1"} and class_list(identity, A, "g2") == {"s1"}
    assert identity.student(A, "s1").memberships == TRANSFERRED
    class_list(identity, A, "g3")
    kept = isinstance(event, identity_pb2.MovementOrderCancelled) is False
    assert peer.calls[before:] == [("ListPeople", A)] * (2 if kept else 3), "the student's card came with g1's list"


def test_events_that_change_nothing_kept_drop_nothing(world):
    _, peer, cache, schedule, _ = world
    peer.lessons[(A, "l1")] = lesson(A, "l1")
    schedule.get_lesson(A, "l1")
    forget(cache, A, schedule_pb2.LessonScheduled(lesson=lesson(A, "l9")))
    forget(cache, A, identity_pb2.GuardianLinked(guardian_id="p", student_id="s1"))
    schedule.get_lesson(A, "l1")
    assert peer.count("GetLesson") == 1


def test_an_answer_fetched_across_an_invalidation_is_not_kept(world):
    _, _, cache, _, _ = world
    started, release = threading.Event(), threading.Event()

    def slow_load():
        started.set()
        release.wait(5)
        return "old"

    fetcher = threading.Thread(target=lambda: cache.fetch(A, ("k",), slow_load))
    fetcher.start()
    started.wait(5)
    cache.drop(A, keys=[("k",)])  # the change's event arrives while the old answer is on its way
    release.set()
    fetcher.join(5)
    assert cache.fetch(A, ("k",), lambda: "new") == "new"


def test_a_zero_ttl_keeps_nothing():
    peer = FakePeer()
    peer.lessons[(A, "l1")] = lesson(A, "l1")
    schedule = ScheduleClient(peer, PeerCache(ttl=0))
    schedule.get_lesson(A, "l1")
    schedule.get_lesson(A, "l1")
    assert peer.count("GetLesson") == 2


def test_beyond_max_entries_the_least_recently_read_go_first():
    clock = Clock()
    cache = PeerCache(ttl=5, clock=clock, max_entries=8)
    for n in range(8):
        cache.put(A if n % 2 else B, (n,), n)
        clock.now += 0.01
    assert cache.size() == 8
    cache.fetch(B, (0,), lambda: "again")  # read: the most recent now; (1,) of A is the least recently read
    cache.put(A, ("ninth",), 9)
    assert cache.size() == 8
    assert cache.fetch(B, (0,), lambda: "again") == 0
    assert cache.fetch(A, (1,), lambda: "again") == "again"  # it went, and is asked again (which puts it back)
    assert cache.size() == 8
    assert cache.fetch(B, (2,), lambda: "again") == "again"  # the next least recently read went for it


def test_answers_not_read_for_a_while_go_when_the_next_is_kept_even_while_current():
    clock, until = Clock(), Clock()
    cache = PeerCache(ttl=5, clock=clock, current_until=until, idle=60)
    cache.put(A, ("old",), 1)
    cache.put(B, ("read",), 1)
    clock.now += 30
    until.now = clock.now
    assert cache.fetch(B, ("read",), lambda: "again") == 1
    clock.now += 31
    until.now = clock.now
    assert cache.size() == 2  # nothing goes until an answer is kept
    cache.put(A, ("new",), 1)
    assert cache.size() == 2  # "old" (61 s unread) went; "read" (read 31 s ago) stays
    assert cache.fetch(B, ("read",), lambda: "again") == 1
    assert cache.fetch(A, ("old",), lambda: "again") == "again"


def test_an_answer_past_its_bound_is_asked_again_and_replaced():
    clock = Clock()
    cache = PeerCache(ttl=5, clock=clock)
    for n in range(6):
        cache.put(A, (n,), n)
        cache.put(B, (n,), n)
    clock.now += 6
    assert cache.fetch(B, (0,), lambda: "again") == "again"
    assert cache.size() == 12  # replaced, not added
    assert cache.fetch(B, (0,), lambda: "third") == "again"


def test_dropping_a_school_or_everything_forgets_the_recency_too():
    clock = Clock()
    cache = PeerCache(ttl=5, clock=clock, max_entries=3)
    cache.put(A, ("lessons", "c1", "d1", "d2", ""), 1)
    cache.put(A, ("lesson", "l1"), 1)
    cache.put(B, ("lesson", "l1"), 1)
    cache.drop_school(A)
    assert cache.size() == 1
    cache.put(B, ("lesson", "l2"), 2)
    cache.put(B, ("lesson", "l3"), 3)
    assert cache.size() == 3  # A's answers are no longer counted against the bound
    assert cache.fetch(B, ("lesson", "l1"), lambda: "again") == 1
    cache.reset()
    assert cache.size() == 0


def test_answers_stay_while_the_events_are_applied_and_fall_back_to_the_ttl_when_they_stop(world):
    """current_until() is the time up to which every peer event has been applied here: an answer is served until
    ttl after the later of its fetch and that time, so it lives on while heartbeats come, and is asked again ttl
    after they stop."""
    clock, peer, cache, schedule, _ = world
    until = Clock()
    cache.current_until = until
    peer.lessons[(A, "l1")] = lesson(A, "l1")
    schedule.get_lesson(A, "l1")
    for _ in range(10):  # a minute of heartbeats
        clock.now += 6
        until.now = clock.now - 0.5
        schedule.get_lesson(A, "l1")
    assert peer.count("GetLesson") == 1
    clock.now += 4.9  # the events stopped 5.4 s ago, the bound is 5 s after the last time they were current
    schedule.get_lesson(A, "l1")
    assert peer.count("GetLesson") == 2


def test_a_reset_forgets_every_school_and_a_fetch_under_way_is_not_kept(world):
    _, peer, cache, schedule, _ = world
    for school in (A, B):
        peer.lessons[(school, "l1")] = lesson(school, "l1")
        schedule.get_lesson(school, "l1")

    def reset_while_asking():
        cache.reset()  # the event tail (re)started while this answer was on its way
        return "old"
    assert cache.fetch(A, ("k",), reset_while_asking) == "old"
    assert cache.fetch(A, ("k",), lambda: "new") == "new"
    schedule.get_lesson(A, "l1")
    schedule.get_lesson(B, "l1")
    assert peer.count("GetLesson") == 4


def test_a_student_card_is_kept_under_the_day_it_was_asked_on(world, monkeypatch):
    """identity's card says the class in force today: a card asked yesterday is not today's answer."""
    from services.journal.adapters import peers
    _, peer, cache, _, identity = world
    peer.people[(A, "s1")] = identity_pb2.Person(id="s1", school_id=A, class_group_id="g1")
    identity.student(A, "s1")
    identity.student(A, "s1")
    monkeypatch.setattr(peers, "school_today", lambda: __import__("datetime").date(2099, 1, 2))
    identity.student(A, "s1")
    assert peer.count("GetPerson") == 2


def test_a_newly_scheduled_lesson_drops_its_class_lists_only(world):
    _, peer, cache, schedule, _ = world
    peer.lessons[(A, "l1")] = lesson(A, "l1")
    schedule.list_lessons(A, "g1", "2025-09-01", "2025-09-07")
    schedule.list_lessons(A, "g2", "2025-09-01", "2025-09-07")
    peer.lessons[(A, "new")] = lesson(A, "new")
    forget(cache, A, schedule_pb2.LessonScheduled(lesson=peer.lessons[(A, "new")]))
    assert [x.id for x in schedule.list_lessons(A, "g1", "2025-09-01", "2025-09-07")] == ["l1", "new"]
    schedule.list_lessons(A, "g2", "2025-09-01", "2025-09-07")
    schedule.get_lesson(A, "l1")
    assert peer.count("ListLessons") == 3 and peer.count("GetLesson") == 0


def test_subgroups_are_kept_and_any_other_event_of_the_peers_drops_the_school(world):
    """An event not known to change nothing kept, and not naming what it changed (a subgroup's students set, terms
    changed, a year closed, an event type added later), drops every answer of its school and only of its school."""
    _, peer, cache, schedule, _ = world
    calls = []
    peer.call = lambda method, request: calls.append((method, request.school_id)) or schedule_pb2.Subgroup(
        id=request.subgroup_id, student_ids=["s1"])
    for school in (A, B):
        schedule.get_subgroup(school, "sg1")
        schedule.get_subgroup(school, "sg1")
    assert len(calls) == 2
    for payload in (schedule_pb2.SubgroupStudentsSet(subgroup=schedule_pb2.Subgroup(id="sg1")),
                    schedule_pb2.TermsChanged(), identity_pb2.YearTransitioned()):
        forget_envelope(cache, envelope(A, payload, actor="system"))
        schedule.get_subgroup(A, "sg1")
        schedule.get_subgroup(B, "sg1")
    assert calls[2:] == [("GetSubgroup", A)] * 3
    unknown = Envelope(type="otmetka.schedule.v1.SomethingNew", school_id=A)
    forget_envelope(cache, unknown)
    schedule.get_subgroup(A, "sg1")
    assert calls[-1] == ("GetSubgroup", A) and len(calls) == 6


def test_sign_ins_and_other_unrelated_events_drop_nothing(world):
    _, peer, cache, schedule, _ = world
    peer.lessons[(A, "l1")] = lesson(A, "l1")
    schedule.get_lesson(A, "l1")
    for payload in (identity_pb2.PersonSignedIn(), identity_pb2.ConsentRecorded(), schedule_pb2.SchoolEventCreated(),
                    identity_pb2.StaffRolesChanged(person_id="p1")):
        forget_envelope(cache, envelope(A, payload, actor="system"))
    schedule.get_lesson(A, "l1")
    assert peer.count("GetLesson") == 1


def test_an_event_read_from_kafka_drops_what_it_names():
    cache = PeerCache(ttl=60)
    cache.put("s1", peer_cache.lesson_key("l1"), "kept")
    cache.put("s1", peer_cache.lesson_key("l2"), "kept")
    forget_envelope(cache, envelope("s1", schedule_pb2.LessonCancelled(
        lesson=schedule_pb2.Lesson(id="l1", class_group_id="c1")), actor="system"))
    assert cache.fetch("s1", peer_cache.lesson_key("l1"), lambda: "fresh") == "fresh"
    assert cache.fetch("s1", peer_cache.lesson_key("l2"), lambda: "fresh") == "kept"


def test_lessons_changed_in_place_drop_those_lessons_and_their_class_lists(world):
    _, peer, cache, schedule, _ = world
    for lesson_id, group in (("l1", "g1"), ("l2", "g2"), ("l3", "g3")):
        peer.lessons[(A, lesson_id)] = lesson(A, lesson_id, group=group)
        schedule.list_lessons(A, group, "2025-09-01", "2025-09-07")
    forget_envelope(cache, envelope(A, schedule_pb2.LessonsChanged(lesson_ids=["l1", "l2"], class_group_ids=["g1", "g2"],
                                                                  change="times"), actor="system"))
    for lesson_id, group in (("l1", "g1"), ("l2", "g2"), ("l3", "g3")):
        schedule.get_lesson(A, lesson_id)
        schedule.list_lessons(A, group, "2025-09-01", "2025-09-07")
    assert peer.count("GetLesson") == 2 and peer.count("ListLessons") == 5
