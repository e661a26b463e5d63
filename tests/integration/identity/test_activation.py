"""One-time activation codes: the first administrator's link, staff slips, a form teacher's slips for the
class, consumption once, expiry, Keycloak's password policy, codes stored only as hashes."""
import hashlib
import uuid

import grpc
import pytest
from sqlalchemy import select, update

from proto.identity.v1 import identity_pb2 as pb
from services.identity.adapters.tables import activation_codes, audit_log
from tests.integration.identity.conftest import onboard, staff_login
from tests.support import stack
from tests.support.grpc_harness import rpc_error

pytestmark = pytest.mark.stack


@pytest.fixture(scope="module")
def school(identity):
    return onboard(identity, "Школа активации")


def person(identity, school, kind, last, **extra) -> pb.Person:
    return identity.call("CreatePerson", pb.CreatePersonRequest(
        school_id=school.id, kind=kind, name=pb.PersonName(last_name=last, first_name="Тест"), **extra),
        school.admin_token).person


def issue(identity, school, token, person_ids=(), class_group_id="") -> list[pb.ActivationSlip]:
    return list(identity.call("IssueActivation", pb.IssueActivationRequest(
        school_id=school.id, person_ids=list(person_ids), class_group_id=class_group_id), token).slips)


def activate(identity, code, password):
    return identity.call("ActivateAccount", pb.ActivateAccountRequest(code=code, password=password),
                         stack.service_token())


def refused(identity, method, request, token):
    with pytest.raises(grpc.RpcError) as error:
        identity.call(method, request, token)
    return rpc_error(error)


def card(identity, school, person_id) -> pb.Person:
    return identity.call("GetPerson", pb.GetPersonRequest(school_id=school.id, person_id=person_id),
                         school.admin_token)


def test_the_first_administrator_activates_with_the_link_code_once(identity, school):
    admin = card(identity, school, school.onboarded.admin.id)
    assert admin.access == "activated"
    code, message, fields = refused(identity, "ActivateAccount", pb.ActivateAccountRequest(
        code=school.onboarded.admin_activation_code, password=f"Pw-{uuid.uuid4().hex}"), stack.service_token())
    assert code == grpc.StatusCode.FAILED_PRECONDITION and "уже использован" in message and "code" in fields


def test_staff_get_a_slip_and_activate_their_login(identity, school):
    teacher = person(identity, school, pb.STAFF, "Активируемая", roles=["subject_teacher"])
    assert teacher.access == "none" and teacher.username == ""
    [slip] = issue(identity, school, school.admin_token, [teacher.id])
    assert slip.person_id == teacher.id and slip.username.startswith("aktiviruemaia.") and slip.kind == pb.STAFF
    assert card(identity, school, teacher.id).access == "invited"

    code, message, fields = refused(identity, "ActivateAccount", pb.ActivateAccountRequest(
        code=slip.code, password="короткий"), stack.service_token())  # the realm's policy: at least 10
    assert code == grpc.StatusCode.INVALID_ARGUMENT and "не короче 10" in fields["password"] and "Пароль" in message
    code, _, fields = refused(identity, "ActivateAccount", pb.ActivateAccountRequest(
        code=slip.code, password=slip.username), stack.service_token())
    assert code == grpc.StatusCode.INVALID_ARGUMENT and "логином" in fields["password"]

    password = f"Pw-{uuid.uuid4().hex}"
    done = activate(identity, slip.code.lower().replace("-", " "), password)  # as typed from paper
    assert done.username == slip.username and done.school_short_name == school.onboarded.school.short_name
    token = stack.password_token(slip.username, password)
    principal = identity.call("GetPrincipal", pb.GetPrincipalRequest(school_id=school.id), token)
    assert principal.person_id == teacher.id and list(principal.roles) == ["subject_teacher"]
    assert card(identity, school, teacher.id).access == "activated"

    with identity.db.tenant_session(school.id) as session:
        [row] = session.execute(select(activation_codes).where(activation_codes.c.person_id == teacher.id)).all()
        actions = session.scalars(select(audit_log.c.action).where(audit_log.c.object_id == teacher.id)
                                  .order_by(audit_log.c.id)).all()
    normal = slip.code.replace("-", "")
    assert row.code_hash == identity.code_key.code_hash(slip.code) and row.used_at is not None
    assert row.code_hash != hashlib.sha256(normal.encode()).hexdigest()  # keyed: not searchable without the key
    assert normal not in str(tuple(row)) and slip.code not in str(tuple(row))
    assert actions == ["person.create", "activation.issue", "account.activate"]


