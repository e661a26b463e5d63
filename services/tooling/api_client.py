"""The gateway's REST API as the project's own clients use it (the demo seeder, the school loader, the benchmarks'
load driver, the end-to-end tests): Keycloak password-grant tokens, a login activated with its one-time code, and
two clients, one for a single caller and one shared by many threads."""
import threading
import time
import uuid

import requests

from services import topology
from services.tooling.http import retrying

BASE = f"http://127.0.0.1:{topology.GATEWAY_PORT}"


class Token:
    """A password-grant access token, fetched again shortly before it expires (thread-safe)."""

    MARGIN = 30.0  # seconds before expiry when a new token is fetched

    def __init__(self, stack: dict[str, str], username: str, password: str):
        self.url = f"{stack['OTMETKA_KEYCLOAK_URL']}/realms/{stack['OTMETKA_KEYCLOAK_REALM']}/protocol/openid-connect/token"
        self.form = {"grant_type": "password", "client_id": stack["OTMETKA_GATEWAY_CLIENT_ID"],
                     "client_secret": stack["OTMETKA_GATEWAY_CLIENT_SECRET"], "username": username,
                     "password": password, "scope": "openid"}
        self.lock = threading.Lock()
        self.value, self.expires = "", 0.0
        self.refreshes = 0

    def fetch(self) -> dict:
        """A new token from Keycloak: its `access_token` and `expires_in`."""
        resp = requests.post(self.url, data=self.form, timeout=15)
        resp.raise_for_status()
        return resp.json()

    def access_token(self) -> str:
        """The token, still valid for at least MARGIN seconds."""
        with self.lock:
            if time.monotonic() > self.expires - self.MARGIN:
                body = self.fetch()
                self.value, self.expires = body["access_token"], time.monotonic() + float(body["expires_in"])
                self.refreshes += 1
            return self.value

    def header(self) -> dict[str, str]:
        return {"Authorization": f"Bearer {self.access_token()}"}


def password_token(stack: dict[str, str], username: str, password: str) -> str:
    """An access token for a realm user through the gateway's client, fetched once."""
    return Token(stack, username, password).fetch()["access_token"]


def activate(code: str) -> str:
    """Sets a new password with a one-time activation code, as a person does on /activate; returns it."""
    return activate_login(code)[1]


def activate_login(code: str) -> tuple[str, str]:
    """Activates a login with its one-time code: (username, the new password)."""
    password = f"Demo-{uuid.uuid4().hex[:12]}"
    resp = requests.post(f"{BASE}/activate", json={"code": code, "password": password}, timeout=30)
    if resp.status_code != 200:
        raise AssertionError(f"activation: {resp.status_code} {resp.text[:500]}")
    return resp.json()["username"], password


def with_login(created: dict) -> dict:
    """A person created with create_account, after they activated the code they were given: the response
    with the login in `person.username` and its `password`."""
    username, password = activate_login(created["activation"]["code"])
    return {**created, "person": {**created["person"], "username": username}, "password": password}


class Api:
    """The REST API as a client sees it: JSON in and out, one expected status per call."""

    def __init__(self, token: str | None = None, session: requests.Session | None = None):
        self.http = session or retrying()
        if token:
            self.http.headers["Authorization"] = f"Bearer {token}"

    def request(self, method: str, path: str, expect: int | None = None, **kwargs) -> requests.Response:
        resp = self.http.request(method, f"{BASE}/api/v1{path}", timeout=30, **kwargs)
        if expect is not None and resp.status_code != expect:
            raise AssertionError(f"{method} {path}: {resp.status_code} {resp.text[:500]}")
        return resp

    def get(self, path: str, expect: int | None = 200, **kwargs):
        resp = self.request("GET", path, expect, **kwargs)
        return resp.json() if expect == 200 and "json" in resp.headers.get("Content-Type", "") else resp

    def post(self, path: str, body: dict | None = None, expect: int | None = 201):
        resp = self.request("POST", path, expect, json=body if body is not None else {})
        return resp.json() if expect in (200, 201) else resp

    def put(self, path: str, body: dict, expect: int | None = 200):
        resp = self.request("PUT", path, expect, json=body)
        return resp.json() if expect == 200 else resp


class Client:
    """The REST API with one refreshing token, one HTTP session per thread (for many calls in parallel)."""

    def __init__(self, token: Token):
        self.token, self.local = token, threading.local()

    def call(self, method: str, path: str, body: dict | None = None, params: dict | None = None, expect=(200, 201)):
        http = self.local.__dict__.setdefault("http", retrying())
        resp = http.request(method, f"{BASE}/api/v1{path}", json=body, params=params, headers=self.token.header(),
                            timeout=60)
        if resp.status_code not in expect:
            raise RuntimeError(f"{method} {path}: {resp.status_code} {resp.text[:400]}")
        return resp.json()
