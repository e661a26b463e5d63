"""IdentityService over gRPC with real tokens: onboarding, people, guardians, Gosuslugi links, principals."""
import uuid

import grpc
import jwt
import pytest

from proto.identity.v1 import identity_pb2 as pb
from tests.integration.identity.conftest import onboard, random_snils, staff_login
from tests.support import stack
from tests.support.grpc_harness import rpc_error

pytestmark = pytest.mark.stack
CLASS_5A, CLASS_5B = str(uuid.uuid4()), str(uuid.uuid4())


def claims(token: str) -> dict:
    return jwt.decode(token, options={"verify_signature": False})


def person_request(school, kind, last, first, **extra) -> pb.CreatePersonRequest:
    return pb.CreatePersonRequest(school_id=school.id, kind=kind, name=pb.PersonName(last_name=last, first_name=first),
                                  **extra)


def test_onboarding_creates_organization_and_admin(identity):
    school = onboard(identity, "Школа онбординга")  # its own: the shared school's organization gains members
    onboarded = school.onboarded
    organization = identity.keycloak.get_organization(onboarded.school.organization_id)
    assert organization["alias"] == f"school-{school.id}"
    members = identity.keycloak.get_organization_members(onboarded.school.organization_id)
    assert [m["username"] for m in members] == [onboarded.admin_username]
    assert onboarded.admin_username == f"admin.{school.id.replace('-', '')[:8]}"
    assert onboarded.admin_initial_password == "" and len(onboarded.admin_activation_code) == 14
    assert "school_admin" in claims(school.admin_token)["realm_access"]["roles"]
    assert list(onboarded.admin.roles) == ["school_admin"]
    assert onboarded.admin.username == onboarded.admin_username

    me = identity.call("GetMe", pb.GetMeRequest(), school.admin_token)
    assert me.username == onboarded.admin_username
    [membership] = me.memberships
    assert membership.school.id == school.id
    assert membership.full_name == "Администраторова Анна Петровна"
    assert list(membership.principal.roles) == ["school_admin"]
    assert membership.principal.person_id == onboarded.admin.id

    schools = identity.call("ListSchools", pb.ListSchoolsRequest(), stack.operator_token()).schools
    assert school.id in {s.id for s in schools}


def test_only_the_operator_onboards_and_input_is_checked(identity, school):
    request = pb.OnboardSchoolRequest(name="Школа", short_name="Ш", admin_name=pb.PersonName(last_name="Иванов",
                                                                                            first_name="Иван"))
    with pytest.raises(grpc.RpcError) as refused:
        identity.call("OnboardSchool", request, school.admin_token)
    assert rpc_error(refused)[0] == grpc.StatusCode.PERMISSION_DENIED
    with pytest.raises(grpc.RpcError) as refused:
        identity.call("OnboardSchool", pb.OnboardSchoolRequest(admin_email="нет"), stack.operator_token())
    code, _, fields = rpc_error(refused)
    assert code == grpc.StatusCode.INVALID_ARGUMENT
    assert set(fields) == {"name", "short_name", "admin_name.last_name", "admin_name.first_name", "admin_email"}
    with pytest.raises(grpc.RpcError) as refused:
        identity.call("ListSchools", pb.ListSchoolsRequest(), school.admin_token)
    assert rpc_error(refused)[0] == grpc.StatusCode.PERMISSION_DENIED


def test_staff_with_account_can_log_in_with_their_roles(identity, school):
    created = identity.call("CreatePerson", person_request(
        school, pb.STAFF, "Учителева", "Мария", gender="female", birth_date="1985-04-12",
        roles=["subject_teacher", "form_teacher"], create_account=True), school.admin_token)
    assert created.initial_password == "" and created.person.access == "invited" and not created.person.username
    assert created.activation.username.startswith("uchiteleva.") and len(created.activation.code) == 14
    token = staff_login(identity, created)
    teacher = identity.call("GetPerson", pb.GetPersonRequest(school_id=school.id, person_id=created.person.id), token)
    assert teacher.username == created.activation.username and teacher.access == "activated"
    token_claims = claims(token)
    assert {"subject_teacher", "form_teacher"} <= set(token_claims["realm_access"]["roles"])
    members = identity.keycloak.get_organization_members(school.onboarded.school.organization_id)
    assert teacher.username in {m["username"] for m in members}

    principal = identity.call("GetPrincipal", pb.GetPrincipalRequest(school_id=school.id), token)
    assert principal.person_id == teacher.id and principal.subject == token_claims["sub"]
    assert list(principal.roles) == ["form_teacher", "subject_teacher"]
    assert identity.call("GetPerson", pb.GetPersonRequest(school_id=school.id, person_id=teacher.id), token) == teacher
    with pytest.raises(grpc.RpcError) as refused:  # teachers read people but do not manage them
        identity.call("CreatePerson", person_request(school, pb.GUARDIAN, "Петров", "Пётр"), token)
    assert rpc_error(refused)[0] == grpc.StatusCode.PERMISSION_DENIED


