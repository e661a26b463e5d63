"""The tenant console (Russian pages) and the public activation of a login with a one-time code.

/activate is open to anyone: the code is the secret. A visitor who is logged in may instead add the
code's person record to their own login (one account in several schools). A JSON POST to /activate does the same for
scripts ({"code", "password"}; no token and no cookie, so no CSRF; errors in the API's JSON shape)."""
from flask import Blueprint, jsonify, render_template, request

from gateway.auth import session_token
from gateway.csrf import check_csrf
from gateway.errors import BadRequest, error_response
from gateway.schema import obj, string, validate
from gateway.wiring import wiring
from proto.identity.v1 import identity_pb2
from services.common.errors import DomainError

bp = Blueprint("console", __name__)
ACTIVATION_BODY = obj({"code": string(), "password": string()})


def activation_url(code: str) -> str:
    return f"{wiring().settings.public_url.rstrip('/')}/activate?code={code}"


def _activate(code: str, password: str) -> identity_pb2.ActivateAccountResponse:
    return wiring().peers.call("identity", "ActivateAccount",
                               identity_pb2.ActivateAccountRequest(code=code, password=password), "")


@bp.route("/activate", methods=["GET", "POST"])
def activate():
    """The activation page: the code from the link or the slip, a new password twice."""
    code = request.values.get("code", "").strip()
    if request.method == "POST" and request.is_json:
        return _activate_json()
    token = session_token()
    if request.method == "GET":
        return render_template("console_activate.html", code=code, error=None, fields={}, logged_in=bool(token))
    check_csrf()
    password = request.form.get("password", "")
    try:
        if request.form.get("claim") and token:
            done = wiring().peers.call("identity", "ClaimActivation", identity_pb2.ClaimActivationRequest(code=code),
                                       token)
        elif password != request.form.get("password_again", ""):
            raise BadRequest("Пароли не совпадают", {"password_again": "не совпадает с паролем"})
        else:
            done = _activate(code, password)
    except DomainError as error:
        return render_template("console_activate.html", code=code, error=error, fields=error.fields,
                               logged_in=bool(token)), 422
    return render_template("console_activated.html", done=done)


def _activate_json():
    body = request.get_json(silent=True)
    errors = validate(body, ACTIVATION_BODY) if body is not None else {"body": "Ожидается объект JSON"}
    try:
        if errors:
            raise BadRequest(fields=errors)
        done = _activate(body["code"], body["password"])
    except DomainError as error:
        return error_response(error)
    return jsonify({"username": done.username, "school_short_name": done.school_short_name})
