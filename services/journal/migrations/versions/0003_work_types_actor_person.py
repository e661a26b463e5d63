"""Work types with their weights per school (J2); the ledger keeps the actor's person id (anomaly flags compare
it with the lesson's teacher) and records work-type changes.

Revision ID: 0003
"""
import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects.postgresql import UUID

from services.common.schema import tenant_rls

revision = "0003"
down_revision = "0002"

LEDGER_ENTITIES = ("mark", "attendance", "topic", "homework", "term_mark", "unlock_request", "policy", "work_type")


def upgrade() -> None:
    op.create_table(
        "work_types",
        sa.Column("school_id", UUID(as_uuid=False), primary_key=True),
        sa.Column("code", sa.Text, primary_key=True),
        sa.Column("name", sa.Text, nullable=False),
        sa.Column("weight", sa.Numeric(4, 2), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.CheckConstraint("weight > 0", name="work_types_weight"),
    )
    tenant_rls(op, "work_types")
    op.add_column("ledger", sa.Column("actor_person_id", UUID(as_uuid=False), nullable=True))
    op.create_index("ledger_school_time", "ledger", ["school_id", "occurred_at"])
    op.drop_constraint("ledger_entity", "ledger", type_="check")
    op.create_check_constraint("ledger_entity", "ledger", "entity IN ({})".format(
        ", ".join(f"'{e}'" for e in LEDGER_ENTITIES)))