def test_a_new_code_replaces_the_old_and_codes_expire(identity, school):
    secretary = person(identity, school, pb.STAFF, "Секретарёва", roles=["secretary"])
    [old] = issue(identity, school, school.admin_token, [secretary.id])
    [new] = issue(identity, school, school.admin_token, [secretary.id])
    code, message, _ = refused(identity, "ActivateAccount", pb.ActivateAccountRequest(
        code=old.code, password=f"Pw-{uuid.uuid4().hex}"), stack.service_token())
    assert code == grpc.StatusCode.FAILED_PRECONDITION and "не подходит" in message
    with identity.db.tenant_session(school.id) as session:
        session.execute(update(activation_codes).where(activation_codes.c.person_id == secretary.id)
                        .values(expires_at=activation_codes.c.issued_at))
    code, message, _ = refused(identity, "ActivateAccount", pb.ActivateAccountRequest(
        code=new.code, password=f"Pw-{uuid.uuid4().hex}"), stack.service_token())
    assert code == grpc.StatusCode.FAILED_PRECONDITION and "истёк" in message
    for bad in ("", "1234", "ABCD-EFGH-JKLM"):
        assert refused(identity, "ActivateAccount", pb.ActivateAccountRequest(code=bad, password="x" * 12),
                       stack.service_token())[0] == grpc.StatusCode.FAILED_PRECONDITION


def test_codes_stored_before_the_key_work_until_they_expire(identity, school):
    """A code issued before codes were keyed is stored as plain SHA-256: it is still found, used once, and
    refused when expired, like any other."""
    kept, lapsed = (person(identity, school, pb.STAFF, last, roles=["subject_teacher"]) for last in ("Давняя", "Старая"))
    [slip] = issue(identity, school, school.admin_token, [kept.id])
    [old_slip] = issue(identity, school, school.admin_token, [lapsed.id])
    with identity.db.tenant_session(school.id) as session:
        for issued in (slip, old_slip):
            session.execute(update(activation_codes).where(activation_codes.c.person_id == issued.person_id)
                            .values(code_hash=hashlib.sha256(issued.code.replace("-", "").encode()).hexdigest()))
        session.execute(update(activation_codes).where(activation_codes.c.person_id == lapsed.id)
                        .values(expires_at=activation_codes.c.issued_at))
    password = f"Pw-{uuid.uuid4().hex}"
    assert activate(identity, slip.code, password).username == slip.username
    assert stack.password_token(slip.username, password)
    code, message, _ = refused(identity, "ActivateAccount", pb.ActivateAccountRequest(
        code=slip.code, password=password), stack.service_token())
    assert code == grpc.StatusCode.FAILED_PRECONDITION and "уже использован" in message
    code, message, _ = refused(identity, "ActivateAccount", pb.ActivateAccountRequest(
        code=old_slip.code, password=password), stack.service_token())
    assert code == grpc.StatusCode.FAILED_PRECONDITION and "истёк" in message


