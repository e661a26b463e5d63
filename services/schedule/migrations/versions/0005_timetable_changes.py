"""Timetable entries in force for a period (changes from a date); lessons the journal has records for.

Revision ID: 0005
"""
import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects.postgresql import UUID

from services.common.schema import tenant_rls

revision = "0005"
down_revision = "0004"


def upgrade() -> None:
    op.add_column("timetable_entries", sa.Column("starts_on", sa.Date))
    op.add_column("timetable_entries", sa.Column("ends_before", sa.Date))
    op.create_check_constraint("timetable_entries_period", "timetable_entries",
                               "starts_on IS NULL OR ends_before IS NULL OR starts_on <= ends_before")
    # a replaced entry and its replacement share a slot in different periods: clashes are checked in code, under
    # the year's row lock, with the periods in mind
    op.drop_constraint("timetable_entries_class_slot", "timetable_entries", type_="unique")
    op.drop_constraint("timetable_entries_academic_year_id_teacher_id_weekday_lesso_key", "timetable_entries",
                       type_="unique")  # the name PostgreSQL gave it, cut to 63 characters
    op.create_index("timetable_entries_slot", "timetable_entries", ["academic_year_id", "weekday", "lesson_number"])
    # fed by the journal's events: a lesson listed here has marks, attendance, a topic or homework
    op.create_table(
        "recorded_lessons", sa.Column("school_id", UUID(as_uuid=False), nullable=False),
        sa.Column("lesson_id", UUID(as_uuid=False), primary_key=True),
        sa.Column("first_recorded_at", sa.DateTime(timezone=True), nullable=False, server_default=sa.func.now()),
    )
    tenant_rls(op, "recorded_lessons")


def downgrade() -> None:
    op.drop_table("recorded_lessons")
    op.drop_index("timetable_entries_slot", "timetable_entries")
    op.execute("DELETE FROM lessons WHERE timetable_entry_id IN "
               "(SELECT id FROM timetable_entries WHERE starts_on IS NOT NULL)")
    op.execute("DELETE FROM timetable_entries WHERE starts_on IS NOT NULL")
    op.execute("ALTER TABLE timetable_entries ADD CONSTRAINT timetable_entries_class_slot "
               "UNIQUE NULLS NOT DISTINCT (class_group_id, subgroup_id, weekday, lesson_number)")
    op.create_unique_constraint("timetable_entries_academic_year_id_teacher_id_weekday_lesso_key",
                                "timetable_entries", ["academic_year_id", "teacher_id", "weekday", "lesson_number"])
    op.drop_constraint("timetable_entries_period", "timetable_entries", type_="check")
    op.drop_column("timetable_entries", "ends_before")
    op.drop_column("timetable_entries", "starts_on")
