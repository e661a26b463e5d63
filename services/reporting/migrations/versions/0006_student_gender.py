"""The student's gender (issue 13: class fill by gender), as PersonRegistered and PersonCorrected tell it; rm_students
keeps its forced row-level security.

Revision ID: 0006
"""
import sqlalchemy as sa
from alembic import op

revision = "0006"
down_revision = "0005"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.add_column("rm_students", sa.Column("gender", sa.Text, nullable=False, server_default=""))
