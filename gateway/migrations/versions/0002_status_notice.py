"""The operator's status notice (docs/operations.md "The status notice"): one row at most, the text every page shows
until it is removed or its time runs out, read by every gateway replica.

Revision ID: 0002
"""
import sqlalchemy as sa
from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "status_notice",
        sa.Column("id", sa.SmallInteger, primary_key=True),  # always 1: there is one notice or none
        sa.Column("text", sa.Text, nullable=False),
        sa.Column("until", sa.DateTime(timezone=True)),  # NULL: until removed
        sa.Column("set_by", sa.Text, nullable=False),  # the operator's username
        sa.Column("set_at", sa.DateTime(timezone=True), nullable=False, server_default=sa.func.now()),
        sa.CheckConstraint("id = 1", name="status_notice_one_row"),
    )


def downgrade() -> None:
    raise NotImplementedError("released migrations are not reverted")
