"""Keeps two workers (two replicas) off one piece of work on a package (its build, a copy, a fixity check): a
PostgreSQL advisory lock per key."""
from collections.abc import Callable

from sqlalchemy import text

from services.common.db import Database


class BuildLocks:
    """A lock is held on its own connection, outside any transaction, while its work runs."""

    def __init__(self, db: Database):
        self.db = db

    def run_alone(self, key: str, work: Callable[[], None]) -> None:
        """Calls work() unless another worker holds the key."""
        with self.db.engine.connect().execution_options(isolation_level="AUTOCOMMIT") as conn:
            if not conn.scalar(text("SELECT pg_try_advisory_lock(hashtextextended(:id, 0))"), {"id": key}):
                return
            try:
                work()
            finally:
                conn.execute(text("SELECT pg_advisory_unlock(hashtextextended(:id, 0))"), {"id": key})
