"""The school event commands against a fake unit of work (the event store in memory, no PostgreSQL): stored and
published in one commit, changes published with what changed, cancelled once and never changed after, refused before
anything is opened; families listing only the events for families of their class."""
import datetime as dt

import pytest

from proto.schedule.v1 import schedule_pb2 as pb
from services.common.errors import FailedPrecondition, Forbidden, Invalid, NotFound
from services.common.scope import Scope
from services.schedule.service_layer import school_events
from tests.unit.schedule.service_layer.test_handlers import SCHOOL, FakeUnitOfWork, Principals

CLASS_5A, CLASS_6A = "0b5d3a36-3c1e-4f5e-8f37-1c2d3e4f5a01", "0b5d3a36-3c1e-4f5e-8f37-1c2d3e4f5a02"
NOW = dt.datetime(2026, 2, 1, 9, tzinfo=dt.UTC)


class FakeEvents:
    def __init__(self, classes: dict[str, dict]):
        self.rows: dict[str, dict] = {}
        self.classes = classes

    def add(self, row) -> dict:
        stored = dict(row, status="scheduled", cancel_reason="", revision=0, created_at=NOW, updated_at=NOW)
        self.rows[row["id"]] = stored
        return dict(stored)

    def get(self, event_id: str, lock: bool = False) -> dict | None:
        return dict(self.rows[event_id]) if event_id in self.rows else None

    def change(self, event_id: str, values: dict) -> dict:
        self.rows[event_id] |= dict(values, revision=self.rows[event_id]["revision"] + 1)
        return dict(self.rows[event_id])

    def between(self, date_from, date_to, include_cancelled=False) -> list[dict]:
        return sorted((r for r in self.rows.values() if date_from <= r["date"] <= date_to
                       and (include_cancelled or r["status"] == "scheduled")), key=lambda r: (r["date"], r["title"]))

    def class_groups(self, ids) -> dict[str, dict]:
        return {i: self.classes[i] for i in ids if i in self.classes}


class FakeClassGroups:
    def __init__(self, classes: dict[str, dict]):
        self.classes = classes

    def get(self, class_group_id: str) -> dict:
        if class_group_id not in self.classes:
            raise NotFound("Класс не найден", {"class_group_id": "не найден"})
        return self.classes[class_group_id]


def unit(*roles: str, uow: FakeUnitOfWork | None = None) -> tuple[Scope, FakeUnitOfWork]:
    if uow is None:
        classes = {CLASS_5A: {"id": CLASS_5A, "name": "5А", "grade": 5},
                   CLASS_6A: {"id": CLASS_6A, "name": "6А", "grade": 6}}
        uow = FakeUnitOfWork(SCHOOL)
        uow.school_events, uow.class_groups = FakeEvents(classes), FakeClassGroups(classes)
    return Scope(SCHOOL, Principals(*roles)), uow


def event_input(**changes) -> pb.SchoolEventInput:
    fields = dict(title="Родительское собрание", kind="parent_meeting", date="2026-03-12", starts_at="18:00",
                  ends_at="19:30", place="Актовый зал", audience=pb.EventAudience(scope="class_groups",
                                                                                  class_group_ids=[CLASS_5A]))
    return pb.SchoolEventInput(**(fields | changes))


def test_a_new_event_is_stored_and_published_in_one_commit_with_its_classes_named():
    scope, uow = unit("deputy_head")
    event = school_events.create_school_event(scope, uow, event_input())
    assert (event.title, event.kind_name, event.status, event.revision) == (
        "Родительское собрание", "Родительское собрание", "scheduled", 0)
    assert list(event.class_group_names) == ["5А"] and event.audience.people == "everyone"
    assert uow.school_events.rows[event.id]["created_by"] == "p1"
    assert uow.published == [pb.SchoolEventCreated(event=event)] and uow.committed == 1


def test_who_may_not_keep_events_and_bad_values_open_nothing():
    for roles, error in ((("subject_teacher",), Forbidden), (("guardian",), Forbidden), ((), NotFound)):
        scope, uow = unit(*roles)
        with pytest.raises(error):
            school_events.create_school_event(scope, uow, event_input())
        assert uow.entered == 0
    scope, uow = unit("director")
    with pytest.raises(Invalid) as refused:
        school_events.create_school_event(scope, uow, event_input(title="", date="2026-02-30"))
    assert refused.value.fields == {"title": "поле не заполнено", "date": "такой даты нет в календаре"}
    assert uow.entered == 0


