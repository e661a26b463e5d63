"""Ledger rows of journal entries carry their deadline and whether they came after it (J3): late entries are
accepted and flagged, the deputy head lists them.

Revision ID: 0006
"""
import sqlalchemy as sa
from alembic import op

revision = "0006"
down_revision = "0005"


def upgrade() -> None:
    op.add_column("ledger", sa.Column("due_at", sa.DateTime(timezone=True), nullable=True))
    op.add_column("ledger", sa.Column("late", sa.Boolean, nullable=False, server_default=sa.false()))
    op.create_index("ledger_late", "ledger", ["school_id", "lesson_id"], postgresql_where=sa.text("late"))
