"""Row-level security between schools, events written in the state's transaction, and Keycloak
compensation when the database part of a command fails."""
import uuid

import pytest
from keycloak.exceptions import KeycloakGetError
from sqlalchemy import func, select, text

from proto.identity.v1 import identity_pb2 as pb
from services.common.outbox import Outbox
from services.identity.adapters import tables
from services.identity.adapters.keycloak_accounts import KeycloakAccounts
from services.identity.domain.person import PersonName
from services.identity.domain.school_card import SchoolCard
from services.identity.service_layer import people, schools
from services.identity.service_layer.unit_of_work import IdentityUnitOfWork, School
from tests.support import stack

pytestmark = pytest.mark.stack


class BrokenOutbox(Outbox):
    """Writes the event, then fails: the command's transaction must roll back as a whole."""

    def add(self, session, school_id, payload):
        super().add(session, school_id, payload)
        raise RuntimeError("database part failed")


class RecordingAccounts(KeycloakAccounts):
    """The real Keycloak port, remembering what it created."""

    def __init__(self, accounts: KeycloakAccounts):
        self.__dict__.update(accounts.__dict__)
        self.created: list[tuple[str, str]] = []

    def create_organization(self, school_id, short_name):
        organization_id = super().create_organization(school_id, short_name)
        self.created.append(("organization", organization_id))
        return organization_id

    def create_account(self, account):
        user_id = super().create_account(account)
        self.created.append(("user", user_id))
        return user_id


def test_rows_of_another_school_are_invisible(identity, school, other_school):
    for bound, hidden in ((school, other_school), (other_school, school)):
        with identity.db.tenant_session(bound.id) as session:
            for table in (tables.schools, tables.persons, tables.role_grants, tables.directory, tables.outbox):
                ids = set(session.scalars(select(table.c.school_id).distinct()))
                assert ids == {bound.id}, table.name
            hidden_admin = select(tables.persons).where(tables.persons.c.id == hidden.onboarded.admin.id)
            assert session.execute(hidden_admin).first() is None
    with identity.db.engine.connect() as raw:  # the app role with no tenant bound sees nothing
        for table in ("schools", "persons", "role_grants", "guardianships", "directory", "outbox", "import_jobs",
                      "activation_attempts"):
            assert raw.scalar(text(f"SELECT count(*) FROM {table}")) == 0, table
    with identity.db.system_session() as session:  # the cross-school lookup, and nothing more
        assert session.scalar(select(func.count()).select_from(tables.directory)) >= 2
        assert session.scalar(select(func.count()).select_from(tables.persons)) == 0


def broken_uow(identity, school_id: str) -> IdentityUnitOfWork:
    return IdentityUnitOfWork(identity.db, BrokenOutbox("identity", tables.outbox), School(school_id))


def test_person_and_its_event_commit_together(identity, school):
    name = PersonName("Событиев", uuid.uuid4().hex[:6].translate(str.maketrans("0123456789abcdef", "абвгдежзиклмнопр")))
    args = dict(kind="student", name=name, gender="female", birth_date="2014-02-03", snils="",
                roles=[], class_group_id=str(uuid.uuid4()), create_account=False)
    with identity.scope(school.admin_token, school.id) as scope, pytest.raises(RuntimeError):
        people.create_person(scope, broken_uow(identity, school.id), identity.class_groups, identity.code_key, **args)
    with identity.db.tenant_session(school.id) as session:
        assert session.scalar(select(func.count()).where(tables.persons.c.first_name == name.first_name)) == 0

    with identity.scope(school.admin_token, school.id) as scope:
        people.create_person(scope, identity.uow(scope), identity.class_groups, identity.code_key, **args)
    with identity.db.tenant_session(school.id) as session:
        events = session.scalars(select(tables.outbox.c.type).where(tables.outbox.c.key == school.id)
                                 .order_by(tables.outbox.c.seq.desc()).limit(2)).all()
    assert events == [pb.StudentEnrolled.DESCRIPTOR.full_name, pb.PersonRegistered.DESCRIPTOR.full_name]


def test_failed_onboarding_leaves_nothing_in_keycloak(identity):
    accounts = RecordingAccounts(identity.accounts)
    short_name = f"Несостоявшаяся {uuid.uuid4().hex[:6]}"
    with pytest.raises(RuntimeError):
        schools.onboard_school(lambda school_id: broken_uow(identity, school_id), accounts, identity.code_key,
                               identity.verifier.verify(stack.operator_token()),
                               SchoolCard("Несостоявшаяся школа", short_name), PersonName("Иванов", "Иван"), "")
    assert [kind for kind, _ in accounts.created] == ["organization", "user"]
    for kind, created_id in accounts.created:
        with pytest.raises(KeycloakGetError):
            (identity.keycloak.get_organization if kind == "organization" else identity.keycloak.get_user)(created_id)
    with identity.db.system_session() as session:
        assert session.scalar(select(func.count()).where(tables.schools.c.short_name == short_name)) == 0