def test_bad_person_input_is_refused_with_fields(identity, school):
    with pytest.raises(grpc.RpcError) as refused:
        identity.call("CreatePerson", person_request(school, pb.STUDENT, "Иванов", "", snils="123",
                                                     birth_date="31.12.2015"), school.admin_token)
    code, message, fields = rpc_error(refused)
    assert code == grpc.StatusCode.INVALID_ARGUMENT and message
    assert {"name.first_name", "snils", "birth_date", "gender"} <= set(fields)


def test_students_guardians_and_the_guardians_principal(identity, school, realm_user):
    def student(last, first, class_group):
        return identity.call("CreatePerson", person_request(school, pb.STUDENT, last, first, gender="male",
                                                            birth_date="2014-05-01", class_group_id=class_group),
                             school.admin_token).person

    own_child, other_child = student("Яковлев", "Ян", CLASS_5A), student("Антонов", "Антон", CLASS_5A)
    student("Борисов", "Борис", CLASS_5B)
    class_list = identity.call("ListPeople", pb.ListPeopleRequest(school_id=school.id, class_group_id=CLASS_5A),
                               school.admin_token).people
    assert [p.id for p in class_list] == [other_child.id, own_child.id]
    assert all(p.roles == ["student"] and p.kind == pb.STUDENT for p in class_list)

    snils = random_snils()
    spaced = f"{snils[:3]}-{snils[3:6]}-{snils[6:9]} {snils[9:]}"
    guardian = identity.call("CreatePerson", person_request(school, pb.GUARDIAN, "Яковлева", "Ольга", snils=spaced),
                             school.admin_token).person
    assert guardian.snils == snils
    with pytest.raises(grpc.RpcError) as refused:
        identity.call("CreatePerson", person_request(school, pb.GUARDIAN, "Другая", "Ольга", snils=snils),
                      school.admin_token)
    code, message, _ = rpc_error(refused)
    assert code == grpc.StatusCode.ALREADY_EXISTS and "СНИЛС" in message

    link = pb.LinkGuardianRequest(school_id=school.id, guardian_id=guardian.id, student_id=own_child.id, relation="mother")
    identity.call("LinkGuardian", link, school.admin_token)
    identity.call("LinkGuardian", link, school.admin_token)  # again: nothing changes
    with pytest.raises(grpc.RpcError) as refused:
        identity.call("LinkGuardian", pb.LinkGuardianRequest(school_id=school.id, guardian_id=own_child.id,
                                                             student_id=other_child.id), school.admin_token)
    assert rpc_error(refused)[0] == grpc.StatusCode.INVALID_ARGUMENT
    with pytest.raises(grpc.RpcError) as refused:
        identity.call("LinkGuardian", pb.LinkGuardianRequest(school_id=school.id, guardian_id=guardian.id,
                                                             student_id=str(uuid.uuid4())), school.admin_token)
    assert rpc_error(refused)[0] == grpc.StatusCode.NOT_FOUND

    user_id, token = realm_user(snils=spaced, trusted="true")
    assert claims(token)["snils"] == spaced
    for _ in range(2):  # idempotent
        linked = identity.call("LinkFederatedAccount", pb.LinkFederatedAccountRequest(), token).guardians
        assert [g.id for g in linked] == [guardian.id]
        assert list(linked[0].roles) == ["guardian"]
    principal = identity.call("GetPrincipal", pb.GetPrincipalRequest(school_id=school.id), token)
    assert principal.person_id == guardian.id and principal.subject == user_id
    assert list(principal.roles) == ["guardian"]
    assert list(principal.student_ids) == [own_child.id]
    assert "guardian" in {r["name"] for r in identity.keycloak.get_realm_roles_of_user(user_id)}
    [membership] = identity.call("GetMe", pb.GetMeRequest(), token).memberships
    assert membership.school.id == school.id and membership.full_name == "Яковлева Ольга"
    with pytest.raises(grpc.RpcError) as refused:  # guardians do not read the school's people
        identity.call("ListPeople", pb.ListPeopleRequest(school_id=school.id), token)
    assert rpc_error(refused)[0] == grpc.StatusCode.PERMISSION_DENIED


