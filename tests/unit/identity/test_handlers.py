"""The identity service layer against a fake unit of work and a fake of our Keycloak-accounts port (no PostgreSQL, no
Keycloak), as cosmicpython's tests/unit/test_handlers.py: what a command stores, publishes and audits, that it
commits only when it succeeds, and that Keycloak side effects are undone when the transaction fails."""
import uuid
from types import SimpleNamespace

import pytest

from proto.identity.v1 import identity_pb2 as pb
from services.common.context import Caller
from services.common.errors import FailedPrecondition, Forbidden, Invalid, NotFound
from services.common.policy import Principal
from services.common.scope import Scope
from services.identity.domain.activation_code import CodeKey
from services.identity.domain.person import PersonName
from services.identity.domain.school_card import SchoolCard
from services.identity.domain.staff_card import StaffCard
from services.identity.service_layer import audit_log, people, schools
from tests.support import fake_unit_of_work

SCHOOL = str(uuid.uuid4())
TEACHER = str(uuid.uuid4())
KEY = CodeKey(b"unit tests: activation code key, not a real one")


class FakePeople:
    """PersonStore in memory: rows by id (the cards are built from them)."""

    def __init__(self, *rows: SimpleNamespace):
        self.rows = {row.id: row for row in rows}
        self.breaches: list[tuple] = []

    def row(self, person_id: str):
        return self.rows.get(person_id)

    def card(self, person_id: str, field: str = "person_id") -> pb.Person:
        if person_id not in self.rows:
            raise NotFound("Человек не найден в этой школе", {field: "не найден"})
        row = self.rows[person_id]
        return pb.Person(id=row.id, kind=pb.PersonKind.Value(row.kind.upper()),
                         staff=pb.StaffCard(**{f: getattr(row, f, "") for f in vars(StaffCard())}))

    def update(self, person_id: str, **values) -> None:
        vars(self.rows[person_id]).update(values)

    def add(self, person_id: str, person, subject=None, username=None) -> pb.Person:
        self.rows[person_id] = SimpleNamespace(id=person_id, kind=person.kind, subject=subject, username=username,
                                               last_name=person.name.last_name, first_name=person.name.first_name,
                                               middle_name=person.name.middle_name)
        return pb.Person(id=person_id, kind=pb.PersonKind.Value(person.kind.upper()), roles=person.roles)

    def record_breach(self, person_id: str, subject: str, reported_at, reported_by: str) -> None:
        self.breaches.append((person_id, subject, reported_by))


class FakeSchools:
    def add(self, organization_id: str, card: SchoolCard):
        return SimpleNamespace(school_id=SCHOOL, name=card.name, short_name=card.short_name,
                               organization_id=organization_id, status="active", contact_fields=[],
                               **{field: "" for field in ("inn", "ogrn", "address", "licence_number",
                                                          "accreditation_number")},
                               licence_date=None, accreditation_date=None)


class FakeCodes:
    def __init__(self):
        self.issued: list[str] = []

    def replace(self, person_id: str, code_hash: str, *rest) -> None:
        self.issued.append(person_id)


class FakeAudit:
    def __init__(self):
        self.entries: list[tuple] = []

    def record(self, action: str, object_id: str, **details) -> None:
        self.entries.append((action, object_id, details))


class FakeUnitOfWork(fake_unit_of_work.FakeUnitOfWork):
    """IdentityUnitOfWork in memory: its stores on the shared fake; `failing` makes publishing fail, as a broken
    database would."""

    def __init__(self, *rows: SimpleNamespace, principals: dict[str, Principal] | None = None, failing=False):
        super().__init__(SCHOOL)
        self.people, self.schools, self.codes, self.audit = FakePeople(*rows), FakeSchools(), FakeCodes(), FakeAudit()
        self.principals = principals or {}
        self.failing = failing
        self.entered = 0

    def __enter__(self):
        self.entered += 1
        return super().__enter__()

    def publish(self, message) -> None:
        if self.failing:
            raise RuntimeError("database part failed")
        super().publish(message)

    def principal_of(self, subject: str) -> Principal:
        return self.principals.get(subject, Principal(subject=subject, school_id=SCHOOL))


class FakeAccounts:
    """Our Keycloak-accounts port in memory: what was created, removed and locked."""

    def __init__(self):
        self.created: list[tuple[str, str]] = []
        self.deleted: list[tuple[str, str]] = []
        self.locked: list[str] = []

    def create_organization(self, school_id: str, short_name: str) -> str:
        self.created.append(("organization", f"org-{school_id[:8]}"))
        return self.created[-1][1]

    def delete_organization(self, organization_id: str) -> None:
        self.deleted.append(("organization", organization_id))

    def create_account(self, account) -> str:
        self.created.append(("user", f"user-{account.username}"))
        return self.created[-1][1]

    def delete_account(self, user_id: str) -> None:
        self.deleted.append(("user", user_id))

    def lock_account(self, user_id: str) -> None:
        self.locked.append(user_id)


class Principals:
    def __init__(self, *roles: str, subject: str = "admin-login"):
        self.principal = Principal(subject=subject, school_id=SCHOOL, person_id="admin", roles=frozenset(roles))

    def resolve(self, school_id: str) -> Principal:
        return self.principal


