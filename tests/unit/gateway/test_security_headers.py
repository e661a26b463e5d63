"""The security headers (gateway/security_headers.py): the pages' strict CSP, `default-src 'none'` on everything else,
nosniff, Referrer-Policy and no framing on every answer; HSTS and Secure cookies where the installation is on https or
the settings say so."""
import dataclasses

import pytest

from gateway.app import create_app
from tests.unit.gateway.conftest import SETTINGS, FakeVerifier
from tests.unit.gateway.memory_store import MemoryStore


def client_of(peers, **changes):
    return create_app(dataclasses.replace(SETTINGS, **changes), verifier=FakeVerifier(), peers=peers,
                      store=MemoryStore()).test_client()


def test_a_page_gets_the_strict_policy(client):
    resp = client.get("/login")
    policy = dict(part.strip().split(" ", 1) for part in resp.headers["Content-Security-Policy"].split(";"))
    assert policy == {"default-src": "'self'", "script-src": "'self'", "style-src": "'self'",
                      "img-src": "'self' data:", "object-src": "'none'", "base-uri": "'self'",
                      "frame-ancestors": "'none'", "form-action": "'self' http://keycloak.test"}
    assert resp.headers["X-Content-Type-Options"] == "nosniff" and resp.headers["Referrer-Policy"] == "same-origin"
    assert resp.headers["X-Frame-Options"] == "DENY" and "Strict-Transport-Security" not in resp.headers


@pytest.mark.parametrize("path", ["/api/v1/me", "/healthz", "/static/style.css"])
def test_other_answers_load_and_run_nothing(client, path):
    resp = client.get(path)
    assert resp.headers["Content-Security-Policy"].startswith("default-src 'none'; frame-ancestors 'none'")
    assert resp.headers["X-Content-Type-Options"] == "nosniff"


def test_https_turns_on_hsts_and_secure_cookies(peers):
    client = client_of(peers, public_url="https://journal.example")
    resp = client.get("/login/start")
    assert resp.headers["Strict-Transport-Security"] == "max-age=31536000; includeSubDomains"
    assert client.get_cookie("otmetka_session").secure


def test_the_settings_override_the_scheme(peers):
    client = client_of(peers, public_url="https://journal.example", hsts=False, cookie_secure=False)
    resp = client.get("/login/start")
    assert "Strict-Transport-Security" not in resp.headers and not client.get_cookie("otmetka_session").secure
    client = client_of(peers, hsts=True, cookie_secure=True)
    resp = client.get("/login/start")
    assert "Strict-Transport-Security" in resp.headers and client.get_cookie("otmetka_session").secure
