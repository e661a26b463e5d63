"""The browser's session kept on the server (gateway/store.py): the cookie `otmetka_session` carries only an opaque
random id (HttpOnly, SameSite=Lax, Secure unless the installation runs on plain http); the database keeps the
session's values under the id's SHA-256, so the browser holds no token, and the table's key alone leads to no session.
The tokens themselves are in the row as plain jsonb: a copy of the table (a backup) holds them (docs/architecture.md,
"Known limitations").

A session with tokens lives as long as its refresh token (`expires_at` of the tokens' `refresh_expires_at`, moved on
with every refresh); one without (a login in progress, the CSRF token of the activation form) lives ANONYMOUS_LIFETIME.
A session emptied (logout, a failed login, a declined consent) is deleted with its cookie; `rotate()` gives the session
a new id at sign-in, so an id planted in the browser before the login never becomes a signed-in session. Now and then
(SWEEP_EVERY, per process) a new session also deletes the expired ones. While the store is unreachable a browser with
a session is treated as signed out for the request (pages send it to /login) and its cookie is kept."""
import datetime as dt
import hashlib
import logging
import re
import secrets
import threading
import time

from flask.sessions import SessionInterface, SessionMixin
from werkzeug.datastructures import CallbackDict

from gateway.store import GatewayStore
from services.common.errors import Unavailable

log = logging.getLogger(__name__)

ANONYMOUS_LIFETIME = dt.timedelta(hours=1)
SIGNED_IN_LIFETIME = dt.timedelta(hours=12)  # when Keycloak does not say how long the refresh token lives
SWEEP_EVERY = 300.0
ID_FORM = re.compile(r"[A-Za-z0-9_-]{43}")  # secrets.token_urlsafe(32)


class ServerSession(CallbackDict, SessionMixin):
    def __init__(self, initial: dict | None = None, sid: str | None = None, unreachable: bool = False):
        def changed(_session):
            self.modified = True

        super().__init__(initial or {}, changed)
        self.sid = sid
        self.stale_sid: str | None = None
        self.modified = False
        self.unreachable = unreachable  # the store could not be read: this request neither reads nor writes it

    def rotate(self) -> None:
        """A new id for this session (the old one's row is deleted when the response is saved)."""
        if self.sid and not self.stale_sid:
            self.stale_sid = self.sid
        self.sid = None
        self.modified = True


def id_hash(sid: str) -> str:
    return hashlib.sha256(sid.encode()).hexdigest()


def expiry(data: dict) -> dt.datetime:
    now = dt.datetime.now(dt.UTC)
    tokens = data.get("tokens")
    if not tokens:
        return now + ANONYMOUS_LIFETIME
    until = tokens.get("refresh_expires_at")
    return dt.datetime.fromtimestamp(until, dt.UTC) if until else now + SIGNED_IN_LIFETIME


class ServerSessionInterface(SessionInterface):
    def __init__(self, store: GatewayStore):
        self.store = store
        self.swept_at = time.monotonic()
        self.sweeping = threading.Lock()

    def open_session(self, app, request) -> ServerSession:
        sid = request.cookies.get(self.get_cookie_name(app), "")
        if ID_FORM.fullmatch(sid):
            try:
                data = self.store.load_session(id_hash(sid))
            except Unavailable:
                log.warning("the browser's session could not be read: the gateway's database is unreachable")
                return ServerSession(unreachable=True)
            if data is not None:
                return ServerSession(data, sid)
        return ServerSession()

    def save_session(self, app, session: ServerSession, response) -> None:
        if session.unreachable:
            return  # the cookie stays: the session is there again once the database is
        try:
            self._save(app, session, response)
        except Unavailable:  # a login started now cannot finish; what the page answered stands
            log.warning("the browser's session could not be saved: the gateway's database is unreachable")

    def _save(self, app, session: ServerSession, response) -> None:
        name, domain, path = self.get_cookie_name(app), self.get_cookie_domain(app), self.get_cookie_path(app)
        if session.stale_sid:
            self.store.delete_session(id_hash(session.stale_sid))
        if not session:
            if session.sid:
                self.store.delete_session(id_hash(session.sid))
            if session.sid or session.stale_sid:
                response.delete_cookie(name, domain=domain, path=path, secure=self.get_cookie_secure(app),
                                       httponly=True, samesite=self.get_cookie_samesite(app))
            return
        if not session.modified and session.sid:
            return
        new = not session.sid
        if new:
            session.sid = secrets.token_urlsafe(32)
            self._sweep_now_and_then()
        expires = expiry(dict(session))
        if not self.store.save_session(id_hash(session.sid), dict(session), expires, new=new):
            # signed out by another request meanwhile (or expired): this one, started before, does not undo it
            response.delete_cookie(name, domain=domain, path=path, secure=self.get_cookie_secure(app), httponly=True,
                                   samesite=self.get_cookie_samesite(app))
            return
        response.set_cookie(name, session.sid, expires=expires, httponly=True, domain=domain, path=path,
                            secure=self.get_cookie_secure(app), samesite=self.get_cookie_samesite(app))
        response.vary.add("Cookie")

    def _sweep_now_and_then(self) -> None:
        if time.monotonic() - self.swept_at < SWEEP_EVERY or not self.sweeping.acquire(blocking=False):
            return
        try:
            self.swept_at = time.monotonic()
            self.store.sweep()
        except Unavailable:
            log.warning("expired sessions not swept: the gateway's database is unreachable")
        finally:
            self.sweeping.release()
