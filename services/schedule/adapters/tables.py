"""Tables of the schedule database (SQLAlchemy Core); every one but the messaging tables is per school."""
import uuid

import sqlalchemy as sa
from sqlalchemy.dialects.postgresql import ARRAY, JSONB, UUID

from services.common.schema import messaging_tables

metadata = sa.MetaData()


def new_id() -> str:
    """The id of a new row."""
    return str(uuid.uuid4())


def _id() -> sa.Column:
    return sa.Column("id", UUID(as_uuid=False), primary_key=True)


def _school() -> sa.Column:
    return sa.Column("school_id", UUID(as_uuid=False), nullable=False)


academic_years = sa.Table(
    "academic_years", metadata, _id(), _school(),
    sa.Column("name", sa.Text, nullable=False),
    sa.Column("start_date", sa.Date, nullable=False),
    sa.Column("end_date", sa.Date, nullable=False),
    sa.Column("status", sa.Text, nullable=False),
)

terms = sa.Table(
    "terms", metadata, _id(), _school(),
    sa.Column("academic_year_id", UUID(as_uuid=False), nullable=False),
    sa.Column("name", sa.Text, nullable=False),
    sa.Column("kind", sa.Text, nullable=False),
    sa.Column("start_date", sa.Date, nullable=False),
    sa.Column("end_date", sa.Date, nullable=False),
    sa.Column("grade_from", sa.Integer, nullable=False, server_default="0"),  # 0 and 0: every grade
    sa.Column("grade_to", sa.Integer, nullable=False, server_default="0"),
)

class_groups = sa.Table(
    "class_groups", metadata, _id(), _school(),
    sa.Column("academic_year_id", UUID(as_uuid=False), nullable=False),
    sa.Column("grade", sa.Integer, nullable=False),
    sa.Column("name", sa.Text, nullable=False),
    sa.Column("profile_id", UUID(as_uuid=False)),  # the curriculum profile the class follows, if any
)

subjects = sa.Table(
    "subjects", metadata, _id(), _school(),
    sa.Column("name", sa.Text, nullable=False),
)

teaching_assignments = sa.Table(
    "teaching_assignments", metadata, _id(), _school(),
    sa.Column("teacher_id", UUID(as_uuid=False), nullable=False),
    sa.Column("subject_id", UUID(as_uuid=False), nullable=False),
    sa.Column("class_group_id", UUID(as_uuid=False), nullable=False),
    sa.Column("subgroup_id", UUID(as_uuid=False)),  # None: the whole class group
    sa.Index("teaching_assignments_class_group", "class_group_id", "subject_id"),
)

timetable_entries = sa.Table(
    "timetable_entries", metadata, _id(), _school(),
    sa.Column("academic_year_id", UUID(as_uuid=False), nullable=False),
    sa.Column("class_group_id", UUID(as_uuid=False), nullable=False),
    sa.Column("subject_id", UUID(as_uuid=False), nullable=False),
    sa.Column("teacher_id", UUID(as_uuid=False), nullable=False),
    sa.Column("weekday", sa.Integer, nullable=False),
    sa.Column("lesson_number", sa.Integer, nullable=False),
    sa.Column("starts_at", sa.Time, nullable=False),
    sa.Column("ends_at", sa.Time, nullable=False),
    sa.Column("room", sa.Text, nullable=False),
    sa.Column("subgroup_id", UUID(as_uuid=False)),
    sa.Column("room_id", UUID(as_uuid=False)),
    sa.Column("bell_schedule_id", UUID(as_uuid=False)),
    sa.Column("starts_on", sa.Date),    # in force from (None: the whole year)
    sa.Column("ends_before", sa.Date),  # no longer in force from (None: to the end of the year)
    sa.Column("draft", sa.Boolean, nullable=False, server_default=sa.false()),  # makes no lessons until published
)

