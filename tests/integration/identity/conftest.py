"""The identity servicer in-process on a free port, against the real PostgreSQL and Keycloak."""
import collections
import contextlib
import dataclasses
import datetime as dt
import threading
import uuid
from dataclasses import dataclass

import pytest
from keycloak import KeycloakAdmin

from proto.identity.v1 import identity_pb2 as pb
from proto.identity.v1 import identity_pb2_grpc
from services.common import context
from services.common.auth import TokenVerifier
from services.common.db import Database
from services.common.errors import Invalid
from services.common.outbox import Outbox
from services.common.scope import Scope
from services.identity import bootstrap
from services.identity.adapters import tables
from services.identity.adapters.keycloak_accounts import KeycloakAccounts
from services.identity.domain.activation_code import CodeKey
from services.identity.domain.class_groups import AcademicYear, ClassGroup, NextYear, successor_name
from services.identity.domain.snils import snils_digits
from services.identity.service_layer.ports import Ports
from services.identity.service_layer.unit_of_work import IdentityUnitOfWork
from services.tooling import municipality
from services.tooling.api_client import Token
from tests.support import grpc_harness, stack
from tests.support.grpc_harness import database, serving, token_verifier

CODE_KEY = CodeKey(b"integration tests: activation code key, not a real one")


class ClassGroups:
    """Our port to the schedule service's class groups and years, as schedule answers it: `require` passes every id
    except those in `missing`; the class groups, years and subjects a test adds are the school's (`year`,
    `add_class`, `add_subject`);
    `open_next_year` continues a year as schedule's OpenNextYear does (once per source year)."""

    def __init__(self):
        self.missing: set[str] = set()
        self.groups: dict[str, dict[str, ClassGroup]] = collections.defaultdict(dict)
        self.years: dict[str, list[AcademicYear]] = collections.defaultdict(list)
        self.opened: dict[tuple[str, str], NextYear] = {}
        self.subject_names: dict[str, dict[str, str]] = collections.defaultdict(dict)
        self.opening = threading.Lock()

    def require(self, school_id: str, class_group_id: str) -> None:
        if class_group_id in self.missing:
            raise Invalid("class_group_id", "в этой школе нет такого класса")

    def year(self, school_id: str, start: dt.date, status: str = "open") -> AcademicYear:
        end = dt.date(start.year + 1, 5, 31)
        year = AcademicYear(str(uuid.uuid4()), f"{start.year}/{start.year + 1}", start, end, status)
        self.years[school_id].append(year)
        return year

    def close(self, school_id: str, year_id: str) -> None:
        self.years[school_id] = [dataclasses.replace(y, status="closed") if y.id == year_id else y
                                 for y in self.years[school_id]]

    def class_group(self, school_id: str, class_group_id: str) -> ClassGroup | None:
        return self.groups[school_id].get(class_group_id)

    def add_class(self, school_id: str, year: AcademicYear, grade: int, name: str) -> ClassGroup:
        group = ClassGroup(str(uuid.uuid4()), year.id, grade, name)
        self.groups[school_id][group.id] = group
        return group

    def class_groups(self, school_id: str, academic_year_id: str) -> list[ClassGroup]:
        return [g for g in self.groups[school_id].values() if g.academic_year_id == academic_year_id]

    def add_subject(self, school_id: str, name: str) -> str:
        subject_id = str(uuid.uuid4())
        self.subject_names[school_id][subject_id] = name
        return subject_id

    def subjects(self, school_id: str) -> dict[str, str]:
        return dict(self.subject_names[school_id])

    def academic_years(self, school_id: str) -> list[AcademicYear]:
        return sorted(self.years[school_id], key=lambda y: y.start, reverse=True)

    def open_next_year(self, school_id: str, source_year_id: str, name: str,
                       new_classes: list[tuple[int, str]]) -> NextYear:
        with self.opening:  # one at a time, as schedule locks the source year
            return self._open_next_year(school_id, source_year_id, new_classes)

    def _open_next_year(self, school_id: str, source_year_id: str, new_classes: list[tuple[int, str]]) -> NextYear:
        if (school_id, source_year_id) not in self.opened:
            [source] = [y for y in self.years[school_id] if y.id == source_year_id]
            year = self.year(school_id, dt.date(source.start.year + 1, source.start.month, source.start.day))
            successions = {g.id: self.add_class(school_id, year, g.grade + 1,
                                                successor_name(g.name, g.grade, g.grade + 1)).id
                           for g in self.class_groups(school_id, source_year_id) if g.grade not in (9, 11)}
            for grade, class_name in new_classes:
                self.add_class(school_id, year, grade, class_name)
            self.opened[school_id, source_year_id] = NextYear(year, self.class_groups(school_id, year.id), successions)
        return self.opened[school_id, source_year_id]


