"""Shedding load early (issue 16): each gateway process serves at most `in_flight` requests at once; a request that
finds every slot taken waits for one at most `wait` seconds and is then answered at once with 503 and Retry-After
(a Russian page for a browser, the API's JSON error under /api/), instead of queueing until every request times out.
gunicorn runs more threads than slots (the launcher: 8 threads, 4 slots), so that the threads beyond the slots answer
the excess quickly rather than leave it in the accept queue. The health check, /metrics and the static files are
never shed (a probe must tell a busy gateway from a stuck one; a page that is shown needs its style and scripts).

A WSGI middleware around the whole app, so a shed request costs no session read, no token check and no gRPC call.
Settings (docs/gateway.md "Load shedding"): OTMETKA_GATEWAY_MAX_IN_FLIGHT (slots per process; 0 = off),
OTMETKA_GATEWAY_SLOT_WAIT (seconds), OTMETKA_GATEWAY_RETRY_AFTER (seconds said to the client)."""
import json
import threading
from collections.abc import Callable
from dataclasses import dataclass

from prometheus_client import Counter
from werkzeug.wrappers import Response

from services.common.settings import SettingsError, env

EXEMPT_PREFIXES = ("/healthz", "/metrics", "/static/")
SHED = Counter("otmetka_http_shed", "Requests the gateway answered at once with 503 because every slot was taken "
               "(they never reach the app, so otmetka_http_requests_total does not count them)")
MESSAGE = "Сервис перегружен, повторите попытку через {seconds} с"
PAGE = """<!doctype html>
<html lang="ru"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>Сервис перегружен — Отметка</title><link rel="stylesheet" href="/static/style.css"></head>
<body><header class="top"><a class="brand" href="/">Отметка</a></header><main>
<h1>Сервис перегружен</h1><p class="error-box" role="alert">{message}. Сейчас очень много желающих войти — обновите
страницу чуть позже, ваши данные не потеряны.</p></main></body></html>"""


@dataclass(frozen=True)
class Shedding:
    in_flight: int = 4  # requests one process serves at once (0 = no shedding)
    wait: float = 2.0  # seconds a request waits for a slot before it is refused
    retry_after: int = 5  # seconds the refusal tells the client to wait

    def __post_init__(self):
        if self.in_flight < 0 or self.wait < 0 or self.retry_after < 1:
            raise SettingsError("OTMETKA_GATEWAY_MAX_IN_FLIGHT and OTMETKA_GATEWAY_SLOT_WAIT must not be negative, "
                                "OTMETKA_GATEWAY_RETRY_AFTER at least 1")

    @classmethod
    def from_env(cls) -> "Shedding":
        try:
            return cls(int(env("OTMETKA_GATEWAY_MAX_IN_FLIGHT", str(cls.in_flight))),
                       float(env("OTMETKA_GATEWAY_SLOT_WAIT", str(cls.wait))),
                       int(env("OTMETKA_GATEWAY_RETRY_AFTER", str(cls.retry_after))))
        except ValueError as error:
            raise SettingsError(f"load shedding settings: {error}") from None


class LoadShedder:
    """The WSGI middleware: `app` behind `shedding.in_flight` slots; `headers(response)` adds the security headers
    to a refusal as the app adds them to its own answers."""

    def __init__(self, app, shedding: Shedding, headers: Callable[[Response], Response]):
        self.app, self.shedding, self.headers = app, shedding, headers
        self.slots = threading.BoundedSemaphore(shedding.in_flight) if shedding.in_flight else None
        self.shed = 0  # refusals so far (tests, and a look in a debugger)

    def __call__(self, environ, start_response):
        path = environ.get("PATH_INFO", "")
        if self.slots is None or path.startswith(EXEMPT_PREFIXES):
            return self.app(environ, start_response)
        if not self.slots.acquire(timeout=self.shedding.wait):
            self.shed += 1
            SHED.inc()
            return self.refusal(path)(environ, start_response)
        try:  # the slot is the app's work: its answer is built when it returns (a file streams on without a slot)
            return self.app(environ, start_response)
        finally:
            self.slots.release()

    def refusal(self, path: str) -> Response:
        seconds = self.shedding.retry_after
        message = MESSAGE.format(seconds=seconds)
        if path.startswith("/api/"):
            response = Response(json.dumps({"error": {"code": "UNAVAILABLE", "message": message, "fields": {},
                                                      "reason": "OVERLOADED"}}, ensure_ascii=False),
                                503, mimetype="application/json")
        else:
            response = Response(PAGE.format(message=message), 503, mimetype="text/html")
        response.headers["Retry-After"] = str(seconds)
        response.headers["Cache-Control"] = "no-store"
        return self.headers(response)