def test_federated_links_are_refused_with_reasons(identity, school, realm_user):
    cases = [({"snils": random_snils(), "trusted": "false"}, "не подтверждена"),
             ({"trusted": "true"}, "СНИЛС"),
             ({"snils": random_snils(), "trusted": "true"}, "не найден ни в одной школе")]
    for attributes, reason in cases:
        _, token = realm_user(**attributes)
        with pytest.raises(grpc.RpcError) as refused:
            identity.call("LinkFederatedAccount", pb.LinkFederatedAccountRequest(), token)
        code, message, _ = rpc_error(refused)
        assert code == grpc.StatusCode.FAILED_PRECONDITION and reason in message


def test_a_linked_guardian_record_is_not_taken_over_by_another_account(identity, school, realm_user):
    snils = random_snils()
    identity.call("CreatePerson", person_request(school, pb.GUARDIAN, "Захарова", "Ирина", snils=snils),
                  school.admin_token)
    first_id, first = realm_user(snils=snils, trusted="true")
    identity.call("LinkFederatedAccount", pb.LinkFederatedAccountRequest(), first)
    _, second = realm_user(snils=snils, trusted="true")
    with pytest.raises(grpc.RpcError) as refused:
        identity.call("LinkFederatedAccount", pb.LinkFederatedAccountRequest(), second)
    code, message, _ = rpc_error(refused)
    assert code == grpc.StatusCode.FAILED_PRECONDITION and "другой учётной записью" in message
    principal = identity.call("GetPrincipal", pb.GetPrincipalRequest(school_id=school.id), first)
    assert principal.subject == first_id and list(principal.roles) == ["guardian"]
    assert list(identity.call("GetPrincipal", pb.GetPrincipalRequest(school_id=school.id), second).roles) == []


def test_a_school_without_the_caller_does_not_exist_for_them(identity, school, other_school):
    principal = identity.call("GetPrincipal", pb.GetPrincipalRequest(school_id=other_school.id), school.admin_token)
    assert principal.roles == [] and principal.person_id == ""
    with pytest.raises(grpc.RpcError) as refused:
        identity.call("ListPeople", pb.ListPeopleRequest(school_id=other_school.id), school.admin_token)
    assert rpc_error(refused)[0] == grpc.StatusCode.NOT_FOUND


def test_services_read_people(identity, school):
    people = identity.call("ListPeople", pb.ListPeopleRequest(school_id=school.id, kind=pb.STAFF),
                           stack.service_token()).people
    assert school.onboarded.admin.id in {p.id for p in people}


def test_a_student_is_enrolled_only_into_a_class_group_of_the_school(identity, school):
    foreign = str(uuid.uuid4())
    identity.class_groups.missing.add(foreign)
    with pytest.raises(grpc.RpcError) as refused:
        identity.call("CreatePerson", person_request(school, pb.STUDENT, "Чужаков", "Иван", gender="male",
                                                     birth_date="2014-01-01", class_group_id=foreign),
                      school.admin_token)
    code, _, fields = rpc_error(refused)
    assert code == grpc.StatusCode.INVALID_ARGUMENT and "class_group_id" in fields


def test_only_the_school_admin_appoints_managers(identity, school):
    created = identity.call("CreatePerson", person_request(school, pb.STAFF, "Секретарева", "Нина", roles=["secretary"],
                                                           create_account=True), school.admin_token)
    secretary = staff_login(identity, created)
    with pytest.raises(grpc.RpcError) as refused:
        identity.call("CreatePerson", person_request(school, pb.STAFF, "Самозванов", "Олег", roles=["director"]),
                      secretary)
    code, _, fields = rpc_error(refused)
    assert code == grpc.StatusCode.PERMISSION_DENIED and "roles" in fields
    teacher = identity.call("CreatePerson", person_request(school, pb.STAFF, "Учителев", "Пётр", roles=["subject_teacher"]),
                            secretary)
    assert list(teacher.person.roles) == ["subject_teacher"]
