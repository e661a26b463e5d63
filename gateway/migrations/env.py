"""Alembic environment of the gateway's database (otmetka_gateway)."""
from services.common.migrations import run_env

run_env()
