"""One-time activation codes (stored hashed, with expiry, consumed once) and when a person activated.

Revision ID: 0005
"""
import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects.postgresql import UUID

from services.common.schema import system_access, tenant_rls

revision = "0005"
down_revision = "0004"

ID = UUID(as_uuid=False)


def upgrade() -> None:
    op.create_table(
        "activation_codes",
        sa.Column("id", ID, primary_key=True),
        sa.Column("school_id", ID, sa.ForeignKey("schools.school_id"), nullable=False),
        sa.Column("person_id", ID, sa.ForeignKey("persons.id"), nullable=False),
        sa.Column("code_hash", sa.Text, nullable=False, unique=True),  # SHA-256 of the normalised code
        sa.Column("username", sa.Text, nullable=False),  # the login the person gets (or has)
        sa.Column("issued_by", sa.Text, nullable=False),
        sa.Column("issued_at", sa.DateTime(timezone=True), nullable=False, server_default=sa.func.now()),
        sa.Column("expires_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("used_at", sa.DateTime(timezone=True)),
    )
    op.create_index("activation_codes_person", "activation_codes", ["school_id", "person_id"])
    tenant_rls(op, "activation_codes")
    system_access(op, "activation_codes")  # the public activation page finds a code without knowing the school
    op.add_column("persons", sa.Column("activated_at", sa.DateTime(timezone=True)))


def downgrade() -> None:
    raise NotImplementedError("released migrations are not reverted")
