"""The student's birth date (issue 13: form ОШ-1 counts students by year of birth), as PersonRegistered and
PersonCorrected tell it (NULL = not told); rm_students keeps its forced row-level security.

Revision ID: 0012
"""
import sqlalchemy as sa
from alembic import op

revision = "0012"
down_revision = "0011"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.add_column("rm_students", sa.Column("birth_date", sa.Date))
