"""Domain errors survive a hop between services; settings never print secrets."""
import grpc
import pytest

from services.common.errors import Invalid, NotFound, TooManyRequests, Unavailable, from_rpc_error
from services.common.settings import ServiceSettings, SettingsError


class FakeRpcError(grpc.RpcError):
    def __init__(self, code, details):
        self._code, self._details = code, details

    def code(self):
        return self._code

    def details(self):
        return self._details


def test_invalid_keeps_field_and_russian_message_across_a_hop():
    err = Invalid("marks[0].value", "оценка должна быть от 1 до 5")
    back = from_rpc_error(FakeRpcError(err.code, err.details()))
    assert isinstance(back, Invalid)
    assert back.fields == {"marks[0].value": "оценка должна быть от 1 до 5"}
    assert "marks[0].value" in back.message


def test_not_found_and_unknown_codes():
    assert isinstance(from_rpc_error(FakeRpcError(grpc.StatusCode.NOT_FOUND, NotFound().details())), NotFound)
    assert isinstance(from_rpc_error(FakeRpcError(grpc.StatusCode.DEADLINE_EXCEEDED, "")), Unavailable)


def test_too_many_requests_keeps_its_retry_after_across_a_hop():
    err = TooManyRequests("Слишком много попыток", {"code": "подождите"}, retry_after=301)
    assert err.code == grpc.StatusCode.RESOURCE_EXHAUSTED
    back = from_rpc_error(FakeRpcError(err.code, err.details()))
    assert isinstance(back, TooManyRequests)
    assert (back.message, back.fields, back.retry_after) == ("Слишком много попыток", {"code": "подождите"}, 301)
    unknown = from_rpc_error(FakeRpcError(err.code, TooManyRequests().details()))
    assert isinstance(unknown, TooManyRequests) and unknown.retry_after is None


def test_grpc_running_out_of_a_resource_is_not_a_domain_refusal():
    too_large = FakeRpcError(grpc.StatusCode.RESOURCE_EXHAUSTED, "Received message larger than max (5 vs. 4)")
    assert isinstance(from_rpc_error(too_large), Unavailable)


def test_settings_require_values_and_hide_secrets(monkeypatch):
    monkeypatch.delenv("OTMETKA_SERVICES_CLIENT_SECRET", raising=False)
    for key, value in {"OTMETKA_JOURNAL_GRPC_LISTEN": "127.0.0.1:1", "OTMETKA_JOURNAL_DB_URL": "postgresql://x",
                       "OTMETKA_KAFKA_BOOTSTRAP": "k", "OTMETKA_TLS_CA": "ca.crt", "OTMETKA_KEYCLOAK_URL": "http://kc",
                       "OTMETKA_KEYCLOAK_REALM": "otmetka"}.items():
        monkeypatch.setenv(key, value)
    for peer in ("IDENTITY", "SCHEDULE", "REPORTING", "ARCHIVE", "MESSAGING"):
        monkeypatch.setenv(f"OTMETKA_{peer}_GRPC_ADDR", "127.0.0.1:2")
    with pytest.raises(SettingsError, match="OTMETKA_SERVICES_CLIENT_SECRET"):
        ServiceSettings.from_env("journal")
    monkeypatch.setenv("OTMETKA_SERVICES_CLIENT_SECRET", "very-secret-value")
    settings = ServiceSettings.from_env("journal")
    assert "very-secret-value" not in repr(settings)
    assert settings.issuer == "http://kc/realms/otmetka"


def test_only_a_service_with_a_client_of_its_own_uses_it(monkeypatch):
    for name in ("IDENTITY", "JOURNAL"):
        monkeypatch.setenv(f"OTMETKA_{name}_GRPC_LISTEN", "127.0.0.1:1")
        monkeypatch.setenv(f"OTMETKA_{name}_DB_URL", "postgresql://x")
    for key, value in {"OTMETKA_KAFKA_BOOTSTRAP": "k", "OTMETKA_TLS_CA": "ca.crt",
                       "OTMETKA_KEYCLOAK_URL": "http://kc", "OTMETKA_KEYCLOAK_REALM": "o",
                       "OTMETKA_SERVICES_CLIENT_ID": "otmetka-services", "OTMETKA_SERVICES_CLIENT_SECRET": "shared",
                       "OTMETKA_IDENTITY_CLIENT_ID": "otmetka-identity", "OTMETKA_IDENTITY_CLIENT_SECRET": "admin"}.items():
        monkeypatch.setenv(key, value)
    for peer in ("IDENTITY", "SCHEDULE", "JOURNAL", "REPORTING", "ARCHIVE", "MESSAGING"):
        monkeypatch.setenv(f"OTMETKA_{peer}_GRPC_ADDR", "127.0.0.1:2")
    identity, journal = ServiceSettings.from_env("identity"), ServiceSettings.from_env("journal")
    assert (identity.service_client_id, identity.service_client_secret) == ("otmetka-identity", "admin")
    assert (journal.service_client_id, journal.service_client_secret) == ("otmetka-services", "shared")
