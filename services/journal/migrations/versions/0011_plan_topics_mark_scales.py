"""The lesson's topic from the class group's thematic plan (J1, S3), and marks on the school's scale (J2):
five-point, ten-point or pass/fail.

Revision ID: 0011
"""
import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects.postgresql import UUID

revision = "0011"
down_revision = "0010"

LEDGER_ENTITIES = ("mark", "attendance", "topic", "homework", "term_mark", "unlock_request", "policy", "work_type",
                   "final_mark", "student_plan", "attachment", "plan_topic")
MARKS = "'1', '2', '3', '4', '5', '6', '7', '8', '9', '10', 'зачёт', 'незачёт'"


def upgrade() -> None:
    op.add_column("lesson_records", sa.Column("plan_topic_id", UUID(as_uuid=False), nullable=True))
    op.drop_constraint("ledger_entity", "ledger", type_="check")
    op.create_check_constraint("ledger_entity", "ledger", "entity IN ({})".format(
        ", ".join(f"'{e}'" for e in LEDGER_ENTITIES)))
    op.drop_constraint("marks_value", "marks", type_="check")
    op.create_check_constraint("marks_value", "marks", f"value IN ({MARKS})")
    for table in ("term_marks", "final_marks"):
        op.drop_constraint(f"{table}_value", table, type_="check")
        op.create_check_constraint(f"{table}_value", table, f"value IN ({MARKS}, 'ОСВ', 'Н/А')")
