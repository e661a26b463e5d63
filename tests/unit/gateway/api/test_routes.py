"""The REST API against in-memory peers: every table row routes to its RPC, input is validated before
any gRPC call, protobuf maps to JSON both ways, and errors come back in the one error shape."""
import re

import pytest

from gateway.api.endpoints import ENDPOINTS
from gateway.errors import http_status
from proto.identity.v1 import identity_pb2
from proto.journal.v1 import journal_pb2
from proto.reporting.v1 import reporting_pb2
from services.common import errors
from tests.unit.gateway.fakes import refused

SCHOOL = "0b6f5a8e-3c1d-4b7a-9a55-2f7c1f0e9d11"
OTHER = "7d1e2c3b-4a59-4e6f-8a7b-9c0d1e2f3a4b"


def sample(schema: dict):
    """A valid value for a schema of the endpoint table."""
    kind = schema["type"]
    if kind == "object":
        return {name: sample(item) for name, item in schema["properties"].items()}
    if kind == "array":
        return [sample(schema["items"])]
    if kind == "integer":
        return 1
    if kind == "boolean":
        return True
    if "enum" in schema:
        return schema["enum"][0]
    if schema.get("contentEncoding") == "base64":
        return "eA=="
    return {"uuid": OTHER, "date": "2025-09-01"}.get(schema.get("format"), "x")


def url(endpoint, query: bool = True) -> str:
    path = "/api/v1" + re.sub(r"\{\w+\}", SCHOOL, endpoint.path)
    if query and endpoint.query:
        path += "?" + "&".join(f"{name}={sample(schema)}" for name, schema in endpoint.query.items())
    return path


@pytest.mark.parametrize("endpoint", ENDPOINTS, ids=lambda e: f"{e.method} {e.path}")
def test_every_endpoint_calls_its_rpc(client, peers, auth, endpoint):
    body = sample(endpoint.body) if endpoint.body is not None else None
    resp = client.open(url(endpoint), method=endpoint.method, json=body, headers=auth)
    assert resp.status_code == endpoint.status, resp.get_data(as_text=True)
    [(service, rpc, _, token)] = peers.calls
    assert (service, rpc, token) == (endpoint.service, endpoint.rpc, "good-token")


@pytest.mark.parametrize("endpoint", [e for e in ENDPOINTS if "{" in e.path], ids=lambda e: f"{e.method} {e.path}")
def test_a_path_id_that_is_not_a_uuid_is_404_without_a_call(client, peers, auth, endpoint):
    path = "/api/v1" + re.sub(r"\{\w+\}", "not-a-uuid", endpoint.path)
    resp = client.open(path, method=endpoint.method, json={}, headers=auth)
    assert resp.status_code == 404
    assert resp.json["error"]["code"] == "NOT_FOUND"
    assert peers.calls == []


def test_onboarding_maps_json_to_the_request_and_back(client, peers, auth):
    peers.responses["OnboardSchool"] = identity_pb2.OnboardSchoolResponse(
        school=identity_pb2.School(id=SCHOOL, name="Школа № 1"), admin=identity_pb2.Person(id=OTHER),
        admin_username="admin1", admin_activation_code="ABCD-EFGH-JKLM", admin_activation_expires_at="2030-01-01")
    resp = client.post("/api/v1/schools", headers=auth, json={
        "name": "Школа № 1", "short_name": "Ш1",
        "admin": {"last_name": "Петрова", "first_name": "Ольга", "middle_name": "Ивановна", "email": "o@school.ru"}})
    assert resp.status_code == 201
    assert resp.json["admin"]["username"] == "admin1" and resp.json["admin"]["activation_code"] == "ABCD-EFGH-JKLM"
    assert resp.json["admin"]["activation_url"] == "http://gateway.test/activate?code=ABCD-EFGH-JKLM"
    assert resp.json["school"]["name"] == "Школа № 1" and resp.json["admin"]["person"]["id"] == OTHER
    request = peers.calls[0][2]
    assert request.admin_name.last_name == "Петрова" and request.admin_email == "o@school.ru"


