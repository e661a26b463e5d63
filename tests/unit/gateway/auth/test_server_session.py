"""The browser's session kept on the server (gateway/auth/server_session.py) against the in-memory store: the cookie
is an opaque id, the store keeps the values under its hash until the refresh token's end, a sign-in gives the session
a new id, signing out deletes it, a forged or unknown id is a new empty session, expired rows are swept; while the
database is away API clients keep working and browsers keep their cookie."""
import dataclasses
import datetime as dt
import hashlib
import re
import socket
import time

import flask

from gateway.app import create_app
from gateway.auth import server_session
from gateway.auth.oidc import KeycloakOidc
from gateway.store import UNREACHABLE
from services.common.errors import Unavailable
from tests.unit.gateway.auth.conftest import REFRESH_FOR
from tests.unit.gateway.conftest import SETTINGS, TOKEN, FakeVerifier
from tests.unit.gateway.memory_store import MemoryStore

COOKIE = "otmetka_session"


def cookie(client) -> str:
    found = client.get_cookie(COOKIE)
    return found.value if found else ""


def stored(store, sid: str) -> dict | None:
    return store.load_session(hashlib.sha256(sid.encode()).hexdigest())


def test_the_cookie_is_an_opaque_id_and_the_tokens_stay_in_the_store(signing_in, client, store):
    signing_in()
    sid = cookie(client)
    assert re.fullmatch(r"[A-Za-z0-9_-]{43}", sid) and TOKEN not in sid
    assert stored(store, sid)["tokens"]["access_token"] == TOKEN
    assert sid not in store.sessions  # the table's key is the id's hash, not the id
    [(_, expires)] = store.sessions.values()
    assert abs(expires.timestamp() - (time.time() + REFRESH_FOR)) < 60  # lives as long as the refresh token
    found = client.get_cookie(COOKIE)
    assert found.http_only and found.same_site == "Lax" and not found.secure  # http://gateway.test: not Secure


def test_a_sign_in_gives_the_session_a_new_id(signing_in, client, store):
    before = cookie(client)  # the session of the login in progress (its state and PKCE verifier)
    assert stored(store, before)["login"]
    signing_in()
    after = cookie(client)
    assert after != before and stored(store, before) is None and stored(store, after)["tokens"]


def test_an_id_planted_before_the_login_is_never_signed_in(signing_in, client, store):
    planted = cookie(client)
    signing_in()
    client.set_cookie(COOKIE, planted)  # the attacker's browser still holds the id from before the login
    resp = client.get("/console")
    assert resp.status_code == 302 and resp.headers["Location"].startswith("/login")


def test_signing_out_deletes_the_session_and_its_cookie(signing_in, client, store):
    signing_in()
    sid = cookie(client)
    with client.session_transaction() as session:
        csrf = session.setdefault("csrf", "csrf-1")
    resp = client.post("/logout", data={"csrf_token": csrf})
    assert resp.status_code == 302 and resp.headers["Location"].startswith("http://keycloak.test/logout")
    assert stored(store, sid) is None and not store.sessions and cookie(client) == ""
    client.set_cookie(COOKIE, sid)
    assert client.get("/console").status_code == 302  # the old id leads nowhere


def test_a_forged_or_unknown_id_is_an_empty_session(client, store):
    for value in ("not-an-id", "A" * 43, "eyJhbGciOi.eyJzdWIiOi.c2ln"):
        client.set_cookie(COOKIE, value)
        resp = client.get("/console")
        assert resp.status_code == 302 and resp.headers["Location"].startswith("/login")
    assert not store.sessions


def test_an_anonymous_session_lives_an_hour(client, store):
    client.get("/login/start")
    [(data, expires)] = store.sessions.values()
    assert "tokens" not in data
    assert abs((expires - dt.datetime.now(dt.UTC)) - server_session.ANONYMOUS_LIFETIME) < dt.timedelta(minutes=1)


