"""A login through the callback with Keycloak's code exchange faked: `signing_in()` completes it."""
import dataclasses
import time

import pytest

from tests.unit.gateway.conftest import TOKEN

REFRESH_FOR = 1800  # seconds the faked refresh token lives


class FakeOidc:
    """Keycloak's code exchange: the tokens of a staff login (no id token, so no nonce to check)."""

    def authorization_url(self, flow) -> str:
        return "http://keycloak.test/auth"

    def exchange_code(self, code: str, flow) -> dict:
        return {"access_token": TOKEN, "refresh_token": "r", "id_token": "", "expires_at": time.time() + 3600,
                "refresh_expires_at": time.time() + REFRESH_FOR}

    def end_session_url(self, id_token: str, after: str) -> str:
        return f"http://keycloak.test/logout?after={after}"


@pytest.fixture
def signing_in(app, client):
    app.extensions["otmetka"] = dataclasses.replace(app.extensions["otmetka"], oidc=FakeOidc())
    client.get("/login/start?next=/journal")
    with client.session_transaction() as session:
        state = session["login"]["state"]
    return lambda: client.get(f"/auth/callback?state={state}&code=abc")
