"""The login callback records the sign-in with identity (RecordSignIn, with the person's own token) and goes on with
the login when identity cannot record it."""
import pytest

from services.common.errors import Unavailable
from tests.unit.gateway.conftest import TOKEN


def signed_in(client) -> bool:
    with client.session_transaction() as session:
        return session.get("tokens", {}).get("access_token") == TOKEN


def test_the_callback_records_the_sign_in(signing_in, client, peers):
    resp = signing_in()
    assert resp.status_code == 302 and resp.headers["Location"] == "/journal"
    assert [(service, rpc, token) for service, rpc, _, token in peers.calls] == [
        ("identity", "RecordSignIn", TOKEN), ("identity", "GetConsent", TOKEN)]
    assert signed_in(client)


@pytest.mark.parametrize("failure", [Unavailable("Сервис недоступен"), RuntimeError("identity is gone")])
def test_a_failed_record_does_not_stop_the_login(signing_in, client, peers, failure, caplog):
    peers.responses["RecordSignIn"] = failure
    resp = signing_in()
    assert resp.status_code == 302 and resp.headers["Location"] == "/journal"
    assert signed_in(client)
    assert "could not record the sign-in" in caplog.text
