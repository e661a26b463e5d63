"""The REST API of the year cycle against in-memory peers: orders signed, read and listed (the register), the personal
record, corrections, the year transition's preview, run and result; refusals keep their Russian message and fields
with the gateway's HTTP statuses (ALREADY_EXISTS and FAILED_PRECONDITION 409, INVALID_ARGUMENT 422)."""
from proto.identity.v1 import identity_pb2 as pb
from services.common import errors
from tests.unit.gateway.fakes import FakeMovementRegister, refused

SCHOOL = "0b6f5a8e-3c1d-4b7a-9a55-2f7c1f0e9d11"
YEAR = "1b6f5a8e-3c1d-4b7a-9a55-2f7c1f0e9d11"
PETR = "2a2b3c4d-5e6f-4a7b-8c9d-0e1f2a3b4c5d"
CLASS_5B = "3a2b3c4d-5e6f-4a7b-8c9d-0e1f2a3b4c5d"
MATHS = "4a2b3c4d-5e6f-4a7b-8c9d-0e1f2a3b4c5d"
API = f"/api/v1/schools/{SCHOOL}"


def _calls(peers, rpc):
    return [req for _, name, req, _ in peers.calls if name == rpc]


def test_an_order_is_signed_then_read_and_listed_in_the_register(client, peers, auth):
    FakeMovementRegister(YEAR, {PETR: "Иванов Пётр Сергеевич"}).install(peers)
    resp = client.post(f"{API}/orders", headers=auth, json={
        "kind": "conditional_promotion", "number": "12-у", "order_date": "2026-05-29", "effective_date": "2026-09-01",
        "reason": "решение педагогического совета", "lines": [{"student_id": PETR, "to_class_group_id": CLASS_5B,
                                                               "debts": [{"subject_id": MATHS, "deadline": "2026-10-15"}]}]})
    assert resp.status_code == 201, resp.json
    (signed,) = _calls(peers, "SignOrder")
    assert signed.kind == pb.CONDITIONAL_PROMOTION and signed.school_id == SCHOOL
    assert [(d.subject_id, d.deadline) for d in signed.lines[0].debts] == [(MATHS, "2026-10-15")]
    order = resp.json
    assert order["kind"] == "conditional_promotion" and order["number"] == "12-у" and order["late"] is False
    assert order["lines"][0]["student_name"] == "Иванов Пётр Сергеевич"
    assert client.get(f"{API}/orders/{order['id']}", headers=auth).json["reason"] == "решение педагогического совета"
    listed = client.get(f"{API}/orders?academic_year_id={YEAR}&student_id={PETR}", headers=auth)
    assert [o["number"] for o in listed.json["orders"]] == ["12-у"]
    asked = _calls(peers, "ListOrders")[-1]
    assert (asked.academic_year_id, asked.student_id) == (YEAR, PETR)


def test_a_bad_order_is_refused_before_any_call_naming_the_field(client, peers, auth):
    resp = client.post(f"{API}/orders", headers=auth, json={
        "kind": "expulsion", "effective_date": "01.09.2026", "reason": "x", "lines": [{"student_id": "Пётр"}]})
    assert resp.status_code == 400 and peers.calls == []
    fields = resp.json["error"]["fields"]
    assert fields["kind"].startswith("Допустимые значения: enrolment, transfer")
    assert fields["effective_date"] == "Ожидается дата в формате ГГГГ-ММ-ДД"
    assert fields["lines[0].student_id"] == "Ожидается идентификатор (UUID)"


def test_the_registers_refusals_keep_their_russian_message_and_line_fields(client, peers, auth):
    peers.responses["SignOrder"] = refused(errors.Invalid(fields={
        "lines[0].to_class_group_id": "класс 5Б закрытого учебного года: перевод невозможен"}))
    resp = client.post(f"{API}/orders", headers=auth, json={
        "kind": "transfer", "effective_date": "2026-01-14", "reason": "заявление",
        "lines": [{"student_id": PETR, "to_class_group_id": CLASS_5B}]})
    assert resp.status_code == 422 and resp.json["error"]["code"] == "INVALID_ARGUMENT"
    assert resp.json["error"]["fields"] == {
        "lines[0].to_class_group_id": "класс 5Б закрытого учебного года: перевод невозможен"}
    peers.responses["GetOrder"] = refused(errors.NotFound("Приказ не найден", {"order_id": "нет такого приказа"}))
    missing = client.get(f"{API}/orders/{PETR}", headers=auth)
    assert missing.status_code == 404 and missing.json["error"]["message"] == "Приказ не найден"


def test_a_correction_sends_the_name_only_when_a_part_of_it_is_given(client, peers, auth):
    resp = client.post(f"{API}/people/{PETR}/corrections", headers=auth,
                       json={"last_name": "Смирнов", "reason": "смена фамилии"})
    assert resp.status_code == 200
    resp = client.post(f"{API}/people/{PETR}/corrections", headers=auth,
                       json={"birth_date": "2014-05-21", "gender": "male", "reason": "опечатка"})
    assert resp.status_code == 200
    name_change, date_change = _calls(peers, "CorrectPerson")
    assert name_change.HasField("name") and name_change.name.last_name == "Смирнов"
    assert (name_change.person_id, name_change.reason) == (PETR, "смена фамилии")
    assert not date_change.HasField("name") and (date_change.birth_date, date_change.gender) == ("2014-05-21", "male")
    bad = client.post(f"{API}/people/{PETR}/corrections", headers=auth, json={"gender": "m"})
    assert bad.status_code == 400 and set(bad.json["error"]["fields"]) == {"gender", "reason"}