def test_a_form_teacher_prints_slips_for_the_class_and_its_families(identity, school):
    class_id, other_class = str(uuid.uuid4()), str(uuid.uuid4())  # this test's own: the school is shared
    teacher = identity.call("CreatePerson", pb.CreatePersonRequest(
        school_id=school.id, kind=pb.STAFF, name=pb.PersonName(last_name="Классова", first_name="Вера"),
        roles=["form_teacher"], create_account=True), school.admin_token)
    teacher_token = staff_login(identity, teacher)
    identity.call("AssignFormTeacher", pb.AssignFormTeacherRequest(
        school_id=school.id, class_group_id=class_id, person_id=teacher.person.id), school.admin_token)
    pupil = person(identity, school, pb.STUDENT, "Ученикова", gender="female", birth_date="2014-02-02",
                   class_group_id=class_id)
    stranger = person(identity, school, pb.STUDENT, "Чужеклассов", gender="male", birth_date="2014-02-02",
                      class_group_id=other_class)
    mother = person(identity, school, pb.GUARDIAN, "Ученикова-мама")
    identity.call("LinkGuardian", pb.LinkGuardianRequest(school_id=school.id, guardian_id=mother.id,
                                                         student_id=pupil.id, relation="mother"), school.admin_token)

    slips = issue(identity, school, teacher_token, class_group_id=class_id)
    assert [(s.person_id, s.kind) for s in slips] == [(pupil.id, pb.STUDENT), (mother.id, pb.GUARDIAN)]
    by_person = {s.person_id: s for s in slips}
    pupil_password, mother_password = f"Pw-{uuid.uuid4().hex}", f"Pw-{uuid.uuid4().hex}"
    activate(identity, by_person[pupil.id].code, pupil_password)
    activate(identity, by_person[mother.id].code, mother_password)
    pupil_token = stack.password_token(by_person[pupil.id].username, pupil_password)
    mother_token = stack.password_token(by_person[mother.id].username, mother_password)
    assert list(identity.call("GetPrincipal", pb.GetPrincipalRequest(school_id=school.id), pupil_token)
                .student_ids) == [pupil.id]
    mother_principal = identity.call("GetPrincipal", pb.GetPrincipalRequest(school_id=school.id), mother_token)
    assert list(mother_principal.roles) == ["guardian"] and list(mother_principal.student_ids) == [pupil.id]
    assert issue(identity, school, teacher_token, class_group_id=class_id) == []  # everyone has a login now

    for request in (pb.IssueActivationRequest(school_id=school.id, person_ids=[stranger.id]),
                    pb.IssueActivationRequest(school_id=school.id, class_group_id=other_class),
                    pb.IssueActivationRequest(school_id=school.id, person_ids=[school.onboarded.admin.id])):
        code, message, _ = refused(identity, "IssueActivation", request, teacher_token)
        assert code == grpc.StatusCode.PERMISSION_DENIED and "своего класса" in message
    assert refused(identity, "IssueActivation", pb.IssueActivationRequest(
        school_id=school.id, person_ids=[pupil.id]), pupil_token)[0] == grpc.StatusCode.PERMISSION_DENIED


def test_only_the_school_admin_issues_codes_for_managers(identity, school, other_school):
    director = person(identity, school, pb.STAFF, "Директорова", roles=["director"])
    created = identity.call("CreatePerson", pb.CreatePersonRequest(
        school_id=school.id, kind=pb.STAFF, name=pb.PersonName(last_name="Кадровикова", first_name="Зоя"),
        roles=["hr_specialist"], create_account=True), school.admin_token)
    hr_token = staff_login(identity, created)
    code, _, fields = refused(identity, "IssueActivation", pb.IssueActivationRequest(
        school_id=school.id, person_ids=[director.id]), hr_token)
    assert code == grpc.StatusCode.PERMISSION_DENIED and "roles" in fields
    assert refused(identity, "IssueActivation", pb.IssueActivationRequest(
        school_id=school.id, person_ids=[director.id]), other_school.admin_token)[0] == grpc.StatusCode.NOT_FOUND
    assert len(issue(identity, school, school.admin_token, [director.id])) == 1


