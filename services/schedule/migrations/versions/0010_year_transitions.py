"""The year transition (A2): the next year opened from a source year, once per source year, with the class each
source class continues as; draft timetable lines (copied at the transition), which make no lessons until published.

Revision ID: 0010
"""
import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects.postgresql import JSONB, UUID

from services.common.schema import tenant_rls

revision = "0010"
down_revision = "0009"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.add_column("timetable_entries", sa.Column("draft", sa.Boolean, nullable=False, server_default=sa.false()))
    op.create_table(
        "year_transitions", sa.Column("school_id", UUID(as_uuid=False), nullable=False),
        sa.Column("source_year_id", UUID(as_uuid=False), sa.ForeignKey("academic_years.id"), primary_key=True),
        sa.Column("target_year_id", UUID(as_uuid=False), sa.ForeignKey("academic_years.id"), nullable=False,
                  unique=True),
        sa.Column("successions", JSONB, nullable=False),
    )
    tenant_rls(op, "year_transitions")


def downgrade() -> None:
    op.drop_table("year_transitions")
    op.drop_column("timetable_entries", "draft")
