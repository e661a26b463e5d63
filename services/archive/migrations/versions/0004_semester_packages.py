"""Semester packages (seed 002 §5.1: colleges archive the journal by semester where their policy says so).

- archive_policies: per school, whether each ended semester's class journals get a package of their own (besides
  the year's).
- archive_packages: the period a package covers — `period_id` ('' = the whole academic year), `period_name`,
  `date_from`, `date_to` — and one package per school, year, record class and period.

Revision ID: 0004
"""
import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects.postgresql import UUID

from services.common.schema import system_access, tenant_rls

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "archive_policies",
        sa.Column("school_id", UUID(as_uuid=False), primary_key=True),
        sa.Column("semester_packages", sa.Boolean, nullable=False, server_default=sa.false()),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False, server_default=sa.func.now()),
    )
    tenant_rls(op, "archive_policies")
    system_access(op, "archive_policies")  # the worker finds the schools that want semester packages
    op.add_column("archive_packages", sa.Column("period_id", sa.Text, nullable=False, server_default=""))
    op.add_column("archive_packages", sa.Column("period_name", sa.Text, nullable=False, server_default=""))
    op.add_column("archive_packages", sa.Column("date_from", sa.Date))
    op.add_column("archive_packages", sa.Column("date_to", sa.Date))
    op.drop_constraint("archive_packages_one_per_year", "archive_packages")
    op.create_unique_constraint("archive_packages_one_per_period", "archive_packages",
                                ["school_id", "academic_year_id", "record_class", "period_id"])
