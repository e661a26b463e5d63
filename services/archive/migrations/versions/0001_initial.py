"""The archive package registry (one package per school and academic year), outbox and inbox.

Revision ID: 0001
"""
import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects.postgresql import ARRAY, UUID

from services.common.schema import create_messaging, system_access, tenant_rls

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "archive_packages",
        sa.Column("id", UUID(as_uuid=False), primary_key=True),
        sa.Column("school_id", UUID(as_uuid=False), nullable=False),
        sa.Column("academic_year_id", UUID(as_uuid=False), nullable=False),
        sa.Column("academic_year_name", sa.Text, nullable=False),
        sa.Column("class_group_ids", ARRAY(UUID(as_uuid=False)), nullable=False),
        sa.Column("status", sa.Text, nullable=False),
        sa.Column("bucket", sa.Text),
        sa.Column("object_key", sa.Text),
        sa.Column("version_id", sa.Text),
        sa.Column("sha256", sa.Text),
        sa.Column("retain_until", sa.Date),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False, server_default=sa.func.now()),
        sa.Column("error", sa.Text),
        sa.UniqueConstraint("school_id", "academic_year_id", name="archive_packages_one_per_year"),
        sa.CheckConstraint("status IN ('building', 'sealed', 'failed')", name="archive_packages_status"),
    )
    tenant_rls(op, "archive_packages")
    # the package builder finds packages still to build across schools (then works in each school's tenant session)
    system_access(op, "archive_packages")
    create_messaging(op)
