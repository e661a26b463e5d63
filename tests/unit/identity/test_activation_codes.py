"""Activation codes and Keycloak's password refusals, without a server."""
import pytest
from keycloak.exceptions import KeycloakPutError

from services.identity import activation
from services.identity.keycloak_accounts import password_refusal


def test_codes_are_grouped_unambiguous_and_random():
    codes = {activation.new_code() for _ in range(200)}
    assert len(codes) == 200
    for code in codes:
        assert len(code) == 14 and code.count("-") == 2 and activation.well_formed(code)
        assert not set(code.replace("-", "")) & set("01OI")


def test_a_typed_code_has_the_same_hash():
    code = activation.new_code()
    assert activation.code_hash(f"  {code.lower().replace('-', ' ')} ") == activation.code_hash(code)
    assert activation.code_hash(code) != code and len(activation.code_hash(code)) == 64
    assert not activation.well_formed("ABCD-EFGH-JKL0") and not activation.well_formed("ABCD")


@pytest.mark.parametrize(("password", "problem"), [("", "обязательное"), (" пробел в начале", "пробелов"),
                                                   ("x" * 129, "не длиннее"), ("Годный-пароль-1", None)])
def test_local_password_checks(password, problem):
    found = activation.password_problem(password)
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