def test_a_new_session_sweeps_the_expired_ones_now_and_then(app, client, store, monkeypatch):
    past = dt.datetime.now(dt.UTC) - dt.timedelta(seconds=1)
    store.save_session("old", {"csrf": "x"}, past)
    monkeypatch.setattr(app.session_interface, "swept_at", time.monotonic() - server_session.SWEEP_EVERY - 1)
    client.get("/login/start")
    assert "old" not in store.sessions and len(store.sessions) == 1
    store.save_session("old", {"csrf": "x"}, past)
    client.delete_cookie(COOKIE)
    client.get("/login/start")  # within SWEEP_EVERY of the last sweep: not again
    assert "old" in store.sessions


class UnreachableStore(MemoryStore):
    """The gateway's database gone: every call fails as PostgresStore's do."""

    def __init__(self):
        super().__init__()
        self.down = False

    def __getattribute__(self, name):
        if name in ("load_session", "save_session", "delete_session", "hit", "sweep") and object.__getattribute__(
                self, "down"):
            raise Unavailable(UNREACHABLE)
        return object.__getattribute__(self, name)


def test_while_the_database_is_away_api_clients_work_and_browsers_keep_their_session(peers, caplog):
    store = UnreachableStore()
    client = create_app(SETTINGS, verifier=FakeVerifier(), peers=peers, store=store).test_client()
    client.get("/login/start")
    sid = cookie(client)
    store.down = True
    assert client.get("/api/v1/me", headers={"Authorization": f"Bearer {TOKEN}"}).status_code == 200  # uncounted
    resp = client.get("/console")
    assert resp.status_code == 302 and resp.headers["Location"].startswith("/login") and cookie(client) == sid
    client.delete_cookie(COOKIE)
    assert client.get("/login/start").status_code == 302 and cookie(client) == ""  # nothing saved, nothing set
    assert "unreachable" in caplog.text
    store.down = False
    client.set_cookie(COOKIE, sid)
    with client.session_transaction() as session:
        assert session["login"]  # the session is there again


def test_keycloak_away_at_a_refresh_keeps_the_session_and_answers_503(signing_in, app, client, store):
    """A Keycloak restart signs nobody out: the refresh that finds no Keycloak (a closed port) is a 503 «повторите
    попытку», the session and its tokens stay, and the next request after Keycloak is back refreshes them."""
    signing_in()
    sid = cookie(client)
    with socket.socket() as probe:  # a port nobody listens on
        probe.bind(("127.0.0.1", 0))
        closed = probe.getsockname()[1]
    away = dataclasses.replace(SETTINGS, keycloak_url=f"http://127.0.0.1:{closed}")
    app.extensions["otmetka"] = dataclasses.replace(app.extensions["otmetka"], oidc=KeycloakOidc(away))
    tokens = stored(store, sid)["tokens"]
    store.save_session(hashlib.sha256(sid.encode()).hexdigest(), {"tokens": {**tokens, "expires_at": time.time()}},
                       dt.datetime.now(dt.UTC) + dt.timedelta(hours=1))
    resp = client.get("/console")
    assert resp.status_code == 503 and "Сервис входа недоступен" in resp.text
    assert cookie(client) == sid and stored(store, sid)["tokens"]["refresh_token"] == tokens["refresh_token"]


def test_a_request_in_flight_when_the_user_signs_out_does_not_sign_them_in_again(signing_in, app, client, store):
    """Request B read the session, logout A deleted it, then B changes the session (a refreshed token, a CSRF token):
    B's answer neither brings the row back nor sends the id again."""
    signing_in()
    sid = cookie(client)
    with app.test_request_context("/journal", headers={"Cookie": f"{COOKIE}={sid}"}):
        in_flight = app.session_interface.open_session(app, flask.request)  # B has read it
        store.delete_session(hashlib.sha256(sid.encode()).hexdigest())  # A: the logout
        in_flight["csrf"] = "csrf-2"  # B changes it
        response = app.response_class()
        app.session_interface.save_session(app, in_flight, response)
    assert stored(store, sid) is None and not store.sessions
    assert f"{COOKIE}=;" in response.headers["Set-Cookie"]  # B's answer removes the cookie instead
