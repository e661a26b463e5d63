"""The identity rows of the REST table: JSON in, the request message the identity service receives."""
import pytest

from proto.identity.v1 import identity_pb2
from tests.unit.gateway.conftest import app, auth, client, peers, store  # noqa: F401 (fixtures)

SCHOOL, CLASS, PERSON = ("11111111-1111-1111-1111-111111111111", "22222222-2222-2222-2222-222222222222",
                         "33333333-3333-3333-3333-333333333333")


def test_onboarding_carries_the_school_card(client, peers, auth):  # noqa: F811
    peers.responses["OnboardSchool"] = identity_pb2.OnboardSchoolResponse(admin_username="a", admin_initial_password="p")
    resp = client.post("/api/v1/schools", headers=auth, json={
        "name": "Школа № 1", "short_name": "Ш1", "admin": {"last_name": "П", "first_name": "О", "email": ""},
        "details": {"inn": "7707083893", "licence_date": "2015-08-01"}})
    assert resp.status_code == 201
    request = peers.calls[0][2]
    assert request.details.inn == "7707083893" and request.details.licence_date == "2015-08-01"


def test_school_card_and_status(client, peers, auth):  # noqa: F811
    peers.responses["UpdateSchool"] = identity_pb2.School(id=SCHOOL, details=identity_pb2.SchoolDetails(ogrn="1"))
    resp = client.put(f"/api/v1/schools/{SCHOOL}", headers=auth, json={
        "name": "Полное", "short_name": "Краткое", "details": {"ogrn": "1027700132195", "accreditation_date": ""}})
    assert resp.status_code == 200 and resp.json["details"]["ogrn"] == "1"
    request = peers.calls[0][2]
    assert request.school_id == SCHOOL and request.details.ogrn == "1027700132195" and request.name == "Полное"
    resp = client.put(f"/api/v1/schools/{SCHOOL}/status", headers=auth, json={"status": "closed"})
    assert resp.status_code == 400 and "status" in resp.json["error"]["fields"]
    client.put(f"/api/v1/schools/{SCHOOL}/status", headers=auth, json={"status": "suspended"})
    assert peers.calls[-1][2] == identity_pb2.SetSchoolStatusRequest(school_id=SCHOOL, status="suspended")


@pytest.mark.parametrize("body", [{"person_id": PERSON}, {}])
def test_form_teacher_assignment(client, peers, auth, body):  # noqa: F811
    resp = client.put(f"/api/v1/schools/{SCHOOL}/class-groups/{CLASS}/form-teacher", headers=auth, json=body)
    assert resp.status_code == 200
    assert peers.calls[0][2] == identity_pb2.AssignFormTeacherRequest(school_id=SCHOOL, class_group_id=CLASS,
                                                                      person_id=body.get("person_id", ""))


def test_activation_codes_and_match_decisions(client, peers, auth):  # noqa: F811
    resp = client.post(f"/api/v1/schools/{SCHOOL}/activation-codes", headers=auth, json={"class_group_id": CLASS})
    assert resp.status_code == 201
    assert peers.calls[-1][2] == identity_pb2.IssueActivationRequest(school_id=SCHOOL, class_group_id=CLASS)
    resp = client.post(f"/api/v1/schools/{SCHOOL}/pending-matches/{PERSON}/decision", headers=auth,
                       json={"confirm": True})
    assert resp.status_code == 200
    assert peers.calls[-1][2] == identity_pb2.DecideMatchRequest(school_id=SCHOOL, match_id=PERSON, confirm=True)
    assert client.post(f"/api/v1/schools/{SCHOOL}/pending-matches/{PERSON}/decision", headers=auth,
                       json={"confirm": "да"}).status_code == 400


