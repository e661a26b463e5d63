"""Accounts reported compromised (T8), from identity's AccountCompromised events: the school administrator's list of
people whose journal changes are to be reviewed and reverted.

Revision ID: 0009
"""
import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects.postgresql import UUID

from services.common.schema import tenant_rls

revision = "0009"
down_revision = "0008"


def upgrade() -> None:
    op.create_table(
        "compromised_accounts",
        sa.Column("school_id", UUID(as_uuid=False), primary_key=True),
        sa.Column("person_id", UUID(as_uuid=False), primary_key=True),
        sa.Column("reported_at", sa.DateTime(timezone=True), primary_key=True),
        sa.Column("subject", sa.Text, nullable=False),
        sa.Column("reported_by", sa.Text, nullable=False),
    )
    tenant_rls(op, "compromised_accounts")
