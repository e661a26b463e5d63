"""The journal servicer in-process on a free port, against the real PostgreSQL and Keycloak tokens, with
small fakes of our own ports: principals, the schedule service and the identity service; homework files in the
stack's MinIO (a test bucket)."""
import datetime as dt
import uuid
from dataclasses import dataclass, field

import pytest

from proto.identity.v1 import identity_pb2
from proto.journal.v1 import journal_pb2_grpc
from proto.schedule.v1 import schedule_pb2
from services import topology
from services.common import memberships as membership_rule
from services.common.db import Database
from services.common.errors import NotFound
from services.common.object_store import ObjectStore
from services.common.outbox import Outbox
from services.common.policy import Principal
from services.common.scope import Scope
from services.journal import bootstrap
from services.journal.adapters import tables
from services.journal.domain import lesson_entry as domain
from services.journal.domain.journal_policy import DEFAULT
from services.journal.service_layer.unit_of_work import JournalUnitOfWork
from services.tooling.api_client import Token
from tests.support import grpc_harness, stack
from tests.support.grpc_harness import FakePrincipals, database, serving


@dataclass
class FakeSchedule:
    lessons: dict[str, schedule_pb2.Lesson] = field(default_factory=dict)
    terms: dict[str, tuple[str, schedule_pb2.Term]] = field(default_factory=dict)  # id -> (school_id, term)
    subgroups: dict[str, schedule_pb2.Subgroup] = field(default_factory=dict)
    years: dict[str, str] = field(default_factory=dict)  # class group id -> academic year id
    plans: dict[tuple[str, str], list] = field(default_factory=dict)  # (class group, subject) -> plan topics

    def list_plan_topics(self, school_id: str, class_group_id: str, subject_id: str) -> list[schedule_pb2.PlanTopic]:
        self.calls.append("ListPlanTopics")
        return self.plans.get((class_group_id, subject_id), [])

    def get_class_group(self, school_id: str, class_group_id: str) -> schedule_pb2.ClassGroup:
        year = self.years.setdefault(class_group_id, str(uuid.uuid4()))
        return schedule_pb2.ClassGroup(id=class_group_id, school_id=school_id, academic_year_id=year)

    def get_subgroup(self, school_id: str, subgroup_id: str) -> schedule_pb2.Subgroup:
        self.calls.append("GetSubgroup")
        subgroup = self.subgroups.get(subgroup_id)
        if subgroup is None or subgroup.school_id != school_id:
            raise NotFound("Подгруппа не найдена", {"subgroup_id": "не найдена"})
        return subgroup

    def get_term(self, school_id: str, term_id: str) -> schedule_pb2.Term:
        owner, term = self.terms.get(term_id, ("", None))
        if owner != school_id:
            raise NotFound("Учебный период не найден", {"term_id": "не найден"})
        return term

    def get_lesson(self, school_id: str, lesson_id: str) -> schedule_pb2.Lesson:
        lesson = self.lessons.get(lesson_id)
        if lesson is None or lesson.school_id != school_id:
            raise NotFound("Урок не найден", {"lesson_id": "не найден"})
        return lesson

    calls: list[str] = field(default_factory=list)
    academic_years: dict[str, schedule_pb2.AcademicYear] = field(default_factory=dict)  # id -> year with its terms

    def list_academic_years(self, school_id: str) -> list[schedule_pb2.AcademicYear]:
        return [year for year in self.academic_years.values() if year.school_id == school_id]

    def list_class_groups(self, school_id: str, academic_year_id: str) -> list[schedule_pb2.ClassGroup]:
        return [self.get_class_group(school_id, group) for group, year in sorted(self.years.items())
                if year == academic_year_id]

    def list_subjects(self, school_id: str) -> list[schedule_pb2.Subject]:
        return [schedule_pb2.Subject(id=lesson.subject_id, school_id=school_id, name=lesson.subject_name)
                for lesson in self.lessons.values() if lesson.school_id == school_id]

    def list_lessons(self, school_id: str, class_group_id: str, date_from: str, date_to: str,
                     subject_id: str = "") -> list:
        self.calls.append("ListLessons")
        return sorted((lesson for lesson in self.lessons.values()
                       if lesson.school_id == school_id and lesson.class_group_id == class_group_id
                       and (date_from or "0") <= lesson.date <= (date_to or "9")
                       and subject_id in ("", lesson.subject_id)), key=lambda lesson: (lesson.date, lesson.lesson_number))


