"""CSRF protection for state-changing browser requests: a random token kept in the browser's session (on the server),
sent back in the form field `csrf_token` or the `X-CSRF-Token` header."""
import hmac
import secrets

from flask import request, session

from gateway.errors import BadRequest

FIELD = "csrf_token"
HEADER = "X-CSRF-Token"


def csrf_token() -> str:
    if "csrf" not in session:
        session["csrf"] = secrets.token_urlsafe(32)
    return session["csrf"]


def check_csrf() -> None:
    sent = request.form.get(FIELD) or request.headers.get(HEADER) or ""
    expected = session.get("csrf", "")
    if not expected or not hmac.compare_digest(sent.encode(), expected.encode()):
        raise BadRequest("Форма устарела или отправлена не с этого сайта. Обновите страницу и повторите.",
                         {FIELD: "Неверный или отсутствующий токен CSRF"})
