"""Rate limits (gateway/rate_limits.py) against the in-memory store: the API per user and per address, the pages
around signing in per address; over a limit, 429 with Retry-After and a Russian message, as JSON on the API and as a
page elsewhere; the next window lets the caller in again; limits from the environment, 0 turning one off."""
import dataclasses
import datetime as dt

import pytest

from gateway.app import create_app
from gateway.rate_limits import Limits, RateCounter
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
    counter, limits = RateCounter(MemoryStore()), Limits(api_per_user=1, window=60)
    counter.check(limits, now=120.0, per_user="u")
    with pytest.raises(TooManyRequests) as refused:
        counter.check(limits, now=150.5, per_user="u")
    assert refused.value.retry_after == 30  # the window ends at 180
    counter.check(limits, now=180.0, per_user="u")


def test_processes_count_in_memory_and_add_up_in_the_database_every_half_second():
    """Two gateway processes over one store: each request is counted at once in its process, the database gets
    each process's counts at most every SYNC_SECONDS in one statement, and each process then sees everyone's."""
    class CountingStore(MemoryStore):
        adds = 0

        def add(self, counts):
            self.adds += 1
            return super().add(counts)
    store, limits = CountingStore(), Limits(api_per_user=10, window=60)
    first, second = RateCounter(store), RateCounter(store)
    first.check(limits, now=100.0, per_user="u")  # the first request adds at once
    for i in range(1, 5):
        first.check(limits, now=100.0 + i / 10, per_user="u")  # within the half second: memory only
    assert store.adds == 1 and store.counts[("api-user:u", dt.datetime.fromtimestamp(120, dt.UTC))] == 1
    for i in range(4):
        second.check(limits, now=100.5 + i / 10, per_user="u")
    first.check(limits, now=100.6, per_user="u")  # adds its five since, reads the second's
    assert store.adds == 3
    for _ in range(2):
        first.check(limits, now=100.7, per_user="u")  # in memory: it knows of 9 (7 added, 2 of its own)
    with pytest.raises(TooManyRequests):
        second.check(limits, now=101.0, per_user="u")  # adds its 4: 11 in the database, over 10
    assert sum(store.counts.values()) == 11 and store.adds == 4  # the first's last two wait for its next addition


def test_counts_wait_in_the_process_while_the_database_is_away():
    from services.common.errors import Unavailable

    class AwayStore(MemoryStore):
        away = True

        def add(self, counts):
            if self.away:
                raise Unavailable("нет базы")
            return super().add(counts)
    store, limits = AwayStore(), Limits(api_per_user=3, window=60)
    counter = RateCounter(store)
    for i in range(3):
        counter.check(limits, now=100.0 + i, per_user="u")  # let through, counted here
    with pytest.raises(TooManyRequests):
        counter.check(limits, now=104.0, per_user="u")
    store.away = False
    with pytest.raises(TooManyRequests):
        counter.check(limits, now=105.0, per_user="u")
    assert store.counts == {("api-user:u", dt.datetime.fromtimestamp(120, dt.UTC)): 5}


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
