"""Alembic environment of the archive database."""
from services.common.migrations import run_env

run_env()
