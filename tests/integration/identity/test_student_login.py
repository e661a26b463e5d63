"""A student enrolled from another school of the installation keeps one login, on the real PostgreSQL and Keycloak:
a student record created (or imported) in school B with the SNILS of a student of school A who activated a login
gets that login, so its GetMe lists both schools; B learns nothing of A's record; a SNILS that matches nobody, a
staff member's or a guardian's SNILS carries nothing; and a student's SNILS never links a Gosuslugi login as a
guardian."""
import grpc
import pytest

from proto.identity.v1 import identity_pb2 as pb
from tests.integration.identity.conftest import activate, onboard, random_snils
from tests.integration.identity.test_audit_import_breach import audit, csv_file, import_people
from tests.integration.identity.test_movement_register import events
from tests.integration.identity.test_one_account import memberships
from tests.support.grpc_harness import rpc_error

pytestmark = pytest.mark.stack


@pytest.fixture(scope="module")
def schools(identity):
    return onboard(identity, "Школа выбытия"), onboard(identity, "Школа прибытия"), onboard(identity, "Третья школа")


def create(identity, school, kind, snils, create_account=False, **extra) -> pb.CreatePersonResponse:
    if kind == pb.STUDENT:
        extra |= dict(gender="female", birth_date="2012-04-05")
    return identity.call("CreatePerson", pb.CreatePersonRequest(
        school_id=school.id, kind=kind, name=pb.PersonName(last_name="Переходова", first_name="Мария"), snils=snils,
        create_account=create_account, **extra), school.admin_token)


def with_login(identity, school, kind, snils, **extra) -> tuple[pb.Person, str]:
    """A person of the school who activated their login, and its token."""
    created = create(identity, school, kind, snils, create_account=True, **extra)
    return created.person, activate(identity, created.activation.code, created.activation.username)


def card(identity, school, person_id) -> pb.Person:
    return identity.call("GetPerson", pb.GetPersonRequest(school_id=school.id, person_id=person_id),
                         school.admin_token)


def test_a_student_enrolled_from_another_school_keeps_her_login(identity, schools):
    school_a, school_b, school_c = schools
    snils = random_snils()
    in_a, token = with_login(identity, school_a, pb.STUDENT, snils)
    created = create(identity, school_b, pb.STUDENT, snils, create_account=True)
    in_b = created.person
    assert in_b.access == "account" and not created.HasField("activation")  # a login already: no code
    both = memberships(identity, token)
    assert set(both) == {school_a.id, school_b.id}
    assert (both[school_a.id].person_id, both[school_b.id].person_id) == (in_a.id, in_b.id)
    principal = identity.call("GetPrincipal", pb.GetPrincipalRequest(school_id=school_b.id), token)
    assert (principal.person_id, list(principal.roles), list(principal.student_ids)) == (in_b.id, ["student"],
                                                                                         [in_b.id])
    subject = principal.subject
    organizations = {o["id"] for o in identity.keycloak.get_user_organizations(subject)}
    assert {school_a.onboarded.school.organization_id, school_b.onboarded.school.organization_id} <= organizations

    # B learns nothing of A's record: not its school, its person, nor the login's name
    shown = card(identity, school_b, in_b.id)
    assert (shown.access, shown.username, list(shown.memberships)) == ("account", "", [])
    assert school_a.id not in str(shown) and in_a.id not in str(shown)
    [carried] = [e for e in audit(identity, school_b) if e.action == "account.carry"]
    assert carried.object_id == in_b.id
    assert [(e.student_id, e.subject) for e in events(identity, school_b, pb.StudentLoginCarried)] == [
        (in_b.id, subject)]
    assert events(identity, school_a, pb.StudentLoginCarried) == []
    # neither school resets the shared login
    with pytest.raises(grpc.RpcError) as refused:
        identity.call("IssueActivation", pb.IssueActivationRequest(school_id=school_b.id, person_ids=[in_b.id]),
                      school_b.admin_token)
    assert rpc_error(refused)[0] == grpc.StatusCode.FAILED_PRECONDITION

    # the people import carries it the same way
    report = import_people(identity, school_c, csv_file(f"student;Переходова;Мария;;female;2012-04-05;{snils};;"),
                           dry_run=False)
    [row] = report.rows
    assert memberships(identity, token)[school_c.id].person_id == row.person_id
    assert card(identity, school_c, row.person_id).access == "account"


def test_a_snils_of_nobody_of_staff_or_of_a_guardian_carries_no_login(identity, schools):
    school_a, school_b, _ = schools
    staff_snils, guardian_snils = random_snils(), random_snils()
    _, staff_token = with_login(identity, school_a, pb.STAFF, staff_snils, roles=["subject_teacher"])
    guardian = create(identity, school_a, pb.GUARDIAN, guardian_snils).person
    identity.call("ClaimActivation", pb.ClaimActivationRequest(code=identity.call(  # the teacher is a parent there
        "IssueActivation", pb.IssueActivationRequest(school_id=school_a.id, person_ids=[guardian.id]),
        school_a.admin_token).slips[0].code), staff_token)
    for snils in (random_snils(), staff_snils, guardian_snils):
        created = create(identity, school_b, pb.STUDENT, snils)
        assert created.person.access == "none" and card(identity, school_b, created.person.id).access == "none"
    assert set(memberships(identity, staff_token)) == {school_a.id}
    assert [e for e in audit(identity, school_b) if e.action == "account.carry" and e.object_id == created.person.id] \
        == []


def test_a_students_snils_links_no_gosuslugi_login_as_a_guardian(identity, schools, realm_user):
    school_a, _, _ = schools
    snils = random_snils()
    student = create(identity, school_a, pb.STUDENT, snils).person
    _, token = realm_user(snils=snils, trusted="true")
    with pytest.raises(grpc.RpcError) as refused:
        identity.call("LinkFederatedAccount", pb.LinkFederatedAccountRequest(), token)
    code, message, _ = rpc_error(refused)
    assert code == grpc.StatusCode.FAILED_PRECONDITION and "не найден ни в одной школе" in message
    assert card(identity, school_a, student.id).access == "none"
