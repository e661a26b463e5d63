"""Lesson records keep the lesson's subgroup and substitute teacher as schedule described them at the last save
(J10, S5): the anomaly flags do not report a substitute's marks as "not their lesson".

Revision ID: 0004
"""
import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects.postgresql import UUID

revision = "0004"
down_revision = "0003"


def upgrade() -> None:
    op.add_column("lesson_records", sa.Column("subgroup_id", UUID(as_uuid=False), nullable=True))
    op.add_column("lesson_records", sa.Column("substitute_teacher_id", UUID(as_uuid=False), nullable=True))
