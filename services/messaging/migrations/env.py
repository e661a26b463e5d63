"""Alembic environment of the messaging database."""
from services.common.migrations import run_env

run_env()
