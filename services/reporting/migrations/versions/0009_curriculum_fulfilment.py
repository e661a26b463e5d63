"""Curriculum fulfilment (issue 13, R4): each class's weekly hours of a subject as schedule's CurriculumHoursSet tells
them, and each lesson's subgroup (a subgroup's lessons are counted per subgroup); the new table under forced
row-level security.

Revision ID: 0009
"""
import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects.postgresql import UUID

from services.common.schema import tenant_rls

revision = "0009"
down_revision = "0008"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.add_column("rm_lessons", sa.Column("subgroup_id", UUID(as_uuid=False)))
    op.create_table("rm_curriculum_hours",
                    sa.Column("class_group_id", UUID(as_uuid=False), primary_key=True),
                    sa.Column("subject_id", UUID(as_uuid=False), primary_key=True),
                    sa.Column("school_id", UUID(as_uuid=False), nullable=False),
                    sa.Column("hours_per_week", sa.Numeric(5, 2), nullable=False))
    tenant_rls(op, "rm_curriculum_hours")