def test_a_class_is_listed_on_a_date(client, peers, auth):
    resp = client.get(f"{API}/people?kind=student&class_group_id={CLASS_5B}&on_date=2026-01-14", headers=auth)
    assert resp.status_code == 200
    (asked,) = _calls(peers, "ListPeople")
    assert (asked.kind, asked.class_group_id, asked.on_date) == (pb.STUDENT, CLASS_5B, "2026-01-14")
    bad = client.get(f"{API}/people?on_date=14.01.2026", headers=auth)
    assert bad.status_code == 400 and bad.json["error"]["fields"] == {"on_date": "Ожидается дата в формате ГГГГ-ММ-ДД"}


def test_the_personal_record_is_read(client, peers, auth):
    peers.responses["GetPersonalRecord"] = pb.PersonalRecord(
        person=pb.Person(id=PETR, memberships=[pb.ClassMembership(class_group_id=CLASS_5B, date_from="2026-01-14")]),
        corrections=[pb.PersonCorrection(field="last_name", old_value="Иванов", new_value="Смирнов")])
    resp = client.get(f"{API}/people/{PETR}/record", headers=auth)
    assert resp.status_code == 200
    assert resp.json["person"]["memberships"] == [{"class_group_id": CLASS_5B, "date_from": "2026-01-14",
                                                   "date_to": "", "order_id": ""}]
    assert resp.json["corrections"][0]["old_value"] == "Иванов"


def test_the_transition_preview_run_and_result(client, peers, auth):
    body = {"name": "2026/2027", "decisions": [{"student_id": PETR, "outcome": "conditional",
                                                "debts": [{"subject_id": MATHS, "deadline": "2026-10-15"}]}],
            "new_classes": [{"grade": 1, "name": "1А"}]}
    peers.responses["PreviewYearTransition"] = pb.YearTransition(source_year_id=YEAR, name="2026/2027", classes=[
        pb.TransitionClass(name="5А", grade=5, successor_name="6А", promoted=1, conditional=1)])
    preview = client.post(f"{API}/year-transitions/{YEAR}/preview", headers=auth, json=body)
    assert preview.status_code == 200 and preview.json["classes"][0]["successor_name"] == "6А"
    run = client.post(f"{API}/year-transitions/{YEAR}", headers=auth, json=body)
    assert run.status_code == 201
    for rpc in ("PreviewYearTransition", "TransitionYear"):
        (asked,) = _calls(peers, rpc)
        assert (asked.source_year_id, asked.name, asked.decisions[0].outcome) == (YEAR, "2026/2027", "conditional")
        assert [(c.grade, c.name) for c in asked.new_classes] == [(1, "1А")]
    assert client.get(f"{API}/year-transitions/{YEAR}", headers=auth).status_code == 200
    assert _calls(peers, "GetYearTransition")[0].source_year_id == YEAR
    bad = client.post(f"{API}/year-transitions/{YEAR}/preview", headers=auth,
                      json={"name": "2026/2027", "decisions": [{"student_id": PETR, "outcome": "expelled"}]})
    assert bad.status_code == 400 and "decisions[0].outcome" in bad.json["error"]["fields"]


def test_a_second_transition_and_a_year_not_over_are_conflicts(client, peers, auth):
    peers.responses["TransitionYear"] = refused(errors.Conflict(
        "Переход из этого учебного года уже выполнен", {"source_year_id": "переход уже выполнен"}))
    resp = client.post(f"{API}/year-transitions/{YEAR}", headers=auth, json={"name": "2026/2027"})
    assert resp.status_code == 409 and resp.json["error"] == {
        "code": "ALREADY_EXISTS", "message": "Переход из этого учебного года уже выполнен",
        "fields": {"source_year_id": "переход уже выполнен"}, "reason": ""}
    peers.responses["PreviewYearTransition"] = refused(errors.FailedPrecondition(
        "Учебный год ещё не окончен", {"source_year_id": "последняя четверть не окончена"}))
    resp = client.post(f"{API}/year-transitions/{YEAR}/preview", headers=auth, json={"name": "2026/2027"})
    assert resp.status_code == 409 and resp.json["error"]["fields"] == {"source_year_id": "последняя четверть не окончена"}
    peers.responses["GetYearTransition"] = refused(errors.NotFound("Переход ещё не выполнен"))
    assert client.get(f"{API}/year-transitions/{YEAR}", headers=auth).status_code == 404


def test_the_year_cycle_is_in_the_openapi_document(client):
    paths = client.get("/api/v1/openapi.json").json["paths"]
    sign = paths["/schools/{school_id}/orders"]["post"]
    body = sign["requestBody"]["content"]["application/json"]["schema"]
    assert body["required"] == ["kind", "effective_date", "reason"] and "cancellation" in body["properties"]["kind"]["enum"]
    assert sign["responses"]["201"]["content"]["application/json"]["schema"] == {
        "$ref": "#/components/schemas/MovementOrder"}
    assert set(paths["/schools/{school_id}/year-transitions/{source_year_id}"]) == {"get", "post"}
    assert "post" in paths["/schools/{school_id}/year-transitions/{source_year_id}/preview"]
    assert "get" in paths["/schools/{school_id}/people/{person_id}/record"]
    assert "post" in paths["/schools/{school_id}/people/{person_id}/corrections"]
