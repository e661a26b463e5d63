"""School events (S4, seed 004 §6.1): the school's and classes' events the deputy head keeps (concerts, parent
meetings, exams, sports days, excursions…), with their audience; cancelled, never deleted.

Revision ID: 0011
"""
import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects.postgresql import ARRAY, UUID

from services.common.schema import tenant_rls

revision = "0011"
down_revision = "0010"
branch_labels = None
depends_on = None

ID = UUID(as_uuid=False)


def upgrade() -> None:
    op.create_table(
        "school_events",
        sa.Column("id", ID, primary_key=True),
        sa.Column("school_id", ID, nullable=False),
        sa.Column("title", sa.Text, nullable=False),
        sa.Column("kind", sa.Text, nullable=False),
        sa.Column("date", sa.Date, nullable=False),
        sa.Column("starts_at", sa.Time),
        sa.Column("ends_at", sa.Time),
        sa.Column("place", sa.Text, nullable=False, server_default=""),
        sa.Column("description", sa.Text, nullable=False, server_default=""),
        sa.Column("audience_scope", sa.Text, nullable=False, server_default="school"),
        sa.Column("audience_grades", ARRAY(sa.Integer), nullable=False, server_default="{}"),
        sa.Column("audience_class_group_ids", ARRAY(ID), nullable=False, server_default="{}"),
        sa.Column("audience_people", sa.Text, nullable=False, server_default="everyone"),
        sa.Column("status", sa.Text, nullable=False, server_default="scheduled"),
        sa.Column("cancel_reason", sa.Text, nullable=False, server_default=""),
        sa.Column("revision", sa.Integer, nullable=False, server_default="0"),
        sa.Column("created_by", sa.Text, nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False, server_default=sa.func.now()),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False, server_default=sa.func.now()),
        sa.CheckConstraint("status IN ('scheduled', 'cancelled')", name="school_events_status"),
        sa.CheckConstraint("audience_scope IN ('school', 'grades', 'class_groups')", name="school_events_scope"),
        sa.CheckConstraint("audience_people IN ('everyone', 'families', 'staff')", name="school_events_people"),
        sa.CheckConstraint("ends_at IS NULL OR (starts_at IS NOT NULL AND starts_at < ends_at)",
                           name="school_events_times"),
    )
    op.create_index("school_events_date", "school_events", ["school_id", "date"])
    tenant_rls(op, "school_events")


def downgrade() -> None:
    op.drop_table("school_events")