@dataclass
class Identity:
    stub: identity_pb2_grpc.IdentityServiceStub
    db: Database
    outbox: Outbox
    accounts: KeycloakAccounts
    keycloak: KeycloakAdmin  # the tests' own view of Keycloak, to check what the service did
    verifier: TokenVerifier
    class_groups: ClassGroups
    code_key: CodeKey
    ports: Ports  # the service's ports as the servicer has them
    # the end user's address as the gateway forwards it: one per test run, so that the failed activation
    # attempts of earlier runs never lock this one out
    client_address: str = dataclasses.field(default_factory=lambda: f"2001:db8::{uuid.uuid4().hex[:4]}")

    def uow(self, scope: Scope) -> IdentityUnitOfWork:
        return bootstrap.unit_of_work(self.db, self.outbox)(scope)

    def uows(self, school_id: str) -> IdentityUnitOfWork:
        return bootstrap.units_of_work(self.db, self.outbox)(school_id)

    @contextlib.contextmanager
    def scope(self, token: str, school_id: str):
        """The scope of a call in the school as the holder of the token, for calling a command directly."""
        tokens = context.bind(self.verifier.verify(token))
        try:
            yield Scope(school_id, self.ports.principals)
        finally:
            context.reset(tokens)

    def call(self, method: str, request, token: str, client_address: str = ""):
        return grpc_harness.call(self.stub, method, request, token,
                                 [("x-forwarded-for", client_address or self.client_address)])


@pytest.fixture(scope="session")
def identity():
    env = stack.env()
    url, realm, secret = env["OTMETKA_KEYCLOAK_URL"], env["OTMETKA_KEYCLOAK_REALM"], env["OTMETKA_IDENTITY_CLIENT_SECRET"]
    outbox = Outbox("identity", tables.outbox)
    accounts = KeycloakAccounts(url, realm, "otmetka-identity", secret)
    keycloak = KeycloakAdmin(server_url=url, realm_name=realm, client_id="otmetka-identity", client_secret_key=secret)
    class_groups = ClassGroups()
    with database("identity") as db:
        ports = bootstrap.ports(db, accounts, class_groups, CODE_KEY)
        with serving(identity_pb2_grpc.add_IdentityServiceServicer_to_server, bootstrap.servicer(db, outbox, ports),
                     identity_pb2_grpc.IdentityServiceStub, ports.principals) as stub:
            yield Identity(stub, db, outbox, accounts, keycloak, token_verifier(), class_groups, CODE_KEY, ports)


@dataclass
class School:
    onboarded: pb.OnboardSchoolResponse
    admin: Token  # the school administrator's, fetched again before it expires

    @property
    def admin_token(self) -> str:
        return self.admin.access_token()

    @property
    def id(self) -> str:
        return self.onboarded.school.id


def onboard(identity: Identity, short_name: str) -> School:
    tag = uuid.uuid4().hex[:6]
    onboarded = identity.call("OnboardSchool", pb.OnboardSchoolRequest(
        name=f"Средняя общеобразовательная школа «{short_name}» {tag}", short_name=f"{short_name} {tag}",
        admin_name=pb.PersonName(last_name="Администраторова", first_name="Анна", middle_name="Петровна"),
        admin_email=f"admin-{tag}@school.example",
    ), stack.operator_token())
    return School(onboarded, stack.login(onboarded.admin_username,
                                         activated_password(identity, onboarded.admin_activation_code)))


def activate(identity: Identity, code: str, username: str) -> str:
    """Sets a password with the activation code (as the public page does) and logs in: the token."""
    return stack.password_token(username, activated_password(identity, code))


def activated_password(identity: Identity, code: str) -> str:
    """Sets a new password with the activation code and returns it."""
    password = f"Pw-{uuid.uuid4().hex}"
    # the harness serves every method behind a token; the handler itself never looks at the caller
    identity.call("ActivateAccount", pb.ActivateAccountRequest(code=code, password=password), stack.service_token())
    return password


def staff_login(identity: Identity, created: pb.CreatePersonResponse) -> str:
    """The token of a person created with create_account, after they activated the code they were given."""
    return activate(identity, created.activation.code, created.activation.username)


@pytest.fixture(scope="session")
def school(identity) -> School:
    return onboard(identity, "Школа А")


@pytest.fixture(scope="session")
def other_school(identity) -> School:
    return onboard(identity, "Школа Б")


def snils_with_checksum(prefix: str) -> str:
    """A valid SNILS from nine digits, its 11 digits only."""
    return snils_digits(municipality.snils_with_checksum(int(prefix)))


def random_snils() -> str:
    return snils_with_checksum(f"{uuid.uuid4().int % 10**9:09d}")


@pytest.fixture
def realm_user(identity):
    """Creates realm users with given attributes (as the Gosuslugi broker would) and removes them after."""
    created = []

    def make(first_name: str = "Ольга", last_name: str = "Родителева", **attributes) -> tuple[str, str]:
        username, password = f"test-guardian-{uuid.uuid4().hex[:8]}", f"Pw-{uuid.uuid4().hex}"
        user_id = identity.keycloak.create_user({
            "username": username, "enabled": True, "firstName": first_name, "lastName": last_name,
            "attributes": {k: [v] for k, v in attributes.items()},
            "credentials": [{"type": "password", "value": password, "temporary": False}],
        })
        created.append(user_id)
        return user_id, stack.password_token(username, password)

    yield make
    for user_id in created:
        identity.keycloak.delete_user(user_id)
