"""Read-model tables of the reporting service, filled only from other services' events."""
import sqlalchemy as sa
from sqlalchemy.dialects.postgresql import ARRAY, JSONB, UUID

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
    sa.Column("grade", sa.Integer),
)
terms = sa.Table(
    "rm_terms", metadata,
    sa.Column("id", UUID(as_uuid=False), primary_key=True),
    _school_id(),
    sa.Column("academic_year_id", UUID(as_uuid=False)),
    sa.Column("name", sa.Text, nullable=False, server_default=""),
    sa.Column("start_date", sa.Date),
    sa.Column("end_date", sa.Date),  # 0008; NULL = not told (a term stored before 0008)
    sa.Column("grade_from", sa.Integer, nullable=False, server_default="0"),
    sa.Column("grade_to", sa.Integer, nullable=False, server_default="0"),
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
    sa.Column("gender", sa.Text, nullable=False, server_default=""),  # male | female; "" = not told (0006)
    sa.Column("birth_date", sa.Date),  # NULL = not told (0013)
)
# A student's dated class memberships as identity's last movement event told them (each event replaces the
# student's rows): from date_from to date_to inclusive, NULL = since the class began / still there.
class_memberships = sa.Table(
    "rm_class_memberships", metadata,
    sa.Column("student_id", UUID(as_uuid=False), primary_key=True),
    sa.Column("position", sa.Integer, primary_key=True),  # oldest first
    _school_id(),
    sa.Column("class_group_id", UUID(as_uuid=False), nullable=False),
    sa.Column("date_from", sa.Date),
    sa.Column("date_to", sa.Date),
    sa.Index("rm_class_memberships_class_group", "class_group_id"),
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
    sa.Column("lesson_id", UUID(as_uuid=False)),  # 0016; NULL for a mark told before
    sa.Column("comment", sa.Text, nullable=False, server_default=""),  # 0016: the teacher's comment
    sa.Index("rm_marks_class_group", "class_group_id"),
)
term_marks = sa.Table(
    "rm_term_marks", metadata,
    sa.Column("id", UUID(as_uuid=False), primary_key=True),
    _school_id(),
    sa.Column("student_id", UUID(as_uuid=False), nullable=False),
    sa.Column("subject_id", UUID(as_uuid=False), nullable=False),
    sa.Column("term_id", UUID(as_uuid=False), nullable=False),
    sa.Column("class_group_id", UUID(as_uuid=False), nullable=False),
    sa.Column("value", sa.Text, nullable=False),
    sa.Column("special", sa.Text, nullable=False, server_default=""),
    sa.Index("rm_term_marks_class_group", "class_group_id"),
)
final_marks = sa.Table(
    "rm_final_marks", metadata,
    sa.Column("id", UUID(as_uuid=False), primary_key=True),
    _school_id(),
    sa.Column("student_id", UUID(as_uuid=False), nullable=False),
    sa.Column("subject_id", UUID(as_uuid=False), nullable=False),
    sa.Column("class_group_id", UUID(as_uuid=False), nullable=False),
    sa.Column("kind", sa.Text, nullable=False),  # annual | exam | final
    sa.Column("value", sa.Text, nullable=False),
    sa.Column("special", sa.Text, nullable=False, server_default=""),
    sa.Index("rm_final_marks_class_group", "class_group_id"),
)
# The year-end barrier: which of schedule's AcademicYearClosed and the journal's JournalYearClosed have arrived, and
# when ReportingYearReady was written (once both have).
year_closings = sa.Table(
    "rm_year_closings", metadata,
    sa.Column("school_id", UUID(as_uuid=False), primary_key=True),
    sa.Column("academic_year_id", UUID(as_uuid=False), primary_key=True),
    sa.Column("name", sa.Text, nullable=False, server_default=""),
    sa.Column("class_group_ids", ARRAY(UUID(as_uuid=False)), nullable=False, server_default="{}"),
    sa.Column("schedule_closed", sa.Boolean, nullable=False, server_default=sa.false()),
    sa.Column("journal_closed", sa.Boolean, nullable=False, server_default=sa.false()),
    sa.Column("ready_at", sa.DateTime(timezone=True)),
)
# The movement register (книга движения учащихся): the school's name, each order identity signed (immutable but
# for the cancelling order that names it later) and one line per student of it, as MovementOrderSigned and
# MovementOrderCancelled tell them.
schools = sa.Table(
    "rm_schools", metadata,
    sa.Column("school_id", UUID(as_uuid=False), primary_key=True),
    sa.Column("name", sa.Text, nullable=False, server_default=""),
)
movement_orders = sa.Table(
    "rm_movement_orders", metadata,
    sa.Column("id", UUID(as_uuid=False), primary_key=True),
    _school_id(),
    sa.Column("kind", sa.Text, nullable=False, server_default=""),  # enrolment | transfer | … | cancellation
    sa.Column("number", sa.Text, nullable=False, server_default=""),
    sa.Column("order_date", sa.Date),
    sa.Column("effective_date", sa.Date),
    sa.Column("reason", sa.Text, nullable=False, server_default=""),
    sa.Column("academic_year_id", UUID(as_uuid=False)),
    sa.Column("late", sa.Boolean, nullable=False, server_default=sa.false()),
    sa.Column("cancels_order_id", UUID(as_uuid=False)),
    sa.Column("cancelled_by_order_id", UUID(as_uuid=False)),
    sa.Index("rm_movement_orders_year", "academic_year_id"),
)
order_lines = sa.Table(
    "rm_order_lines", metadata,
    sa.Column("order_id", UUID(as_uuid=False), primary_key=True),
    sa.Column("position", sa.Integer, primary_key=True),
    _school_id(),
    sa.Column("student_id", UUID(as_uuid=False), nullable=False),
    sa.Column("student_name", sa.Text, nullable=False, server_default=""),
    sa.Column("from_class_group_id", UUID(as_uuid=False)),
    sa.Column("to_class_group_id", UUID(as_uuid=False)),
    sa.Column("debts", JSONB, nullable=False, server_default="[]"),  # [{subject_id, subject_name, deadline}]
    sa.Column("document", sa.Text, nullable=False, server_default=""),
    sa.Column("destination", sa.Text, nullable=False, server_default=""),
)
# The attendance sheet (0007): each (lesson, student)'s latest absence as the journal's AttendanceRecorded told it (a
# status changed back to present removes the row), and each lesson's subject as schedule's lesson events tell it.
attendance = sa.Table(
    "rm_attendance", metadata,
    sa.Column("school_id", UUID(as_uuid=False), primary_key=True),
    sa.Column("lesson_id", UUID(as_uuid=False), primary_key=True),
    sa.Column("student_id", UUID(as_uuid=False), primary_key=True),
    sa.Column("class_group_id", UUID(as_uuid=False), nullable=False),
    sa.Column("lesson_date", sa.Date, nullable=False),
    sa.Column("status", sa.Text, nullable=False),  # the journal's attendance kind: absent | late | ill | …
    sa.Index("rm_attendance_class_group", "class_group_id", "lesson_date"),
)
# A lesson as schedule's lesson events tell it (0008: its class, date, teacher and whether it was cancelled) and
# whether the journal has a record of it with a topic (TopicSet: the lesson was given). The journal's TopicSet may
# come first: then the row waits for schedule's event with its subject NULL.
lessons = sa.Table(
    "rm_lessons", metadata,
    sa.Column("id", UUID(as_uuid=False), primary_key=True),
    _school_id(),
    sa.Column("subject_id", UUID(as_uuid=False)),
    sa.Column("class_group_id", UUID(as_uuid=False)),
    sa.Column("lesson_date", sa.Date),
    sa.Column("teacher_id", UUID(as_uuid=False)),
    sa.Column("cancelled", sa.Boolean, nullable=False, server_default=sa.false()),
    sa.Column("recorded", sa.Boolean, nullable=False, server_default=sa.false()),
    sa.Column("subgroup_id", UUID(as_uuid=False)),  # 0009; NULL = the whole class (or told before 0009)
    sa.Column("recorded_at", sa.DateTime(timezone=True)),  # 0012: when the first TopicSet with a topic happened
    # 0016 (the weekly diaries): schedule's number, start and subgroup name; the journal's topic and homework texts
    sa.Column("lesson_number", sa.Integer),
    sa.Column("starts_at", sa.Time),
    sa.Column("subgroup_name", sa.Text, nullable=False, server_default=""),
    sa.Column("topic", sa.Text, nullable=False, server_default=""),
    sa.Column("homework", sa.Text, nullable=False, server_default=""),
    sa.Index("rm_lessons_class_group", "class_group_id", "lesson_date"),
)
# The school's settings the journal's JournalSettingsChanged tells (0008): its mark scale and work types with their
# weights; no row = the journal's defaults (five-point, services/common/mark_average.DEFAULTS).
school_settings = sa.Table(
    "rm_school_settings", metadata,
    sa.Column("school_id", UUID(as_uuid=False), primary_key=True),
    sa.Column("mark_scale", sa.Text, nullable=False, server_default="five_point"),
    sa.Column("work_types", JSONB, nullable=False, server_default="[]"),  # [{code, name, weight}]
)
# Reports formed in the background (0010): the request (kind, params), its progress and the formed file in the object
# store (`<school_id>/<job_id>/<filename>`) until expires_at; status queued | running | done | failed | expired.
report_jobs = sa.Table(
    "report_jobs", metadata,
    sa.Column("id", UUID(as_uuid=False), primary_key=True),
    _school_id(),
    sa.Column("kind", sa.Text, nullable=False),
    sa.Column("params", JSONB, nullable=False),
    sa.Column("params_key", sa.Text, nullable=False),
    sa.Column("status", sa.Text, nullable=False, server_default="queued"),
    sa.Column("done", sa.Integer, nullable=False, server_default="0"),
    sa.Column("total", sa.Integer, nullable=False, server_default="0"),
    sa.Column("attempts", sa.Integer, nullable=False, server_default="0"),
    sa.Column("reason", sa.Text, nullable=False, server_default=""),
    sa.Column("object_key", sa.Text, nullable=False, server_default=""),
    sa.Column("filename", sa.Text, nullable=False, server_default=""),
    sa.Column("media_type", sa.Text, nullable=False, server_default=""),
    sa.Column("size", sa.BigInteger, nullable=False, server_default="0"),
    sa.Column("requested_by", sa.Text, nullable=False),
    sa.Column("scheduled_for", sa.Date),
    sa.Column("created_at", sa.DateTime(timezone=True), nullable=False, server_default=sa.func.now()),
    sa.Column("heartbeat_at", sa.DateTime(timezone=True), nullable=False, server_default=sa.func.now()),
    sa.Column("finished_at", sa.DateTime(timezone=True)),
    sa.Column("expires_at", sa.DateTime(timezone=True)),
)
# The school's report schedule (0010, period_reports 0014, activity_weekday 0015); no row = the regulation's defaults
# (domain/report_schedule.py).
report_schedules = sa.Table(
    "report_schedules", metadata,
    sa.Column("school_id", UUID(as_uuid=False), primary_key=True),
    sa.Column("summary_sheets_day", sa.Integer, nullable=False),
    sa.Column("period_reports", sa.Boolean, nullable=False, server_default=sa.true()),
    sa.Column("activity_weekday", sa.SmallInteger, nullable=False, server_default="1"),
)
# The curriculum (0009): a class's weekly hours of a subject as schedule's CurriculumHoursSet told them last.
curriculum_hours = sa.Table(
    "rm_curriculum_hours", metadata,
    sa.Column("class_group_id", UUID(as_uuid=False), primary_key=True),
    sa.Column("subject_id", UUID(as_uuid=False), primary_key=True),
    _school_id(),
    sa.Column("hours_per_week", sa.Numeric(5, 2), nullable=False),
)
# The weekly user-activity report (0011): the school's staff as identity's events name them, and each actor's
# activity counted per day and kind (domain/user_activity.py).
staff = sa.Table(
    "rm_staff", metadata,
    sa.Column("id", UUID(as_uuid=False), primary_key=True),
    _school_id(),
    sa.Column("full_name", sa.Text, nullable=False, server_default=""),
    sa.Column("roles", ARRAY(sa.Text), nullable=False, server_default="{}"),
    sa.Column("subject", sa.Text),
)
activity = sa.Table(
    "rm_activity", metadata,
    sa.Column("school_id", UUID(as_uuid=False), primary_key=True),
    sa.Column("actor", sa.Text, primary_key=True),
    sa.Column("day", sa.Date, primary_key=True),
    sa.Column("kind", sa.Text, primary_key=True),
    sa.Column("count", sa.Integer, nullable=False),
)
# The municipal authority's aggregates (0012): a person's kind and whether their account is activated (identity's
# PersonRegistered and AccountActivated), the school's sealed archives (the archive's ArchiveSealed), the schools whose
# data changed since their aggregates were computed (version +1 on every event), and the aggregates themselves: one row
# per school × academic year name × period key × grade (0 = the whole school), counts and rates only.
person_accounts = sa.Table(
    "rm_person_accounts", metadata,
    sa.Column("person_id", UUID(as_uuid=False), primary_key=True),
    _school_id(),
    sa.Column("kind", sa.Text, nullable=False, server_default=""),
    sa.Column("activated", sa.Boolean, nullable=False, server_default=sa.false()),
)
sealed_archives = sa.Table(
    "rm_sealed_archives", metadata,
    sa.Column("archive_id", UUID(as_uuid=False), primary_key=True),
    _school_id(),
    sa.Column("academic_year_name", sa.Text, nullable=False, server_default=""),
)
aggregate_changes = sa.Table(
    "school_aggregate_changes", metadata,
    sa.Column("school_id", UUID(as_uuid=False), primary_key=True),
    sa.Column("version", sa.BigInteger, nullable=False, server_default="1"),
)
school_aggregates = sa.Table(
    "school_aggregates", metadata,
    sa.Column("school_id", UUID(as_uuid=False), primary_key=True),
    sa.Column("academic_year_name", sa.Text, primary_key=True),
    sa.Column("period_key", sa.Text, primary_key=True),
    sa.Column("grade", sa.Integer, primary_key=True),
    sa.Column("period_name", sa.Text, nullable=False, server_default=""),
    sa.Column("date_from", sa.Date),
    sa.Column("date_to", sa.Date),
    sa.Column("classes", sa.Integer, nullable=False, server_default="0"),
    sa.Column("students", sa.Integer, nullable=False, server_default="0"),
    sa.Column("categories", JSONB, nullable=False, server_default="{}"),
    sa.Column("quality", sa.Numeric(4, 1)),
    sa.Column("pass_rate", sa.Numeric(4, 1)),
    sa.Column("mark_sum", sa.Numeric(12, 2), nullable=False, server_default="0"),
    sa.Column("mark_count", sa.Integer, nullable=False, server_default="0"),
    sa.Column("average", sa.Numeric(4, 2)),
    sa.Column("lessons_missed", sa.Integer, nullable=False, server_default="0"),
    sa.Column("missed_by_reason", JSONB, nullable=False, server_default="{}"),
    sa.Column("missed_per_student", sa.Numeric(8, 2)),
    sa.Column("lessons_to_date", sa.Integer, nullable=False, server_default="0"),
    sa.Column("lessons_on_time", sa.Integer, nullable=False, server_default="0"),
    sa.Column("fill_rate", sa.Numeric(4, 1)),
    sa.Column("staff", sa.Integer, nullable=False, server_default="0"),
    sa.Column("staff_activated", sa.Integer, nullable=False, server_default="0"),
    sa.Column("families", sa.Integer, nullable=False, server_default="0"),
    sa.Column("families_activated", sa.Integer, nullable=False, server_default="0"),
    sa.Column("archives_sealed", sa.Integer, nullable=False, server_default="0"),
    sa.Column("computed_at", sa.DateTime(timezone=True), nullable=False, server_default=sa.func.now()),
)
# The weekly diaries (0016): each student's own homework of a lesson (the journal's HomeworkSet with a student; empty
# removes it), the subgroups with their students (schedule's SubgroupStudentsSet) and the school events (schedule's
# SchoolEventCreated, SchoolEventChanged, SchoolEventCancelled: the latest told wins by revision).
student_homework = sa.Table(
    "rm_student_homework", metadata,
    sa.Column("school_id", UUID(as_uuid=False), primary_key=True),
    sa.Column("lesson_id", UUID(as_uuid=False), primary_key=True),
    sa.Column("student_id", UUID(as_uuid=False), primary_key=True),
    sa.Column("homework", sa.Text, nullable=False),
)
subgroups = sa.Table(
    "rm_subgroups", metadata,
    sa.Column("id", UUID(as_uuid=False), primary_key=True),
    _school_id(),
    sa.Column("class_group_id", UUID(as_uuid=False), nullable=False),
    sa.Column("name", sa.Text, nullable=False, server_default=""),
    sa.Column("student_ids", ARRAY(UUID(as_uuid=False)), nullable=False, server_default="{}"),
)
school_events = sa.Table(
    "rm_school_events", metadata,
    sa.Column("id", UUID(as_uuid=False), primary_key=True),
    _school_id(),
    sa.Column("date", sa.Date, nullable=False),
    sa.Column("starts_at", sa.Time),
    sa.Column("ends_at", sa.Time),
    sa.Column("title", sa.Text, nullable=False, server_default=""),
    sa.Column("kind_name", sa.Text, nullable=False, server_default=""),
    sa.Column("place", sa.Text, nullable=False, server_default=""),
    sa.Column("audience_scope", sa.Text, nullable=False, server_default="school"),
    sa.Column("audience_grades", ARRAY(sa.Integer), nullable=False, server_default="{}"),
    sa.Column("audience_class_group_ids", ARRAY(UUID(as_uuid=False)), nullable=False, server_default="{}"),
    sa.Column("audience_people", sa.Text, nullable=False, server_default="everyone"),
    sa.Column("cancelled", sa.Boolean, nullable=False, server_default=sa.false()),
    sa.Column("revision", sa.Integer, nullable=False, server_default="0"),
)
