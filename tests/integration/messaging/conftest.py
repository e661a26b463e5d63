"""The messaging servicer in-process on a free port, against the real PostgreSQL, MinIO (a test bucket) and Keycloak
tokens, with small fakes of our own ports (principals, identity, schedule, the journal) and a clock the tests set."""
import datetime as dt
import uuid
from dataclasses import dataclass, field

import pytest

from proto.identity.v1 import identity_pb2
from proto.journal.v1 import journal_pb2
from proto.messaging.v1 import messaging_pb2_grpc
from proto.schedule.v1 import schedule_pb2
from services.common.dates import SCHOOL_ZONE
from services.common.db import Database
from services.common.errors import NotFound
from services.common.object_store import ObjectStore
from services.common.outbox import Outbox
from services.common.scope import Scope
from services.messaging import bootstrap
from services.messaging.adapters import tables
from services.messaging.adapters.mailer import Mailer
from services.messaging.entrypoints.servicer import PUBLIC_METHODS
from services.messaging.service_layer.unit_of_work import MessagingUnitOfWork
from services.tooling.api_client import Token
from tests.support import grpc_harness, stack
from tests.support.grpc_harness import FakePrincipals, database, serving

SENDER = "Отметка <noreply@otmetka.test>"
LINK_KEY = "l" * 40
PUBLIC_URL = "http://127.0.0.1:58000"


@dataclass
class Clock:
    now: dt.datetime = field(default_factory=lambda: dt.datetime(2026, 3, 2, 10, 0, tzinfo=SCHOOL_ZONE))  # Monday

    def __call__(self) -> dt.datetime:
        return self.now


def person(school_id: str, kind, last: str, first: str, roles=(), class_group_id: str = "", leads=()):
    return identity_pb2.Person(id=str(uuid.uuid4()), school_id=school_id, kind=kind, roles=list(roles),
                               name=identity_pb2.PersonName(last_name=last, first_name=first),
                               class_group_id=class_group_id, form_class_group_ids=list(leads))


@dataclass
class FakeIdentity:
    people: dict[str, identity_pb2.Person] = field(default_factory=dict)

    def add(self, card: identity_pb2.Person) -> identity_pb2.Person:
        self.people[card.id] = card
        return card

    def person(self, school_id: str, person_id: str) -> identity_pb2.Person:
        card = self.people.get(person_id)
        if card is None or card.school_id != school_id:
            raise NotFound("Человек не найден", {"person_id": "не найден"})
        return card

    def staff(self, school_id: str) -> list[identity_pb2.Person]:
        return [p for p in self.people.values() if p.school_id == school_id and p.kind == identity_pb2.STAFF]

    def students(self, school_id: str, class_group_id: str = "", on_date: str = "") -> list[identity_pb2.Person]:
        return [p for p in self.people.values() if p.school_id == school_id and p.kind == identity_pb2.STUDENT
                and class_group_id in ("", p.class_group_id)]


@dataclass
class FakeSchedule:
    groups: dict[str, schedule_pb2.ClassGroup] = field(default_factory=dict)
    assigned: list[schedule_pb2.TeachingAssignment] = field(default_factory=list)
    subject_names: dict[str, str] = field(default_factory=dict)
    years: dict[str, schedule_pb2.AcademicYear] = field(default_factory=dict)
    year_holidays: dict[str, list[schedule_pb2.Holiday]] = field(default_factory=dict)
    transfers: dict[str, list[schedule_pb2.DayTransfer]] = field(default_factory=dict)

    def class_group(self, school_id: str, class_group_id: str) -> schedule_pb2.ClassGroup:
        group = self.groups.get(class_group_id)
        if group is None or group.school_id != school_id:
            raise NotFound("Класс не найден", {"class_group_id": "не найден"})
        return group

    def class_groups(self, school_id: str) -> list[schedule_pb2.ClassGroup]:
        return [g for g in self.groups.values() if g.school_id == school_id]

    def assignments(self, school_id: str, class_group_id: str) -> list[schedule_pb2.TeachingAssignment]:
        return [a for a in self.assigned if a.school_id == school_id and a.class_group_id == class_group_id]

    def subjects(self, school_id: str) -> list[schedule_pb2.Subject]:
        return [schedule_pb2.Subject(id=sid, school_id=school_id, name=name) for sid, name in self.subject_names.items()]

    def academic_years(self, school_id: str) -> list[schedule_pb2.AcademicYear]:
        return [y for y in self.years.values() if y.school_id == school_id]

    def holidays(self, school_id: str, academic_year_id: str) -> list[schedule_pb2.Holiday]:
        return self.year_holidays.get(academic_year_id, [])

    def day_transfers(self, school_id: str, academic_year_id: str) -> list[schedule_pb2.DayTransfer]:
        return self.transfers.get(academic_year_id, [])


@dataclass
class FakeJournal:
    shortfalls: dict[str, list[journal_pb2.MarkShortfall]] = field(default_factory=dict)
    asked: list[tuple[str, int]] = field(default_factory=list)
    diaries: dict[str, journal_pb2.Diary] = field(default_factory=dict)  # student -> their lessons

    def mark_shortfalls(self, school_id: str, days: int) -> list[journal_pb2.MarkShortfall]:
        self.asked.append((school_id, days))
        return self.shortfalls.get(school_id, [])

    def diary(self, school_id: str, student_id: str, date_from: str, date_to: str) -> journal_pb2.Diary:
        diary = self.diaries.get(student_id, journal_pb2.Diary(student_id=student_id))
        return journal_pb2.Diary(student_id=student_id, work_types=diary.work_types, entries=[
            e for e in diary.entries if date_from <= e.date <= date_to])


