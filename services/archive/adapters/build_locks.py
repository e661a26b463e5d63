"""Keeps two builders (two replicas) off one package: a PostgreSQL advisory lock per package."""
from collections.abc import Callable

from sqlalchemy import text

from services.common.db import Database


class BuildLocks:
    """The lock of a package is held on its own connection, outside any transaction, while the package is built."""

    def __init__(self, db: Database):
        self.db = db

    def run_alone(self, archive_id: str, build: Callable[[], None]) -> None:
        """Calls build() unless another builder holds the package."""
        with self.db.engine.connect().execution_options(isolation_level="AUTOCOMMIT") as conn:
            if not conn.scalar(text("SELECT pg_try_advisory_lock(hashtextextended(:id, 0))"), {"id": archive_id}):
                return
            try:
                build()
            finally:
                conn.execute(text("SELECT pg_advisory_unlock(hashtextextended(:id, 0))"), {"id": archive_id})
