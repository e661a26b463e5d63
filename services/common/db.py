"""Database access: one engine per service, and sessions bound to one tenant per transaction.

Row-level security does the isolation: every tenant-scoped table has a policy comparing its
school_id with the transaction-local setting app.school_id, which only tenant_session() sets.
A query with no tenant bound sees nothing.
"""
import contextlib
import uuid
from collections.abc import Iterator

from sqlalchemy import create_engine, text
from sqlalchemy.engine import Engine
from sqlalchemy.exc import DataError, IntegrityError
from sqlalchemy.orm import Session, sessionmaker

from services.common import context
from services.common.errors import Conflict, Invalid


class Database:
    def __init__(self, url: str, pool_size: int = 10):
        self.engine: Engine = create_engine(url, pool_size=pool_size, max_overflow=10, pool_pre_ping=True)
        self._sessions = sessionmaker(self.engine, expire_on_commit=False)

    @contextlib.contextmanager
    def tenant_session(self, school_id: str) -> Iterator[Session]:
        """A transaction that sees and writes only the rows of one school; commits on success."""
        school_id = parse_uuid(school_id, "school_id")
        token = context.bind_school(school_id)
        try:
            with self._transaction() as session:
                session.execute(text("SELECT set_config('app.school_id', :sid, true)"), {"sid": school_id})
                yield session
        finally:
            context._school_id.reset(token)

    @contextlib.contextmanager
    def system_session(self) -> Iterator[Session]:
        """A transaction for the service's own plumbing (outbox relay, inbox); sees no tenant data."""
        with self._transaction() as session:
            session.execute(text("SELECT set_config('app.system', 'on', true)"))
            yield session

    @contextlib.contextmanager
    def _transaction(self) -> Iterator[Session]:
        session = self._sessions()
        try:
            with session.begin():
                yield session
        except IntegrityError as exc:
            raise Conflict("Запись противоречит уже сохранённым данным") from exc
        except DataError as exc:
            raise Invalid(message="Значение не подходит по формату") from exc
        finally:
            session.close()


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