def test_a_new_code_unlocks_a_reported_login(identity, school):
    created = identity.call("CreatePerson", pb.CreatePersonRequest(
        school_id=school.id, kind=pb.STAFF, name=pb.PersonName(last_name="Взломанная", first_name="Ия"),
        roles=["subject_teacher"], create_account=True), school.admin_token)
    staff_login(identity, created)
    identity.call("ReportCompromised", pb.ReportCompromisedRequest(school_id=school.id, person_id=created.person.id),
                  school.admin_token)
    [slip] = issue(identity, school, school.admin_token, [created.person.id])
    assert slip.username == created.activation.username
    password = f"Pw-{uuid.uuid4().hex}"
    activate(identity, slip.code, password)
    assert stack.password_token(slip.username, password)


def test_a_code_never_resets_a_login_its_issuer_could_not(identity, school):
    """A form teacher cannot take over a parent's existing login with a new code; a secretary cannot reset a
    director's login through the director's own guardian record (one login, two records in the school)."""
    class_id = str(uuid.uuid4())  # this test's own: the school is shared
    teacher = identity.call("CreatePerson", pb.CreatePersonRequest(
        school_id=school.id, kind=pb.STAFF, name=pb.PersonName(last_name="Классная", first_name="Ия"),
        roles=["form_teacher"], create_account=True), school.admin_token)
    teacher_token = staff_login(identity, teacher)
    identity.call("AssignFormTeacher", pb.AssignFormTeacherRequest(
        school_id=school.id, class_group_id=class_id, person_id=teacher.person.id), school.admin_token)
    pupil = person(identity, school, pb.STUDENT, "Сынова", gender="male", birth_date="2014-03-03",
                   class_group_id=class_id)
    parent = person(identity, school, pb.GUARDIAN, "Родительская")
    identity.call("LinkGuardian", pb.LinkGuardianRequest(school_id=school.id, guardian_id=parent.id,
                                                         student_id=pupil.id, relation="mother"), school.admin_token)
    [slip] = [s for s in issue(identity, school, teacher_token, class_group_id=class_id) if s.person_id == parent.id]
    activate(identity, slip.code, f"Pw-{uuid.uuid4().hex}")
    code, message, _ = refused(identity, "IssueActivation", pb.IssueActivationRequest(
        school_id=school.id, person_ids=[parent.id]), teacher_token)
    assert code == grpc.StatusCode.PERMISSION_DENIED and "администрация школы" in message

    director = identity.call("CreatePerson", pb.CreatePersonRequest(
        school_id=school.id, kind=pb.STAFF, name=pb.PersonName(last_name="Главная", first_name="Ада"),
        roles=["director"], create_account=True), school.admin_token)
    director_token = staff_login(identity, director)
    own_child_guardian = person(identity, school, pb.GUARDIAN, "Главная-мама")
    [guardian_slip] = issue(identity, school, school.admin_token, [own_child_guardian.id])
    identity.call("ClaimActivation", pb.ClaimActivationRequest(code=guardian_slip.code), director_token)
    secretary = identity.call("CreatePerson", pb.CreatePersonRequest(
        school_id=school.id, kind=pb.STAFF, name=pb.PersonName(last_name="Секретарская", first_name="Ольга"),
        roles=["secretary"], create_account=True), school.admin_token)
    code, _, fields = refused(identity, "IssueActivation", pb.IssueActivationRequest(
        school_id=school.id, person_ids=[own_child_guardian.id]), staff_login(identity, secretary))
    assert code == grpc.StatusCode.PERMISSION_DENIED and "roles" in fields


def test_codes_of_a_suspended_school_do_not_work(identity):
    suspended = onboard(identity, "Школа на паузе")
    [slip] = issue(identity, suspended, suspended.admin_token,
                   [person(identity, suspended, pb.STAFF, "Паузова", roles=["secretary"]).id])
    identity.call("SetSchoolStatus", pb.SetSchoolStatusRequest(school_id=suspended.id, status="suspended"),
                  stack.operator_token())
    code, message, _ = refused(identity, "ActivateAccount", pb.ActivateAccountRequest(
        code=slip.code, password=f"Pw-{uuid.uuid4().hex}"), stack.service_token())
    assert code == grpc.StatusCode.PERMISSION_DENIED and "приостановлена" in message
