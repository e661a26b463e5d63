"""Keeps two workers (two replicas) off one piece of work on a package (its build, a copy, a fixity check): a
PostgreSQL advisory lock per key."""
from collections.abc import Callable
from typing import TypeVar

from sqlalchemy import text

from services.common.db import Database

T = TypeVar("T")


class BuildLocks:
    """A lock is held on its own connection, outside any transaction, while its work runs."""

    def __init__(self, db: Database):
        self.db = db

    def run_alone(self, key: str, work: Callable[[], T]) -> T | None:
        """Calls work() unless another worker holds the key (None then); what it returns."""
        with self.db.engine.connect().execution_options(isolation_level="AUTOCOMMIT") as conn:
            if not conn.scalar(text("SELECT pg_try_advisory_lock(hashtextextended(:id, 0))"), {"id": key}):
                return None
            try:
                return work()
            finally:
                conn.execute(text("SELECT pg_advisory_unlock(hashtextextended(:id, 0))"), {"id": key})
