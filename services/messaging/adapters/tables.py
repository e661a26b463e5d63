"""Tables of the messaging service (SQLAlchemy Core): threads and their messages, files, read receipts and
withdrawals; complaints and their audited readings; notices, their recipients and acknowledgements; the guardians'
notice preferences; absences waiting for the school day's cut-off; the school's messaging policy; what the service
keeps of identity's and schedule's events (guardianships, names); the mail outbox and the guardians' e-mail (address,
digest). Every table is tenant-scoped (school_id)."""
import sqlalchemy as sa
from sqlalchemy.dialects.postgresql import UUID

from services.common.mail_outbox import mail_outbox_table
from services.common.schema import messaging_tables

metadata = sa.MetaData()
outbox, inbox = messaging_tables(metadata)
mail_outbox = mail_outbox_table(metadata)


def uuid_column(name: str, nullable: bool = False, **kw) -> sa.Column:
    return sa.Column(name, UUID(as_uuid=False), nullable=nullable, **kw)


def created(name: str = "created_at") -> sa.Column:
    return sa.Column(name, sa.DateTime(timezone=True), nullable=False)


threads = sa.Table(
    "threads", metadata,
    uuid_column("school_id", primary_key=True), uuid_column("id", primary_key=True),
    sa.Column("subject", sa.Text, nullable=False),
    uuid_column("student_id"), uuid_column("class_group_id", nullable=True), uuid_column("staff_id"),
    uuid_column("broadcast_id", nullable=True), uuid_column("started_by"), created(),
)
thread_participants = sa.Table(
    "thread_participants", metadata,
    uuid_column("school_id", primary_key=True), uuid_column("thread_id", primary_key=True),
    uuid_column("person_id", primary_key=True),
    sa.Column("role", sa.Text, nullable=False),  # staff | guardian | student
    created("added_at"),
)
messages = sa.Table(
    "messages", metadata,
    uuid_column("school_id", primary_key=True), uuid_column("id", primary_key=True), uuid_column("thread_id"),
    uuid_column("author_id"), sa.Column("author_role", sa.Text, nullable=False),
    sa.Column("text", sa.Text, nullable=False), created(),
)
message_files = sa.Table(
    "message_files", metadata,
    uuid_column("school_id", primary_key=True), uuid_column("id", primary_key=True), uuid_column("message_id"),
    uuid_column("thread_id"), sa.Column("filename", sa.Text, nullable=False),
    sa.Column("media_type", sa.Text, nullable=False), sa.Column("size", sa.BigInteger, nullable=False),
    sa.Column("object_key", sa.Text, nullable=False), created(),
)
message_reads = sa.Table(
    "message_reads", metadata,
    uuid_column("school_id", primary_key=True), uuid_column("message_id", primary_key=True),
    uuid_column("person_id", primary_key=True), uuid_column("thread_id"), created("read_at"),
)
message_withdrawals = sa.Table(
    "message_withdrawals", metadata,
    uuid_column("school_id", primary_key=True), uuid_column("message_id", primary_key=True),
    uuid_column("thread_id"), uuid_column("withdrawn_by"), created("withdrawn_at"),
)
complaints = sa.Table(
    "complaints", metadata,
    uuid_column("school_id", primary_key=True), uuid_column("id", primary_key=True), uuid_column("thread_id"),
    uuid_column("filed_by"), sa.Column("reason", sa.Text, nullable=False), created(),
)
complaint_readings = sa.Table(
    "complaint_readings", metadata,
    uuid_column("school_id", primary_key=True), uuid_column("id", primary_key=True), uuid_column("complaint_id"),
    uuid_column("thread_id"), uuid_column("reader_id", nullable=True),
    sa.Column("reader_subject", sa.Text, nullable=False), sa.Column("client_address", sa.Text, nullable=False),
    created("read_at"),
)
notices = sa.Table(
    "notices", metadata,
    uuid_column("school_id", primary_key=True), uuid_column("id", primary_key=True),
    sa.Column("kind", sa.Text, nullable=False), sa.Column("title", sa.Text, nullable=False),
    sa.Column("text", sa.Text, nullable=False), sa.Column("audience", sa.Text, nullable=False),
    uuid_column("class_group_id", nullable=True), sa.Column("grade", sa.Integer, nullable=True),
    uuid_column("student_id", nullable=True), sa.Column("student_name", sa.Text, nullable=False, server_default=""),
    uuid_column("author_id", nullable=True), sa.Column("requires_ack", sa.Boolean, nullable=False),
    sa.Column("dedup_key", sa.Text, nullable=True), created(),
)
notice_recipients = sa.Table(
    "notice_recipients", metadata,
    uuid_column("school_id", primary_key=True), uuid_column("notice_id", primary_key=True),
    uuid_column("person_id", primary_key=True), sa.Column("channel", sa.Text, primary_key=True),
    uuid_column("student_id", nullable=True),
)
notice_acknowledgements = sa.Table(
    "notice_acknowledgements", metadata,
    uuid_column("school_id", primary_key=True), uuid_column("notice_id", primary_key=True),
    uuid_column("person_id", primary_key=True), created("acknowledged_at"),
)
notice_preferences = sa.Table(
    "notice_preferences", metadata,
    uuid_column("school_id", primary_key=True), uuid_column("guardian_id", primary_key=True),
    sa.Column("kind", sa.Text, primary_key=True), sa.Column("channel", sa.Text, primary_key=True),
    sa.Column("enabled", sa.Boolean, nullable=False), created("updated_at"),
)
pending_absences = sa.Table(
    "pending_absences", metadata,
    uuid_column("school_id", primary_key=True), uuid_column("lesson_id", primary_key=True),
    uuid_column("student_id", primary_key=True), uuid_column("class_group_id", nullable=True),
    sa.Column("lesson_date", sa.Date, nullable=False), sa.Column("status", sa.Text, nullable=False),
    sa.Column("attendance", sa.Text, nullable=False),  # absent | unexcused
    sa.Column("due_at", sa.DateTime(timezone=True), nullable=False), created("updated_at"),
)
messaging_policy = sa.Table(
    "messaging_policy", metadata,
    uuid_column("school_id", primary_key=True),
    sa.Column("answer_days", sa.Integer, nullable=False), sa.Column("working_week_days", sa.Integer, nullable=False),
    sa.Column("absence_notice_time", sa.Text, nullable=False),
    sa.Column("notify_mark_2", sa.Boolean, nullable=False), sa.Column("notify_absence", sa.Boolean, nullable=False),
    sa.Column("notify_few_marks", sa.Boolean, nullable=False), sa.Column("notify_term_mark", sa.Boolean, nullable=False),
    sa.Column("few_marks_days", sa.Integer, nullable=False), created("updated_at"),
)
guardianships = sa.Table(
    "guardianships", metadata,
    uuid_column("school_id", primary_key=True), uuid_column("guardian_id", primary_key=True),
    uuid_column("student_id", primary_key=True), created("linked_at"),
)
directory_names = sa.Table(
    "directory_names", metadata,
    uuid_column("school_id", primary_key=True), sa.Column("kind", sa.Text, primary_key=True),  # person|subject|term
    uuid_column("id", primary_key=True), sa.Column("name", sa.Text, nullable=False),
)
notice_runs = sa.Table(
    "notice_runs", metadata,
    uuid_column("school_id", primary_key=True), sa.Column("kind", sa.Text, primary_key=True),
    sa.Column("run_on", sa.Date, nullable=False),
)
family_mail = sa.Table(
    "family_mail", metadata,
    uuid_column("school_id", primary_key=True), uuid_column("guardian_id", primary_key=True),
    sa.Column("address", sa.Text, nullable=False), sa.Column("confirmed_at", sa.DateTime(timezone=True)),
    sa.Column("digest", sa.Text, nullable=False, server_default="none"), sa.Column("digest_through", sa.Date),
    created("updated_at"),
)
