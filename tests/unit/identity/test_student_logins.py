"""A student enrolled from another school of the installation keeps one login: CreatePerson against a fake unit of
work, a fake directory and a fake of our Keycloak port (no PostgreSQL, no Keycloak)."""
from types import SimpleNamespace

import pytest

from proto.identity.v1 import identity_pb2 as pb
from services.common.scope import Scope
from services.identity.domain.person import PersonName
from services.identity.service_layer import people
from services.identity.service_layer.ports import Ports
from tests.unit.identity.test_handlers import KEY, SCHOOL, FakeAccounts, FakePeople, FakeUnitOfWork, Principals

SNILS, OTHER_SNILS = "11223344595", "11223344696"


class Directory:
    """The logins of students of other schools by SNILS."""

    def __init__(self, logins: dict[str, list[str]]):
        self.logins, self.asked = logins, []

    def student_logins(self, snils: str, school_id: str) -> list[str]:
        self.asked.append((snils, school_id))
        return self.logins.get(snils, [])


class Accounts(FakeAccounts):
    def __init__(self):
        super().__init__()
        self.joined: list[tuple[str, str]] = []

    def join_organization(self, user_id: str, organization_id: str) -> None:
        self.joined.append((user_id, organization_id))


class People(FakePeople):
    def has_snils(self, kind: str, snils: str) -> bool:
        return False

    def add(self, person_id, person, subject=None, username=None) -> pb.Person:
        message = super().add(person_id, person, subject, username)
        message.access = "account" if subject else "none"
        return message


class Schools:
    def contact_fields(self) -> list[str]:
        return []

    def row(self):
        return SimpleNamespace(organization_id="org-b")


def create(kind: str, snils: str, logins: dict[str, list[str]], create_account: bool = False):
    uow = FakeUnitOfWork()
    uow.people, uow.schools = People(), Schools()
    ports = Ports(accounts=Accounts(), class_groups=None, directory=Directory(logins), principals=None,
                  code_key=KEY, import_jobs=None)
    roles = ["subject_teacher"] if kind == "staff" else []
    created = people.create_person(Scope(SCHOOL, Principals("secretary")), uow, ports, kind,
                                   PersonName("Переходова", "Мария"), "female", "2012-03-04", snils, roles, "",
                                   create_account)
    return created, uow, ports


def test_a_student_gets_the_login_her_snils_has_in_another_school():
    created, uow, ports = create("student", SNILS, {SNILS: ["login-m"]}, create_account=True)
    person_id = created.person.id
    assert uow.people.rows[person_id].subject == "login-m" and created.person.access == "account"
    assert not created.HasField("activation")  # she has a login: no code
    assert ports.directory.asked == [(SNILS, SCHOOL)] and ports.accounts.joined == [("login-m", "org-b")]
    assert [type(m).__name__ for m in uow.published] == ["PersonRegistered", "StudentLoginCarried"]
    assert uow.published[1] == pb.StudentLoginCarried(student_id=person_id, subject="login-m")
    assert ("account.carry", person_id, {"subject": "login-m"}) in uow.audit.entries and uow.committed == 1


@pytest.mark.parametrize(("kind", "snils", "logins"), [
    ("student", OTHER_SNILS, {SNILS: ["login-m"]}),  # a SNILS that matches nobody
    ("student", SNILS, {SNILS: ["login-m", "login-n"]}),  # records of two logins: neither is hers for sure
    ("student", "", {"": ["login-m"]}),  # no SNILS
    ("staff", SNILS, {SNILS: ["login-m"]}),  # never a staff member
    ("guardian", SNILS, {SNILS: ["login-m"]}),  # nor a guardian
])
def test_no_login_is_carried_without_exactly_one_student_login(kind, snils, logins):
    created, uow, ports = create(kind, snils, logins)
    assert uow.people.rows[created.person.id].subject is None and ports.accounts.joined == []
    assert "StudentLoginCarried" not in [type(m).__name__ for m in uow.published]
    assert all(entry[0] != "account.carry" for entry in uow.audit.entries)
