"""The staff card of a personal record: position, qualification category, functions, diploma specialty.

Revision ID: 0007
"""
import sqlalchemy as sa
from alembic import op

revision = "0007"
down_revision = "0006"

COLUMNS = ("position", "qualification_category", "functions", "diploma_specialty")


def upgrade() -> None:
    for column in COLUMNS:
        op.add_column("persons", sa.Column(column, sa.Text, nullable=False, server_default=""))


def downgrade() -> None:
    raise NotImplementedError("released migrations are not reverted")
