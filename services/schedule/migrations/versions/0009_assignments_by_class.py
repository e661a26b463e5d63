"""Teaching assignments by class group: a class's assignments are read for every timetable line imported and
every curriculum check (a city has ~70,000 assignments; each read scanned them all).

Revision ID: 0009
"""
from alembic import op

revision = "0009"
down_revision = "0008"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_index("teaching_assignments_class_group", "teaching_assignments", ["class_group_id", "subject_id"])


def downgrade() -> None:
    op.drop_index("teaching_assignments_class_group", table_name="teaching_assignments")
