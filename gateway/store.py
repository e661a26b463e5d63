"""The gateway's own PostgreSQL database (otmetka_gateway, gateway/migrations): the browser sessions kept on the
server, the rate limits' counters and the operator's status notice (gateway/status_notice.py) — shared by every
gunicorn worker and every replica. Expired sessions and counters are deleted by `sweep`, which the session interface
runs now and then (gateway/auth/server_session.py). When the database cannot be reached every call raises Unavailable
(after at most CONNECT_TIMEOUT seconds): the rate limits then let requests through and the session interface treats
the browser as signed out for that request without forgetting its session, so API clients with bearer tokens keep
working while it is away; the pages show no notice then."""
import contextlib
import datetime as dt
import json
from typing import Protocol

from sqlalchemy import create_engine, text
from sqlalchemy.exc import DBAPIError

from services.common.errors import Unavailable

LOAD = text("SELECT data FROM browser_sessions WHERE id_hash = :id AND expires_at > now()")
INSERT_SESSION = text("INSERT INTO browser_sessions (id_hash, data, expires_at) "
                      "VALUES (:id, CAST(:data AS jsonb), :expires)")
UPDATE_SESSION = text("UPDATE browser_sessions SET data = CAST(:data AS jsonb), expires_at = :expires, updated_at = now() "
                      "WHERE id_hash = :id AND expires_at > now()")
DELETE = text("DELETE FROM browser_sessions WHERE id_hash = :id")
ADD = text("INSERT INTO rate_counts (key, window_end, hits) SELECT * FROM unnest(CAST(:keys AS text[]), "
           "CAST(:ends AS timestamptz[]), CAST(:hits AS integer[])) ON CONFLICT (key, window_end) "
           "DO UPDATE SET hits = rate_counts.hits + EXCLUDED.hits RETURNING key, window_end, hits")
SWEEP_SESSIONS = text("DELETE FROM browser_sessions WHERE id_hash IN (SELECT id_hash FROM browser_sessions "
                      "WHERE expires_at < now() LIMIT :batch)")
SWEEP_COUNTS = text("DELETE FROM rate_counts WHERE (key, window_end) IN (SELECT key, window_end FROM rate_counts "
                    "WHERE window_end < now() LIMIT :batch)")
NOTICE = text("SELECT text, until, set_by, set_at FROM status_notice WHERE id = 1")
SET_NOTICE = text("INSERT INTO status_notice (id, text, until, set_by, set_at) VALUES (1, :text, :until, :set_by, now()) "
                  "ON CONFLICT (id) DO UPDATE SET text = EXCLUDED.text, until = EXCLUDED.until, "
                  "set_by = EXCLUDED.set_by, set_at = EXCLUDED.set_at")
CLEAR_NOTICE = text("DELETE FROM status_notice")
SWEEP_BATCH = 5000
CONNECT_TIMEOUT = 5
UNREACHABLE = "Хранилище сеансов недоступно, попробуйте позже"


@contextlib.contextmanager
def reachable():
    try:
        yield
    except DBAPIError as error:
        raise Unavailable(UNREACHABLE) from error


class GatewayStore(Protocol):
    """The port the session interface and the rate limits use (an in-memory fake in the unit tests)."""

    def load_session(self, id_hash: str) -> dict | None: ...

    def save_session(self, id_hash: str, data: dict, expires_at: dt.datetime, new: bool = True) -> bool: ...

    def delete_session(self, id_hash: str) -> None: ...

    def add(self, counts: dict[tuple[str, dt.datetime], int]) -> dict[tuple[str, dt.datetime], int]: ...

    def sweep(self) -> int: ...

    def status_notice(self) -> tuple | None: ...

    def set_status_notice(self, text: str, until: dt.datetime | None, set_by: str) -> None: ...

    def clear_status_notice(self) -> None: ...


class PostgresStore:
    def __init__(self, url: str, pool_size: int = 5):
        self.engine = create_engine(url, pool_size=pool_size, max_overflow=10, pool_pre_ping=True,
                                    connect_args={"connect_timeout": CONNECT_TIMEOUT})

    def load_session(self, id_hash: str) -> dict | None:
        with reachable(), self.engine.connect() as conn:
            return conn.scalar(LOAD, {"id": id_hash})

    def save_session(self, id_hash: str, data: dict, expires_at: dt.datetime, new: bool = True) -> bool:
        """A new session stored, or an existing one changed; False when that one is gone (signed out or expired
        meanwhile: a request still in flight never brings a deleted session back)."""
        with reachable(), self.engine.begin() as conn:
            return conn.execute(INSERT_SESSION if new else UPDATE_SESSION,
                                {"id": id_hash, "data": json.dumps(data), "expires": expires_at}).rowcount == 1

    def delete_session(self, id_hash: str) -> None:
        with reachable(), self.engine.begin() as conn:
            conn.execute(DELETE, {"id": id_hash})

    def add(self, counts: dict[tuple[str, dt.datetime], int]) -> dict[tuple[str, dt.datetime], int]:
        """Adds requests to the counters of (key, window end) (in key order: two processes never deadlock); every
        process's counts so far."""
        items = sorted(counts.items())
        with reachable(), self.engine.begin() as conn:
            rows = conn.execute(ADD, {"keys": [k for (k, _), _ in items], "ends": [e for (_, e), _ in items],
                                      "hits": [n for _, n in items]}).all()
        return {(key, end): hits for key, end, hits in rows}

    def sweep(self) -> int:
        """Deletes (a batch of) the expired sessions and the counters of past windows; how many rows went."""
        with reachable(), self.engine.begin() as conn:
            return sum(conn.execute(statement, {"batch": SWEEP_BATCH}).rowcount
                       for statement in (SWEEP_SESSIONS, SWEEP_COUNTS))

    def status_notice(self) -> tuple | None:
        """The operator's notice as (text, until, set_by, set_at), expired or not; None when there is none."""
        with reachable(), self.engine.connect() as conn:
            found = conn.execute(NOTICE).first()
            return tuple(found) if found else None

    def set_status_notice(self, text: str, until: dt.datetime | None, set_by: str) -> None:
        with reachable(), self.engine.begin() as conn:
            conn.execute(SET_NOTICE, {"text": text, "until": until, "set_by": set_by})

    def clear_status_notice(self) -> None:
        with reachable(), self.engine.begin() as conn:
            conn.execute(CLEAR_NOTICE)
