"""Tables of the journal database (SQLAlchemy Core); every one but the messaging tables is per school."""
import sqlalchemy as sa
from sqlalchemy.dialects.postgresql import ARRAY, JSONB, UUID

from services.common.schema import messaging_tables

metadata = sa.MetaData()


def uuid_column(name: str, nullable: bool = False, **kw) -> sa.Column:
    return sa.Column(name, UUID(as_uuid=False), nullable=nullable, **kw)


lesson_records = sa.Table(
    "lesson_records", metadata,
    uuid_column("school_id", primary_key=True),
    uuid_column("lesson_id", primary_key=True),
    uuid_column("class_group_id"),
    uuid_column("subject_id"),
    sa.Column("subject_name", sa.Text, nullable=False),
    uuid_column("teacher_id"),
    sa.Column("lesson_date", sa.Date, nullable=False),
    sa.Column("lesson_number", sa.Integer, nullable=False),
    sa.Column("topic", sa.Text, nullable=False),
    sa.Column("homework", sa.Text, nullable=False),
    sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
    uuid_column("subgroup_id", nullable=True),
    uuid_column("substitute_teacher_id", nullable=True),
    uuid_column("plan_topic_id", nullable=True),  # the thematic plan's topic chosen for the lesson (0011)
    sa.Column("revision", sa.Integer, nullable=False, server_default="0"),  # bumped by triggers on any change (0015)
)

marks = sa.Table(
    "marks", metadata,
    uuid_column("id", primary_key=True),
    uuid_column("school_id"),
    uuid_column("lesson_id"),
    uuid_column("student_id"),
    sa.Column("value", sa.Text, nullable=False),
    sa.Column("work_type", sa.Text, nullable=False),
    sa.Column("comment", sa.Text, nullable=False),
    sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
    sa.Column("not_counted", sa.Boolean, nullable=False, server_default=sa.false()),  # weight 0, shown «3*» (0016)
)

attendance = sa.Table(
    "attendance", metadata,
    uuid_column("school_id", primary_key=True),
    uuid_column("lesson_id", primary_key=True),
    uuid_column("student_id", primary_key=True),
    sa.Column("status", sa.Text, nullable=False),
)

ledger = sa.Table(
    "ledger", metadata,
    uuid_column("id", primary_key=True),
    uuid_column("school_id"),
    sa.Column("occurred_at", sa.DateTime(timezone=True), nullable=False),
    sa.Column("actor_subject", sa.Text, nullable=False),
    sa.Column("actor_roles", ARRAY(sa.Text), nullable=False),
    uuid_column("actor_person_id", nullable=True),
    sa.Column("client_address", sa.Text, nullable=False),
    sa.Column("entity", sa.Text, nullable=False),
    uuid_column("entity_id", nullable=True),
    uuid_column("lesson_id", nullable=True),
    uuid_column("student_id", nullable=True),
    sa.Column("old_value", JSONB),
    sa.Column("new_value", JSONB),
    sa.Column("reason", sa.Text, nullable=False),
    sa.Column("due_at", sa.DateTime(timezone=True)),
    sa.Column("late", sa.Boolean, nullable=False, server_default=sa.false()),
    uuid_column("reverts", nullable=True),
    sa.Column("entered_at", sa.DateTime(timezone=True)),  # when the teacher entered it, if they said so (offline, 0015)
)

journal_policy = sa.Table(
    "journal_policy", metadata,
    uuid_column("school_id", primary_key=True),
    sa.Column("key", sa.Text, primary_key=True),
    sa.Column("value", sa.Text, nullable=False),
    sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
)

unlock_requests = sa.Table(
    "unlock_requests", metadata,
    uuid_column("id", primary_key=True),
    uuid_column("school_id"),
    uuid_column("lesson_id"),
    uuid_column("teacher_id"),
    uuid_column("class_group_id"),
    sa.Column("subject_name", sa.Text, nullable=False),
    sa.Column("lesson_date", sa.Date, nullable=False),
    sa.Column("reason", sa.Text, nullable=False),
    sa.Column("status", sa.Text, nullable=False),
    sa.Column("requested_at", sa.DateTime(timezone=True), nullable=False),
    sa.Column("decided_at", sa.DateTime(timezone=True)),
    sa.Column("decided_by", sa.Text),
    sa.Column("decision_comment", sa.Text, nullable=False),
    sa.Column("expires_at", sa.DateTime(timezone=True)),
)

term_marks = sa.Table(
    "term_marks", metadata,
    uuid_column("id", primary_key=True),
    uuid_column("school_id"),
    uuid_column("student_id"),
    uuid_column("subject_id"),
    uuid_column("term_id"),
    uuid_column("class_group_id"),
    sa.Column("value", sa.Text, nullable=False),
    uuid_column("set_by"),
    sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
)