@dataclass
class School:
    """A school with class 5А of two students (each with a guardian), its form teacher (who teaches Математика), a
    teacher of another class, a deputy head and the school administrator."""

    id: str
    class_group_id: str
    other_class_id: str
    form_teacher: identity_pb2.Person
    stranger: identity_pb2.Person
    deputy: identity_pb2.Person
    admin: identity_pb2.Person
    students: list[identity_pb2.Person]
    guardians: list[identity_pb2.Person]
    year_id: str


@dataclass
class Messaging:
    stub: messaging_pb2_grpc.MessagingServiceStub
    db: Database
    outbox: Outbox
    principals: FakePrincipals
    identity: FakeIdentity
    schedule: FakeSchedule
    journal: FakeJournal
    store: ObjectStore
    mailer: Mailer
    clock: Clock
    login: Token  # the operator's, fetched again before it expires

    @property
    def token(self) -> str:
        return self.login.access_token()

    def call(self, method: str, request):
        return grpc_harness.call(self.stub, method, request, self.token)

    def act_as(self, school: School, card: identity_pb2.Person) -> None:
        """The next calls come from this person with their roles (a guardian with their children)."""
        if card.kind == identity_pb2.GUARDIAN:
            children = [s.id for s, g in zip(school.students, school.guardians, strict=True) if g.id == card.id]
            self.principals.grant(school.id, "guardian", person_id=card.id, student_ids=children)
        elif card.kind == identity_pb2.STUDENT:
            self.principals.grant(school.id, "student", person_id=card.id, student_ids=[card.id])
        else:
            self.principals.grant(school.id, *card.roles, person_id=card.id, leads=card.form_class_group_ids)

    def unit_of_work(self, school_id: str) -> MessagingUnitOfWork:
        return bootstrap.units_of_work(self.db, self.outbox, self.ports)(Scope.of_event(school_id))

    @property
    def ports(self) -> bootstrap.Ports:
        return bootstrap.Ports(self.identity, self.schedule, self.journal, self.store, self.mailer)

    def new_school(self) -> School:
        sid, group, other = (str(uuid.uuid4()) for _ in range(3))
        year = schedule_pb2.AcademicYear(id=str(uuid.uuid4()), school_id=sid, name="2025/2026", start_date="2025-09-01",
                                         end_date="2026-08-31", status="open")
        self.schedule.years[year.id] = year
        for gid, name in ((group, "5А"), (other, "6Б")):
            self.schedule.groups[gid] = schedule_pb2.ClassGroup(id=gid, school_id=sid, academic_year_id=year.id,
                                                                grade=int(name[0]), name=name)
        add = self.identity.add
        form_teacher = add(person(sid, identity_pb2.STAFF, "Кузнецов", "Андрей", ["subject_teacher", "form_teacher"],
                                  leads=[group]))
        stranger = add(person(sid, identity_pb2.STAFF, "Чужов", "Олег", ["subject_teacher"]))
        deputy = add(person(sid, identity_pb2.STAFF, "Волкова", "Елена", ["deputy_head"]))
        admin = add(person(sid, identity_pb2.STAFF, "Смирнова", "Ольга", ["school_admin"]))
        students = [add(person(sid, identity_pb2.STUDENT, last, first, class_group_id=group))
                    for last, first in (("Иванов", "Пётр"), ("Петрова", "Дарья"))]
        guardians = [add(person(sid, identity_pb2.GUARDIAN, last, first))
                     for last, first in (("Иванова", "Мария"), ("Петров", "Сергей"))]
        maths = str(uuid.uuid4())
        self.schedule.subject_names[maths] = "Математика"
        self.schedule.assigned += [
            schedule_pb2.TeachingAssignment(id=str(uuid.uuid4()), school_id=sid, teacher_id=form_teacher.id,
                                            subject_id=maths, class_group_id=group),
            schedule_pb2.TeachingAssignment(id=str(uuid.uuid4()), school_id=sid, teacher_id=stranger.id,
                                            subject_id=maths, class_group_id=other)]
        now = self.clock()
        uow = self.unit_of_work(sid)
        with uow:
            for student, guardian in zip(students, guardians, strict=True):
                uow.directory.link_guardian(guardian.id, student.id, now)
            for card in self.identity.people.values():
                if card.school_id == sid:
                    uow.directory.name("person", card.id, f"{card.name.last_name} {card.name.first_name}")
        return School(sid, group, other, form_teacher, stranger, deputy, admin, students, guardians, year.id)


@pytest.fixture(scope="session")
def messaging():
    with database("messaging") as db:
        env = stack.env()
        store = ObjectStore.connect(env["OTMETKA_MINIO_ENDPOINT"], env["OTMETKA_MINIO_ROOT_USER"],
                                    env["OTMETKA_MINIO_ROOT_PASSWORD"], "otmetka-messages-it", env["OTMETKA_TLS_CA"])
        store.ensure_bucket()
        outbox, principals, clock = Outbox("messaging", tables.outbox), FakePrincipals(), Clock()
        identity, schedule, journal = FakeIdentity(), FakeSchedule(), FakeJournal()
        mailer = Mailer(SENDER, [LINK_KEY], PUBLIC_URL)
        servicer = bootstrap.servicer(db, outbox, bootstrap.Ports(identity, schedule, journal, store, mailer), clock)
        with serving(messaging_pb2_grpc.add_MessagingServiceServicer_to_server, servicer,
                     messaging_pb2_grpc.MessagingServiceStub, principals, PUBLIC_METHODS) as stub:
            yield Messaging(stub, db, outbox, principals, identity, schedule, journal, store, mailer, clock,
                            stack.operator_login())


@pytest.fixture
def school(messaging) -> School:
    messaging.clock.now = dt.datetime(2026, 3, 2, 10, 0, tzinfo=SCHOOL_ZONE)
    return messaging.new_school()
