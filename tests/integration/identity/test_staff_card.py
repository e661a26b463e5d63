"""The staff card of T3 (position, qualification category, functions, diploma specialty) and who has
activated their access, as the school administrator sees it in the list of staff."""
import grpc
import pytest
from sqlalchemy import select

from proto.identity.v1 import identity_pb2 as pb
from services.identity.adapters.tables import audit_log
from tests.integration.identity.conftest import onboard
from tests.support.grpc_harness import rpc_error

pytestmark = pytest.mark.stack
CARD = pb.StaffCard(position="Учитель математики", qualification_category="first",
                    functions="Преподавание математики в 5–9 классах", diploma_specialty="Математика")


@pytest.fixture(scope="module")
def school(identity):
    return onboard(identity, "Школа кадров")


def test_the_staff_card_is_kept_and_edited(identity, school):
    teacher = identity.call("CreatePerson", pb.CreatePersonRequest(
        school_id=school.id, kind=pb.STAFF, name=pb.PersonName(last_name="Кадрова", first_name="Анна"),
        roles=["subject_teacher"], staff=CARD), school.admin_token).person
    assert teacher.staff == CARD
    changed = pb.StaffCard(position="Заместитель директора", qualification_category="highest")
    updated = identity.call("UpdateStaffCard", pb.UpdateStaffCardRequest(
        school_id=school.id, person_id=teacher.id, staff=changed), school.admin_token)
    assert updated.staff == changed
    listed = {p.id: p for p in identity.call("ListPeople", pb.ListPeopleRequest(
        school_id=school.id, kind=pb.STAFF), school.admin_token).people}
    assert listed[teacher.id].staff == changed and listed[teacher.id].access == "none"
    assert listed[school.onboarded.admin.id].access == "activated"
    with identity.db.tenant_session(school.id) as session:
        [details] = session.scalars(select(audit_log.c.details).where(audit_log.c.action == "staff_card.update",
                                                                      audit_log.c.object_id == teacher.id)).all()
    assert details["position"] == "Заместитель директора"


def test_a_staff_card_is_for_staff_only_and_checked(identity, school):
    student = identity.call("CreatePerson", pb.CreatePersonRequest(
        school_id=school.id, kind=pb.STUDENT, name=pb.PersonName(last_name="Ученик", first_name="Иван"),
        gender="male", birth_date="2014-01-01"), school.admin_token).person
    for request in (pb.UpdateStaffCardRequest(school_id=school.id, person_id=student.id, staff=CARD),
                    pb.UpdateStaffCardRequest(school_id=school.id, person_id=school.onboarded.admin.id,
                                              staff=pb.StaffCard(qualification_category="вторая"))):
        with pytest.raises(grpc.RpcError) as refused:
            identity.call("UpdateStaffCard", request, school.admin_token)
        assert rpc_error(refused)[0] == grpc.StatusCode.INVALID_ARGUMENT
    with pytest.raises(grpc.RpcError) as refused:
        identity.call("CreatePerson", pb.CreatePersonRequest(
            school_id=school.id, kind=pb.GUARDIAN, name=pb.PersonName(last_name="Родитель", first_name="Ян"),
            staff=CARD), school.admin_token)
    code, _, fields = rpc_error(refused)
    assert code == grpc.StatusCode.INVALID_ARGUMENT and "staff" in fields
