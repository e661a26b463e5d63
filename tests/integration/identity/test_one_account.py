"""One person, one login in several schools: a teacher in two schools, a parent with children in two schools and a
student enrolled from another school of the municipality add the second school's record to their login with its
code (never by a match of their data: one school's record must not hand its login to another school's person)."""
import uuid

import grpc
import pytest

from proto.identity.v1 import identity_pb2 as pb
from tests.integration.identity.conftest import activate, onboard
from tests.support.grpc_harness import rpc_error

pytestmark = pytest.mark.stack


@pytest.fixture(scope="module")
def schools(identity):
    return onboard(identity, "Первая школа"), onboard(identity, "Вторая школа")


def record(identity, school, kind, last, **extra) -> pb.Person:
    return identity.call("CreatePerson", pb.CreatePersonRequest(
        school_id=school.id, kind=kind, name=pb.PersonName(last_name=last, first_name="Общий"), **extra),
        school.admin_token).person


def code_for(identity, school, person_id) -> pb.ActivationSlip:
    [slip] = identity.call("IssueActivation", pb.IssueActivationRequest(school_id=school.id, person_ids=[person_id]),
                           school.admin_token).slips
    return slip


def memberships(identity, token) -> dict[str, pb.Principal]:
    return {m.school.id: m.principal for m in identity.call("GetMe", pb.GetMeRequest(), token).memberships}


def test_a_teacher_in_two_schools_has_one_login(identity, schools):
    first, second = schools
    in_first = record(identity, first, pb.STAFF, "Совместителева", roles=["subject_teacher"])
    slip = code_for(identity, first, in_first.id)
    token = activate(identity, slip.code, slip.username)
    in_second = record(identity, second, pb.STAFF, "Совместителева", roles=["subject_teacher", "form_teacher"])
    claimed = identity.call("ClaimActivation", pb.ClaimActivationRequest(code=code_for(identity, second,
                                                                                      in_second.id).code), token)
    assert claimed.username == slip.username and claimed.school_short_name == second.onboarded.school.short_name
    both = memberships(identity, token)
    assert both[first.id].person_id == in_first.id and both[second.id].person_id == in_second.id
    assert list(both[second.id].roles) == ["form_teacher", "subject_teacher"]
    assert identity.call("GetPerson", pb.GetPersonRequest(school_id=second.id, person_id=in_second.id),
                         second.admin_token).username == slip.username
    subject = both[first.id].subject
    organizations = {o["id"] for o in identity.keycloak.get_user_organizations(subject)}
    assert {first.onboarded.school.organization_id, second.onboarded.school.organization_id} <= organizations

    # neither school may now reset the shared login's password
    for school, person in ((first, in_first), (second, in_second)):
        with pytest.raises(grpc.RpcError) as refused:
            identity.call("IssueActivation", pb.IssueActivationRequest(school_id=school.id, person_ids=[person.id]),
                          school.admin_token)
        code, message, _ = rpc_error(refused)
        assert code == grpc.StatusCode.FAILED_PRECONDITION and "в другой школе" in message


def test_a_student_enrolled_from_another_school_keeps_one_login(identity, schools):
    first, second = schools
    snils = "112-233-445 95"
    before = record(identity, first, pb.STUDENT, "Переездов", gender="male", birth_date="2014-03-03", snils=snils,
                    class_group_id=str(uuid.uuid4()))
    slip = code_for(identity, first, before.id)
    token = activate(identity, slip.code, slip.username)
    after = record(identity, second, pb.STUDENT, "Переездов", gender="male", birth_date="2014-03-03", snils=snils,
                   class_group_id=str(uuid.uuid4()))
    assert memberships(identity, token).keys() == {first.id}  # the same SNILS alone joins nothing
    assert identity.call("GetPerson", pb.GetPersonRequest(school_id=second.id, person_id=after.id),
                         second.admin_token).access == "none"
    identity.call("ClaimActivation", pb.ClaimActivationRequest(code=code_for(identity, second, after.id).code), token)
    both = memberships(identity, token)
    assert both[first.id].person_id == before.id and both[second.id].person_id == after.id
    assert list(both[second.id].student_ids) == [after.id] and list(both[second.id].roles) == ["student"]


def test_a_parent_with_children_in_two_schools_has_one_login(identity, schools):
    first, second = schools
    children, parents = [], []
    for school in schools:
        child = record(identity, school, pb.STUDENT, "Ребёнкин", gender="male", birth_date="2015-01-01",
                       class_group_id=str(uuid.uuid4()))
        parent = record(identity, school, pb.GUARDIAN, "Ребёнкина")
        identity.call("LinkGuardian", pb.LinkGuardianRequest(school_id=school.id, guardian_id=parent.id,
                                                             student_id=child.id), school.admin_token)
        children.append(child)
        parents.append(parent)
    slip = code_for(identity, first, parents[0].id)
    token = activate(identity, slip.code, slip.username)
    identity.call("ClaimActivation", pb.ClaimActivationRequest(code=code_for(identity, second, parents[1].id).code),
                  token)
    both = memberships(identity, token)
    assert list(both[first.id].student_ids) == [children[0].id] and list(both[second.id].student_ids) == [children[1].id]


def test_a_record_of_another_login_is_not_claimed(identity, schools):
    first, _ = schools
    person = record(identity, first, pb.STAFF, "Занятова", roles=["secretary"])
    slip = code_for(identity, first, person.id)
    activate(identity, slip.code, slip.username)
    again = code_for(identity, first, person.id)  # e.g. a reset slip, then claimed by someone else
    with pytest.raises(grpc.RpcError) as refused:
        identity.call("ClaimActivation", pb.ClaimActivationRequest(code=again.code), first.admin_token)
    code, message, _ = rpc_error(refused)
    assert code == grpc.StatusCode.ALREADY_EXISTS and "другой учётной записью" in message
    token = activate(identity, again.code, again.username)
    assert memberships(identity, token)[first.id].person_id == person.id
