"""Read-model tables of the reporting service, filled only from other services' events."""
import sqlalchemy as sa
from sqlalchemy.dialects.postgresql import UUID

from services.common.schema import messaging_tables

metadata = sa.MetaData()
outbox, inbox = messaging_tables(metadata)


def _school_id() -> sa.Column:
    return sa.Column("school_id", UUID(as_uuid=False), nullable=False)


academic_years = sa.Table(
    "rm_academic_years", metadata,
    sa.Column("id", UUID(as_uuid=False), primary_key=True),
    _school_id(),
    sa.Column("name", sa.Text, nullable=False, server_default=""),
)
class_groups = sa.Table(
    "rm_class_groups", metadata,
    sa.Column("id", UUID(as_uuid=False), primary_key=True),
    _school_id(),
    sa.Column("name", sa.Text, nullable=False, server_default=""),
    sa.Column("academic_year_id", UUID(as_uuid=False)),
)
subjects = sa.Table(
    "rm_subjects", metadata,
    sa.Column("id", UUID(as_uuid=False), primary_key=True),
    _school_id(),
    sa.Column("name", sa.Text, nullable=False, server_default=""),
)
students = sa.Table(
    "rm_students", metadata,
    sa.Column("id", UUID(as_uuid=False), primary_key=True),
    _school_id(),
    sa.Column("full_name", sa.Text, nullable=False, server_default=""),
    sa.Column("class_group_id", UUID(as_uuid=False)),
    sa.Index("rm_students_class_group", "class_group_id"),
)
marks = sa.Table(
    "rm_marks", metadata,
    sa.Column("mark_id", UUID(as_uuid=False), primary_key=True),
    _school_id(),
    sa.Column("student_id", UUID(as_uuid=False), nullable=False),
    sa.Column("subject_id", UUID(as_uuid=False), nullable=False),
    sa.Column("class_group_id", UUID(as_uuid=False), nullable=False),
    sa.Column("lesson_date", sa.Date, nullable=False),
    sa.Column("value", sa.Text, nullable=False),
    sa.Column("work_type", sa.Text, nullable=False, server_default=""),
    sa.Index("rm_marks_class_group", "class_group_id"),
)