def test_lessons_are_saved_in_bulk_from_one_body(client, peers, auth):
    peers.responses["SaveLessons"] = journal_pb2.SaveLessonsResponse(records=[
        journal_pb2.LessonRecord(lesson_id=SCHOOL, topic="Дроби"), journal_pb2.LessonRecord(lesson_id=OTHER)])
    resp = client.put(f"/api/v1/schools/{SCHOOL}/lessons/records", headers=auth, json={"lessons": [
        {"lesson_id": SCHOOL, "topic": "Дроби", "marks": [{"student_id": OTHER, "value": "5", "work_type": "test"}]},
        {"lesson_id": OTHER, "reason": "Перенос", "attendance": [{"student_id": OTHER, "status": "ill"}]}]})
    assert resp.status_code == 200
    assert [(r["lesson_id"], r["topic"]) for r in resp.json["records"]] == [(SCHOOL, "Дроби"), (OTHER, "")]
    request = peers.calls[0][2]
    assert (request.school_id, [x.lesson_id for x in request.lessons]) == (SCHOOL, [SCHOOL, OTHER])
    assert (request.lessons[0].marks[0].work_type, request.lessons[1].reason) == ("test", "Перенос")
    assert request.lessons[1].attendance[0].status == "ill"
    resp = client.put(f"/api/v1/schools/{SCHOOL}/lessons/records", headers=auth, json={"lessons": [{"topic": "x"}]})
    assert resp.status_code == 400 and "lessons[0].lesson_id" in resp.json["error"]["fields"]


def test_person_kind_is_a_lower_case_name_both_ways(client, peers, auth):
    peers.responses["CreatePerson"] = identity_pb2.CreatePersonResponse(
        person=identity_pb2.Person(id=OTHER, kind=identity_pb2.STUDENT))
    resp = client.post(f"/api/v1/schools/{SCHOOL}/people", headers=auth,
                       json={"kind": "student", "last_name": "Сидоров", "first_name": "Петя", "birth_date": "2015-03-01"})
    assert resp.status_code == 201
    assert resp.json["person"]["kind"] == "student"
    assert resp.json["person"]["roles"] == [] and resp.json["initial_password"] == ""  # defaults are printed
    request = peers.calls[0][2]
    assert request.kind == identity_pb2.STUDENT and request.name.first_name == "Петя" and request.school_id == SCHOOL


def test_query_parameters_are_validated_and_renamed(client, peers, auth):
    resp = client.get(f"/api/v1/schools/{SCHOOL}/lessons?from=2025-09-01&to=2025-09-07&teacher_id={OTHER}",
                      headers=auth)
    assert resp.status_code == 200
    request = peers.calls[0][2]
    assert (request.date_from, request.date_to, request.teacher_id) == ("2025-09-01", "2025-09-07", OTHER)
    bad = client.get(f"/api/v1/schools/{SCHOOL}/lessons?from=1.9.2025&kind=x", headers=auth)
    assert bad.status_code == 400 and bad.json["error"]["fields"] == {"from": "Ожидается дата в формате ГГГГ-ММ-ДД"}


def test_missing_fields_and_wrong_types_are_400_with_field_names(client, peers, auth):
    resp = client.post(f"/api/v1/schools/{SCHOOL}/class-groups", headers=auth, json={"grade": "5", "name": "5А"})
    assert resp.status_code == 400
    assert resp.json["error"]["code"] == "BAD_REQUEST"
    assert resp.json["error"]["fields"] == {"academic_year_id": "Обязательное поле", "grade": "Ожидается целое число"}
    assert peers.calls == []


@pytest.mark.parametrize("body", ["{not json", "", "[1, 2]", "\xff", '{"name": "\\ud800"}'])
def test_malformed_or_missing_json_is_400(client, peers, auth, body):
    resp = client.post(f"/api/v1/schools/{SCHOOL}/subjects", headers={**auth, "Content-Type": "application/json"},
                       data=body.encode("latin-1"))
    assert resp.status_code == 400 and resp.json["error"]["message"]
    assert peers.calls == []


@pytest.mark.parametrize(("error", "status"), [
    (errors.Invalid("topic", "слишком длинная"), 422), (errors.NotFound(), 404), (errors.Conflict(), 409),
    (errors.FailedPrecondition(), 409), (errors.Forbidden(), 403), (errors.Unauthenticated(), 401),
    (errors.Unavailable(), 503), (errors.TooManyRequests(), 429),
])
def test_service_errors_map_to_http(client, peers, auth, error, status):
    peers.responses["GetLessonRecord"] = error
    resp = client.get(f"/api/v1/schools/{SCHOOL}/lessons/{OTHER}/record", headers=auth)
    assert resp.status_code == status == http_status(error)
    assert resp.json == {"error": {"code": error.code.name, "message": error.message, "fields": error.fields,
                                   "reason": ""}}
    assert "Retry-After" not in resp.headers


def test_a_refusal_carries_its_reason_code(client, peers, auth):
    peers.responses["GetLessonRecord"] = refused(errors.FailedPrecondition("Урок закрыт", {"lesson_id": "закрыт"},
                                                                           reason="LESSON_LOCKED"))
    resp = client.get(f"/api/v1/schools/{SCHOOL}/lessons/{OTHER}/record", headers=auth)
    assert resp.status_code == 409 and resp.json["error"] == {
        "code": "FAILED_PRECONDITION", "message": "Урок закрыт", "fields": {"lesson_id": "закрыт"},
        "reason": "LESSON_LOCKED"}


