"""Subgroups with their students; rooms and bell schedules; single-lesson changes (substitute, move, note);
date-mismatch reports.

Revision ID: 0004
"""
import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects.postgresql import UUID

from services.common.schema import tenant_rls

revision = "0004"
down_revision = "0003"

TENANT_TABLES = ("subgroups", "subgroup_students", "rooms", "bell_schedules", "bell_periods", "mismatch_reports")


def uuid_column(name: str, **kw) -> sa.Column:
    return sa.Column(name, UUID(as_uuid=False), nullable=False, **kw)


def ref(name: str, table: str, nullable: bool = False) -> sa.Column:
    return sa.Column(name, UUID(as_uuid=False), sa.ForeignKey(f"{table}.id"), nullable=nullable)


def upgrade() -> None:
    op.create_table(
        "subgroups", uuid_column("id", primary_key=True), uuid_column("school_id"),
        ref("class_group_id", "class_groups"),
        sa.Column("name", sa.Text, nullable=False),
    )
    op.execute("CREATE UNIQUE INDEX subgroups_name ON subgroups (class_group_id, lower(name))")
    op.create_table(
        "subgroup_students", uuid_column("school_id"), ref("subgroup_id", "subgroups"), uuid_column("student_id"),
        sa.PrimaryKeyConstraint("subgroup_id", "student_id"),
    )
    op.create_table(
        "rooms", uuid_column("id", primary_key=True), uuid_column("school_id"),
        sa.Column("name", sa.Text, nullable=False),
    )
    op.execute("CREATE UNIQUE INDEX rooms_name ON rooms (school_id, lower(name))")
    op.create_table(
        "bell_schedules", uuid_column("id", primary_key=True), uuid_column("school_id"),
        sa.Column("name", sa.Text, nullable=False),
    )
    op.execute("CREATE UNIQUE INDEX bell_schedules_name ON bell_schedules (school_id, lower(name))")
    op.create_table(
        "bell_periods", uuid_column("school_id"), ref("bell_schedule_id", "bell_schedules"),
        sa.Column("lesson_number", sa.Integer, nullable=False),
        sa.Column("starts_at", sa.Time, nullable=False),
        sa.Column("ends_at", sa.Time, nullable=False),
        sa.PrimaryKeyConstraint("bell_schedule_id", "lesson_number"),
        sa.CheckConstraint("lesson_number BETWEEN 1 AND 10", name="bell_periods_lesson_number"),
        sa.CheckConstraint("starts_at < ends_at", name="bell_periods_times"),
    )
    op.create_table(
        "mismatch_reports", uuid_column("id", primary_key=True), uuid_column("school_id"),
        ref("lesson_id", "lessons"), uuid_column("reporter_id"),
        sa.Column("message", sa.Text, nullable=False),
        sa.Column("status", sa.Text, nullable=False, server_default="open"),
        sa.Column("resolution", sa.Text, nullable=False, server_default=""),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False, server_default=sa.func.now()),
        sa.Column("resolved_at", sa.DateTime(timezone=True)),
        sa.CheckConstraint("status IN ('open', 'resolved')", name="mismatch_reports_status"),
    )
    op.create_index("mismatch_reports_status", "mismatch_reports", ["school_id", "status", "created_at"])
    for table in TENANT_TABLES:
        tenant_rls(op, table)

    op.add_column("teaching_assignments", ref("subgroup_id", "subgroups", nullable=True))
    op.drop_constraint("teaching_assignments_teacher_id_subject_id_class_group_id_key", "teaching_assignments",
                       type_="unique")
    op.execute("ALTER TABLE teaching_assignments ADD CONSTRAINT teaching_assignments_key "
               "UNIQUE NULLS NOT DISTINCT (teacher_id, subject_id, class_group_id, subgroup_id)")

    op.add_column("timetable_entries", ref("subgroup_id", "subgroups", nullable=True))
    op.add_column("timetable_entries", ref("room_id", "rooms", nullable=True))
    op.add_column("timetable_entries", ref("bell_schedule_id", "bell_schedules", nullable=True))
    # two subgroups of one class may share a slot; the whole class and its subgroup may not (checked in code,
    # under the year's row lock)
    op.drop_constraint("timetable_entries_class_group_id_weekday_lesson_number_key", "timetable_entries",
                       type_="unique")
    op.execute("ALTER TABLE timetable_entries ADD CONSTRAINT timetable_entries_class_slot "
               "UNIQUE NULLS NOT DISTINCT (class_group_id, subgroup_id, weekday, lesson_number)")

    op.add_column("lessons", ref("subgroup_id", "subgroups", nullable=True))
    op.add_column("lessons", sa.Column("substitute_teacher_id", UUID(as_uuid=False)))
    op.add_column("lessons", sa.Column("room", sa.Text, nullable=False, server_default=""))
    op.add_column("lessons", sa.Column("moved_from_date", sa.Date))
    op.add_column("lessons", sa.Column("change_note", sa.Text, nullable=False, server_default=""))
    op.drop_index("lessons_class_slot", "lessons")
    op.execute("CREATE UNIQUE INDEX lessons_class_slot ON lessons (class_group_id, subgroup_id, date, lesson_number) "
               "NULLS NOT DISTINCT WHERE status = 'scheduled'")
    op.create_index("lessons_substitute", "lessons", ["substitute_teacher_id", "date"])
    # existing lessons take their room from their entry (the owner reads every school's rows here only)
    op.execute("ALTER TABLE lessons NO FORCE ROW LEVEL SECURITY")
    op.execute("UPDATE lessons SET room = e.room FROM timetable_entries e WHERE e.id = lessons.timetable_entry_id")
    op.execute("ALTER TABLE lessons FORCE ROW LEVEL SECURITY")


def downgrade() -> None:
    op.drop_table("mismatch_reports")
    op.drop_index("lessons_substitute", "lessons")
    op.drop_index("lessons_class_slot", "lessons")
    op.execute("DELETE FROM lessons WHERE subgroup_id IS NOT NULL")
    op.execute("CREATE UNIQUE INDEX lessons_class_slot ON lessons (class_group_id, date, lesson_number) "
               "WHERE status = 'scheduled'")
    for column in ("change_note", "moved_from_date", "room", "substitute_teacher_id"):
        op.drop_column("lessons", column)
    op.drop_constraint("timetable_entries_class_slot", "timetable_entries", type_="unique")
    op.execute("DELETE FROM timetable_entries WHERE subgroup_id IS NOT NULL")
    op.create_unique_constraint("timetable_entries_class_group_id_weekday_lesson_number_key", "timetable_entries",
                                ["class_group_id", "weekday", "lesson_number"])
    for column in ("bell_schedule_id", "room_id", "subgroup_id"):
        op.drop_column("timetable_entries", column)
    op.drop_constraint("teaching_assignments_key", "teaching_assignments", type_="unique")
    op.execute("DELETE FROM teaching_assignments WHERE subgroup_id IS NOT NULL")
    op.create_unique_constraint("teaching_assignments_teacher_id_subject_id_class_group_id_key",
                                "teaching_assignments", ["teacher_id", "subject_id", "class_group_id"])
    op.drop_column("teaching_assignments", "subgroup_id")
    op.drop_column("lessons", "subgroup_id")
    for table in reversed(TENANT_TABLES[:-1]):
        op.drop_table(table)
