"""Browser side without Keycloak: the PKCE login redirect, the callback's state check, CSRF on every
state-changing browser request, and redirects of anonymous page requests to /login."""
import base64
import hashlib
from urllib.parse import parse_qs, urlparse

import pytest

SCHOOL = "0b6f5a8e-3c1d-4b7a-9a55-2f7c1f0e9d11"
STUDENT = "1a2b3c4d-5e6f-4a7b-8c9d-0e1f2a3b4c5d"


def test_login_page_offers_staff_and_gosuslugi(client):
    page = client.get("/login").get_data(as_text=True)
    assert "Войти</a>" in page and "Войти через Госуслуги" in page
    assert 'href="/login/start?idp=gosuslugi"' in page


@pytest.mark.parametrize("idp", ["", "gosuslugi"])
def test_login_start_redirects_with_pkce(client, idp):
    resp = client.get(f"/login/start?idp={idp}")
    assert resp.status_code == 302
    target = urlparse(resp.headers["Location"])
    query = {k: v[0] for k, v in parse_qs(target.query).items()}
    assert target.path == "/realms/otmetka/protocol/openid-connect/auth"
    assert query["code_challenge_method"] == "S256" and query["response_type"] == "code"
    assert query["redirect_uri"] == "http://gateway.test/auth/callback"
    with client.session_transaction() as session:
        login = session["login"]
    assert query["state"] == login["state"]
    challenge = base64.urlsafe_b64encode(hashlib.sha256(login["code_verifier"].encode()).digest()).rstrip(b"=").decode()
    assert query["code_challenge"] == challenge
    assert query.get("kc_idp_hint", "") == idp


def test_callback_with_a_foreign_state_is_refused(client):
    client.get("/login/start")
    resp = client.get("/auth/callback?state=forged&code=abc")
    assert resp.status_code == 401 and "Начните вход заново" in resp.get_data(as_text=True)
    with client.session_transaction() as session:
        assert "tokens" not in session and "login" not in session


def test_session_cookie_is_httponly_and_lax(client):
    client.get("/login/start")
    cookie = client.get_cookie("otmetka_session")
    assert cookie.http_only and cookie.same_site == "Lax"


def test_anonymous_pages_redirect_to_login(client):
    resp = client.get(f"/schools/{SCHOOL}/students/{STUDENT}/diary?week=2025-09-01")
    assert resp.status_code == 302
    assert resp.headers["Location"].startswith("/login?next=/schools/")


def test_session_api_changes_need_the_csrf_header(browser, peers):
    url = f"/api/v1/schools/{SCHOOL}/subjects"
    assert browser.get("/api/v1/me").status_code == 200  # reading with the session needs no CSRF token
    resp = browser.post(url, json={"name": "Химия"})
    assert resp.status_code == 400 and "csrf_token" in resp.json["error"]["fields"]
    assert browser.post(url, json={"name": "Химия"}, headers={"X-CSRF-Token": "csrf-123"}).status_code == 201


def test_logout_post_needs_csrf_and_ends_the_keycloak_session(browser):
    assert browser.post("/logout").status_code == 400
    resp = browser.post("/logout", data={"csrf_token": "csrf-123"})
    location = urlparse(resp.headers["Location"])
    assert location.path == "/realms/otmetka/protocol/openid-connect/logout"
    assert parse_qs(location.query)["post_logout_redirect_uri"] == ["http://gateway.test/login"]
    with browser.session_transaction() as session:
        assert "tokens" not in session


@pytest.mark.parametrize("target", ["https://evil.example/", "//evil.example/", "/\\evil.example/"])
def test_login_returns_only_to_this_site(client, target):
    client.get("/login/start", query_string={"next": target})
    with client.session_transaction() as session:
        assert session["login"]["next"] == "/"


@pytest.mark.parametrize(("target", "kept"), [
    ("/schools/1/lessons/2?saved=1", True), ("/", True),
    ("//evil.example", False), ("/\t/evil.example", False), ("/\\evil.example", False), ("http://evil.example", False),
    ("/x\r\nSet-Cookie: a=b", False), ("/with space", False), ("", False), (None, False),
])
def test_only_local_paths_are_followed_after_login(target, kept):
    from gateway.auth.login import _local_path

    assert _local_path(target) == (target if kept else "/")
