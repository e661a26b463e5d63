"""T6 without SNILS: a Gosuslugi login matching a guardian record by full name, gender and birth date
waits for the school's confirmation; nothing is shown to it before."""
import uuid

import grpc
import pytest
from sqlalchemy import select

from proto.identity.v1 import identity_pb2 as pb
from services.identity.adapters.tables import audit_log, pending_matches
from tests.integration.identity.conftest import onboard, random_snils, staff_login
from tests.support.grpc_harness import rpc_error

pytestmark = pytest.mark.stack


@pytest.fixture(scope="module")
def school(identity):
    return onboard(identity, "Школа сверки")


def unique_guardian(identity, school):
    """A guardian record with a surname no other record of the installation has (the matching looks in every
    school, and the test databases outlive a run), and the realm user's attributes and name that match it: the
    surname written with е where the record has ё, the first name in other case, no patronymic (the token carries a
    middle_name claim only once the realm maps it)."""
    suffix = "".join("абвгдежзиклмнопр"[int(digit, 16)] for digit in uuid.uuid4().hex[:10])
    born = "1984-02-29"
    guardian = identity.call("CreatePerson", pb.CreatePersonRequest(
        school_id=school.id, kind=pb.GUARDIAN, name=pb.PersonName(last_name=f"Родителёва{suffix}", first_name="ольга"),
        gender="female", birth_date=born), school.admin_token).person
    return guardian, {"birthdate": born, "gender": "female", "trusted": "true", "last_name": f"Родителева{suffix}"}


def link(identity, token):
    with pytest.raises(grpc.RpcError) as refused:
        identity.call("LinkFederatedAccount", pb.LinkFederatedAccountRequest(), token)
    return rpc_error(refused)


def matches(identity, school, token=None):
    return identity.call("ListPendingMatches", pb.ListPendingMatchesRequest(school_id=school.id),
                         token or school.admin_token).matches


def test_a_name_match_waits_for_the_school_and_is_linked_when_confirmed(identity, school, other_school, realm_user):
    guardian, attributes = unique_guardian(identity, school)
    subject, token = realm_user(**attributes)  # no SNILS in the token
    for _ in range(2):
        code, message, _ = link(identity, token)
        assert code == grpc.StatusCode.FAILED_PRECONDITION and "переданы в школу" in message
        assert school.onboarded.school.short_name not in message and "Ольга" not in message
    assert list(identity.call("GetPrincipal", pb.GetPrincipalRequest(school_id=school.id), token).roles) == []

    [match] = [m for m in matches(identity, school) if m.person.id == guardian.id]
    assert match.status == "pending" and match.claimed_birth_date == attributes["birthdate"]
    assert match.claimed_full_name == f"{attributes['last_name']} Ольга" and match.claimed_gender == "female"
    assert guardian.id not in {m.person.id for m in matches(identity, other_school, other_school.admin_token)}

    decided = identity.call("DecideMatch", pb.DecideMatchRequest(school_id=school.id, match_id=match.id, confirm=True),
                            school.admin_token)
    assert decided.status == "confirmed" and decided.person.access == "account"
    principal = identity.call("GetPrincipal", pb.GetPrincipalRequest(school_id=school.id), token)
    assert principal.person_id == guardian.id and list(principal.roles) == ["guardian"]
    assert "guardian" in {r["name"] for r in identity.keycloak.get_realm_roles_of_user(subject)}
    with pytest.raises(grpc.RpcError) as again:
        identity.call("DecideMatch", pb.DecideMatchRequest(school_id=school.id, match_id=match.id, confirm=False),
                      school.admin_token)
    assert rpc_error(again)[0] == grpc.StatusCode.ALREADY_EXISTS
    with identity.db.tenant_session(school.id) as session:
        actions = session.scalars(select(audit_log.c.action).where(audit_log.c.object_id == guardian.id)
                                  .order_by(audit_log.c.id)).all()
        assert session.scalar(select(pending_matches.c.decided_by).where(pending_matches.c.id == match.id))
    assert actions == ["person.create", "match.request", "federated.link", "match.confirm"]


def test_a_rejected_match_says_so_and_links_nothing(identity, school, realm_user):
    guardian, attributes = unique_guardian(identity, school)
    _, token = realm_user(snils=random_snils(), **attributes)  # a SNILS that matches nobody: name matching too
    assert "переданы в школу" in link(identity, token)[1]
    [match] = [m for m in matches(identity, school) if m.person.id == guardian.id]
    identity.call("DecideMatch", pb.DecideMatchRequest(school_id=school.id, match_id=match.id), school.admin_token)
    code, message, _ = link(identity, token)
    assert code == grpc.StatusCode.FAILED_PRECONDITION and "не подтвердила" in message
    assert identity.call("GetPerson", pb.GetPersonRequest(school_id=school.id, person_id=guardian.id),
                         school.admin_token).access == "none"


def test_no_match_without_the_same_birth_date_and_only_reviewers_decide(identity, school, realm_user):
    _, attributes = unique_guardian(identity, school)
    _, token = realm_user(**{**attributes, "birthdate": "1950-01-01"})
    code, message, _ = link(identity, token)
    assert code == grpc.StatusCode.FAILED_PRECONDITION and "СНИЛС" in message  # the old refusal, nothing pending
    created = identity.call("CreatePerson", pb.CreatePersonRequest(
        school_id=school.id, kind=pb.STAFF, name=pb.PersonName(last_name="Кадрова", first_name="Ия"),
        roles=["hr_specialist"], create_account=True), school.admin_token)
    hr = staff_login(identity, created)
    with pytest.raises(grpc.RpcError) as refused:
        matches(identity, school, hr)
    assert rpc_error(refused)[0] == grpc.StatusCode.PERMISSION_DENIED
    with pytest.raises(grpc.RpcError) as refused:
        identity.call("DecideMatch", pb.DecideMatchRequest(school_id=school.id, match_id=str(uuid.uuid4()),
                                                           confirm=True), school.admin_token)
    assert rpc_error(refused)[0] == grpc.StatusCode.NOT_FOUND
