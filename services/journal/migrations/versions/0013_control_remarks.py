"""The deputy head's remarks to teachers on how they keep the journal, and the teachers' answers (R1, seed 000
§3.5.5): two append-only tables, a remark and its one answer (the answer's primary key is the remark's, so a remark
is answered once); the ledger learns the entity control_remark.

Revision ID: 0013
"""
import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects.postgresql import UUID

from services.common.schema import tenant_rls

revision = "0013"
down_revision = "0012"

LEDGER_ENTITIES = ("mark", "attendance", "topic", "homework", "term_mark", "unlock_request", "policy", "work_type",
                   "final_mark", "student_plan", "attachment", "plan_topic", "control_remark")


def uuid_column(name: str, nullable: bool = False, **kw) -> sa.Column:
    return sa.Column(name, UUID(as_uuid=False), nullable=nullable, **kw)


def upgrade() -> None:
    op.create_table(
        "control_remarks",
        uuid_column("school_id", primary_key=True),
        uuid_column("id", primary_key=True),
        uuid_column("author_id", nullable=True),  # the account may have no person card
        uuid_column("teacher_id"),
        uuid_column("class_group_id", nullable=True),
        uuid_column("subject_id", nullable=True),
        uuid_column("lesson_id", nullable=True),
        sa.Column("text", sa.Text, nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        comment="append-only remarks of the deputy head to teachers on how they keep the journal",
    )
    op.create_index("control_remarks_teacher", "control_remarks", ["school_id", "teacher_id", "created_at"])
    op.create_table(
        "control_remark_answers",
        uuid_column("school_id", primary_key=True),
        uuid_column("remark_id", primary_key=True),
        sa.Column("answer", sa.Text, nullable=False),
        sa.Column("answered_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(["school_id", "remark_id"], ["control_remarks.school_id", "control_remarks.id"]),
        comment="append-only answers of teachers to the remarks addressed to them, one per remark",
    )
    for table in ("control_remarks", "control_remark_answers"):
        tenant_rls(op, table)
    op.drop_constraint("ledger_entity", "ledger", type_="check")
    op.create_check_constraint("ledger_entity", "ledger", "entity IN ({})".format(
        ", ".join(f"'{e}'" for e in LEDGER_ENTITIES)))