lessons = sa.Table(
    "lessons", metadata, _id(), _school(),
    sa.Column("timetable_entry_id", UUID(as_uuid=False), nullable=False),
    sa.Column("term_id", UUID(as_uuid=False), nullable=False),
    sa.Column("class_group_id", UUID(as_uuid=False), nullable=False),
    sa.Column("subject_id", UUID(as_uuid=False), nullable=False),
    sa.Column("teacher_id", UUID(as_uuid=False), nullable=False),
    sa.Column("date", sa.Date, nullable=False),
    sa.Column("lesson_number", sa.Integer, nullable=False),
    sa.Column("starts_at", sa.Time, nullable=False),
    sa.Column("ends_at", sa.Time, nullable=False),
    sa.Column("status", sa.Text, nullable=False, server_default="scheduled"),  # scheduled | cancelled
    sa.Column("subgroup_id", UUID(as_uuid=False)),
    sa.Column("substitute_teacher_id", UUID(as_uuid=False)),
    sa.Column("room", sa.Text, nullable=False, server_default=""),
    sa.Column("moved_from_date", sa.Date),
    sa.Column("change_note", sa.Text, nullable=False, server_default=""),
)

holidays = sa.Table(
    "holidays", metadata, _id(), _school(),
    sa.Column("academic_year_id", UUID(as_uuid=False), nullable=False),
    sa.Column("name", sa.Text, nullable=False),
    sa.Column("start_date", sa.Date, nullable=False),
    sa.Column("end_date", sa.Date, nullable=False),
)

day_transfers = sa.Table(
    "day_transfers", metadata, _id(), _school(),
    sa.Column("academic_year_id", UUID(as_uuid=False), nullable=False),
    sa.Column("date", sa.Date, nullable=False),
    sa.Column("works_as_weekday", sa.Integer, nullable=False),  # 1..6, 0 = day off
)

schedule_policy = sa.Table(
    "schedule_policy", metadata,
    sa.Column("school_id", UUID(as_uuid=False), primary_key=True),
    sa.Column("key", sa.Text, primary_key=True),
    sa.Column("value", sa.Text, nullable=False),
)

calendar_feeds = sa.Table(
    "calendar_feeds", metadata, _id(), _school(),
    sa.Column("token_hash", sa.Text, nullable=False),  # SHA-256 of the secret token, hex
    sa.Column("owner_subject", sa.Text, nullable=False),
    sa.Column("class_group_id", UUID(as_uuid=False)),
    sa.Column("teacher_id", UUID(as_uuid=False)),
    sa.Column("created_at", sa.DateTime(timezone=True), nullable=False, server_default=sa.func.now()),
    sa.Column("revoked_at", sa.DateTime(timezone=True)),
)

curriculum_hours = sa.Table(
    "curriculum_hours", metadata, _id(), _school(),
    sa.Column("class_group_id", UUID(as_uuid=False), nullable=False),
    sa.Column("subject_id", UUID(as_uuid=False), nullable=False),
    sa.Column("hours_per_week", sa.Numeric(4, 2), nullable=False),
)

curriculum_profiles = sa.Table(  # a profile of a year for some grades, with its standard weekly hours
    "curriculum_profiles", metadata, _id(), _school(),
    sa.Column("academic_year_id", UUID(as_uuid=False), nullable=False),
    sa.Column("name", sa.Text, nullable=False),
    sa.Column("grade_from", sa.Integer, nullable=False),
    sa.Column("grade_to", sa.Integer, nullable=False),
)

profile_hours = sa.Table(
    "profile_hours", metadata, _id(), _school(),
    sa.Column("profile_id", UUID(as_uuid=False), nullable=False),
    sa.Column("subject_id", UUID(as_uuid=False), nullable=False),
    sa.Column("hours_per_week", sa.Numeric(4, 2), nullable=False),
)

plan_topics = sa.Table(
    "plan_topics", metadata, _id(), _school(),
    sa.Column("class_group_id", UUID(as_uuid=False), nullable=False),
    sa.Column("subject_id", UUID(as_uuid=False), nullable=False),
    sa.Column("position", sa.Integer, nullable=False),
    sa.Column("title", sa.Text, nullable=False),
    sa.Column("hours", sa.Numeric(5, 2), nullable=False),
)

