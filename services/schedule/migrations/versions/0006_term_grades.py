"""Terms for some grades only (quarters for 1-9, half-years for 10-11).

Revision ID: 0006
"""
import sqlalchemy as sa
from alembic import op

revision = "0006"
down_revision = "0005"


def upgrade() -> None:
    op.add_column("terms", sa.Column("grade_from", sa.Integer, nullable=False, server_default="0"))
    op.add_column("terms", sa.Column("grade_to", sa.Integer, nullable=False, server_default="0"))
    op.create_check_constraint("terms_grades", "terms",
                               "(grade_from = 0 AND grade_to = 0) OR (grade_from BETWEEN 1 AND grade_to AND grade_to <= 11)")


def downgrade() -> None:
    op.drop_constraint("terms_grades", "terms", type_="check")
    op.drop_column("terms", "grade_to")
    op.drop_column("terms", "grade_from")
