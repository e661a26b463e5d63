"""The form teacher of a class group: assigned by the school, carried in the principal and the person card."""
import uuid

import grpc
import pytest
from sqlalchemy import select, text

from proto.identity.v1 import identity_pb2 as pb
from services.identity.adapters.tables import form_classes, outbox
from tests.integration.identity.conftest import onboard, staff_login
from tests.support.grpc_harness import rpc_error

pytestmark = pytest.mark.stack


@pytest.fixture
def school(identity):
    """A school of each test's own: its staff, form classes and events are the test's alone, in any order."""
    return onboard(identity, "Школа ФК")


def staff(identity, school, last, roles):
    created = identity.call("CreatePerson", pb.CreatePersonRequest(
        school_id=school.id, kind=pb.STAFF, name=pb.PersonName(last_name=last, first_name="Анна"), roles=roles,
        create_account=True), school.admin_token)
    return created.person, staff_login(identity, created)


def assign(identity, school, class_group_id, person_id, token=None):
    return identity.call("AssignFormTeacher", pb.AssignFormTeacherRequest(
        school_id=school.id, class_group_id=class_group_id, person_id=person_id), token or school.admin_token)


def principal(identity, school, token):
    return identity.call("GetPrincipal", pb.GetPrincipalRequest(school_id=school.id), token)


def test_the_form_teacher_leads_a_class_and_the_principal_says_so(identity, school):
    class_a, class_b = str(uuid.uuid4()), str(uuid.uuid4())
    first, first_token = staff(identity, school, "Классная", ["form_teacher", "subject_teacher"])
    second, second_token = staff(identity, school, "Вторая", ["form_teacher"])
    assert list(principal(identity, school, first_token).form_class_group_ids) == []

    assign(identity, school, class_a, first.id)
    assign(identity, school, class_b, first.id)
    assert set(principal(identity, school, first_token).form_class_group_ids) == {class_a, class_b}
    card = identity.call("GetPerson", pb.GetPersonRequest(school_id=school.id, person_id=first.id), school.admin_token)
    assert set(card.form_class_group_ids) == {class_a, class_b}
    [membership] = [m for m in identity.call("GetMe", pb.GetMeRequest(), first_token).memberships
                    if m.school.id == school.id]
    assert set(membership.principal.form_class_group_ids) == {class_a, class_b}

    assign(identity, school, class_a, second.id)  # one form teacher per class: the new one replaces the old
    assert list(principal(identity, school, first_token).form_class_group_ids) == [class_b]
    assert list(principal(identity, school, second_token).form_class_group_ids) == [class_a]
    assign(identity, school, class_b, "")  # none
    assert list(principal(identity, school, first_token).form_class_group_ids) == []

    with identity.db.tenant_session(school.id) as session:
        assert session.execute(select(form_classes.c.class_group_id, form_classes.c.person_id)).all() == \
            [(class_a, second.id)]
        events = session.scalars(select(outbox.c.type).where(outbox.c.type.like("%FormTeacherAssigned")))
        assert len(events.all()) == 4


def test_only_a_form_teacher_of_this_school_leads_one_of_its_classes(identity, school, other_school):
    teacher, teacher_token = staff(identity, school, "Предметница", ["subject_teacher"])
    lead, _ = staff(identity, school, "Руководитель", ["form_teacher"])
    class_group = str(uuid.uuid4())
    with pytest.raises(grpc.RpcError) as refused:  # no form_teacher role
        assign(identity, school, class_group, teacher.id)
    code, _, fields = rpc_error(refused)
    assert code == grpc.StatusCode.INVALID_ARGUMENT and "person_id" in fields
    foreign = str(uuid.uuid4())
    identity.class_groups.missing.add(foreign)
    with pytest.raises(grpc.RpcError) as refused:  # not a class of the school (schedule says so)
        assign(identity, school, foreign, lead.id)
    code, _, fields = rpc_error(refused)
    assert code == grpc.StatusCode.INVALID_ARGUMENT and "class_group_id" in fields
    with pytest.raises(grpc.RpcError) as refused:  # a person of another school
        assign(identity, other_school, class_group, lead.id, other_school.admin_token)
    assert rpc_error(refused)[0] == grpc.StatusCode.NOT_FOUND
    with pytest.raises(grpc.RpcError) as refused:  # teachers do not appoint
        assign(identity, school, class_group, lead.id, teacher_token)
    assert rpc_error(refused)[0] == grpc.StatusCode.PERMISSION_DENIED
    with pytest.raises(grpc.RpcError) as refused:  # another school's admin
        assign(identity, school, class_group, lead.id, other_school.admin_token)
    assert rpc_error(refused)[0] == grpc.StatusCode.NOT_FOUND


def test_form_classes_of_another_school_are_invisible(identity, school, other_school):
    lead, _ = staff(identity, school, "Изолированная", ["form_teacher"])
    assign(identity, school, str(uuid.uuid4()), lead.id)
    with identity.db.tenant_session(other_school.id) as session:
        assert session.scalars(select(form_classes.c.school_id).distinct()).all() in ([], [other_school.id])
    with identity.db.engine.connect() as raw:  # no tenant bound: nothing
        assert raw.scalar(text("SELECT count(*) FROM form_classes")) == 0
