"""Contacts (T3: phone, e-mail, address) where the school decides to keep them: the school administrator
chooses the fields, person records carry them checked and normalised, a field dropped is erased."""
import grpc
import pytest
from sqlalchemy import select

from proto.identity.v1 import identity_pb2 as pb
from services.identity.adapters.tables import audit_log, outbox, persons
from tests.integration.identity.conftest import onboard, staff_login
from tests.support.grpc_harness import rpc_error

pytestmark = pytest.mark.stack


@pytest.fixture
def school(identity):
    """A school of each test's own: one test starts from no contact fields, the other changes them."""
    return onboard(identity, "Школа контактов")


def refused(identity, method, request, token):
    with pytest.raises(grpc.RpcError) as refusal:
        identity.call(method, request, token)
    return rpc_error(refusal)


def guardian(identity, school, contacts: pb.Contacts) -> pb.CreatePersonResponse:
    return identity.call("CreatePerson", pb.CreatePersonRequest(
        school_id=school.id, kind=pb.GUARDIAN, name=pb.PersonName(last_name="Контактова", first_name="Анна"),
        contacts=contacts), school.admin_token)


def test_the_school_decides_which_contacts_it_keeps(identity, school):
    assert identity.call("GetSchool", pb.GetSchoolRequest(school_id=school.id), school.admin_token).contact_fields == []
    code, _, fields = refused(identity, "CreatePerson", pb.CreatePersonRequest(
        school_id=school.id, kind=pb.GUARDIAN, name=pb.PersonName(last_name="Раннева", first_name="Ия"),
        contacts=pb.Contacts(phone="+79123456789")), school.admin_token)
    assert code == grpc.StatusCode.INVALID_ARGUMENT and fields == {"contacts.phone": "школа не хранит телефон"}

    teacher = staff_login(identity, identity.call("CreatePerson", pb.CreatePersonRequest(
        school_id=school.id, kind=pb.STAFF, name=pb.PersonName(last_name="Учителева", first_name="Ия"),
        roles=["subject_teacher"], create_account=True), school.admin_token))
    assert refused(identity, "SetContactFields", pb.SetContactFieldsRequest(school_id=school.id, fields=["phone"]),
                   teacher)[0] == grpc.StatusCode.PERMISSION_DENIED
    code, _, fields = refused(identity, "SetContactFields", pb.SetContactFieldsRequest(
        school_id=school.id, fields=["phone", "skype"]), school.admin_token)
    assert code == grpc.StatusCode.INVALID_ARGUMENT and "skype" in fields["fields"]

    kept = identity.call("SetContactFields", pb.SetContactFieldsRequest(
        school_id=school.id, fields=["email", "phone", "address"]), school.admin_token)
    assert list(kept.contact_fields) == ["phone", "email", "address"]  # in the domain's order

    created = guardian(identity, school, pb.Contacts(phone="8 (912) 345-67-89", email="anna@example.ru",
                                                     address="г. Тверь,  ул. Советская, 1"))
    assert created.person.contacts == pb.Contacts(phone="+79123456789", email="anna@example.ru",
                                                  address="г. Тверь, ул. Советская, 1")
    code, _, fields = refused(identity, "UpdateContacts", pb.UpdateContactsRequest(
        school_id=school.id, person_id=created.person.id, contacts=pb.Contacts(phone="12-34", email="anna@")),
        school.admin_token)
    assert code == grpc.StatusCode.INVALID_ARGUMENT and set(fields) == {"contacts.phone", "contacts.email"}
    updated = identity.call("UpdateContacts", pb.UpdateContactsRequest(
        school_id=school.id, person_id=created.person.id,
        contacts=pb.Contacts(phone="+375 29 123-45-67", email="anna@example.ru")), school.admin_token)
    assert updated.contacts == pb.Contacts(phone="+375291234567", email="anna@example.ru")
    listed = {p.id: p for p in identity.call("ListPeople", pb.ListPeopleRequest(
        school_id=school.id, kind=pb.GUARDIAN), school.admin_token).people}
    assert listed[created.person.id].contacts == updated.contacts
    with identity.db.tenant_session(school.id) as session:
        events = session.scalars(select(outbox.c.type).where(
            outbox.c.type == "otmetka.identity.v1.ContactsUpdated")).all()
        [changed] = session.scalars(select(audit_log.c.details).where(
            audit_log.c.action == "contacts.update", audit_log.c.object_id == created.person.id)).all()
    assert len(events) == 1 and changed == {"changed": ["phone", "address"]}

    assert refused(identity, "UpdateContacts", pb.UpdateContactsRequest(
        school_id=school.id, person_id=created.person.id, contacts=pb.Contacts(phone="+79123456789")),
        teacher)[0] == grpc.StatusCode.PERMISSION_DENIED


def test_a_field_the_school_stops_keeping_is_erased(identity, school):
    identity.call("SetContactFields", pb.SetContactFieldsRequest(school_id=school.id, fields=["phone", "email"]),
                  school.admin_token)
    created = guardian(identity, school, pb.Contacts(phone="9123456789", email="olga@example.ru")).person
    assert created.contacts.phone == "+79123456789"
    school_now = identity.call("SetContactFields", pb.SetContactFieldsRequest(school_id=school.id, fields=["phone"]),
                               school.admin_token)
    assert list(school_now.contact_fields) == ["phone"]
    with identity.db.tenant_session(school.id) as session:
        assert set(session.scalars(select(persons.c.email))) == {""}
        [details] = session.scalars(select(audit_log.c.details).where(
            audit_log.c.action == "school.contact_fields").order_by(audit_log.c.id.desc()).limit(1)).all()
    assert details == {"kept": ["phone"], "erased": ["email"]}
    person = identity.call("GetPerson", pb.GetPersonRequest(school_id=school.id, person_id=created.id),
                           school.admin_token)
    assert person.contacts == pb.Contacts(phone="+79123456789")
