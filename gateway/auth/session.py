"""Who is calling: a verified bearer token (API clients) or the tokens of the browser's session (kept on the server:
gateway/auth/server_session.py), refreshed when they expire. A session that waits for a decision on the consent to
the processing of personal data (gateway/auth/consent.py) reaches no page but the consent page and no API call."""
import functools
import time

from flask import g, redirect, request, session, url_for

from gateway.auth.csrf import check_csrf
from gateway.wiring import wiring
from services.common.context import Caller
from services.common.errors import Forbidden, Unauthenticated

REFRESH_MARGIN = 30.0
SAFE_METHODS = ("GET", "HEAD", "OPTIONS")
CONSENT_PENDING = "consent"  # the session waits for a decision on the consent (gateway/auth/consent.py)
DECIDE_FIRST = "Сначала примите или не примите согласие на обработку персональных данных (страница /consent)"


def start_session(tokens: dict) -> None:
    """The signed-in session under a new id (gateway/auth/server_session.py): nothing of the session before the login
    is kept, and an id set in the browser before it is never signed in."""
    session.clear()
    session.rotate()
    session["tokens"] = tokens


def session_token() -> str | None:
    """The session's access token, refreshed when (almost) expired; None when there is no usable session. Keycloak
    not answering a refresh is Unavailable (503), and the session is kept: a Keycloak restart signs nobody out."""
    tokens = session.get("tokens")
    if not tokens:
        return None
    if tokens["expires_at"] - REFRESH_MARGIN < time.time():
        try:
            tokens = wiring().oidc.refresh(tokens["refresh_token"])
        except Unauthenticated:
            session.clear()
            return None
        session["tokens"] = {**session["tokens"], **{k: v for k, v in tokens.items() if v}}
    return tokens["access_token"]


def bearer_token() -> str | None:
    header = request.headers.get("Authorization", "")
    scheme, _, token = header.partition(" ")
    return token.strip() if scheme.lower() == "bearer" else None


def api_caller() -> Caller:
    """API clients send a bearer token; browser scripts use the session (and CSRF for changes). Counted against the
    caller's own rate limit (gateway/rate_limits.py)."""
    token = bearer_token()
    if token is None:
        token = session_token()
        if token and CONSENT_PENDING in session:
            raise Forbidden(DECIDE_FIRST)
        if token and request.method not in SAFE_METHODS:
            check_csrf()
    caller = wiring().verifier.verify(token or "")
    wiring().rates.check(wiring().settings.limits, per_user=caller.subject)
    return caller


def login_required(view):
    """Pages: puts the session's access token in g.token, or sends the browser to /login;
    a form post must carry the session's CSRF token."""

    @functools.wraps(view)
    def wrapped(*args, **kwargs):
        g.token = session_token()
        if not g.token:
            return redirect(url_for("login.login", next=request.full_path.rstrip("?")))
        if CONSENT_PENDING in session:
            return redirect(url_for("consent.consent"))
        if request.method not in SAFE_METHODS:
            check_csrf()
        return view(*args, **kwargs)

    return wrapped
