"""A school's movement policy (issue 12): its own deadlines for movement orders and the year transition, one row per
school; a NULL column keeps the regulations' default.

Revision ID: 0012
"""
import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects.postgresql import UUID

from services.common.schema import tenant_rls

revision = "0012"
down_revision = "0011"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "movement_policy",
        sa.Column("school_id", UUID(as_uuid=False), sa.ForeignKey("schools.school_id"), primary_key=True),
        sa.Column("promotion_due", sa.Text),  # "MM-DD"; NULL: the default (08-31)
        sa.Column("notice_working_days", sa.Integer),  # NULL: the default (3)
        sa.Column("transition_due", sa.Text),  # "MM-DD"; NULL: the default (09-15)
    )
    tenant_rls(op, "movement_policy")


def downgrade() -> None:
    raise NotImplementedError("released migrations are not reverted")
