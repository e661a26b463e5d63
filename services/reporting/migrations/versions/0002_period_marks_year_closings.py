"""Period marks (term, annual, exam and final marks), terms, class groups' grades and the year-end barrier.

Revision ID: 0002
"""
import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects.postgresql import ARRAY, UUID

from services.common.schema import tenant_rls

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def ids(*names: str) -> list[sa.Column]:
    return [sa.Column(name, UUID(as_uuid=False), nullable=False) for name in names]


def text(name: str) -> sa.Column:
    return sa.Column(name, sa.Text, nullable=False, server_default="")


def upgrade() -> None:
    op.add_column("rm_class_groups", sa.Column("grade", sa.Integer))
    op.create_table("rm_terms", sa.Column("id", UUID(as_uuid=False), primary_key=True), *ids("school_id"),
                    sa.Column("academic_year_id", UUID(as_uuid=False)), text("name"), sa.Column("start_date", sa.Date),
                    sa.Column("grade_from", sa.Integer, nullable=False, server_default="0"),
                    sa.Column("grade_to", sa.Integer, nullable=False, server_default="0"))
    op.create_table("rm_term_marks", sa.Column("id", UUID(as_uuid=False), primary_key=True),
                    *ids("school_id", "student_id", "subject_id", "term_id", "class_group_id"),
                    sa.Column("value", sa.Text, nullable=False), text("special"))
    op.create_index("rm_term_marks_class_group", "rm_term_marks", ["class_group_id"])
    op.create_table("rm_final_marks", sa.Column("id", UUID(as_uuid=False), primary_key=True),
                    *ids("school_id", "student_id", "subject_id", "class_group_id"),
                    sa.Column("kind", sa.Text, nullable=False), sa.Column("value", sa.Text, nullable=False),
                    text("special"))
    op.create_index("rm_final_marks_class_group", "rm_final_marks", ["class_group_id"])
    op.create_table("rm_year_closings", sa.Column("school_id", UUID(as_uuid=False), primary_key=True),
                    sa.Column("academic_year_id", UUID(as_uuid=False), primary_key=True), text("name"),
                    sa.Column("class_group_ids", ARRAY(UUID(as_uuid=False)), nullable=False, server_default="{}"),
                    sa.Column("schedule_closed", sa.Boolean, nullable=False, server_default=sa.false()),
                    sa.Column("journal_closed", sa.Boolean, nullable=False, server_default=sa.false()),
                    sa.Column("ready_at", sa.DateTime(timezone=True)))
    for table in ("rm_terms", "rm_term_marks", "rm_final_marks", "rm_year_closings"):
        tenant_rls(op, table)