def test_too_many_requests_says_when_to_retry(client, peers, auth):
    peers.responses["GetLessonRecord"] = errors.TooManyRequests("Слишком много попыток", retry_after=125)
    resp = client.get(f"/api/v1/schools/{SCHOOL}/lessons/{OTHER}/record", headers=auth)
    assert resp.status_code == 429 and resp.headers["Retry-After"] == "125"
    assert resp.json["error"] == {"code": "RESOURCE_EXHAUSTED", "message": "Слишком много попыток", "fields": {},
                                  "reason": ""}


def test_peer_deadline_is_503():
    import grpc

    class Expired(grpc.RpcError):
        def code(self):
            return grpc.StatusCode.DEADLINE_EXCEEDED

        def details(self):
            return "Deadline Exceeded"

    assert http_status(errors.from_rpc_error(Expired())) == 503


def test_unauthenticated_and_unknown_routes_use_the_error_shape(client, auth):
    resp = client.get("/api/v1/me")
    assert resp.status_code == 401 and resp.headers["WWW-Authenticate"] == "Bearer"
    assert client.get("/api/v1/me", headers={"Authorization": "Bearer wrong"}).status_code == 401
    for path, status in (("/api/v1/nothing-here", 404), ("/api/v1/me?x=1", 200)):
        assert client.get(path, headers=auth).status_code == status
    resp = client.delete("/api/v1/me", headers=auth)
    assert resp.status_code == 405 and set(resp.json["error"]) == {"code", "message", "fields", "reason"}


def test_a_pdf_is_sent_as_a_file(client, peers, auth):
    peers.responses["RenderSummarySheetPdf"] = reporting_pb2.RenderedReport(
        media_type="application/pdf", filename="svodnaya-5A.pdf", content=b"%PDF-1.4 ...")
    resp = client.get(f"/api/v1/schools/{SCHOOL}/class-groups/{OTHER}/summary-sheet.pdf", headers=auth)
    assert resp.status_code == 200 and resp.mimetype == "application/pdf" and resp.data == b"%PDF-1.4 ..."
    assert "attachment" in resp.headers["Content-Disposition"]


def test_request_id_is_returned(client, auth):
    resp = client.get("/api/v1/me", headers={**auth, "X-Request-ID": "req-42"})
    assert resp.headers["X-Request-ID"] == "req-42"


def test_deeply_nested_json_is_400_not_500(client, auth):
    resp = client.post(f"/api/v1/schools/{SCHOOL}/subjects", headers=auth, data="[" * 100_000 + "]" * 100_000)
    assert resp.status_code == 400


def test_an_import_file_arrives_as_base64_and_a_page_size_as_a_number(client, peers, auth):
    resp = client.post(f"/api/v1/schools/{SCHOOL}/people/import", headers=auth,
                       json={"filename": "people.csv", "content_base64": "0LrQuNC9ZA==", "dry_run": True})
    assert resp.status_code == 200
    request = peers.calls[0][2]
    assert (request.filename, request.content, request.dry_run) == ("people.csv", "кинd".encode(), True)
    bad = client.post(f"/api/v1/schools/{SCHOOL}/people/import", headers=auth,
                      json={"filename": "people.csv", "content_base64": "не base64"})
    assert bad.status_code == 400 and list(bad.json["error"]["fields"]) == ["content_base64"]
    assert client.get(f"/api/v1/schools/{SCHOOL}/audit-log?limit=50&before=17", headers=auth).status_code == 200
    assert (peers.calls[1][2].limit, peers.calls[1][2].before) == (50, "17")
    assert client.get(f"/api/v1/schools/{SCHOOL}/audit-log?limit=7", headers=auth).status_code == 400


def test_changes_of_a_whole_years_lessons_wait_longer_than_a_peer_call():
    from gateway.api.endpoints import ENDPOINTS, YEAR_DEADLINE
    from services.common.grpc_client import DEFAULT_DEADLINE

    whole_year = {"ChangeTerms", "CopyAcademicYear", "CloseAcademicYear", "AddHoliday", "AddDayTransfer",
                  "UpdateHoliday", "DeleteHoliday", "DeleteDayTransfer"}
    assert YEAR_DEADLINE > DEFAULT_DEADLINE
    assert whole_year <= {e.rpc for e in ENDPOINTS if (e.deadline or 0) >= YEAR_DEADLINE}
