"""The consent to the processing of personal data at sign-in, with fake services: a person whose schools wait for a
decision is sent to /consent before anything else (pages and the session's API calls too), accepting goes on where
the login was going, declining records it and ends the session with an explanation, a text changed meanwhile is
shown again; a login is not let in when identity cannot say."""
import dataclasses

import pytest

from proto.identity.v1 import identity_pb2
from services.common.errors import FailedPrecondition, Unavailable
from tests.unit.gateway.auth.conftest import FakeOidc
from tests.unit.gateway.auth.test_sign_in_record import signed_in

SCHOOL = "0b6f5a8e-3c1d-4b7a-9a55-2f7c1f0e9d11"
ASKED = identity_pb2.ConsentStatus(version="2026-1", pending=[identity_pb2.ConsentRequest(
    school_id=SCHOOL, school_name="МБОУ СОШ № 1", person_ids=["p1"],
    text="Согласие на обработку персональных данных\nЦель обработки: ведение электронного дневника.")])


class EndingOidc(FakeOidc):
    def __init__(self):
        self.ended: list[str] = []

    def end_session_now(self, refresh_token: str) -> None:
        self.ended.append(refresh_token)


@pytest.fixture
def oidc(app):
    fake = EndingOidc()
    app.extensions["otmetka"] = dataclasses.replace(app.extensions["otmetka"], oidc=fake)
    return fake


@pytest.fixture
def asked_login(oidc, client, peers):
    peers.responses["GetConsent"] = ASKED
    client.get("/login/start?next=/journal")
    with client.session_transaction() as session:
        state = session["login"]["state"]
    return lambda: client.get(f"/auth/callback?state={state}&code=abc")


def test_a_person_asked_sees_the_text_before_anything_else(asked_login, client, peers):
    resp = asked_login()
    assert resp.status_code == 302 and resp.headers["Location"] == "/consent"
    assert client.get("/").headers["Location"] == "/consent"
    assert client.get(f"/schools/{SCHOOL}/events").headers["Location"] == "/consent"
    api = client.get("/api/v1/me")
    assert api.status_code == 403 and "согласие" in api.get_json()["error"]["message"]
    page = client.get("/consent").get_data(as_text=True)
    assert "МБОУ СОШ № 1" in page and "<p>Цель обработки: ведение электронного дневника.</p>" in page
    assert 'name="version" value="2026-1"' in page and "Принимаю" in page and "Не принимаю" in page


def test_accepting_records_it_and_goes_where_the_login_was_going(asked_login, client, peers):
    asked_login()
    with client.session_transaction() as session:
        session["csrf"] = "csrf-123"
    resp = client.post("/consent", data={"csrf_token": "csrf-123", "version": "2026-1", "decision": "accept"})
    assert resp.status_code == 302 and resp.headers["Location"] == "/journal"
    recorded = next(req for _, rpc, req, _ in peers.calls if rpc == "RecordConsent")
    assert (recorded.version, recorded.accept) == ("2026-1", True)
    assert signed_in(client) and client.get("/consent").headers["Location"] == "/"
    assert client.get("/").status_code == 200


def test_declining_records_it_and_ends_the_session_with_an_explanation(asked_login, client, peers, oidc):
    asked_login()
    with client.session_transaction() as session:
        session["csrf"] = "csrf-123"
    resp = client.post("/consent", data={"csrf_token": "csrf-123", "version": "2026-1", "decision": "decline"})
    page = resp.get_data(as_text=True)
    assert resp.status_code == 200 and "Согласие не принято" in page and "в печатном виде" in page
    assert not next(req for _, rpc, req, _ in peers.calls if rpc == "RecordConsent").accept
    assert oidc.ended == ["r"] and not signed_in(client)
    assert client.get("/").headers["Location"].startswith("/login")


def test_a_changed_text_is_shown_again_and_a_post_needs_the_csrf_token(asked_login, client, peers):
    asked_login()
    assert client.post("/consent", data={"version": "2026-1", "decision": "accept"}).status_code == 400
    with client.session_transaction() as session:
        session["csrf"] = "csrf-123"
    peers.responses["RecordConsent"] = FailedPrecondition("Текст согласия изменился: прочитайте новую редакцию")
    resp = client.post("/consent", data={"csrf_token": "csrf-123", "version": "2025-1", "decision": "accept"})
    assert resp.status_code == 409 and "Текст согласия изменился" in resp.get_data(as_text=True)
    assert client.get("/").headers["Location"] == "/consent"


def test_nobody_asked_goes_straight_in_and_a_login_unchecked_is_refused(oidc, client, peers):
    client.get("/login/start?next=/journal")
    with client.session_transaction() as session:
        state = session["login"]["state"]
    assert client.get(f"/auth/callback?state={state}&code=abc").headers["Location"] == "/journal"
    assert client.get("/consent").headers["Location"] == "/"

    peers.responses["GetConsent"] = Unavailable("Сервис недоступен")
    client.get("/login/start?next=/journal")
    with client.session_transaction() as session:
        state = session["login"]["state"]
    resp = client.get(f"/auth/callback?state={state}&code=abc")
    assert resp.status_code == 503 and "не удалось проверить согласие" in resp.get_data(as_text=True)
    assert not signed_in(client) and oidc.ended == ["r"]
