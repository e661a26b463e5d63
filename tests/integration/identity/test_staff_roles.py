"""T4: the school administrator manages staff roles after hiring: grants and revocations are audited and
published, manager roles stay the administrator's to hand out, the school keeps an administrator, and a
form teacher who loses the role leaves their class."""
import uuid

import grpc
import pytest
from sqlalchemy import select

from proto.identity.v1 import identity_pb2 as pb
from services.identity.adapters.tables import audit_log, form_classes, outbox
from tests.integration.identity.conftest import onboard, staff_login
from tests.support.grpc_harness import rpc_error

pytestmark = pytest.mark.stack


@pytest.fixture
def school(identity):
    """A school of each test's own: the tests count the school's role events and its administrators."""
    return onboard(identity, "Школа ролей")


def hire(identity, school, last_name: str, roles: list[str], account: bool = False) -> pb.CreatePersonResponse:
    return identity.call("CreatePerson", pb.CreatePersonRequest(
        school_id=school.id, kind=pb.STAFF, name=pb.PersonName(last_name=last_name, first_name="Ольга"),
        roles=roles, create_account=account), school.admin_token)


def set_roles(identity, school, person_id: str, roles: list[str], token: str | None = None) -> pb.Person:
    return identity.call("SetStaffRoles", pb.SetStaffRolesRequest(school_id=school.id, person_id=person_id,
                                                                  roles=roles), token or school.admin_token)


def refused(identity, school, person_id, roles, token=None):
    with pytest.raises(grpc.RpcError) as error:
        set_roles(identity, school, person_id, roles, token)
    return rpc_error(error)


def test_roles_are_replaced_audited_and_published(identity, school):
    teacher = hire(identity, school, "Ролева", ["subject_teacher"]).person
    changed = set_roles(identity, school, teacher.id, ["subject_teacher", "deputy_head"])
    assert sorted(changed.roles) == ["deputy_head", "subject_teacher"]
    assert set_roles(identity, school, teacher.id, ["deputy_head", "subject_teacher"]) == changed  # nothing to do
    with identity.db.tenant_session(school.id) as session:
        details = session.scalars(select(audit_log.c.details).where(audit_log.c.action == "roles.set",
                                                                    audit_log.c.object_id == teacher.id)).all()
        events = session.scalars(select(outbox.c.type).where(outbox.c.type.like("%StaffRolesChanged"))).all()
    assert details == [{"added": ["deputy_head"], "removed": []}] and len(events) == 1


def test_bad_roles_and_non_staff_are_refused(identity, school):
    teacher = hire(identity, school, "Неверова", ["subject_teacher"]).person
    assert refused(identity, school, teacher.id, [])[2] == {"roles": "укажите хотя бы одну роль"}
    assert "guardian" in refused(identity, school, teacher.id, ["guardian"])[2]["roles"]
    student = identity.call("CreatePerson", pb.CreatePersonRequest(
        school_id=school.id, kind=pb.STUDENT, name=pb.PersonName(last_name="Учеников", first_name="Лев"),
        gender="male", birth_date="2014-01-01"), school.admin_token).person
    assert refused(identity, school, student.id, ["subject_teacher"])[0] == grpc.StatusCode.INVALID_ARGUMENT
    assert refused(identity, school, str(uuid.uuid4()), ["subject_teacher"])[0] == grpc.StatusCode.NOT_FOUND


def test_only_the_school_admin_gives_or_takes_manager_roles(identity, school):
    secretary = hire(identity, school, "Секретарёва", ["secretary"], account=True)
    token = staff_login(identity, secretary)
    teacher = hire(identity, school, "Подчинённая", ["subject_teacher"]).person
    assert sorted(set_roles(identity, school, teacher.id, ["subject_teacher", "form_teacher"], token).roles) == [
        "form_teacher", "subject_teacher"]
    assert refused(identity, school, teacher.id, ["director"], token)[0] == grpc.StatusCode.PERMISSION_DENIED
    deputy = hire(identity, school, "Завучева", ["deputy_head"]).person
    assert refused(identity, school, deputy.id, ["subject_teacher"], token)[0] == grpc.StatusCode.PERMISSION_DENIED


def test_the_last_administrator_keeps_the_role(identity, school):
    admin = school.onboarded.admin
    code, _, fields = refused(identity, school, admin.id, ["director"])
    assert code == grpc.StatusCode.FAILED_PRECONDITION and fields == {"roles": "последний администратор"}


def test_a_form_teacher_who_loses_the_role_leaves_the_class(identity, school):
    teacher = hire(identity, school, "Классная", ["subject_teacher", "form_teacher"]).person
    class_group = str(uuid.uuid4())
    identity.call("AssignFormTeacher", pb.AssignFormTeacherRequest(
        school_id=school.id, class_group_id=class_group, person_id=teacher.id), school.admin_token)
    set_roles(identity, school, teacher.id, ["subject_teacher"])
    with identity.db.tenant_session(school.id) as session:
        assert session.scalars(select(form_classes.c.class_group_id).where(
            form_classes.c.person_id == teacher.id)).all() == []


def test_nobody_but_the_admin_changes_their_own_roles(identity, school):
    secretary = hire(identity, school, "Самоназначенская", ["secretary"], account=True)
    token = staff_login(identity, secretary)
    code, message, _ = refused(identity, school, secretary.person.id, ["secretary", "form_teacher"], token)
    assert code == grpc.StatusCode.PERMISSION_DENIED and "администратор школы" in message
    assert sorted(set_roles(identity, school, secretary.person.id, ["secretary", "form_teacher"]).roles) == [
        "form_teacher", "secretary"]
