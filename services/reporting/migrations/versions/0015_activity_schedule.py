"""The weekly user-activity report's weekday in the school's report schedule (R3, seed 003 §8): Monday by default,
0 = not formed on schedule.

Revision ID: 0015
"""
import sqlalchemy as sa
from alembic import op

revision = "0015"
down_revision = "0014"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.add_column("report_schedules", sa.Column("activity_weekday", sa.SmallInteger, nullable=False,
                                                server_default="1"))
    op.create_check_constraint("report_schedules_activity_weekday", "report_schedules",
                               "activity_weekday BETWEEN 0 AND 7")


def downgrade() -> None:
    raise NotImplementedError("released migrations are not reverted")
