"""The operator's status notice (issue 16): a text, with an optional time it ends, that every page shows under its
header until the operator removes it or its time runs out — for the bad days (the first school day, the Monday after
holidays) and planned work. Kept in the gateway's database (one row, gateway/store.py), so every worker and replica
shows the same; each process reads it at most once per CACHE_SECONDS (the pages do not query it on every request)
and at once after it changed it itself. While the database cannot be read the pages show what was read last.

Only the authority's operator (the realm role authority_operator) sets or removes it: the page /authority/status-notice
and PUT/DELETE /api/v1/status-notice; GET /api/v1/status-notice is anyone's who is signed in."""
import datetime as dt
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from zoneinfo import ZoneInfo

from flask import current_app

from gateway.store import GatewayStore
from services.common.errors import Forbidden, Invalid, Unavailable
from services.common.policy import OPERATOR

CACHE_SECONDS = 5.0
MAX_LENGTH = 500
OPERATOR_ONLY = "Объявление задаёт только оператор органа управления образованием"


@dataclass(frozen=True)
class Notice:
    text: str
    until: dt.datetime | None  # aware; None: until removed
    set_by: str
    set_at: dt.datetime

    def shown_at(self, now: dt.datetime) -> bool:
        return self.until is None or now < self.until

    def until_text(self, zone: ZoneInfo) -> str:
        """«до 12.09.2026 18:00» in the installation's zone; "" without an end."""
        return f"до {self.until.astimezone(zone):%d.%m.%Y %H:%M}" if self.until else ""

    def as_json(self) -> dict:
        return {"text": self.text, "until": self.until.isoformat() if self.until else None, "set_by": self.set_by,
                "set_at": self.set_at.isoformat()}


def parse(text: str, until: str, zone: ZoneInfo, now: dt.datetime) -> tuple[str, dt.datetime | None]:
    """The text (1 to MAX_LENGTH characters) and the end (ISO 8601, a time without an offset is the installation's
    zone's; "" = until removed; in the future); Invalid with a Russian message per field otherwise."""
    text, until = text.strip(), until.strip()
    errors = {}
    if not text:
        errors["text"] = "Введите текст объявления"
    elif len(text) > MAX_LENGTH:
        errors["text"] = f"Не длиннее {MAX_LENGTH} символов"
    ends = None
    if until:
        try:
            ends = dt.datetime.fromisoformat(until)
        except ValueError:
            errors["until"] = "Неверное время: ожидается ГГГГ-ММ-ДДTЧЧ:ММ"
        else:
            ends = ends if ends.tzinfo else ends.replace(tzinfo=zone)
            if ends <= now:
                errors["until"] = "Время окончания уже прошло"
    if errors:
        raise Invalid(fields=errors, message="Объявление не сохранено: " + "; ".join(errors.values()))
    return text, ends


def require_operator(realm_roles: frozenset[str]) -> None:
    if OPERATOR not in realm_roles:
        raise Forbidden(OPERATOR_ONLY)


def notices() -> "StatusNotices":
    """The app's notices (created by gateway.app.create_app)."""
    return current_app.extensions["status_notices"]


class StatusNotices:
    """The notice as this process knows it: read through to the store at most once per `ttl` seconds, by one thread
    while the others go on with the notice read before (a database that takes its connect timeout to fail holds up
    one request, not every page)."""

    def __init__(self, store: GatewayStore, ttl: float = CACHE_SECONDS, clock: Callable[[], float] = time.monotonic):
        self.store, self.ttl, self.clock = store, ttl, clock
        self._lock = threading.Lock()
        self._notice: Notice | None = None
        self._read_at: float | None = None  # None: read at the next request
        self._reading = False
        self._changes = 0  # this process's own changes: a read begun before one is not trusted after it

    def current(self, now: dt.datetime | None = None) -> Notice | None:
        """The notice to show now (None: none, or its time ran out)."""
        now = now or dt.datetime.now(dt.UTC)
        with self._lock:
            due = not self._reading and (self._read_at is None or self.clock() - self._read_at >= self.ttl)
            self._reading = self._reading or due
            notice, changes = self._notice, self._changes
        if due:
            notice = self._read(notice, changes)
        return notice if notice and notice.shown_at(now) else None

    def _read(self, notice: Notice | None, changes: int) -> Notice | None:
        read_at = None
        try:
            found = self.store.status_notice()
            notice = Notice(*found) if found else None
            read_at = self.clock()
        except Unavailable:
            read_at = self.clock()  # the last one read stays shown; asked again after ttl
        finally:
            with self._lock:
                self._reading = False
                if changes == self._changes:
                    self._notice, self._read_at = notice, read_at
        return notice

    def set(self, text: str, until: dt.datetime | None, set_by: str) -> None:
        self.store.set_status_notice(text, until, set_by)
        self.forget()

    def clear(self) -> None:
        self.store.clear_status_notice()
        self.forget()

    def forget(self) -> None:
        with self._lock:
            self._changes += 1
            self._read_at = None
