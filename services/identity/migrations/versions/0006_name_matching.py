"""Matching a Gosuslugi login without a SNILS match by full name, gender and birth date, confirmed by
the school: a match key in the directory (guardians) and the pending matches.

Revision ID: 0006
"""
import hashlib

import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects.postgresql import JSONB, UUID

from services.common.schema import tenant_rls

revision = "0006"
down_revision = "0005"

ID = UUID(as_uuid=False)


def _key(row) -> str:
    """services.identity.matching.match_key, frozen here as this revision computed it."""
    parts = (row.last_name, row.first_name, row.middle_name or "", row.gender, row.birth_date.isoformat())
    text = "|".join(" ".join(part.lower().replace("ё", "е").split()) for part in parts)
    return hashlib.sha256(text.encode()).hexdigest()


def upgrade() -> None:
    op.add_column("directory", sa.Column("match_key", sa.Text))
    op.create_index("directory_match_key", "directory", ["match_key"])
    op.create_table(
        "pending_matches",
        sa.Column("id", ID, primary_key=True),
        sa.Column("school_id", ID, sa.ForeignKey("schools.school_id"), nullable=False),
        sa.Column("person_id", ID, sa.ForeignKey("persons.id"), nullable=False),
        sa.Column("subject", sa.Text, nullable=False),
        sa.Column("username", sa.Text, nullable=False),
        sa.Column("claims", JSONB, nullable=False),  # what the Gosuslugi login said: names, gender, birth date
        sa.Column("requested_at", sa.DateTime(timezone=True), nullable=False, server_default=sa.func.now()),
        sa.Column("status", sa.Text, nullable=False, server_default="pending"),
        sa.Column("decided_by", sa.Text),
        sa.Column("decided_at", sa.DateTime(timezone=True)),
        sa.CheckConstraint("status IN ('pending', 'confirmed', 'rejected')", name="pending_matches_status"),
        sa.UniqueConstraint("school_id", "person_id", "subject", name="pending_matches_once"),
    )
    tenant_rls(op, "pending_matches")
    # existing guardians get their key; the owner reads across schools only inside this migration
    for table in ("persons", "directory"):
        op.execute(f"ALTER TABLE {table} NO FORCE ROW LEVEL SECURITY")
    conn = op.get_bind()
    guardians = conn.execute(sa.text(
        "SELECT id, last_name, first_name, middle_name, gender, birth_date FROM persons "
        "WHERE kind = 'guardian' AND gender IS NOT NULL AND birth_date IS NOT NULL")).all()
    for row in guardians:
        conn.execute(sa.text("UPDATE directory SET match_key = :key WHERE person_id = :id"),
                     {"key": _key(row), "id": row.id})
    for table in ("persons", "directory"):
        op.execute(f"ALTER TABLE {table} FORCE ROW LEVEL SECURITY")


def downgrade() -> None:
    raise NotImplementedError("released migrations are not reverted")