@dataclass
class FakeIdentity:
    """Students in classes: `classes` holds those in a class all along (an open membership), `memberships` the
    dated ones of a student (they replace what `classes` says of that student)."""

    classes: dict[str, set[str]] = field(default_factory=dict)
    memberships: dict[str, list[identity_pb2.ClassMembership]] = field(default_factory=dict)  # student id -> dated
    names: dict[str, tuple[str, str]] = field(default_factory=dict)  # person id -> (last name, first name)
    calls: list[str] = field(default_factory=list)
    staff: dict[str, identity_pb2.Person] = field(default_factory=dict)  # person id -> a staff member's card

    def memberships_of(self, student_id: str) -> list[identity_pb2.ClassMembership]:
        if student_id in self.memberships:
            return self.memberships[student_id]
        return [identity_pb2.ClassMembership(class_group_id=group)
                for group, students in self.classes.items() if student_id in students]

    def move(self, student_id: str, *spans: tuple[str, str, str]) -> None:
        """The student's memberships become these (class group id, date_from, date_to), as a movement order does."""
        self.memberships[student_id] = [identity_pb2.ClassMembership(class_group_id=group, date_from=start,
                                                                     date_to=end) for group, start, end in spans]

    def class_people(self, school_id: str, class_group_id: str) -> list[identity_pb2.Person]:
        self.calls.append("ListPeople")
        ever = {*self.classes.get(class_group_id, set()), *self.memberships}
        return [self.student(school_id, pid) for pid in sorted(ever)
                if any(m.class_group_id == class_group_id for m in self.memberships_of(pid))]

    def person(self, school_id: str, person_id: str) -> identity_pb2.Person:
        person = self.staff.get(person_id)
        if person is None or person.school_id != school_id:
            raise NotFound("Человек не найден", {"person_id": "не найден"})
        return person

    def student(self, school_id: str, student_id: str) -> identity_pb2.Person:
        dated = self.memberships_of(student_id)
        last, first = self.names.get(student_id, ("", ""))
        return identity_pb2.Person(id=student_id, school_id=school_id,
                                   class_group_id=membership_rule.class_on(dated, school_today()), memberships=dated,
                                   name=identity_pb2.PersonName(last_name=last, first_name=first))


@dataclass
class Journal:
    """The served journal, its database and outbox, and the fakes of its ports the tests set up."""

    stub: journal_pb2_grpc.JournalServiceStub
    db: Database
    outbox: Outbox
    principals: FakePrincipals
    schedule: FakeSchedule
    identity: FakeIdentity
    store: ObjectStore
    login: Token  # the operator's, fetched again before it expires

    @property
    def token(self) -> str:
        return self.login.access_token()

    def call(self, method: str, request, forwarded_for: str | None = None):
        metadata = [("x-forwarded-for", forwarded_for)] if forwarded_for else []
        return grpc_harness.call(self.stub, method, request, self.token, metadata)


@pytest.fixture(scope="session")
def journal():
    with database("journal") as db:
        store = ObjectStore.from_env("otmetka-homework-it", topology.process_env(stack.env()))
        store.ensure_bucket()
        outbox, principals = Outbox("journal", tables.outbox), FakePrincipals()
        schedule, identity = FakeSchedule(), FakeIdentity()
        servicer = bootstrap.servicer(db, outbox, bootstrap.Ports(schedule, identity, store))
        with serving(journal_pb2_grpc.add_JournalServiceServicer_to_server, servicer,
                     journal_pb2_grpc.JournalServiceStub, principals) as stub:
            yield Journal(stub, db, outbox, principals, schedule, identity, store, stack.operator_login())


def unit_of_work(journal: Journal, school_id: str) -> JournalUnitOfWork:
    """A unit of work of the school, as a consumer's (no caller), on the test database."""
    return JournalUnitOfWork(journal.db, journal.outbox, Scope.of_event(school_id), journal.schedule, journal.identity,
                             journal.store)


@dataclass
class Lesson:
    """A school with one class of three students, their teacher (acting) and a lesson of theirs."""

    school_id: str
    teacher_id: str
    students: list[str]
    lesson: schedule_pb2.Lesson


