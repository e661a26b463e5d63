"""Academic years schedule closed (from its AcademicYearClosed events): nothing of such a year changes in the journal
any more; the journal announces it with JournalYearClosed.

Revision ID: 0010
"""
import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects.postgresql import ARRAY, UUID

from services.common.schema import tenant_rls

revision = "0010"
down_revision = "0009"


def upgrade() -> None:
    op.create_table(
        "closed_years",
        sa.Column("school_id", UUID(as_uuid=False), primary_key=True),
        sa.Column("academic_year_id", UUID(as_uuid=False), primary_key=True),
        sa.Column("name", sa.Text, nullable=False),
        sa.Column("class_group_ids", ARRAY(UUID(as_uuid=False)), nullable=False),
        sa.Column("term_ids", ARRAY(UUID(as_uuid=False)), nullable=False),
        sa.Column("closed_at", sa.DateTime(timezone=True), nullable=False),
    )
    tenant_rls(op, "closed_years")
