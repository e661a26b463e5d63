"""Fixtures for the gateway's integration tests: the gateway app configured from the real stack's
environment (real Keycloak, its own test database of sessions), with an in-memory fake of the service peers, and a
scripted browser."""
from urllib.parse import urlparse

import pytest

from gateway.app import create_app
from gateway.settings import GatewaySettings
from services import topology
from tests.support import stack
from tests.support.api import check_broker
from tests.unit.gateway.fakes import FakePeers

# The gateway client's registered redirect URIs are on this address; the scripted browser stops there.
PUBLIC_URL = f"http://127.0.0.1:{topology.GATEWAY_PORT}"
STANDIN_PASSWORD = "Gosuslugi-2025!"


@pytest.fixture
def gateway_env(monkeypatch):
    own = {"OTMETKA_GATEWAY_SESSION_SECRET": "integration-test-session"}  # unless the launcher made one
    env = {**topology.process_env({**own, **stack.env()}), "OTMETKA_GATEWAY_PUBLIC_URL": PUBLIC_URL,
           "OTMETKA_GATEWAY_DB_URL": stack.deployed("gateway")}  # the sessions apart from the installation's
    for key, value in env.items():
        monkeypatch.setenv(key, value)
    return env


@pytest.fixture
def peers(gateway_env):
    return FakePeers({name: gateway_env[f"OTMETKA_{name.upper()}_GRPC_ADDR"] for name in topology.SERVICES})


@pytest.fixture
def app(gateway_env, peers):
    app = create_app(GatewaySettings.from_env(), peers=peers)
    app.testing = True
    return app


@pytest.fixture
def client(app):
    return app.test_client()


class ScriptedBrowser:
    """Walks the Keycloak pages with requests; hands the final callback to the gateway's test client."""

    def __init__(self, client):
        self.client = client
        self.broker = check_broker()
        self.http = self.broker.new_session()

    def login(self, start_path: str, username: str, password: str):
        """Fills the login forms it meets (Keycloak may ask for the username first, then the password)."""
        start = self.client.get(start_path)
        assert start.status_code == 302
        trail: list[str] = []
        page = self.broker.follow(self.http, self.http.get(start.headers["Location"], allow_redirects=False, timeout=30), trail)
        for _ in range(3):
            if isinstance(page, str):
                break
            form = {"username": username, "credentialId": ""}
            if 'name="password"' in page.text:
                form["password"] = password
            posted = self.http.post(self.broker.login_form_action(page.text), data=form, allow_redirects=False, timeout=30)
            page = self.broker.follow(self.http, posted, trail)
        assert isinstance(page, str), f"an extra page after login: {self.broker.page_title(page.text)!r}"
        url = urlparse(page)
        assert url.path == "/auth/callback"
        return self.client.get(f"{url.path}?{url.query}")


@pytest.fixture
def browser(client):
    return ScriptedBrowser(client)