def add_lesson(journal: Journal, school_id: str, class_group_id: str, teacher_id: str, date: dt.date,
               lesson_number: int = 1, subject_id: str = "", term_id: str = "", subgroup_id: str = "",
               substitute_teacher_id: str = "") -> schedule_pb2.Lesson:
    lesson = schedule_pb2.Lesson(
        id=str(uuid.uuid4()), school_id=school_id, class_group_id=class_group_id,
        subject_id=subject_id or str(uuid.uuid4()), subject_name="Математика", teacher_id=teacher_id,
        date=date.isoformat(), lesson_number=lesson_number, starts_at="08:30", ends_at="09:15", term_id=term_id,
        subgroup_id=subgroup_id, substitute_teacher_id=substitute_teacher_id)
    journal.schedule.lessons[lesson.id] = lesson
    return lesson


def new_lesson(journal: Journal, date: dt.date) -> Lesson:
    school_id, teacher_id, class_group_id = (str(uuid.uuid4()) for _ in range(3))
    students = sorted(str(uuid.uuid4()) for _ in range(3))
    journal.identity.classes[class_group_id] = set(students)
    journal.principals.grant(school_id, "subject_teacher", person_id=teacher_id, subject=f"subject-{teacher_id}")
    return Lesson(school_id, teacher_id, students, add_lesson(journal, school_id, class_group_id, teacher_id, date))


def add_subgroup(journal: Journal, school_id: str, class_group_id: str, students, name: str) -> schedule_pb2.Subgroup:
    subgroup = schedule_pb2.Subgroup(id=str(uuid.uuid4()), school_id=school_id, class_group_id=class_group_id,
                                     name=name, student_ids=list(students))
    journal.schedule.subgroups[subgroup.id] = subgroup
    return subgroup


def act_as_person(journal: Journal, school_id: str, person_id: str, *roles: str, form_class_group_ids=()) -> None:
    """The caller acts in the school as this person with these roles (a form teacher of the given classes)."""
    journal.principals.grants[school_id] = Principal(
        subject=f"subject-{person_id}", school_id=school_id, person_id=person_id, roles=frozenset(roles),
        form_class_group_ids=frozenset(form_class_group_ids))


def school_today() -> dt.date:
    return domain.school_today(DEFAULT.zone)


@pytest.fixture
def today_lesson(journal) -> Lesson:
    return new_lesson(journal, school_today())


@pytest.fixture
def past_lesson(journal) -> Lesson:
    """Two days ago: past its day, still open under the default edit lock."""
    return new_lesson(journal, school_today() - dt.timedelta(days=2))


@pytest.fixture
def old_lesson(journal) -> Lesson:
    """Ten days ago: closed for its teacher under the default edit lock (7 days)."""
    return new_lesson(journal, school_today() - dt.timedelta(days=10))


@dataclass
class Term:
    """A school with class of three students, an eight-week term ending today, Математика twice a week (its last
    lessons 7 and 3 days ago) and История once a week (its last lesson 6 days ago), each with its teacher."""

    school_id: str
    class_group_id: str
    students: list[str]
    term: schedule_pb2.Term
    math: list[schedule_pb2.Lesson]
    history: list[schedule_pb2.Lesson]

    def lesson(self, lesson: schedule_pb2.Lesson) -> Lesson:
        return Lesson(self.school_id, lesson.teacher_id, self.students, lesson)


@pytest.fixture
def term(journal) -> Term:
    school_id, class_group_id = str(uuid.uuid4()), str(uuid.uuid4())
    students = sorted(str(uuid.uuid4()) for _ in range(3))
    journal.identity.classes[class_group_id] = set(students)
    start, end = school_today() - dt.timedelta(days=55), school_today()
    term = schedule_pb2.Term(id=str(uuid.uuid4()), name="2 четверть", kind="quarter", start_date=start.isoformat(),
                             end_date=end.isoformat())
    journal.schedule.terms[term.id] = (school_id, term)

    def lessons(every: int, count: int) -> list[schedule_pb2.Lesson]:
        subject_id, teacher_id = str(uuid.uuid4()), str(uuid.uuid4())
        return [add_lesson(journal, school_id, class_group_id, teacher_id, start + dt.timedelta(days=every * k),
                           subject_id=subject_id, term_id=term.id) for k in range(count)]
    return Term(school_id, class_group_id, students, term, math=lessons(4, 14), history=lessons(7, 8))