def test_staff_cards(client, peers, auth):  # noqa: F811
    card = {"position": "Учитель", "qualification_category": "first"}
    resp = client.put(f"/api/v1/schools/{SCHOOL}/people/{PERSON}/staff-card", headers=auth, json=card)
    assert resp.status_code == 200
    assert peers.calls[-1][2] == identity_pb2.UpdateStaffCardRequest(
        school_id=SCHOOL, person_id=PERSON, staff=identity_pb2.StaffCard(**card))
    resp = client.post(f"/api/v1/schools/{SCHOOL}/people", headers=auth, json={
        "kind": "staff", "last_name": "А", "first_name": "Б", "roles": ["subject_teacher"], "staff": card})
    assert resp.status_code == 201 and peers.calls[-1][2].staff.position == "Учитель"


def test_contacts_and_the_fields_the_school_keeps(client, peers, auth):  # noqa: F811
    resp = client.put(f"/api/v1/schools/{SCHOOL}/contact-fields", headers=auth, json={"fields": ["phone", "icq"]})
    assert resp.status_code == 400 and not peers.calls
    client.put(f"/api/v1/schools/{SCHOOL}/contact-fields", headers=auth, json={"fields": ["phone", "email"]})
    assert peers.calls[-1][2] == identity_pb2.SetContactFieldsRequest(school_id=SCHOOL, fields=["phone", "email"])
    client.put(f"/api/v1/schools/{SCHOOL}/people/{PERSON}/contacts", headers=auth, json={"phone": "+79123456789"})
    assert peers.calls[-1][2] == identity_pb2.UpdateContactsRequest(
        school_id=SCHOOL, person_id=PERSON, contacts=identity_pb2.Contacts(phone="+79123456789"))
    client.post(f"/api/v1/schools/{SCHOOL}/people", headers=auth, json={
        "kind": "guardian", "last_name": "Иванова", "first_name": "Анна", "contacts": {"email": "a@example.ru"}})
    assert peers.calls[-1][2].contacts.email == "a@example.ru"


def test_an_import_job_is_started_and_watched(client, peers, auth):  # noqa: F811
    job = "44444444-4444-4444-4444-444444444444"
    peers.responses["StartPeopleImport"] = identity_pb2.ImportJob(id=job, status="running", total=3000)
    resp = client.post(f"/api/v1/schools/{SCHOOL}/people/import-jobs", headers=auth, json={
        "filename": "people.csv", "content_base64": "a2luZA==", "dry_run": True})
    assert resp.status_code == 202 and resp.json["total"] == 3000
    request = peers.calls[-1][2]
    assert request.content == b"kind" and request.dry_run and request.filename == "people.csv"
    peers.responses["GetImportJob"] = identity_pb2.ImportJob(id=job, status="running", processed=1200, total=3000)
    resp = client.get(f"/api/v1/schools/{SCHOOL}/people/import-jobs/{job}", headers=auth)
    assert resp.json["processed"] == 1200
    assert peers.calls[-1][2] == identity_pb2.GetImportJobRequest(school_id=SCHOOL, job_id=job)


def test_a_staff_login_is_handed_over_as_an_activation_link(client, peers, auth):  # noqa: F811
    peers.responses["CreatePerson"] = identity_pb2.CreatePersonResponse(
        person=identity_pb2.Person(id=PERSON, access="invited"),
        activation=identity_pb2.ActivationSlip(person_id=PERSON, username="uchiteleva.1a2b3c", code="ABCD-EFGH-JKLM"))
    resp = client.post(f"/api/v1/schools/{SCHOOL}/people", headers=auth, json={
        "kind": "staff", "last_name": "Учителева", "first_name": "Анна", "roles": ["subject_teacher"],
        "create_account": True})
    assert resp.status_code == 201 and resp.json["initial_password"] == ""
    assert resp.json["activation"]["code"] == "ABCD-EFGH-JKLM"
    assert resp.json["activation_url"] == "http://gateway.test/activate?code=ABCD-EFGH-JKLM"
    peers.responses["CreatePerson"] = identity_pb2.CreatePersonResponse(person=identity_pb2.Person(id=PERSON))
    resp = client.post(f"/api/v1/schools/{SCHOOL}/people", headers=auth, json={
        "kind": "guardian", "last_name": "Родителева", "first_name": "Анна"})
    assert resp.json["activation_url"] == ""
