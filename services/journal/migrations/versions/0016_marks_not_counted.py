"""A mark kept and shown but not counted towards the average (issue 18: weight 0, «3*»).

Revision ID: 0016
"""
import sqlalchemy as sa
from alembic import op

revision = "0016"
down_revision = "0015"


def upgrade() -> None:
    op.add_column("marks", sa.Column("not_counted", sa.Boolean, nullable=False, server_default=sa.false()))
