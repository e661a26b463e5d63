"""Scheduled period reports (R3, seed 000 §5.1: the reports after each period): the school's setting
(report_schedules.period_reports, on by default) and the unique key of a scheduled job extended by its request, so the
period reports of each period that ended on the same day (a quarter, a half-year and the year) are formed once each.

Revision ID: 0014
"""
import sqlalchemy as sa
from alembic import op

revision = "0014"
down_revision = "0013"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.add_column("report_schedules", sa.Column("period_reports", sa.Boolean, nullable=False,
                                                server_default=sa.true()))
    op.drop_index("report_jobs_scheduled", table_name="report_jobs")
    # a school's scheduled job of a day and request is formed once, by whichever replica comes first
    op.create_index("report_jobs_scheduled", "report_jobs", ["school_id", "kind", "scheduled_for", "params_key"],
                    unique=True, postgresql_where=sa.text("scheduled_for IS NOT NULL"))


def downgrade() -> None:
    raise NotImplementedError("released migrations are not reverted")
