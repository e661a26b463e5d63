"""Curriculum hours per subject and class group; thematic plan topics.

Revision ID: 0003
"""
import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects.postgresql import UUID

from services.common.schema import tenant_rls

revision = "0003"
down_revision = "0002"

TENANT_TABLES = ("curriculum_hours", "plan_topics")


def uuid_column(name: str, **kw) -> sa.Column:
    return sa.Column(name, UUID(as_uuid=False), nullable=False, **kw)


def ref(name: str, table: str) -> sa.Column:
    return sa.Column(name, UUID(as_uuid=False), sa.ForeignKey(f"{table}.id"), nullable=False)


def upgrade() -> None:
    op.create_table(
        "curriculum_hours", uuid_column("id", primary_key=True), uuid_column("school_id"),
        ref("class_group_id", "class_groups"), ref("subject_id", "subjects"),
        sa.Column("hours_per_week", sa.Numeric(4, 2), nullable=False),
        sa.UniqueConstraint("class_group_id", "subject_id"),
        sa.CheckConstraint("hours_per_week BETWEEN 0.5 AND 10", name="curriculum_hours_range"),
    )
    op.create_table(
        "plan_topics", uuid_column("id", primary_key=True), uuid_column("school_id"),
        ref("class_group_id", "class_groups"), ref("subject_id", "subjects"),
        sa.Column("position", sa.Integer, nullable=False),
        sa.Column("title", sa.Text, nullable=False),
        sa.Column("hours", sa.Numeric(5, 2), nullable=False),
        sa.UniqueConstraint("class_group_id", "subject_id", "position"),
        sa.CheckConstraint("position > 0", name="plan_topics_position"),
        sa.CheckConstraint("hours > 0", name="plan_topics_hours"),
    )
    for table in TENANT_TABLES:
        tenant_rls(op, table)


def downgrade() -> None:
    for table in reversed(TENANT_TABLES):
        op.drop_table(table)