def staff(person_id: str = TEACHER, **values) -> SimpleNamespace:
    return SimpleNamespace(**{"id": person_id, "kind": "staff", "subject": "login-t1", "username": "",
                              **{field: "" for field in vars(StaffCard())}, **values})


def test_a_staff_card_is_stored_published_and_audited_in_one_commit():
    uow = FakeUnitOfWork(staff())
    card = StaffCard.cleaned(position=" Учитель математики ", qualification_category="first")
    updated = people.update_staff_card(Scope(SCHOOL, Principals("secretary")), uow, TEACHER, card)
    assert (updated.staff.position, updated.staff.qualification_category) == ("Учитель математики", "first")
    assert [type(m).__name__ for m in uow.published] == ["StaffCardUpdated"] and uow.committed == 1
    assert uow.audit.entries == [("staff_card.update", TEACHER, {"position": "Учитель математики",
                                                               "qualification_category": "first", "functions": "",
                                                               "diploma_specialty": ""})]
    again = FakeUnitOfWork(staff(position="Учитель математики", qualification_category="first"))
    people.update_staff_card(Scope(SCHOOL, Principals("secretary")), again, TEACHER, card)
    assert again.published == [] and again.audit.entries == []  # nothing changed: nothing written


def test_a_staff_card_is_refused_before_anything_is_opened_or_written():
    uow = FakeUnitOfWork(staff(), SimpleNamespace(id="s1", kind="student", subject=None))
    with pytest.raises(Forbidden):
        people.update_staff_card(Scope(SCHOOL, Principals("subject_teacher")), uow, TEACHER, StaffCard(position="x"))
    assert uow.entered == 0
    with pytest.raises(Invalid) as refused:
        people.update_staff_card(Scope(SCHOOL, Principals("school_admin")), uow, "s1", StaffCard(position="x"))
    assert set(refused.value.fields) == {"person_id"} and uow.committed == 0 and uow.published == []


def test_a_compromised_login_is_locked_reported_and_stays_locked_when_the_report_fails():
    owner = Caller("login-t1", "uchitel", frozenset(), "token")
    uow = FakeUnitOfWork(staff(), principals={"login-t1": Principal("login-t1", SCHOOL, TEACHER, frozenset({"secretary"}))})
    reported = audit_log.report_compromised(uow, (accounts := FakeAccounts()), owner, TEACHER)
    assert accounts.locked == ["login-t1"] and uow.people.breaches == [(TEACHER, "login-t1", "login-t1")]
    assert [(type(m).__name__, m.reported_at) for m in uow.published] == [("AccountCompromised", reported.reported_at)]
    assert uow.committed == 1 and uow.audit.entries[0][:2] == ("account.compromised", TEACHER)

    failing = FakeUnitOfWork(staff(), principals=uow.principals, failing=True)
    with pytest.raises(RuntimeError):
        audit_log.report_compromised(failing, (accounts := FakeAccounts()), owner, TEACHER)
    assert accounts.locked == ["login-t1"] and failing.committed == 0  # locked all the same


def test_only_the_owner_or_a_school_admin_for_staff_reports_a_login():
    caller = Caller("someone", "", frozenset(), "token")
    secretary = {"someone": Principal("someone", SCHOOL, "x", frozenset({"secretary"}))}
    admin = {"someone": Principal("someone", SCHOOL, "x", frozenset({"school_admin"}))}
    for uow, error in ((FakeUnitOfWork(staff(), principals=secretary), Forbidden),  # not theirs, not an admin
                       (FakeUnitOfWork(staff(subject=None), principals=admin), FailedPrecondition),  # no login
                       (FakeUnitOfWork(principals=admin), NotFound),  # no such record
                       (FakeUnitOfWork(staff()), NotFound)):  # no role in the school: no school
        with pytest.raises(error):
            audit_log.report_compromised(uow, (accounts := FakeAccounts()), caller, TEACHER)
        assert accounts.locked == [] and uow.published == []


def test_onboarding_undoes_its_keycloak_objects_when_the_transaction_fails():
    operator = Caller("operator", "operator", frozenset({"authority_operator"}), "token")
    args = (KEY, operator, SchoolCard("Средняя школа № 1", "СШ 1"), PersonName("Иванова", "Анна"), "")
    opened: list[FakeUnitOfWork] = []

    def uows(school_id: str, failing: bool = False) -> FakeUnitOfWork:
        opened.append(FakeUnitOfWork(failing=failing))
        return opened[-1]

    accounts = FakeAccounts()
    with pytest.raises(RuntimeError):
        schools.onboard_school(lambda school_id: uows(school_id, failing=True), accounts, *args)
    assert [kind for kind, _ in accounts.created] == ["organization", "user"]
    assert accounts.deleted == accounts.created[::-1] and opened[-1].committed == 0

    accounts = FakeAccounts()
    onboarded = schools.onboard_school(uows, accounts, *args)
    assert accounts.deleted == [] and opened[-1].committed == 1
    assert onboarded.admin.access == "invited" and onboarded.admin_activation_code
    assert [type(m).__name__ for m in opened[-1].published] == ["SchoolOnboarded", "PersonRegistered"]
    assert opened[-1].codes.issued == [onboarded.admin.id]

    with pytest.raises(Forbidden):  # only the operator onboards
        schools.onboard_school(uows, (accounts := FakeAccounts()), KEY, Caller("x", "", frozenset(), "t"), *args[2:])
    assert accounts.created == []
