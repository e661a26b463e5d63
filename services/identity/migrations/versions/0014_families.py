"""Families and the school (issue 14): a school's setting that guardians get access only through Gosuslugi (T6), a
guardian's wish for a printed weekly diary (T9, seed 001 §1.6), and the append-only record of consents to the
processing of personal data (152-FZ) with the version of the text accepted or declined.

Revision ID: 0014
"""
import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects.postgresql import UUID

from services.common.schema import tenant_rls

revision = "0014"
down_revision = "0013"
branch_labels = None
depends_on = None

ID = UUID(as_uuid=False)


def upgrade() -> None:
    op.add_column("schools", sa.Column("guardians_gosuslugi_only", sa.Boolean, nullable=False,
                                       server_default=sa.false()))
    op.add_column("persons", sa.Column("paper_diary", sa.Boolean, nullable=False, server_default=sa.false()))
    op.create_table(
        "consents",
        sa.Column("id", sa.BigInteger, sa.Identity(always=True), primary_key=True),
        sa.Column("school_id", ID, nullable=False),
        sa.Column("person_id", ID, nullable=False),
        sa.Column("subject", sa.Text, nullable=False),
        sa.Column("version", sa.Text, nullable=False),
        sa.Column("text_sha256", sa.Text, nullable=False),
        sa.Column("decision", sa.Text, nullable=False),
        sa.Column("decided_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("client_address", sa.Text, nullable=False, server_default=""),
        sa.CheckConstraint("decision IN ('accepted', 'declined')", name="consents_decision"),
        comment="append-only consents to the processing of personal data (152-FZ): each decision with the version "
                "and the SHA-256 of the text shown",
    )
    op.create_index("consents_person", "consents", ["school_id", "person_id", "id"])
    tenant_rls(op, "consents")


def downgrade() -> None:
    raise NotImplementedError("released migrations are not reverted")