subgroups = sa.Table(
    "subgroups", metadata, _id(), _school(),
    sa.Column("class_group_id", UUID(as_uuid=False), nullable=False),
    sa.Column("name", sa.Text, nullable=False),
)

subgroup_students = sa.Table(
    "subgroup_students", metadata, _school(),
    sa.Column("subgroup_id", UUID(as_uuid=False), primary_key=True),
    sa.Column("student_id", UUID(as_uuid=False), primary_key=True),
)

rooms = sa.Table(
    "rooms", metadata, _id(), _school(),
    sa.Column("name", sa.Text, nullable=False),
)

bell_schedules = sa.Table(
    "bell_schedules", metadata, _id(), _school(),
    sa.Column("name", sa.Text, nullable=False),
)

bell_periods = sa.Table(
    "bell_periods", metadata, _school(),
    sa.Column("bell_schedule_id", UUID(as_uuid=False), primary_key=True),
    sa.Column("lesson_number", sa.Integer, primary_key=True),
    sa.Column("starts_at", sa.Time, nullable=False),
    sa.Column("ends_at", sa.Time, nullable=False),
)

mismatch_reports = sa.Table(
    "mismatch_reports", metadata, _id(), _school(),
    sa.Column("lesson_id", UUID(as_uuid=False), nullable=False),
    sa.Column("reporter_id", UUID(as_uuid=False), nullable=False),
    sa.Column("message", sa.Text, nullable=False),
    sa.Column("status", sa.Text, nullable=False, server_default="open"),  # open | resolved
    sa.Column("resolution", sa.Text, nullable=False, server_default=""),
    sa.Column("created_at", sa.DateTime(timezone=True), nullable=False, server_default=sa.func.now()),
    sa.Column("resolved_at", sa.DateTime(timezone=True)),
)

recorded_lessons = sa.Table(  # lessons the journal has records for (fed by its events)
    "recorded_lessons", metadata, _school(),
    sa.Column("lesson_id", UUID(as_uuid=False), primary_key=True),
    sa.Column("first_recorded_at", sa.DateTime(timezone=True), nullable=False, server_default=sa.func.now()),
)

year_transitions = sa.Table(  # the next year opened from a year (OpenNextYear), once per source year
    "year_transitions", metadata, _school(),
    sa.Column("source_year_id", UUID(as_uuid=False), primary_key=True),
    sa.Column("target_year_id", UUID(as_uuid=False), nullable=False),
    sa.Column("successions", JSONB, nullable=False),  # [{"source_class_group_id", "class_group_id"}]
)

school_events = sa.Table(  # the school's and classes' events (0011): cancelled, never deleted
    "school_events", metadata, _id(), _school(),
    sa.Column("title", sa.Text, nullable=False),
    sa.Column("kind", sa.Text, nullable=False),
    sa.Column("date", sa.Date, nullable=False),
    sa.Column("starts_at", sa.Time),
    sa.Column("ends_at", sa.Time),
    sa.Column("place", sa.Text, nullable=False, server_default=""),
    sa.Column("description", sa.Text, nullable=False, server_default=""),
    sa.Column("audience_scope", sa.Text, nullable=False, server_default="school"),  # school | grades | class_groups
    sa.Column("audience_grades", ARRAY(sa.Integer), nullable=False, server_default="{}"),
    sa.Column("audience_class_group_ids", ARRAY(UUID(as_uuid=False)), nullable=False, server_default="{}"),
    sa.Column("audience_people", sa.Text, nullable=False, server_default="everyone"),  # everyone | families | staff
    sa.Column("status", sa.Text, nullable=False, server_default="scheduled"),  # scheduled | cancelled
    sa.Column("cancel_reason", sa.Text, nullable=False, server_default=""),
    sa.Column("revision", sa.Integer, nullable=False, server_default="0"),  # +1 on every change (iCalendar SEQUENCE)
    sa.Column("created_by", sa.Text, nullable=False),  # the person id of who created it
    sa.Column("created_at", sa.DateTime(timezone=True), nullable=False, server_default=sa.func.now()),
    sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False, server_default=sa.func.now()),
)

outbox, inbox = messaging_tables(metadata)
