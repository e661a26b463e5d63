"""Database access: one engine per service, and sessions bound to one tenant per transaction.

Row-level security does the isolation: every tenant-scoped table has a policy comparing its
school_id with the transaction-local setting app.school_id, which only tenant_session() sets.
A query with no tenant bound sees nothing.

Connections are not pinged before use (no `pool_pre_ping`: a round trip per transaction). A connection PostgreSQL
dropped (a restart, a terminated backend) fails on the first statement of a transaction, which only binds the tenant
(`set_config`) and has done nothing yet: that start is tried once more on a fresh connection (the pool also drops
the connections opened before the failure). A failure of any later statement behaves as before: the transaction
fails and the caller sees the error. A connection attempt is given up after CONNECT_TIMEOUT seconds (an address
that does not answer), and `ping()` is what the service's readiness asks (services.common.readiness).
"""
import contextlib
import uuid
from collections.abc import Iterator

from sqlalchemy import TextClause, create_engine, text
from sqlalchemy.engine import Engine
from sqlalchemy.exc import DataError, DBAPIError, IntegrityError
from sqlalchemy.orm import Session, SessionTransaction, sessionmaker

from services.common import context
from services.common.errors import Conflict, Invalid

BIND_SCHOOL = text("SELECT set_config('app.school_id', :sid, true)")
BIND_SYSTEM = text("SELECT set_config('app.system', 'on', true)")
PING = text("SELECT 1")
CONNECT_TIMEOUT = 5  # seconds


class Database:
    def __init__(self, url: str, pool_size: int = 10, max_overflow: int = 10):
        self.engine: Engine = create_engine(url, pool_size=pool_size, max_overflow=max_overflow,
                                            connect_args={"connect_timeout": CONNECT_TIMEOUT})
        self._sessions = sessionmaker(self.engine, expire_on_commit=False)

    def ping(self) -> None:
        """Raises unless PostgreSQL answers `SELECT 1` (on a fresh connection if the pooled one is dead)."""
        with self._transaction(PING):
            pass

    @contextlib.contextmanager
    def tenant_session(self, school_id: str) -> Iterator[Session]:
        """A transaction that sees and writes only the rows of one school; commits on success."""
        school_id = parse_uuid(school_id, "school_id")
        token = context.bind_school(school_id)
        try:
            with self._transaction(BIND_SCHOOL, {"sid": school_id}) as session:
                yield session
        finally:
            context._school_id.reset(token)

    @contextlib.contextmanager
    def system_session(self) -> Iterator[Session]:
        """A transaction for the service's own plumbing (outbox relay, inbox); sees no tenant data."""
        with self._transaction(BIND_SYSTEM) as session:
            yield session

    @contextlib.contextmanager
    def _transaction(self, first: TextClause, params: dict | None = None) -> Iterator[Session]:
        session = None
        try:
            session, transaction = self._started(first, params)
            with transaction:
                yield session
        except IntegrityError as exc:
            raise Conflict("Запись противоречит уже сохранённым данным") from exc
        except DataError as exc:
            raise Invalid(message="Значение не подходит по формату") from exc
        finally:
            if session is not None:
                session.close()

    def _started(self, first: TextClause, params: dict | None) -> tuple[Session, SessionTransaction]:
        """A session whose transaction has run its first statement; once more on a fresh connection if that
        statement found the pooled one dead (a second failure is raised)."""
        try:
            return self._begin(first, params)
        except DBAPIError as exc:
            if not exc.connection_invalidated:
                raise
        return self._begin(first, params)

    def _begin(self, first: TextClause, params: dict | None) -> tuple[Session, SessionTransaction]:
        session = self._sessions()
        transaction = session.begin()
        try:
            session.execute(first, params)
        except BaseException:
            session.close()
            raise
        return session, transaction


def parse_uuid(value: str, field: str) -> str:
    try:
        return str(uuid.UUID(str(value)))
    except ValueError:
        raise Invalid(field, "ожидается идентификатор (UUID)") from None


def lock_name(session: Session, name: str, shared: bool = False) -> None:
    """A lock on a name until the transaction ends (a PostgreSQL advisory lock): for what has no row to lock
    yet, e.g. the first term mark of a student in a subject, so two first writes do not both insert."""
    function = "pg_advisory_xact_lock_shared" if shared else "pg_advisory_xact_lock"
    session.execute(text(f"SELECT {function}(hashtextextended(:name, 0))"), {"name": name})
