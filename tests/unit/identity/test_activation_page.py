"""The public activation page and its JSON twin in the gateway, with the identity service faked."""
from proto.identity.v1 import identity_pb2
from services.common.errors import FailedPrecondition, Invalid, TooManyRequests
from tests.unit.gateway.conftest import app, browser, client, peers, store  # noqa: F401 (fixtures)

CODE = "ABCD-EFGH-JKLM"


def csrf(client) -> str:  # noqa: F811
    with client.session_transaction() as session:
        session["csrf"] = "csrf-1"
    return "csrf-1"


def test_the_link_prefills_the_code_and_the_form_activates(client, peers):  # noqa: F811
    page = client.get(f"/activate?code={CODE}")
    assert page.status_code == 200 and f'value="{CODE}"' in page.text and "Активация доступа" in page.text
    peers.responses["ActivateAccount"] = identity_pb2.ActivateAccountResponse(username="ivanov.1a2b3c",
                                                                              school_short_name="Школа 1")
    done = client.post("/activate", data={"csrf_token": csrf(client), "code": CODE, "password": "Пароль-длинный",
                                          "password_again": "Пароль-длинный"})
    assert done.status_code == 200 and "ivanov.1a2b3c" in done.text and "Доступ активирован" in done.text
    [(service, rpc, request, token)] = peers.calls
    assert (service, rpc, token) == ("identity", "ActivateAccount", "")  # public: no user token
    assert request == identity_pb2.ActivateAccountRequest(code=CODE, password="Пароль-длинный")


def test_refusals_are_shown_on_the_form(client, peers):  # noqa: F811
    token = csrf(client)
    mismatch = client.post("/activate", data={"csrf_token": token, "code": CODE, "password": "a" * 12,
                                              "password_again": "b" * 12})
    assert mismatch.status_code == 422 and "не совпадает" in mismatch.text and peers.calls == []
    peers.responses["ActivateAccount"] = Invalid(message="Пароль не подходит: слишком короткий",
                                                 fields={"password": "пароль должен быть не короче 10 символов"})
    short = client.post("/activate", data={"csrf_token": token, "code": CODE, "password": "x", "password_again": "x"})
    assert short.status_code == 422 and "не короче 10 символов" in short.text
    assert client.post("/activate", data={"code": CODE, "password": "x", "password_again": "x"}).status_code == 400


def test_the_json_route_activates_without_a_token(client, peers):  # noqa: F811
    peers.responses["ActivateAccount"] = identity_pb2.ActivateAccountResponse(username="u", school_short_name="Ш")
    resp = client.post("/activate", json={"code": CODE, "password": "Пароль-длинный"})
    assert resp.status_code == 200 and resp.json == {"username": "u", "school_short_name": "Ш"}
    assert client.post("/activate", json={"code": CODE}).status_code == 400
    peers.responses["ActivateAccount"] = FailedPrecondition("Этот код уже использован", {"code": "уже использован"})
    used = client.post("/activate", json={"code": CODE, "password": "Пароль-длинный"})
    assert used.status_code == 409 and used.json["error"]["fields"] == {"code": "уже использован"}


def test_a_locked_out_address_is_told_when_to_retry(client, peers):  # noqa: F811
    peers.responses["ActivateAccount"] = TooManyRequests("Слишком много попыток ввести неверный код",
                                                         {"code": "слишком много неверных попыток"}, retry_after=540)
    page = client.post("/activate", data={"csrf_token": csrf(client), "code": CODE, "password": "Пароль-длинный",
                                          "password_again": "Пароль-длинный"})
    assert page.status_code == 429 and page.headers["Retry-After"] == "540"
    assert "Слишком много попыток ввести неверный код" in page.text
    scripted = client.post("/activate", json={"code": CODE, "password": "Пароль-длинный"})
    assert scripted.status_code == 429 and scripted.headers["Retry-After"] == "540"
    assert scripted.json["error"]["code"] == "RESOURCE_EXHAUSTED"


def test_a_logged_in_visitor_adds_the_code_to_their_login(browser, peers):  # noqa: F811
    page = browser.get(f"/activate?code={CODE}")
    assert "Добавить к моей учётной записи" in page.text
    peers.responses["ClaimActivation"] = identity_pb2.ActivateAccountResponse(username="teacher",
                                                                              school_short_name="Школа 2")
    done = browser.post("/activate", data={"csrf_token": "csrf-123", "code": CODE, "claim": "1"})
    assert done.status_code == 200 and "Школа 2" in done.text
    [(_, rpc, request, token)] = peers.calls
    assert rpc == "ClaimActivation" and request.code == CODE and token == "good-token"
