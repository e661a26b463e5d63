"""Rate limits of the REST API and of the pages around signing in, counted in the gateway's database (gateway/store.py)
so that every gunicorn worker and every replica counts the same requests: fixed windows of `window` seconds, one
counter per limit and user or address. Each process counts in memory and adds its counts to the database's at most
every SYNC_SECONDS (one statement for all its keys, by the request that finds it due), reading back everyone's: a
request costs no database round trip, and a limit holds to within what the other processes counted since their
last addition (half a second of their requests). A request over a limit is refused with
TooManyRequests — the same refusal as
identity's lockout of activation codes — which the app answers with 429, `Retry-After` (the seconds to the window's
end) and a Russian message (a JSON error on the API, a page elsewhere).

The limits (per window; 0 turns one off) are set by the environment: OTMETKA_GATEWAY_LIMIT_API_PER_USER,
OTMETKA_GATEWAY_LIMIT_API_PER_ADDRESS, OTMETKA_GATEWAY_LIMIT_LOGIN_PER_ADDRESS and OTMETKA_GATEWAY_LIMIT_WINDOW
(seconds). The defaults are far above what a school's day or the test suite asks (docs/gateway.md "Rate limits")."""
import datetime as dt
import logging
import math
import threading
import time
from collections import Counter
from dataclasses import dataclass

from services.common.errors import TooManyRequests, Unavailable
from services.common.settings import SettingsError, env

log = logging.getLogger(__name__)
TOO_MANY = "Слишком много запросов. Подождите {seconds} с. и повторите"
# the pages around signing in and setting a password, limited per address (GET and POST)
LOGIN_ADJACENT = frozenset({"login.login", "login.start", "login.callback", "login.logout", "consent.consent",
                            "console.activate"})
SYNC_SECONDS = 0.5


@dataclass(frozen=True)
class Limits:
    api_per_user: int = 12000
    api_per_address: int = 30000  # a school's network often reaches us through one address (NAT)
    login_per_address: int = 600
    window: int = 60

    def __post_init__(self):
        if self.window < 1:
            raise SettingsError("OTMETKA_GATEWAY_LIMIT_WINDOW must be at least 1 second")

    @classmethod
    def from_env(cls) -> "Limits":
        return cls(*(count(f"OTMETKA_GATEWAY_LIMIT_{name.upper()}", default)
                     for name, default in (("api_per_user", cls.api_per_user),
                                           ("api_per_address", cls.api_per_address),
                                           ("login_per_address", cls.login_per_address), ("window", cls.window))))

    def keys(self, per_user: str = "", per_address: str = "", login_address: str = "") -> dict[str, int]:
        """The counters a request adds to and their limits, the turned-off ones left out."""
        wanted = {f"api-user:{per_user}": self.api_per_user if per_user else 0,
                  f"api-address:{per_address}": self.api_per_address if per_address else 0,
                  f"login-address:{login_address}": self.login_per_address if login_address else 0}
        return {key: limit for key, limit in wanted.items() if limit}


def count(name: str, default: int) -> int:
    raw = env(name, str(default)).strip()
    if not (raw.isascii() and raw.isdigit()):
        raise SettingsError(f"{name} must be a whole number (0 turns the limit off), not {raw!r}")
    return int(raw)


class RateCounter:
    """One process's counts, added to the shared ones in the database at most every `sync_every` seconds."""

    def __init__(self, store, sync_every: float = SYNC_SECONDS, clock=time.time):
        self.store = store
        self.sync_every = sync_every
        self.clock = clock
        self._pending: Counter = Counter()  # (key, window end) -> requests counted here, not yet added
        self._shared: dict[tuple[str, dt.datetime], int] = {}  # (key, window end) -> every process's, as last read
        self._synced_at = 0.0
        self._lock = threading.Lock()
        self._syncing = threading.Lock()

    def check(self, limits: Limits, now: float | None = None, **who: str) -> None:
        """Counts the request (`who`: per_user, per_address, login_address) and refuses it when a count is over its
        limit."""
        keys = limits.keys(**who)
        if not keys:
            return
        now = self.clock() if now is None else now
        window_end = (math.floor(now / limits.window) + 1) * limits.window
        end = dt.datetime.fromtimestamp(window_end, dt.UTC)
        with self._lock:
            self._pending.update((key, end) for key in keys)
            due = now - self._synced_at >= self.sync_every
        if due:
            self.sync(now)
        with self._lock:
            counts = {key: self._shared.get((key, end), 0) + self._pending[key, end] for key in keys}
        if any(counts[key] > limit for key, limit in keys.items()):
            seconds = max(1, math.ceil(window_end - now))
            raise TooManyRequests(TOO_MANY.format(seconds=seconds), retry_after=seconds)

    def sync(self, now: float) -> None:
        """Adds this process's counts to the database's and reads back everyone's (one request at a time does it;
        while the database is unreachable the counts wait here and the limits count this process only)."""
        if not self._syncing.acquire(blocking=False):
            return
        try:
            with self._lock:
                pending, self._pending = self._pending, Counter()
                self._synced_at = now
            try:
                totals = self.store.add(dict(pending)) if pending else {}
            except Unavailable:
                log.warning("rate limits not added up: the gateway's database is unreachable")
                current = dt.datetime.fromtimestamp(now, dt.UTC)
                with self._lock:
                    self._pending.update({k: n for k, n in pending.items() if k[1] > current})
                return
            current = dt.datetime.fromtimestamp(now, dt.UTC)
            with self._lock:
                self._shared = {k: n for k, n in {**self._shared, **totals}.items() if k[1] > current}
        finally:
            self._syncing.release()
