"""Annual, exam and final marks of a student's subject in an academic year (J7) and the per-student plan: home
schooling (period marks only) and subjects the student does not study (J9); the ledger records both.

Revision ID: 0005
"""
import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects.postgresql import ARRAY, UUID

from services.common.schema import tenant_rls

revision = "0005"
down_revision = "0004"

LEDGER_ENTITIES = ("mark", "attendance", "topic", "homework", "term_mark", "unlock_request", "policy", "work_type",
                   "final_mark", "student_plan")


def uuid_column(name: str, nullable: bool = False, **kw) -> sa.Column:
    return sa.Column(name, UUID(as_uuid=False), nullable=nullable, **kw)


def upgrade() -> None:
    op.create_table(
        "final_marks",
        uuid_column("id", primary_key=True), uuid_column("school_id"), uuid_column("student_id"),
        uuid_column("subject_id"), uuid_column("academic_year_id"), uuid_column("class_group_id"),
        sa.Column("kind", sa.Text, nullable=False),
        sa.Column("value", sa.Text, nullable=False),
        uuid_column("set_by"),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.UniqueConstraint("school_id", "student_id", "subject_id", "academic_year_id", "kind"),
        sa.CheckConstraint("kind IN ('annual', 'exam', 'final')", name="final_marks_kind"),
        sa.CheckConstraint("value IN ('1', '2', '3', '4', '5', 'ОСВ', 'Н/А')", name="final_marks_value"),
    )
    op.create_index("final_marks_class_group", "final_marks", ["school_id", "class_group_id", "subject_id"])
    op.create_table(
        "student_plans",
        uuid_column("school_id", primary_key=True), uuid_column("student_id", primary_key=True),
        sa.Column("home_schooled", sa.Boolean, nullable=False),
        sa.Column("excluded_subject_ids", ARRAY(UUID(as_uuid=False)), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
    )
    for table in ("final_marks", "student_plans"):
        tenant_rls(op, table)
    op.drop_constraint("ledger_entity", "ledger", type_="check")
    op.create_check_constraint("ledger_entity", "ledger", "entity IN ({})".format(
        ", ".join(f"'{e}'" for e in LEDGER_ENTITIES)))
