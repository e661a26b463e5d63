"""The school card (T2): onboarding with it, editing by the school administrator, reading; suspending
and reactivating a school by the authority operator."""
import grpc
import pytest
from sqlalchemy import select

from proto.identity.v1 import identity_pb2 as pb
from services.identity.adapters.tables import audit_log, outbox
from tests.integration.identity.conftest import onboard, staff_login
from tests.support import stack
from tests.support.grpc_harness import rpc_error

pytestmark = pytest.mark.stack
DETAILS = pb.SchoolDetails(inn="7707083893", ogrn="1027700132195", address="г. Энск, ул. Школьная, д. 1",
                           licence_number="Л035-01234-77/00123456", licence_date="2015-08-01",
                           accreditation_number="А007-01234-77/01234567", accreditation_date="2016-03-01")


@pytest.fixture
def school(identity):
    """A school of each test's own: the tests change its card and count its events, in any order."""
    return onboard(identity, "Школа карточки")


def code_of(identity, method, request, token):
    with pytest.raises(grpc.RpcError) as refused:
        identity.call(method, request, token)
    return rpc_error(refused)


def test_onboarding_takes_the_card_and_checks_its_numbers(identity):
    onboarded = identity.call("OnboardSchool", pb.OnboardSchoolRequest(
        name="Муниципальное бюджетное общеобразовательное учреждение «Школа № 7»", short_name="МБОУ Школа № 7 карта",
        admin_name=pb.PersonName(last_name="Админова", first_name="Ирина"), details=DETAILS), stack.operator_token())
    assert onboarded.school.details == DETAILS and onboarded.school.status == "active"
    listed = {s.id: s for s in identity.call("ListSchools", pb.ListSchoolsRequest(), stack.operator_token()).schools}
    assert listed[onboarded.school.id].details.inn == "7707083893"

    bad = pb.SchoolDetails(inn="7707083894", ogrn="1027700132196", licence_date="01.08.2015")
    code, _, fields = code_of(identity, "OnboardSchool", pb.OnboardSchoolRequest(
        name="Школа", short_name="Ш", admin_name=pb.PersonName(last_name="А", first_name="Б"), details=bad),
        stack.operator_token())
    assert code == grpc.StatusCode.INVALID_ARGUMENT and {"inn", "ogrn", "licence_date"} <= set(fields)


def test_the_school_admin_edits_the_card_and_its_people_read_it(identity, school):
    updated = identity.call("UpdateSchool", pb.UpdateSchoolRequest(
        school_id=school.id, name="  Новое   полное наименование ", short_name="Новое краткое", details=DETAILS),
        school.admin_token)
    assert updated.name == "Новое полное наименование" and updated.details == DETAILS
    assert identity.call("GetSchool", pb.GetSchoolRequest(school_id=school.id), school.admin_token) == updated
    assert identity.call("GetSchool", pb.GetSchoolRequest(school_id=school.id), stack.operator_token()) == updated
    assert identity.call("GetSchool", pb.GetSchoolRequest(school_id=school.id), stack.service_token()) == updated
    same = pb.UpdateSchoolRequest(school_id=school.id, name=updated.name, short_name=updated.short_name,
                                  details=DETAILS)
    identity.call("UpdateSchool", same, school.admin_token)  # nothing changed: no event, no audit row
    with identity.db.tenant_session(school.id) as session:
        assert len(session.scalars(select(outbox.c.id).where(outbox.c.type.like("%SchoolUpdated"))).all()) == 1
        [entry] = session.execute(select(audit_log).where(audit_log.c.action == "school.update")).all()
        assert {"name", "short_name", "inn", "ogrn"} <= set(entry.details["changed"])

    code, _, fields = code_of(identity, "UpdateSchool", pb.UpdateSchoolRequest(
        school_id=school.id, name="", short_name="Ш", details=pb.SchoolDetails(ogrn="123")), school.admin_token)
    assert code == grpc.StatusCode.INVALID_ARGUMENT and set(fields) == {"name", "ogrn"}


def test_only_its_admin_or_the_operator_edits_a_card(identity, school, other_school):
    created = identity.call("CreatePerson", pb.CreatePersonRequest(
        school_id=school.id, kind=pb.STAFF, name=pb.PersonName(last_name="Секретарь", first_name="Ольга"),
        roles=["secretary"], create_account=True), school.admin_token)
    secretary = staff_login(identity, created)
    request = pb.UpdateSchoolRequest(school_id=school.id, name="Захват", short_name="Захват")
    assert code_of(identity, "UpdateSchool", request, secretary)[0] == grpc.StatusCode.PERMISSION_DENIED
    assert code_of(identity, "UpdateSchool", request, other_school.admin_token)[0] == grpc.StatusCode.NOT_FOUND
    assert code_of(identity, "UpdateSchool", request, stack.service_token())[0] == grpc.StatusCode.PERMISSION_DENIED
    assert code_of(identity, "GetSchool", pb.GetSchoolRequest(school_id=school.id),
                   other_school.admin_token)[0] == grpc.StatusCode.NOT_FOUND
    by_operator = identity.call("UpdateSchool", pb.UpdateSchoolRequest(
        school_id=school.id, name="Полное от оператора", short_name="Краткое от оператора"), stack.operator_token())
    assert by_operator.short_name == "Краткое от оператора" and by_operator.details == pb.SchoolDetails()


def test_a_suspended_school_refuses_its_people_until_reactivated(identity):
    suspended = onboard(identity, "Школа на паузе")
    status = pb.SetSchoolStatusRequest(school_id=suspended.id, status="suspended")
    assert code_of(identity, "SetSchoolStatus", status, suspended.admin_token)[0] == grpc.StatusCode.PERMISSION_DENIED
    assert identity.call("SetSchoolStatus", status, stack.operator_token()).status == "suspended"
    listed = {s.id: s.status for s in identity.call("ListSchools", pb.ListSchoolsRequest(),
                                                    stack.operator_token()).schools}
    assert listed[suspended.id] == "suspended"

    code, message, _ = code_of(identity, "GetPrincipal", pb.GetPrincipalRequest(school_id=suspended.id),
                               suspended.admin_token)
    assert code == grpc.StatusCode.PERMISSION_DENIED and "приостановлена" in message
    code, message, _ = code_of(identity, "ListPeople", pb.ListPeopleRequest(school_id=suspended.id),
                               suspended.admin_token)
    assert code == grpc.StatusCode.PERMISSION_DENIED and "приостановлена" in message
    [membership] = identity.call("GetMe", pb.GetMeRequest(), suspended.admin_token).memberships
    assert membership.school.status == "suspended"

    code, _, fields = code_of(identity, "SetSchoolStatus", pb.SetSchoolStatusRequest(
        school_id=suspended.id, status="closed"), stack.operator_token())
    assert code == grpc.StatusCode.INVALID_ARGUMENT and "status" in fields
    identity.call("SetSchoolStatus", pb.SetSchoolStatusRequest(school_id=suspended.id, status="active"),
                  stack.operator_token())
    principal = identity.call("GetPrincipal", pb.GetPrincipalRequest(school_id=suspended.id), suspended.admin_token)
    assert list(principal.roles) == ["school_admin"]
    with identity.db.tenant_session(suspended.id) as session:
        actions = session.scalars(select(audit_log.c.action).where(audit_log.c.action.like("school.%"))
                                  .order_by(audit_log.c.id)).all()
    assert actions == ["school.onboard", "school.suspend", "school.reactivate"]
