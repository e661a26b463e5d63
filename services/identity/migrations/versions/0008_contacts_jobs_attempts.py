"""Contacts the school chooses to keep (T3), import jobs with progress, failed activation attempts.

Revision ID: 0008
"""
import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects.postgresql import ARRAY, JSONB, UUID

from services.common.schema import system_access, tenant_rls

revision = "0008"
down_revision = "0007"

ID = UUID(as_uuid=False)


def upgrade() -> None:
    # which of phone / email / address the school keeps on its person records (none until it decides)
    op.add_column("schools", sa.Column("contact_fields", ARRAY(sa.Text), nullable=False, server_default="{}"))
    for column in ("phone", "email", "address"):
        op.add_column("persons", sa.Column(column, sa.Text, nullable=False, server_default=""))
    op.create_table(
        "import_jobs",
        sa.Column("id", ID, primary_key=True),
        sa.Column("school_id", ID, sa.ForeignKey("schools.school_id"), nullable=False),
        sa.Column("filename", sa.Text, nullable=False),
        sa.Column("dry_run", sa.Boolean, nullable=False),
        sa.Column("status", sa.Text, nullable=False, server_default="running"),  # running | done | failed
        sa.Column("phase", sa.Text, nullable=False, server_default="checking"),  # checking | writing
        sa.Column("total", sa.Integer, nullable=False),
        sa.Column("processed", sa.Integer, nullable=False, server_default="0"),
        sa.Column("report", sa.LargeBinary),  # ImportPeopleResponse when done
        sa.Column("error", JSONB),  # {code, message, fields} when failed
        sa.Column("started_by", sa.Text, nullable=False),
        sa.Column("started_at", sa.DateTime(timezone=True), nullable=False, server_default=sa.func.now()),
        sa.Column("finished_at", sa.DateTime(timezone=True)),
    )
    tenant_rls(op, "import_jobs")
    # failed activation attempts by client address (the public page knows no school): system session only
    op.create_table(
        "activation_attempts",
        sa.Column("id", sa.BigInteger, sa.Identity(always=True), primary_key=True),
        sa.Column("client_address", sa.Text, nullable=False),
        sa.Column("failed_at", sa.DateTime(timezone=True), nullable=False, server_default=sa.func.now()),
    )
    op.create_index("activation_attempts_address", "activation_attempts", ["client_address", "failed_at"])
    op.execute("ALTER TABLE activation_attempts ENABLE ROW LEVEL SECURITY")
    op.execute("ALTER TABLE activation_attempts FORCE ROW LEVEL SECURITY")
    system_access(op, "activation_attempts")  # the only policy: tenant sessions see no attempts


def downgrade() -> None:
    raise NotImplementedError("released migrations are not reverted")
