"""One login for a student across the schools of the installation (issue 12): every directory row gets its person's
kind, and the directory keeps the students' SNILS too (filled for the students there are), so that a student
enrolled from another school gets the login the SNILS has there and a SNILS is matched only to the kind asked.

Revision ID: 0013
"""
import sqlalchemy as sa
from alembic import op

revision = "0013"
down_revision = "0012"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.add_column("directory", sa.Column("kind", sa.Text))
    # the owner reads across schools only inside this migration
    for table in ("persons", "directory"):
        op.execute(f"ALTER TABLE {table} NO FORCE ROW LEVEL SECURITY")
    op.execute("UPDATE directory SET kind = persons.kind, "
               "snils = CASE WHEN persons.kind IN ('guardian', 'student') THEN persons.snils END "
               "FROM persons WHERE persons.id = directory.person_id")
    for table in ("persons", "directory"):
        op.execute(f"ALTER TABLE {table} FORCE ROW LEVEL SECURITY")
    op.alter_column("directory", "kind", nullable=False)


def downgrade() -> None:
    raise NotImplementedError("released migrations are not reverted")
