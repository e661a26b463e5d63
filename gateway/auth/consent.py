"""The consent to the processing of personal data (152-FZ) at sign-in: after the login callback, a person whose
schools wait for their decision on the current text (identity GetConsent: a guardian, an adult student) is sent to
/consent before anything else — every page of the session leads there (`login_required`), the session's API calls
are refused — until they decide. Accepting records the decision and goes on where the login was going; declining
records it too, ends the session (here and at Keycloak) and says why: without the consent the school gives the
information on paper through the form teacher."""
import logging

from flask import Blueprint, redirect, render_template, request, session, url_for

from gateway.auth.csrf import check_csrf
from gateway.auth.session import CONSENT_PENDING, session_token
from gateway.errors import http_status
from gateway.wiring import wiring
from proto.identity.v1 import identity_pb2
from services.common.errors import DomainError, FailedPrecondition, Unavailable

log = logging.getLogger(__name__)
bp = Blueprint("consent", __name__)
PENDING = CONSENT_PENDING  # the session's key while a decision is awaited: {"next": where the login was going}
NOT_CHECKED = ("Вход не выполнен: не удалось проверить согласие на обработку персональных данных. "
               "Попробуйте войти позже.")


def pending_after_login(token: str, next_path: str) -> bool:
    """Asks identity whether the new session's person must decide first; if so, remembers where to go after.
    Unavailable when identity cannot answer: a login is not let in unchecked."""
    try:
        status = wiring().peers.call("identity", "GetConsent", identity_pb2.GetConsentRequest(), token)
    except DomainError as error:
        log.warning("could not ask for the consent: %s", error.message)
        raise Unavailable(NOT_CHECKED) from error
    if status.pending:
        session[PENDING] = {"next": next_path}
        return True
    return False


def awaited() -> bool:
    """Whether the browser's session waits for a decision on the consent."""
    return PENDING in session


def _page(token: str, status: int = 200, notice: str = ""):
    found = wiring().peers.call("identity", "GetConsent", identity_pb2.GetConsentRequest(), token)
    return render_template("consent.html", consent=found, notice=notice), status


@bp.route("/consent", methods=["GET", "POST"])
def consent():
    token = session_token()
    if not token:
        return redirect(url_for("login.login"))
    if not awaited():
        return redirect("/")
    if request.method == "GET":
        return _page(token)
    check_csrf()
    accept = request.form.get("decision") == "accept"
    try:
        wiring().peers.call("identity", "RecordConsent", identity_pb2.RecordConsentRequest(
            version=request.form.get("version", ""), accept=accept), token)
    except FailedPrecondition as error:  # the text changed while it was read: the new one is shown
        return _page(token, http_status(error), error.message)
    if accept:
        return redirect(session.pop(PENDING)["next"])
    refresh_token = session.get("tokens", {}).get("refresh_token", "")
    session.clear()
    if refresh_token:
        wiring().oidc.end_session_now(refresh_token)
    return render_template("consent_declined.html")
