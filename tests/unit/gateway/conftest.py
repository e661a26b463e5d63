"""Fixtures for the gateway's unit tests: the app with an in-memory token verifier and in-memory
service peers (fakes of the gateway's own ports), no servers."""
import time

import pytest

from gateway.app import create_app
from gateway.settings import GatewaySettings
from services.common.context import Caller
from services.common.errors import Unauthenticated
from tests.unit.gateway.fakes import FakePeers
from tests.unit.gateway.memory_store import MemoryStore

TOKEN = "good-token"
SETTINGS = GatewaySettings(
    public_url="http://gateway.test", client_id="otmetka-gateway", client_secret="client-secret",
    session_secret="session-secret", keycloak_url="http://keycloak.test", keycloak_realm="otmetka",
    peers={name: "127.0.0.1:1" for name in ("identity", "schedule", "journal", "reporting", "archive", "messaging")},
)


class FakeVerifier:
    def verify(self, token: str) -> Caller:
        if token != TOKEN:
            raise Unauthenticated()
        return Caller(subject="user-1", username="teacher", realm_roles=frozenset(), token=token)


@pytest.fixture
def peers():
    return FakePeers(SETTINGS.peers)


@pytest.fixture
def store():
    return MemoryStore()


@pytest.fixture
def app(peers, store):
    app = create_app(SETTINGS, verifier=FakeVerifier(), peers=peers, store=store)
    app.testing = True
    return app


@pytest.fixture
def client(app):
    return app.test_client()


@pytest.fixture
def auth():
    return {"Authorization": f"Bearer {TOKEN}"}


@pytest.fixture
def browser(client):
    """A client with a signed-in browser session (tokens valid for an hour) and its CSRF token."""
    with client.session_transaction() as session:
        session["tokens"] = {"access_token": TOKEN, "refresh_token": "r", "id_token": "", "expires_at": time.time() + 3600}
        session["csrf"] = "csrf-123"
    return client
