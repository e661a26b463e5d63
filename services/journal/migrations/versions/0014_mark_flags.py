"""A family's flags of marks they believe wrong and the teachers' answers (seed 000 §3.10.3, 002 §4.3.2): two
append-only tables, a flag and its one answer (the answer's primary key is the flag's, so a flag is answered once).
The results of the whole diary read a student's attendance over a year: an index by student.

Revision ID: 0014
"""
import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects.postgresql import UUID

from services.common.schema import tenant_rls

revision = "0014"
down_revision = "0013"


def uuid_column(name: str, nullable: bool = False, **kw) -> sa.Column:
    return sa.Column(name, UUID(as_uuid=False), nullable=nullable, **kw)


def upgrade() -> None:
    op.create_table(
        "mark_flags",
        uuid_column("school_id", primary_key=True),
        uuid_column("id", primary_key=True),
        uuid_column("mark_id"),
        uuid_column("lesson_id"),
        uuid_column("student_id"),
        uuid_column("class_group_id"),
        uuid_column("subject_id"),
        sa.Column("subject_name", sa.Text, nullable=False),
        sa.Column("lesson_date", sa.Date, nullable=False),
        uuid_column("teacher_id"),  # who gave the mark: the lesson's substitute, else its teacher
        sa.Column("mark_value", sa.Text, nullable=False),  # the mark as it was when flagged
        sa.Column("work_type", sa.Text, nullable=False),
        sa.Column("text", sa.Text, nullable=False),
        uuid_column("author_id", nullable=True),
        sa.Column("author_role", sa.Text, nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.CheckConstraint("author_role IN ('guardian', 'student')", name="mark_flags_author_role"),
        comment="append-only flags of marks a guardian or the student believe wrong",
    )
    op.create_index("mark_flags_mark", "mark_flags", ["school_id", "mark_id"])
    op.create_index("mark_flags_lesson", "mark_flags", ["school_id", "lesson_id"])
    op.create_index("mark_flags_teacher", "mark_flags", ["school_id", "teacher_id", "created_at"])
    op.create_index("mark_flags_class_group", "mark_flags", ["school_id", "class_group_id", "created_at"])
    op.create_index("mark_flags_student", "mark_flags", ["school_id", "student_id", "created_at"])
    op.create_table(
        "mark_flag_answers",
        uuid_column("school_id", primary_key=True),
        uuid_column("flag_id", primary_key=True),
        sa.Column("answer", sa.Text, nullable=False),
        sa.Column("outcome", sa.Text, nullable=False),
        uuid_column("answered_by", nullable=True),  # the account may have no person card
        sa.Column("answered_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("value_after", sa.Text, nullable=False),  # the mark's value when answered, '' = removed
        sa.CheckConstraint("outcome IN ('explained', 'corrected')", name="mark_flag_answers_outcome"),
        sa.ForeignKeyConstraint(["school_id", "flag_id"], ["mark_flags.school_id", "mark_flags.id"]),
        comment="append-only answers to flags of marks, one per flag",
    )
    for table in ("mark_flags", "mark_flag_answers"):
        tenant_rls(op, table)
    op.create_index("attendance_student", "attendance", ["school_id", "student_id"])
