"""Alembic environment of the identity database."""
from services.common.migrations import run_env

run_env()
