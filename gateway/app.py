"""The gateway's Flask app factory: wiring, the browser's session kept on the server, request context, rate limits,
security headers, blueprints and the mapping of every error to the API's JSON shape or a Russian page."""
import logging

from flask import Flask, g, redirect, request, session, url_for
from werkzeug.exceptions import HTTPException
from werkzeug.middleware.proxy_fix import ProxyFix

from gateway import health, observability
from gateway.api import routes as api
from gateway.api import status_notice as status_notice_api
from gateway.auth import consent, login
from gateway.auth.csrf import csrf_token
from gateway.auth.oidc import KeycloakOidc
from gateway.auth.server_session import ServerSessionInterface
from gateway.errors import error_body, error_page, error_response
from gateway.load_shedding import LoadShedder
from gateway.peers import Peers
from gateway.rate_limits import LOGIN_ADJACENT, RateCounter
from gateway.security_headers import SecurityHeaders
from gateway.settings import GatewaySettings
from gateway.status_notice import StatusNotices
from gateway.store import PostgresStore
from gateway.web import (
    activity,
    archives,
    authority,
    console,
    diary,
    family_mail,
    jobs,
    journal,
    journal_printout,
    mark_flags,
    messaging,
    movement,
    osh1,
    pages,
    printouts,
    reports,
    schedule,
    school_events,
    schoolrep,
    sheetrep,
    status_notice_pages,
    studentrep,
    teacherrep,
    year_transition,
)
from gateway.wiring import Wiring
from services.common import context
from services.common.auth import TokenVerifier
from services.common.errors import DomainError, Unauthenticated

log = logging.getLogger(__name__)
HTTP_MESSAGES = {404: "Страница или ресурс не найдены", 405: "Метод не поддерживается для этого адреса",
                 413: "Слишком большой запрос"}


def create_app(settings: GatewaySettings | None = None, verifier=None, peers=None, store=None) -> Flask:
    """`verifier`, `peers` and `store` replace the real token verifier, gRPC peers and database in unit tests."""
    settings = settings or GatewaySettings.from_env()
    app = Flask(__name__, template_folder="web/templates", static_folder="web/static")
    app.config.update(
        SECRET_KEY=settings.session_secret, SESSION_COOKIE_NAME="otmetka_session", SESSION_COOKIE_HTTPONLY=True,
        SESSION_COOKIE_SAMESITE="Lax", SESSION_COOKIE_SECURE=settings.secure_cookies,
        MAX_CONTENT_LENGTH=2 * 1024 * 1024, JSON_AS_ASCII=False,
    )
    app.json.ensure_ascii = False
    if settings.proxy_hops:  # behind an ingress: the user's address and scheme come from its X-Forwarded-*
        hops = settings.proxy_hops
        app.wsgi_app = ProxyFix(app.wsgi_app, x_for=hops, x_proto=hops, x_host=hops)
    store = store or PostgresStore(settings.db_url)
    app.session_interface = ServerSessionInterface(store)
    rates = RateCounter(store)
    app.extensions["otmetka"] = Wiring(settings, verifier or TokenVerifier(settings.issuer),
                                       peers or Peers(settings.peers), KeycloakOidc(settings), store, rates)
    security_headers = SecurityHeaders(settings)
    for blueprint in (api.bp, login.bp, consent.bp, pages.bp, schedule.bp, console.bp, journal.bp, movement.bp,
                      year_transition.bp, reports.bp, teacherrep.bp, studentrep.bp, schoolrep.bp, sheetrep.bp,
                      activity.bp, osh1.bp, authority.bp, jobs.bp, diary.bp, mark_flags.bp, messaging.bp,
                      family_mail.bp, school_events.bp, printouts.bp, journal_printout.bp, archives.bp,
                      status_notice_pages.bp, status_notice_api.bp, health.bp):
        app.register_blueprint(blueprint)
    app.jinja_env.globals["csrf_token"] = csrf_token
    app.extensions["status_notices"] = StatusNotices(store)
    app.jinja_env.globals.update(status_notice=app.extensions["status_notices"].current, status_notice_zone=settings.zone)

    @app.before_request
    def bind_context():
        g.context = context.bind(None, request.headers.get("X-Request-ID"), request.headers.get("traceparent"),
                                 request.remote_addr)

    @app.before_request
    def rate_limits():
        """Per address: the API and the pages around signing in (per user: gateway.auth.session.api_caller)."""
        if request.endpoint in LOGIN_ADJACENT:
            rates.check(settings.limits, login_address=request.remote_addr or "")
        elif is_api():
            rates.check(settings.limits, per_address=request.remote_addr or "")

    @app.teardown_request
    def reset_context(_exc):
        if "context" in g:
            context.reset(g.context)

    @app.after_request
    def headers(response):
        response.headers["X-Request-ID"] = context.request_id()
        return security_headers.add(response)

    @app.errorhandler(DomainError)
    def domain_error(err: DomainError):
        if is_api():
            return error_response(err)
        if isinstance(err, Unauthenticated):
            session.clear()
            return redirect(url_for("login.login", next=request.full_path.rstrip("?")))
        return error_page(err)

    @app.errorhandler(HTTPException)
    def http_error(err: HTTPException):
        message = HTTP_MESSAGES.get(err.code, "Неверный запрос")
        if is_api():
            return error_body(err.name.upper().replace(" ", "_"), message), err.code
        return error_page(DomainError(message), "Ошибка", err.code)

    @app.errorhandler(Exception)
    def unexpected(err: Exception):
        log.exception("unhandled error on %s %s", request.method, request.path)
        error = DomainError("Внутренняя ошибка, попробуйте позже")
        return (error_body("INTERNAL", error.message), 500) if is_api() else error_page(error, "Ошибка", 500)

    observability.install(app)  # last: its span becomes the request's trace once the context above is bound
    app.wsgi_app = LoadShedder(app.wsgi_app, settings.shedding, security_headers.add)  # outermost: sheds before all
    return app


def is_api() -> bool:
    return request.path.startswith("/api/")
