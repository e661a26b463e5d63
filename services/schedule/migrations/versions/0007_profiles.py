"""Curriculum profiles (S2): a profile of a year for some grades ("физико-математический", 10-11) with its standard
weekly hours per subject; a class group may follow one profile.

Revision ID: 0007
"""
import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects.postgresql import UUID

from services.common.schema import tenant_rls

revision = "0007"
down_revision = "0006"

TENANT_TABLES = ("curriculum_profiles", "profile_hours")


def uuid_column(name: str, **kw) -> sa.Column:
    return sa.Column(name, UUID(as_uuid=False), nullable=False, **kw)


def ref(name: str, table: str) -> sa.Column:
    return sa.Column(name, UUID(as_uuid=False), sa.ForeignKey(f"{table}.id"), nullable=False)


def upgrade() -> None:
    op.create_table(
        "curriculum_profiles", uuid_column("id", primary_key=True), uuid_column("school_id"),
        ref("academic_year_id", "academic_years"),
        sa.Column("name", sa.Text, nullable=False),
        sa.Column("grade_from", sa.Integer, nullable=False),
        sa.Column("grade_to", sa.Integer, nullable=False),
        sa.CheckConstraint("grade_from BETWEEN 1 AND grade_to AND grade_to <= 11", name="curriculum_profiles_grades"),
    )
    op.create_index("curriculum_profiles_name", "curriculum_profiles", ["academic_year_id", sa.text("lower(name)")],
                    unique=True)
    op.create_table(
        "profile_hours", uuid_column("id", primary_key=True), uuid_column("school_id"),
        ref("profile_id", "curriculum_profiles"), ref("subject_id", "subjects"),
        sa.Column("hours_per_week", sa.Numeric(4, 2), nullable=False),
        sa.UniqueConstraint("profile_id", "subject_id"),
        sa.CheckConstraint("hours_per_week BETWEEN 0.5 AND 10", name="profile_hours_range"),
    )
    for table in TENANT_TABLES:
        tenant_rls(op, table)
    op.add_column("class_groups", sa.Column("profile_id", UUID(as_uuid=False),
                                            sa.ForeignKey("curriculum_profiles.id"), nullable=True))


def downgrade() -> None:
    op.drop_column("class_groups", "profile_id")
    for table in reversed(TENANT_TABLES):
        op.drop_table(table)