def test_a_class_of_another_school_is_refused_and_nothing_is_published():
    scope, uow = unit("school_admin")
    other = "0b5d3a36-3c1e-4f5e-8f37-1c2d3e4f5aff"
    with pytest.raises(Invalid) as refused:
        school_events.create_school_event(scope, uow, event_input(
            audience=pb.EventAudience(scope="class_groups", class_group_ids=[CLASS_5A, other])))
    assert refused.value.fields == {"audience.class_group_ids": "в этой школе нет такого класса"}
    assert (uow.published, uow.school_events.rows, uow.committed) == ([], {}, 0)


def test_a_change_names_what_changed_and_counts_the_revision_and_the_same_values_change_nothing():
    scope, uow = unit("deputy_head")
    event = school_events.create_school_event(scope, uow, event_input())
    same = school_events.update_school_event(scope, uow, event.id, event_input())
    assert same.revision == 0 and len(uow.published) == 1
    moved = school_events.update_school_event(scope, uow, event.id, event_input(date="2026-03-13", place="Кабинет 21"))
    assert (moved.date, moved.place, moved.revision) == ("2026-03-13", "Кабинет 21", 1)
    assert uow.published[-1] == pb.SchoolEventChanged(event=moved, changed=["date", "place"])
    with pytest.raises(NotFound):
        school_events.update_school_event(scope, uow, "0b5d3a36-3c1e-4f5e-8f37-1c2d3e4f5a99", event_input())


def test_a_cancelled_event_keeps_its_reason_and_is_neither_cancelled_again_nor_changed():
    scope, uow = unit("deputy_head")
    event = school_events.create_school_event(scope, uow, event_input())
    with pytest.raises(Invalid):
        school_events.cancel_school_event(scope, uow, event.id, " ")
    cancelled = school_events.cancel_school_event(scope, uow, event.id, "карантин")
    assert (cancelled.status, cancelled.cancel_reason, cancelled.revision) == ("cancelled", "карантин", 1)
    assert uow.published[-1] == pb.SchoolEventCancelled(event=cancelled)
    for again in (lambda: school_events.cancel_school_event(scope, uow, event.id, "ещё раз"),
                  lambda: school_events.update_school_event(scope, uow, event.id, event_input(title="Другое"))):
        with pytest.raises(FailedPrecondition):
            again()
    assert len(uow.published) == 2


def test_families_list_the_events_for_families_of_their_class_and_staff_list_all():
    scope, uow = unit("deputy_head")
    create = lambda **kw: school_events.create_school_event(scope, uow, event_input(**kw))  # noqa: E731
    meeting_5a = create()
    council = create(title="Педсовет", kind="staff_meeting", audience=pb.EventAudience(people="staff"))
    sixth = create(title="Экскурсия", kind="excursion", date="2026-03-20",
                   audience=pb.EventAudience(scope="grades", grades=[6], people="families"))
    concert = create(title="Концерт", kind="concert", date="2026-03-08", starts_at="", ends_at="")
    school_events.cancel_school_event(scope, uow, concert.id, "зал на ремонте")
    staff = school_events.list_school_events(*unit("subject_teacher", uow=uow), "2026-03-01", "2026-03-31")
    assert [e.title for e in staff.events] == ["Педсовет", "Родительское собрание", "Экскурсия"]
    assert [k.code for k in staff.kinds][:2] == ["parent_meeting", "concert"]
    family = unit("guardian", uow=uow)
    assert [e.id for e in school_events.list_school_events(*family, "2026-03-01", "2026-03-31").events] == [
        meeting_5a.id, sixth.id]
    of_5a = school_events.list_school_events(*family, "2026-03-01", "2026-03-31", CLASS_5A, include_cancelled=True)
    assert [e.title for e in of_5a.events] == ["Концерт", "Родительское собрание"]
    with pytest.raises(NotFound):
        school_events.get_school_event(*family, council.id)
    with pytest.raises(NotFound):
        school_events.list_school_events(*family, "2026-03-01", "2026-03-31", "0b5d3a36-3c1e-4f5e-8f37-1c2d3e4f5a77")
