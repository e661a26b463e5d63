"""The mail path (T9): the mail outbox (mails queued with the change that made them, sent by the relay) and the
guardians' e-mail — the address, when it was confirmed, the digest they chose and the last day a digest covered.

Revision ID: 0003
"""
import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects.postgresql import UUID

from services.common.mail_outbox import create_mail_outbox
from services.common.schema import system_access, tenant_rls

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None


def upgrade() -> None:
    create_mail_outbox(op)
    op.create_table(
        "family_mail",
        sa.Column("school_id", UUID(as_uuid=False), primary_key=True),
        sa.Column("guardian_id", UUID(as_uuid=False), primary_key=True),
        sa.Column("address", sa.Text, nullable=False),
        sa.Column("confirmed_at", sa.DateTime(timezone=True)),
        sa.Column("digest", sa.Text, nullable=False, server_default="none"),
        sa.Column("digest_through", sa.Date),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.CheckConstraint("digest IN ('none', 'daily', 'weekly')", name="family_mail_digest"),
    )
    op.create_index("family_mail_digests", "family_mail", ["school_id"],
                    postgresql_where=sa.text("digest <> 'none' AND confirmed_at IS NOT NULL"))
    tenant_rls(op, "family_mail")
    system_access(op, "family_mail")  # the digest worker finds the schools with subscribers

