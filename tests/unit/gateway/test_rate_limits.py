"""Rate limits (gateway/rate_limits.py) against the in-memory store: the API per user and per address, the pages
around signing in per address; over a limit, 429 with Retry-After and a Russian message, as JSON on the API and as a
page elsewhere; the next window lets the caller in again; limits from the environment, 0 turning one off."""
import dataclasses

import pytest

from gateway.app import create_app
from gateway.rate_limits import Limits, check
from services.common.errors import TooManyRequests
from services.common.settings import SettingsError
from tests.unit.gateway.conftest import SETTINGS, TOKEN, FakeVerifier
from tests.unit.gateway.memory_store import MemoryStore


def app_with(peers, limits: Limits):
    app = create_app(dataclasses.replace(SETTINGS, limits=limits), verifier=FakeVerifier(), peers=peers,
                     store=MemoryStore())
    return app.test_client()


def test_the_api_per_user_answers_429_with_retry_after(peers):
    client = app_with(peers, Limits(api_per_user=3, api_per_address=0))
    auth = {"Authorization": f"Bearer {TOKEN}"}
    assert [client.get("/api/v1/me", headers=auth).status_code for _ in range(3)] == [200] * 3
    refused = client.get("/api/v1/me", headers=auth)
    assert refused.status_code == 429 and refused.json["error"]["code"] == "RESOURCE_EXHAUSTED"
    assert refused.json["error"]["message"].startswith("Слишком много запросов")
    assert 1 <= int(refused.headers["Retry-After"]) <= 60


def test_the_api_per_address_counts_every_caller_from_it(peers):
    client = app_with(peers, Limits(api_per_user=0, api_per_address=2))
    assert client.get("/api/v1/me").status_code == 401  # counted before the token is even looked at
    assert client.get("/api/v1/me", headers={"Authorization": f"Bearer {TOKEN}"}).status_code == 200
    assert client.get("/api/v1/me", headers={"Authorization": f"Bearer {TOKEN}"}).status_code == 429
    other = client.get("/api/v1/me", headers={"Authorization": f"Bearer {TOKEN}"},
                       environ_base={"REMOTE_ADDR": "192.0.2.9"})
    assert other.status_code == 200


@pytest.mark.parametrize("path", ["/login", "/login/start", "/auth/callback?state=x", "/activate", "/consent"])
def test_the_pages_around_signing_in_per_address(peers, path):
    client = app_with(peers, Limits(login_per_address=1))
    assert client.get(path).status_code != 429
    refused = client.get(path)
    assert refused.status_code == 429 and "Retry-After" in refused.headers
    assert "Слишком много запросов" in refused.get_data(as_text=True) and refused.mimetype == "text/html"


def test_other_pages_are_not_limited(peers):
    client = app_with(peers, Limits(api_per_user=1, api_per_address=1, login_per_address=1))
    assert {client.get("/console").status_code for _ in range(3)} == {302}


def test_the_next_window_lets_the_caller_in_again():
    store, limits = MemoryStore(), Limits(api_per_user=1, window=60)
    check(store, limits, now=120.0, per_user="u")
    with pytest.raises(TooManyRequests) as refused:
        check(store, limits, now=150.5, per_user="u")
    assert refused.value.retry_after == 30  # the window ends at 180
    check(store, limits, now=180.0, per_user="u")


def test_limits_from_the_environment(monkeypatch):
    monkeypatch.setenv("OTMETKA_GATEWAY_LIMIT_API_PER_USER", "0")
    monkeypatch.setenv("OTMETKA_GATEWAY_LIMIT_WINDOW", "10")
    limits = Limits.from_env()
    assert (limits.api_per_user, limits.api_per_address, limits.window) == (0, Limits.api_per_address, 10)
    assert limits.keys(per_user="u", per_address="a") == {"api-address:a": Limits.api_per_address}
    monkeypatch.setenv("OTMETKA_GATEWAY_LIMIT_WINDOW", "0")
    with pytest.raises(SettingsError):
        Limits.from_env()
    monkeypatch.setenv("OTMETKA_GATEWAY_LIMIT_WINDOW", "много")
    with pytest.raises(SettingsError):
        Limits.from_env()