work_types = sa.Table(
    "work_types", metadata,
    uuid_column("school_id", primary_key=True),
    sa.Column("code", sa.Text, primary_key=True),
    sa.Column("name", sa.Text, nullable=False),
    sa.Column("weight", sa.Numeric(4, 2), nullable=False),
    sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
)

final_marks = sa.Table(
    "final_marks", metadata,
    uuid_column("id", primary_key=True),
    uuid_column("school_id"),
    uuid_column("student_id"),
    uuid_column("subject_id"),
    uuid_column("academic_year_id"),
    uuid_column("class_group_id"),
    sa.Column("kind", sa.Text, nullable=False),
    sa.Column("value", sa.Text, nullable=False),
    uuid_column("set_by"),
    sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
)

student_plans = sa.Table(
    "student_plans", metadata,
    uuid_column("school_id", primary_key=True),
    uuid_column("student_id", primary_key=True),
    sa.Column("home_schooled", sa.Boolean, nullable=False),
    sa.Column("excluded_subject_ids", ARRAY(UUID(as_uuid=False)), nullable=False),
    sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
)

student_homework = sa.Table(
    "student_homework", metadata,
    uuid_column("school_id", primary_key=True),
    uuid_column("lesson_id", primary_key=True),
    uuid_column("student_id", primary_key=True),
    sa.Column("homework", sa.Text, nullable=False),
    sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
)

homework_attachments = sa.Table(
    "homework_attachments", metadata,
    uuid_column("id", primary_key=True),
    uuid_column("school_id"),
    uuid_column("lesson_id"),
    uuid_column("class_group_id"),
    uuid_column("student_id", nullable=True),
    sa.Column("filename", sa.Text, nullable=False),
    sa.Column("media_type", sa.Text, nullable=False),
    sa.Column("size", sa.BigInteger, nullable=False),
    sa.Column("object_key", sa.Text, nullable=False),
    uuid_column("uploaded_by"),
    sa.Column("uploaded_at", sa.DateTime(timezone=True), nullable=False),
)

compromised_accounts = sa.Table(
    "compromised_accounts", metadata,
    uuid_column("school_id", primary_key=True),
    uuid_column("person_id", primary_key=True),
    sa.Column("reported_at", sa.DateTime(timezone=True), primary_key=True),
    sa.Column("subject", sa.Text, nullable=False),
    sa.Column("reported_by", sa.Text, nullable=False),
)

closed_years = sa.Table(
    "closed_years", metadata,
    uuid_column("school_id", primary_key=True),
    uuid_column("academic_year_id", primary_key=True),
    sa.Column("name", sa.Text, nullable=False),
    sa.Column("class_group_ids", ARRAY(UUID(as_uuid=False)), nullable=False),
    sa.Column("term_ids", ARRAY(UUID(as_uuid=False)), nullable=False),
    sa.Column("closed_at", sa.DateTime(timezone=True), nullable=False),
)

control_remarks = sa.Table(  # append-only (0013)
    "control_remarks", metadata,
    uuid_column("school_id", primary_key=True),
    uuid_column("id", primary_key=True),
    uuid_column("author_id", nullable=True),  # the account may have no person card
    uuid_column("teacher_id"),
    uuid_column("class_group_id", nullable=True),
    uuid_column("subject_id", nullable=True),
    uuid_column("lesson_id", nullable=True),
    sa.Column("text", sa.Text, nullable=False),
    sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
)

control_remark_answers = sa.Table(  # append-only, one answer per remark (0013)
    "control_remark_answers", metadata,
    uuid_column("school_id", primary_key=True),
    uuid_column("remark_id", primary_key=True),
    sa.Column("answer", sa.Text, nullable=False),
    sa.Column("answered_at", sa.DateTime(timezone=True), nullable=False),
)

mark_flags = sa.Table(  # append-only (0014)
    "mark_flags", metadata,
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
    sa.Column("author_role", sa.Text, nullable=False),  # guardian | student
    sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
)

mark_flag_answers = sa.Table(  # append-only, one answer per flag (0014)
    "mark_flag_answers", metadata,
    uuid_column("school_id", primary_key=True),
    uuid_column("flag_id", primary_key=True),
    sa.Column("answer", sa.Text, nullable=False),
    sa.Column("outcome", sa.Text, nullable=False),  # explained | corrected
    uuid_column("answered_by", nullable=True),
    sa.Column("answered_at", sa.DateTime(timezone=True), nullable=False),
    sa.Column("value_after", sa.Text, nullable=False),  # the mark's value when answered, '' = removed
)

outbox, inbox = messaging_tables(metadata)
