"""The messaging service's tables: threads, their participants, messages, files, read receipts and withdrawals;
complaints and their audited readings; notices, recipients and acknowledgements (all append-only: nothing of a
conversation or a notice is ever updated or deleted); the guardians' notice preferences, absences waiting for the
school day's cut-off, the school's messaging policy, the guardianships and names kept from identity's and schedule's
events, the automatic notices' daily runs; outbox and inbox. Every table under forced row-level security.

Revision ID: 0001
"""
import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects.postgresql import UUID

from services.common.schema import create_messaging, system_access, tenant_rls

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None


def uuid_column(name: str, nullable: bool = False, **kw) -> sa.Column:
    return sa.Column(name, UUID(as_uuid=False), nullable=nullable, **kw)


def key(*names: str) -> list[sa.Column]:
    return [uuid_column("school_id", primary_key=True), *(uuid_column(n, primary_key=True) for n in names)]


def at(name: str = "created_at") -> sa.Column:
    return sa.Column(name, sa.DateTime(timezone=True), nullable=False)


def text(name: str) -> sa.Column:
    return sa.Column(name, sa.Text, nullable=False)


APPEND_ONLY = {
    "threads": "append-only conversations between a staff member and one student's family",
    "thread_participants": "append-only participants of threads (a guardian linked later is added, never removed)",
    "messages": "append-only messages of threads; a withdrawal is a row of message_withdrawals, the text is kept",
    "message_files": "append-only files attached to messages (the content in the service's MinIO bucket)",
    "message_reads": "append-only read receipts: who read which message when",
    "message_withdrawals": "append-only withdrawals of messages by their authors",
    "complaints": "append-only complaints of participants about threads",
    "complaint_readings": "append-only audit of every reading of a complained-about thread by the school administrator",
    "notices": "append-only notices: the school's and the automatic ones to guardians",
    "notice_recipients": "append-only recipients of notices, with the channel",
    "notice_acknowledgements": "append-only acknowledgements of notices (ознакомлен)",
}


def upgrade() -> None:
    op.create_table("threads", *key("id"), text("subject"), uuid_column("student_id"),
                    uuid_column("class_group_id", nullable=True), uuid_column("staff_id"),
                    uuid_column("broadcast_id", nullable=True), uuid_column("started_by"), at())
    op.create_index("threads_student", "threads", ["school_id", "student_id"])
    op.create_table("thread_participants", *key("thread_id", "person_id"), text("role"), at("added_at"),
                    sa.CheckConstraint("role IN ('staff', 'guardian', 'student')", name="thread_participants_role"))
    op.create_index("thread_participants_person", "thread_participants", ["school_id", "person_id"])
    op.create_table("messages", *key("id"), uuid_column("thread_id"), uuid_column("author_id"), text("author_role"),
                    text("text"), at())
    op.create_index("messages_thread", "messages", ["school_id", "thread_id", "created_at"])
    op.create_table("message_files", *key("id"), uuid_column("message_id"), uuid_column("thread_id"),
                    text("filename"), text("media_type"), sa.Column("size", sa.BigInteger, nullable=False),
                    text("object_key"), at())
    op.create_index("message_files_thread", "message_files", ["school_id", "thread_id"])
    op.create_table("message_reads", *key("message_id", "person_id"), uuid_column("thread_id"), at("read_at"))
    op.create_index("message_reads_thread", "message_reads", ["school_id", "thread_id", "person_id"])
    op.create_table("message_withdrawals", *key("message_id"), uuid_column("thread_id"), uuid_column("withdrawn_by"),
                    at("withdrawn_at"))
    op.create_index("message_withdrawals_thread", "message_withdrawals", ["school_id", "thread_id"])
    op.create_table("complaints", *key("id"), uuid_column("thread_id"), uuid_column("filed_by"), text("reason"), at())
    op.create_table("complaint_readings", *key("id"), uuid_column("complaint_id"), uuid_column("thread_id"),
                    uuid_column("reader_id", nullable=True), text("reader_subject"), text("client_address"),
                    at("read_at"))
    op.create_table("notices", *key("id"), text("kind"), text("title"), text("text"), text("audience"),
                    uuid_column("class_group_id", nullable=True), sa.Column("grade", sa.Integer),
                    uuid_column("student_id", nullable=True),
                    sa.Column("student_name", sa.Text, nullable=False, server_default=""),
                    uuid_column("author_id", nullable=True), sa.Column("requires_ack", sa.Boolean, nullable=False),
                    sa.Column("dedup_key", sa.Text), at(),
                    sa.CheckConstraint("kind IN ('school', 'mark_2', 'absence', 'few_marks', 'term_mark')",
                                       name="notices_kind"))
    op.create_index("notices_dedup", "notices", ["school_id", "dedup_key"], unique=True,
                    postgresql_where=sa.text("dedup_key IS NOT NULL"))
    op.create_table("notice_recipients", *key("notice_id", "person_id"),
                    sa.Column("channel", sa.Text, primary_key=True), uuid_column("student_id", nullable=True))
    op.create_index("notice_recipients_person", "notice_recipients", ["school_id", "person_id"])
    op.create_table("notice_acknowledgements", *key("notice_id", "person_id"), at("acknowledged_at"))
    op.create_table("notice_preferences", *key("guardian_id"), sa.Column("kind", sa.Text, primary_key=True),
                    sa.Column("channel", sa.Text, primary_key=True), sa.Column("enabled", sa.Boolean, nullable=False),
                    at("updated_at"))
    op.create_table("pending_absences", *key("lesson_id", "student_id"), uuid_column("class_group_id", nullable=True),
                    sa.Column("lesson_date", sa.Date, nullable=False), text("status"), text("attendance"),
                    sa.Column("due_at", sa.DateTime(timezone=True), nullable=False), at("updated_at"),
                    sa.CheckConstraint("status IN ('pending', 'released', 'cancelled')", name="pending_absences_status"))
    op.create_index("pending_absences_due", "pending_absences", ["due_at"], postgresql_where=sa.text("status = 'pending'"))
    op.create_table("messaging_policy", uuid_column("school_id", primary_key=True),
                    sa.Column("answer_days", sa.Integer, nullable=False),
                    sa.Column("working_week_days", sa.Integer, nullable=False), text("absence_notice_time"),
                    *(sa.Column(name, sa.Boolean, nullable=False) for name in (
                        "notify_mark_2", "notify_absence", "notify_few_marks", "notify_term_mark")),
                    sa.Column("few_marks_days", sa.Integer, nullable=False), at("updated_at"))
    op.create_table("guardianships", *key("guardian_id", "student_id"), at("linked_at"))
    op.create_index("guardianships_student", "guardianships", ["school_id", "student_id"])
    op.create_table("directory_names", uuid_column("school_id", primary_key=True),
                    sa.Column("kind", sa.Text, primary_key=True), uuid_column("id", primary_key=True), text("name"))
    op.create_table("notice_runs", uuid_column("school_id", primary_key=True), sa.Column("kind", sa.Text, primary_key=True),
                    sa.Column("run_on", sa.Date, nullable=False))
    for table, comment in APPEND_ONLY.items():
        op.create_table_comment(table, comment)
    for table in (*APPEND_ONLY, "notice_preferences", "pending_absences", "messaging_policy", "guardianships",
                  "directory_names", "notice_runs"):
        tenant_rls(op, table)
    # the notice worker finds due absences and the schools to check across schools (then works in each school's own
    # tenant session)
    for table in ("pending_absences", "guardianships"):
        system_access(op, table)
    create_messaging(op)
