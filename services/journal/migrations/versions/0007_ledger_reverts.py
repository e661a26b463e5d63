"""A ledger row that reverts another one (T8: changes of a compromised account) names it.

Revision ID: 0007
"""
import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects.postgresql import UUID

revision = "0007"
down_revision = "0006"


def upgrade() -> None:
    op.add_column("ledger", sa.Column("reverts", UUID(as_uuid=False), nullable=True))
    op.create_index("ledger_actor_time", "ledger", ["school_id", "actor_person_id", "occurred_at"])
    op.create_index("ledger_reverts", "ledger", ["school_id", "reverts"], postgresql_where=sa.text("reverts IS NOT NULL"))
