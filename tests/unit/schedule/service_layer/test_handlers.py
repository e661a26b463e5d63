"""Schedule commands against a fake unit of work (its stores in memory, no PostgreSQL), as cosmicpython's
tests/unit/test_handlers.py does: what a command stores, publishes and refuses, with the school scope's rights."""
import datetime as dt

import pytest

from proto.schedule.v1 import schedule_pb2 as pb
from services.common.errors import Conflict, Forbidden, Invalid, NotFound
from services.common.policy import Principal
from services.common.scope import Scope
from services.schedule.service_layer import rooms, subjects
from services.schedule.service_layer.unit_of_work import ScheduleUnitOfWork

SCHOOL = "0b5d3a36-3c1e-4f5e-8f37-1c2d3e4f5a6b"


class Principals:
    def __init__(self, *roles: str):
        self.roles = frozenset(roles)

    def resolve(self, school_id: str) -> Principal:
        return Principal(subject="someone", school_id=school_id, person_id="p1", roles=self.roles)


class FakeSubjects:
    def __init__(self):
        self.rows: list[dict] = []

    def name_taken(self, name: str) -> str | None:
        return next((row["name"] for row in self.rows if row["name"].lower() == name.lower()), None)

    def add(self, row) -> None:
        self.rows.append(dict(row))

    def all(self) -> list[dict]:
        return sorted(self.rows, key=lambda row: row["name"])


class FakeRooms(FakeSubjects):
    def name_taken(self, name: str) -> bool:
        return super().name_taken(name) is not None


class FakeUnitOfWork(ScheduleUnitOfWork):
    """The schedule's unit of work with its stores in memory: events count as published once the block commits."""

    def __init__(self, scope: Scope):
        super().__init__(None, None, scope, staff=None, today=lambda: dt.date(2025, 8, 1))
        self.subjects, self.rooms = FakeSubjects(), FakeRooms()
        self.entered = self.committed = 0
        self.published: list = []
        self._pending: list = []

    def __enter__(self):
        self.entered += 1
        self._pending = []
        return self

    def __exit__(self, exc_type, exc, tb):
        if exc_type is None:
            self.committed += 1
            self.published += self._pending
        return False

    def publish(self, message) -> None:
        self._pending.append(message)


def unit(*roles: str) -> tuple[Scope, FakeUnitOfWork]:
    scope = Scope(SCHOOL, Principals(*roles))
    return scope, FakeUnitOfWork(scope)


def test_a_new_subject_is_stored_and_published_in_one_commit():
    scope, uow = unit("deputy_head")
    subject = subjects.create_subject(scope, uow, "  Математика ")
    assert (subject.name, subject.school_id) == ("Математика", SCHOOL)
    assert uow.subjects.rows == [dict(id=subject.id, school_id=SCHOOL, name="Математика")]
    assert uow.published == [pb.SubjectCreated(subject=subject)]
    assert uow.committed == 1
    assert [s.name for s in subjects.list_subjects(scope, uow)] == ["Математика"]


def test_a_subject_name_taken_in_another_case_is_refused_with_the_schools_spelling():
    scope, uow = unit("school_admin")
    subjects.create_subject(scope, uow, "Математика")
    with pytest.raises(Conflict) as refused:
        subjects.create_subject(scope, uow, "МАТЕМАТИКА")
    assert refused.value.message == "Предмет «Математика» уже есть"
    assert refused.value.fields == {"name": "уже есть"}
    assert (len(uow.subjects.rows), len(uow.published), uow.committed) == (1, 1, 1)


def test_who_may_not_manage_the_schedule_opens_no_transaction():
    scope, uow = unit("subject_teacher")
    with pytest.raises(Forbidden):
        subjects.create_subject(scope, uow, "Физика")
    with pytest.raises(NotFound):  # no role in the school: the school does not exist for them
        subjects.create_subject(*unit(), "Физика")
    assert uow.entered == 0


def test_a_subject_needs_a_name_before_anything_is_opened():
    scope, uow = unit("deputy_head")
    with pytest.raises(Invalid) as refused:
        subjects.create_subject(scope, uow, "   ")
    assert refused.value.fields == {"name": "поле не заполнено"}
    assert uow.entered == 0


def test_rooms_are_listed_by_name_and_a_taken_name_is_refused():
    scope, uow = unit("deputy_head")
    for name in ("21", "12", "Спортзал"):
        rooms.create_room(scope, uow, name)
    with pytest.raises(Conflict):
        rooms.create_room(scope, uow, "спортзал")
    assert [r.name for r in rooms.list_rooms(scope, uow)] == ["12", "21", "Спортзал"]
    assert uow.published == []  # rooms publish no events
