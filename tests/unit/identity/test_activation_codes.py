"""Activation codes and Keycloak's password refusals, without a server."""
import hashlib
import hmac

import pytest
from keycloak.exceptions import KeycloakPutError

from services.common.settings import SettingsError
from services.identity.adapters.keycloak_accounts import password_refusal
from services.identity.bootstrap import code_key
from services.identity.domain import activation_code


def test_codes_are_grouped_unambiguous_and_random():
    codes = {activation_code.new_code() for _ in range(200)}
    assert len(codes) == 200
    for code in codes:
        assert len(code) == 14 and code.count("-") == 2 and activation_code.well_formed(code)
        assert not set(code.replace("-", "")) & set("01OI")


KEY = activation_code.CodeKey(b"k" * 32)


def test_a_typed_code_has_the_same_hash():
    code = activation_code.new_code()
    assert KEY.code_hash(f"  {code.lower().replace('-', ' ')} ") == KEY.code_hash(code)
    assert KEY.code_hash(code) != code and len(KEY.code_hash(code)) == 64
    assert not activation_code.well_formed("ABCD-EFGH-JKL0") and not activation_code.well_formed("ABCD")


def test_codes_are_stored_under_the_key_and_found_in_both_forms():
    code = activation_code.new_code()
    normal = activation_code.normalized(code)
    assert KEY.code_hash(code) == hmac.new(b"k" * 32, normal.encode(), hashlib.sha256).hexdigest()
    assert KEY.code_hash(code) != hashlib.sha256(normal.encode()).hexdigest()  # not searchable without the key
    assert KEY.code_hash(code) != activation_code.CodeKey(b"o" * 32).code_hash(code)
    assert KEY.lookups(code) == (KEY.code_hash(code), hashlib.sha256(normal.encode()).hexdigest())
    assert "k" * 32 not in repr(KEY)


def test_the_key_is_required_and_long_enough(monkeypatch):
    monkeypatch.delenv("OTMETKA_ACTIVATION_KEY", raising=False)
    with pytest.raises(SettingsError, match="OTMETKA_ACTIVATION_KEY"):
        code_key()
    monkeypatch.setenv("OTMETKA_ACTIVATION_KEY", "short")
    with pytest.raises(SettingsError, match="at least 32"):
        code_key()
    monkeypatch.setenv("OTMETKA_ACTIVATION_KEY", "x" * 40)
    assert code_key().secret == b"x" * 40


@pytest.mark.parametrize(("password", "problem"), [("", "обязательное"), (" пробел в начале", "пробелов"),
                                                   ("x" * 129, "не длиннее"), ("Годный-пароль-1", None)])
def test_local_password_checks(password, problem):
    found = activation_code.password_problem(password)
    assert (found is None) if problem is None else problem in found


def refusal(code: int, body: bytes):
    return password_refusal(KeycloakPutError(error_message=body, response_code=code, response_body=body))


def test_keycloak_password_policy_refusals_become_russian_field_errors():
    short = refusal(400, b'{"error":"invalidPasswordMinLengthMessage","error_description":"Invalid password: '
                         b'minimum length 12."}')
    assert short.fields == {"password": "пароль должен быть не короче 12 символов"} and "Пароль" in short.message
    assert "логином" in refusal(400, b'{"error":"invalidPasswordNotUsernameMessage"}').fields["password"]
    assert refusal(400, b'{"error":"invalidPasswordSomethingNew"}').fields["password"]
    assert refusal(409, b'{"error":"invalidPasswordMinLengthMessage"}') is None
    assert refusal(400, b'not json') is None and refusal(500, b"{}") is None
