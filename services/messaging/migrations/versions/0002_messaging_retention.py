"""Indexes for the retention of the outbox and the inbox (published and handled rows by age).

Revision ID: 0002
"""
from alembic import op

from services.common.schema import index_messaging_for_retention

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    index_messaging_for_retention(op)
