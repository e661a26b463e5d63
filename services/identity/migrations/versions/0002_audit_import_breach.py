"""Identity audit log (append-only) and reports of compromised logins; an index for import duplicates.

Revision ID: 0002
"""
import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects.postgresql import JSONB, UUID

from services.common.schema import tenant_rls

revision = "0002"
down_revision = "0001"

ID = UUID(as_uuid=False)


def upgrade() -> None:
    op.create_table(
        "audit_log",
        sa.Column("id", sa.BigInteger, sa.Identity(always=True), primary_key=True),
        sa.Column("school_id", ID, sa.ForeignKey("schools.school_id"), nullable=False),
        sa.Column("occurred_at", sa.DateTime(timezone=True), nullable=False, server_default=sa.func.now()),
        sa.Column("actor_subject", sa.Text, nullable=False),
        sa.Column("actor_username", sa.Text, nullable=False, server_default=""),
        sa.Column("client_address", sa.Text, nullable=False, server_default=""),
        sa.Column("action", sa.Text, nullable=False),
        sa.Column("object_id", sa.Text, nullable=False, server_default=""),
        sa.Column("details", JSONB, nullable=False, server_default="{}"),
        comment="append-only log of identity writes (who, when, from where, what); the app role may only insert",
    )
    op.create_index("audit_log_school_id", "audit_log", ["school_id", "id"])
    op.create_table(
        "breach_reports",
        sa.Column("id", ID, primary_key=True),
        sa.Column("school_id", ID, sa.ForeignKey("schools.school_id"), nullable=False),
        sa.Column("person_id", ID, sa.ForeignKey("persons.id"), nullable=False),
        sa.Column("subject", sa.Text, nullable=False),
        sa.Column("reported_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("reported_by", sa.Text, nullable=False),
        comment="append-only reports of compromised logins",
    )
    op.create_index("breach_reports_person", "breach_reports", ["school_id", "person_id"])
    op.create_index("persons_name_birth", "persons", ["school_id", "kind", "last_name", "first_name", "birth_date"])
    for table in ("audit_log", "breach_reports"):
        tenant_rls(op, table)


def downgrade() -> None:
    raise NotImplementedError("released migrations are not reverted")
