"""Browser sign-in and sign-out: the login page, the OIDC authorization code flow with PKCE against
Keycloak (staff directly, guardians through Gosuslugi), and the refusal of unconfirmed Gosuslugi accounts. A
completed sign-in is recorded by identity (RecordSignIn, for the weekly user-activity report); a failure to record it
never stops the login. A person who has not decided on the current consent to the processing of personal data is sent
to the consent page first (gateway/auth/consent.py)."""
import logging
from dataclasses import asdict
from urllib.parse import urlsplit

import jwt
from flask import Blueprint, redirect, render_template, request, session, url_for

from gateway.auth.consent import pending_after_login
from gateway.auth.csrf import check_csrf
from gateway.auth.oidc import LoginRequest
from gateway.auth.session import start_session
from gateway.errors import error_page
from gateway.wiring import wiring
from proto.identity.v1 import identity_pb2
from services.common.errors import DomainError, Forbidden, Unauthenticated

log = logging.getLogger(__name__)
bp = Blueprint("login", __name__)
GOSUSLUGI = "gosuslugi"
UNCONFIRMED = ("Учётная запись на Госуслугах не подтверждена. Подтвердите учётную запись "
               "(в центре обслуживания или онлайн) и войдите снова.")


def _local_path(target: str | None) -> str:
    """Only a path on this site may be the place to return to after login: one leading slash, no
    backslash, whitespace or control characters (browsers drop a tab, so "/\t/x.org" means "//x.org")."""
    if not target or not target.startswith("/") or target.startswith("//"):
        return "/"
    if "\\" in target or any(ch.isspace() or ord(ch) < 32 or ord(ch) == 127 for ch in target):
        return "/"
    parts = urlsplit(target)
    return target if not parts.scheme and not parts.netloc else "/"


@bp.get("/login")
def login():
    return render_template("login.html", next=_local_path(request.args.get("next")))


@bp.get("/login/start")
def start():
    idp = GOSUSLUGI if request.args.get("idp") == GOSUSLUGI else ""
    flow = LoginRequest.new(idp)
    session["login"] = {**asdict(flow), "next": _local_path(request.args.get("next"))}
    return redirect(wiring().oidc.authorization_url(flow))


def is_trusted(claims: dict) -> bool:
    return claims.get("trusted") in (True, "true")


@bp.get("/auth/callback")
def callback():
    pending = session.pop("login", None)
    if request.args.get("error"):
        return error_page(Unauthenticated("Вход отменён или не удался. Попробуйте ещё раз."), "Вход не выполнен")
    if not pending or request.args.get("state") != pending["state"]:
        return error_page(Unauthenticated("Ссылка для входа устарела. Начните вход заново."), "Вход не выполнен")
    next_path = pending.pop("next")
    flow = LoginRequest(**pending)
    w = wiring()
    tokens = None
    try:
        tokens = w.oidc.exchange_code(request.args.get("code", ""), flow)
        caller = w.verifier.verify(tokens["access_token"])
        if tokens["id_token"] and jwt.decode(tokens["id_token"], options={"verify_signature": False}).get("nonce") != flow.nonce:
            raise Unauthenticated("Ответ сервиса входа не относится к этому входу. Начните вход заново.")
        if flow.idp == GOSUSLUGI or "trusted" in caller.claims:
            if not is_trusted(caller.claims):
                raise Forbidden(UNCONFIRMED)
            next_path = _first_diary(tokens["access_token"])
    except DomainError as err:
        session.clear()
        if tokens:
            w.oidc.end_session_now(tokens["refresh_token"])
        return error_page(err, "Вход не выполнен")
    record_sign_in(tokens["access_token"])
    start_session(tokens)
    try:
        if pending_after_login(tokens["access_token"], next_path):
            return redirect(url_for("consent.consent"))
    except DomainError as err:
        session.clear()
        w.oidc.end_session_now(tokens["refresh_token"])
        return error_page(err, "Вход не выполнен")
    return redirect(next_path)


def record_sign_in(token: str) -> None:
    """Tells identity the caller signed in; logged and passed over when it fails (the login goes on)."""
    try:
        wiring().peers.call("identity", "RecordSignIn", identity_pb2.RecordSignInRequest(), token)
    except Exception:  # noqa: BLE001 - any failure of the record (a refusal, identity down) must not stop the login
        log.warning("could not record the sign-in", exc_info=True)


def _first_diary(token: str) -> str:
    """Links the Gosuslugi account to the guardian records; the diary of the first child."""
    peers = wiring().peers
    peers.call("identity", "LinkFederatedAccount", identity_pb2.LinkFederatedAccountRequest(), token)
    me = peers.call("identity", "GetMe", identity_pb2.GetMeRequest(), token)
    for membership in me.memberships:
        for student_id in membership.principal.student_ids:
            return url_for("diary_pages.week", school_id=membership.school.id, student_id=student_id)
    return "/"


@bp.route("/logout", methods=["GET", "POST"])
def logout():
    if request.method == "POST":
        check_csrf()
    id_token = session.get("tokens", {}).get("id_token", "")
    session.clear()
    return redirect(wiring().oidc.end_session_url(id_token, f"{wiring().settings.public_url}/login"))
