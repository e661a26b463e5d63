"""Schedule commands against a fake unit of work (tests.support.fake_unit_of_work with the schedule's stores in
memory, no PostgreSQL), as cosmicpython's tests/unit/test_handlers.py does: what a command stores, publishes and
refuses, with the school scope's rights."""
import datetime as dt

import pytest

from proto.schedule.v1 import schedule_pb2 as pb
from services.common.errors import Conflict, FailedPrecondition, Forbidden, Invalid, NotFound
from services.common.policy import Principal
from services.common.scope import Scope
from services.schedule.domain.academic_year import TermInput
from services.schedule.domain.schedule_policy import SchedulePolicy, from_stored
from services.schedule.service_layer import academic_years, class_groups, rooms, schedule_policy, subjects
from tests.support import fake_unit_of_work

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


class FakeAcademicYears:
    def __init__(self):
        self.years: dict[str, dict] = {}
        self.terms: list[dict] = []

    def name_taken(self, name: str) -> bool:
        return any(year["name"] == name for year in self.years.values())

    def add(self, year, term_rows) -> None:
        self.years[year["id"]] = dict(year)
        self.terms += [dict(row) for row in term_rows]

    def open_year(self, academic_year_id: str, lock: bool = False) -> dict:
        year = self.years.get(academic_year_id)
        if year is None:
            raise NotFound("Учебный год не найден", {"academic_year_id": "не найден"})
        if year["status"] != "open":
            raise FailedPrecondition(f"Учебный год {year['name']} закрыт")
        return year

    def close(self, academic_year_id: str) -> None:
        self.years[academic_year_id]["status"] = "closed"

    def terms_of(self, academic_year_id: str) -> list[dict]:
        return sorted((t for t in self.terms if t["academic_year_id"] == academic_year_id), key=lambda t: t["start_date"])


class FakeClassGroups:
    def __init__(self):
        self.rows: list[dict] = []

    def name_taken(self, academic_year_id: str, name: str) -> bool:
        return any((row["academic_year_id"], row["name"]) == (academic_year_id, name) for row in self.rows)

    def add(self, row) -> None:
        self.rows.append(dict(row))

    def of_year(self, academic_year_id: str | None = None) -> list[dict]:
        return sorted((row for row in self.rows if academic_year_id in (None, row["academic_year_id"])),
                      key=lambda row: (row["grade"], row["name"]))


class FakePolicy:
    def __init__(self):
        self.stored: dict[str, str] = {}

    def load(self) -> SchedulePolicy:
        return from_stored(self.stored)

    def save(self, values) -> None:
        self.stored |= {key: str(value) for key, value in values.items()}


class FakeUnitOfWork(fake_unit_of_work.FakeUnitOfWork):
    """The schedule's unit of work in memory: its stores, today's date, and how many times a block was opened."""

    def __init__(self, school_id: str):
        super().__init__(school_id)
        self.academic_years, self.class_groups = FakeAcademicYears(), FakeClassGroups()
        self.subjects, self.rooms, self.policy = FakeSubjects(), FakeRooms(), FakePolicy()
        self.today = lambda: dt.date(2025, 8, 1)
        self.entered = 0

    def __enter__(self):
        self.entered += 1
        return super().__enter__()


def unit(*roles: str) -> tuple[Scope, FakeUnitOfWork]:
    return Scope(SCHOOL, Principals(*roles)), FakeUnitOfWork(SCHOOL)


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


QUARTERS = [TermInput("2 четверть", "quarter", "2025-11-05", "2025-12-28"),
            TermInput("1 четверть", "quarter", "2025-09-01", "2025-10-24")]


def test_a_new_year_is_stored_with_its_terms_in_date_order_and_published():
    scope, uow = unit("deputy_head")
    year = academic_years.create_academic_year(scope, uow, "2025/2026", "2025-09-01", "2026-05-31", QUARTERS)
    assert [t.name for t in year.terms] == ["1 четверть", "2 четверть"]
    assert (year.status, uow.academic_years.years[year.id]["status"]) == ("open", "open")
    assert [t["name"] for t in uow.academic_years.terms_of(year.id)] == ["1 четверть", "2 четверть"]
    assert uow.published == [pb.AcademicYearCreated(academic_year=year)]
    with pytest.raises(Conflict) as refused:
        academic_years.create_academic_year(scope, uow, "2025/2026", "2025-09-01", "2026-05-31", QUARTERS)
    assert refused.value.fields == {"name": "уже есть"}
    assert len(uow.published) == 1


def test_closing_a_year_publishes_its_class_groups_and_nothing_is_added_to_it_after():
    scope, uow = unit("school_admin")
    year = academic_years.create_academic_year(scope, uow, "2025/2026", "2025-09-01", "2026-05-31", QUARTERS)
    later = class_groups.create_class_group(scope, uow, year.id, 6, "6а")
    first = class_groups.create_class_group(scope, uow, year.id, 5, "5б")
    with pytest.raises(Forbidden):
        academic_years.close_academic_year(*unit("subject_teacher"), year.id)
    closed = academic_years.close_academic_year(scope, uow, year.id)
    assert closed.status == "closed"
    assert uow.published[-1] == pb.AcademicYearClosed(academic_year=closed, class_group_ids=[first.id, later.id])
    with pytest.raises(FailedPrecondition):
        class_groups.create_class_group(scope, uow, year.id, 7, "7А")
    with pytest.raises(FailedPrecondition):
        academic_years.close_academic_year(scope, uow, year.id)
    assert len(uow.published) == 4  # the year, two class groups, the closing


def test_a_policy_change_keeps_what_it_does_not_name_and_a_wrong_value_changes_nothing():
    scope, uow = unit("deputy_head")
    policy = schedule_policy.set_schedule_policy(scope, uow, {"holiday_notice_days": 7, "timetable_due": " 09-25 "})
    assert (policy.holiday_notice_days, policy.timetable_due) == (7, "09-25")
    assert (policy.transfer_notice_working_days, policy.curriculum_due) == (3, "09-15")  # the defaults
    assert uow.policy.stored == {"holiday_notice_days": "7", "timetable_due": "09-25"}
    for wrong in ({"transfer_notice_working_days": 31}, {"curriculum_due": "02-30"}):
        with pytest.raises(Invalid) as refused:
            schedule_policy.set_schedule_policy(scope, uow, wrong)
        assert set(refused.value.fields) == set(wrong)
    assert schedule_policy.get_schedule_policy(scope, uow) == policy
    assert uow.entered == 2  # the change and the read; the refusals opened nothing
