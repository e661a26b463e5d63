"""Browser login against the real Keycloak: staff through the realm's login form, guardians through the
Gosuslugi broker (the unconfirmed account refused in Russian), token refresh and logout; the tokens stay in the
gateway's database, the browser's cookie holds only an opaque id."""
import base64
import hashlib
import json
import os
import re
import time
from urllib.parse import parse_qs, urlparse

import pytest
from sqlalchemy import create_engine, text

from gateway.wiring import wiring
from proto.identity.v1 import identity_pb2
from services.common.errors import Unauthenticated
from tests.integration.gateway.conftest import PUBLIC_URL, STANDIN_PASSWORD
from tests.support import stack

pytestmark = pytest.mark.stack
SCHOOL = "0b6f5a8e-3c1d-4b7a-9a55-2f7c1f0e9d11"
CHILD = "1a2b3c4d-5e6f-4a7b-8c9d-0e1f2a3b4c5d"


def session_of(client) -> dict:
    with client.session_transaction() as session:
        return dict(session)


def assert_no_token_in(cookie: str, tokens: dict) -> None:
    """The cookie is an opaque id: none of the tokens in it, and nothing token-like in it however it is decoded."""
    assert re.fullmatch(r"[A-Za-z0-9_-]{43}", cookie)  # no dot: neither a JWT nor a signed payload
    for name in ("access_token", "refresh_token", "id_token"):
        assert tokens[name] not in cookie and tokens[name][:20] not in cookie
    decoded = base64.urlsafe_b64decode(cookie + "=")
    assert len(decoded) == 32  # 32 random bytes: room for no token
    with pytest.raises(ValueError):  # nor any JSON, however it is decoded
        json.loads(decoded)


def stored_tokens(sid: str) -> dict | None:
    with create_engine(os.environ["OTMETKA_GATEWAY_DB_URL"]).connect() as conn:
        data = conn.scalar(text("SELECT data FROM browser_sessions WHERE id_hash = :h"),
                           {"h": hashlib.sha256(sid.encode()).hexdigest()})
    return data and data["tokens"]


def test_staff_login_refresh_and_logout(app, client, peers, browser):
    resp = browser.login("/login/start?next=/api/v1/me", "operator", stack.env()["OTMETKA_OPERATOR_PASSWORD"])
    assert resp.status_code == 302 and resp.headers["Location"] == "/api/v1/me"
    tokens = session_of(client)["tokens"]
    assert tokens["access_token"] and tokens["refresh_token"] and tokens["id_token"]

    assert client.get("/api/v1/me").status_code == 200
    with app.app_context():
        verifier = wiring().verifier
        caller = verifier.verify(peers.calls[-1][3])
    assert caller.username == "operator" and "authority_operator" in caller.realm_roles

    with client.session_transaction() as session:  # the access token has expired: the gateway refreshes it
        session["tokens"] = {**session["tokens"], "expires_at": time.time() - 1}
    assert client.get("/api/v1/me").status_code == 200
    refreshed = session_of(client)["tokens"]
    assert refreshed["expires_at"] > time.time() + 60 and peers.calls[-1][3] == refreshed["access_token"]
    assert verifier.verify(refreshed["access_token"]).username == "operator"

    home = client.get("/").get_data(as_text=True)  # the page's logout form carries the CSRF token
    sid = client.get_cookie("otmetka_session").value
    assert_no_token_in(sid, refreshed)
    assert stored_tokens(sid) == refreshed  # the tokens are on the server, under the id's hash
    assert refreshed["refresh_expires_at"] > time.time() + 60  # the session lives as long as the refresh token
    resp = client.post("/logout", data={"csrf_token": re.search(r'name="csrf_token" value="([^"]+)"', home).group(1)})
    end_session = resp.headers["Location"]
    assert parse_qs(urlparse(end_session).query)["id_token_hint"] == [refreshed["id_token"]]
    assert "tokens" not in session_of(client) and stored_tokens(sid) is None
    after = browser.http.get(end_session, allow_redirects=False, timeout=30)
    assert after.status_code == 302 and after.headers["Location"] == f"{PUBLIC_URL}/login"
    with app.app_context(), pytest.raises(Unauthenticated):
        wiring().oidc.refresh(refreshed["refresh_token"])  # the Keycloak session is over


def test_unconfirmed_gosuslugi_account_is_refused(client, peers, browser):
    resp = browser.login("/login/start?idp=gosuslugi", "sidorova", STANDIN_PASSWORD)
    page = resp.get_data(as_text=True)
    assert resp.status_code == 403
    assert ("Учётная запись на Госуслугах не подтверждена. Подтвердите учётную запись "
            "(в центре обслуживания или онлайн) и войдите снова.") in page
    assert "tokens" not in session_of(client) and peers.calls == []
    assert client.get("/").headers["Location"].startswith("/login")


def test_confirmed_gosuslugi_account_is_linked_and_sees_the_diary(client, peers, browser):
    peers.responses["GetMe"] = identity_pb2.Me(memberships=[identity_pb2.Membership(
        school=identity_pb2.School(id=SCHOOL), principal=identity_pb2.Principal(school_id=SCHOOL, student_ids=[CHILD]))])
    resp = browser.login("/login/start?idp=gosuslugi", "ivanova", STANDIN_PASSWORD)
    assert resp.status_code == 302
    assert resp.headers["Location"] == f"/schools/{SCHOOL}/students/{CHILD}/diary"
    assert [rpc for _, rpc, _, _ in peers.calls] == ["LinkFederatedAccount", "GetMe", "RecordSignIn",  # issue 13
                                                     "GetConsent"]  # issue 14: nothing to ask here
    assert "tokens" in session_of(client)


def test_a_guardian_decides_on_the_consent_before_the_diary(client, peers, browser):
    """Issue 14: a guardian whose school waits for the consent is shown it first; accepting opens the diary."""
    peers.responses["GetMe"] = identity_pb2.Me(memberships=[identity_pb2.Membership(
        school=identity_pb2.School(id=SCHOOL), principal=identity_pb2.Principal(school_id=SCHOOL, student_ids=[CHILD]))])
    peers.responses["GetConsent"] = identity_pb2.ConsentStatus(version="2026-1", pending=[identity_pb2.ConsentRequest(
        school_id=SCHOOL, school_name="Школа № 1", person_ids=[CHILD], text="Согласие на обработку")])
    resp = browser.login("/login/start?idp=gosuslugi", "ivanova", STANDIN_PASSWORD)
    assert resp.status_code == 302 and resp.headers["Location"] == "/consent"
    page = client.get("/consent").get_data(as_text=True)
    assert "Согласие на обработку" in page
    csrf = re.search(r'name="csrf_token" value="([^"]+)"', page).group(1)
    resp = client.post("/consent", data={"csrf_token": csrf, "version": "2026-1", "decision": "accept"})
    assert resp.status_code == 302 and resp.headers["Location"] == f"/schools/{SCHOOL}/students/{CHILD}/diary"
    assert peers.calls[-1][1] == "RecordConsent" and peers.calls[-1][2].accept
