"""Sign-ins (issue 13, the weekly user-activity report): one append-only row per school each time a person with a role
there signs in through the gateway (RecordSignIn).

Revision ID: 0013
"""
import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects.postgresql import UUID

from services.common.schema import tenant_rls

revision = "0013"
down_revision = "0012"
branch_labels = None
depends_on = None

ID = UUID(as_uuid=False)


def upgrade() -> None:
    op.create_table(
        "sign_ins",
        sa.Column("id", sa.BigInteger, sa.Identity(always=True), primary_key=True),
        sa.Column("school_id", ID, nullable=False),
        sa.Column("person_id", ID, nullable=False),
        sa.Column("subject", sa.Text, nullable=False),
        sa.Column("signed_in_at", sa.DateTime(timezone=True), nullable=False),
        comment="append-only sign-ins of the school's people through the gateway",
    )
    op.create_index("sign_ins_school_time", "sign_ins", ["school_id", "signed_in_at"])
    tenant_rls(op, "sign_ins")


def downgrade() -> None:
    raise NotImplementedError("released migrations are not reverted")
