"""Schedule tables: academic years, terms, class groups, subjects, assignments, timetable, lessons.

Revision ID: 0001
"""
import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects.postgresql import UUID

from services.common.schema import create_messaging, tenant_rls

revision = "0001"
down_revision = None

TENANT_TABLES = ("academic_years", "terms", "class_groups", "subjects", "teaching_assignments",
                 "timetable_entries", "lessons")


def uuid_column(name: str, **kw) -> sa.Column:
    return sa.Column(name, UUID(as_uuid=False), nullable=False, **kw)


def ref(name: str, table: str) -> sa.Column:
    return sa.Column(name, UUID(as_uuid=False), sa.ForeignKey(f"{table}.id"), nullable=False)


def upgrade() -> None:
    op.create_table(
        "academic_years", uuid_column("id", primary_key=True), uuid_column("school_id"),
        sa.Column("name", sa.Text, nullable=False),
        sa.Column("start_date", sa.Date, nullable=False),
        sa.Column("end_date", sa.Date, nullable=False),
        sa.Column("status", sa.Text, nullable=False),
        sa.UniqueConstraint("school_id", "name"),
        sa.CheckConstraint("status IN ('open', 'closed')", name="academic_years_status"),
        sa.CheckConstraint("start_date < end_date", name="academic_years_dates"),
    )
    op.create_table(
        "terms", uuid_column("id", primary_key=True), uuid_column("school_id"),
        ref("academic_year_id", "academic_years"),
        sa.Column("name", sa.Text, nullable=False),
        sa.Column("kind", sa.Text, nullable=False),
        sa.Column("start_date", sa.Date, nullable=False),
        sa.Column("end_date", sa.Date, nullable=False),
        sa.CheckConstraint("kind IN ('quarter', 'half_year', 'trimester', 'semester')", name="terms_kind"),
        sa.CheckConstraint("start_date < end_date", name="terms_dates"),
    )
    op.create_index("terms_year", "terms", ["academic_year_id", "start_date"])
    op.create_table(
        "class_groups", uuid_column("id", primary_key=True), uuid_column("school_id"),
        ref("academic_year_id", "academic_years"),
        sa.Column("grade", sa.Integer, nullable=False),
        sa.Column("name", sa.Text, nullable=False),
        sa.UniqueConstraint("academic_year_id", "name"),
        sa.CheckConstraint("grade BETWEEN 1 AND 11", name="class_groups_grade"),
    )
    op.create_table(
        "subjects", uuid_column("id", primary_key=True), uuid_column("school_id"),
        sa.Column("name", sa.Text, nullable=False),
    )
    op.execute("CREATE UNIQUE INDEX subjects_name ON subjects (school_id, lower(name))")
    op.create_table(
        "teaching_assignments", uuid_column("id", primary_key=True), uuid_column("school_id"),
        uuid_column("teacher_id"), ref("subject_id", "subjects"), ref("class_group_id", "class_groups"),
        sa.UniqueConstraint("teacher_id", "subject_id", "class_group_id"),
    )
    op.create_table(
        "timetable_entries", uuid_column("id", primary_key=True), uuid_column("school_id"),
        ref("academic_year_id", "academic_years"), ref("class_group_id", "class_groups"),
        ref("subject_id", "subjects"), uuid_column("teacher_id"),
        sa.Column("weekday", sa.Integer, nullable=False),
        sa.Column("lesson_number", sa.Integer, nullable=False),
        sa.Column("starts_at", sa.Time, nullable=False),
        sa.Column("ends_at", sa.Time, nullable=False),
        sa.Column("room", sa.Text, nullable=False),
        sa.UniqueConstraint("class_group_id", "weekday", "lesson_number"),
        sa.UniqueConstraint("academic_year_id", "teacher_id", "weekday", "lesson_number"),
        sa.CheckConstraint("weekday BETWEEN 1 AND 6", name="timetable_entries_weekday"),
        sa.CheckConstraint("lesson_number BETWEEN 1 AND 10", name="timetable_entries_lesson_number"),
        sa.CheckConstraint("starts_at < ends_at", name="timetable_entries_times"),
    )
    op.create_table(
        "lessons", uuid_column("id", primary_key=True), uuid_column("school_id"),
        ref("timetable_entry_id", "timetable_entries"), ref("term_id", "terms"),
        ref("class_group_id", "class_groups"), ref("subject_id", "subjects"), uuid_column("teacher_id"),
        sa.Column("date", sa.Date, nullable=False),
        sa.Column("lesson_number", sa.Integer, nullable=False),
        sa.Column("starts_at", sa.Time, nullable=False),
        sa.Column("ends_at", sa.Time, nullable=False),
        sa.UniqueConstraint("class_group_id", "date", "lesson_number"),
    )
    op.create_index("lessons_teacher", "lessons", ["teacher_id", "date", "lesson_number"])
    for table in TENANT_TABLES:
        tenant_rls(op, table)
    create_messaging(op)

