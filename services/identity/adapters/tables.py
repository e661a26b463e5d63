"""SQLAlchemy Core tables of the identity database (otmetka_identity); DDL lives in migrations/."""
import sqlalchemy as sa
from sqlalchemy.dialects.postgresql import ARRAY, JSONB, UUID

from services.common.schema import messaging_tables

ID = UUID(as_uuid=False)
metadata = sa.MetaData()

schools = sa.Table(
    "schools", metadata,
    sa.Column("school_id", ID, primary_key=True),
    sa.Column("name", sa.Text, nullable=False),
    sa.Column("short_name", sa.Text, nullable=False),
    sa.Column("organization_id", sa.Text, nullable=False),
    sa.Column("status", sa.Text, nullable=False, server_default="active"),
    sa.Column("created_at", sa.DateTime(timezone=True), nullable=False, server_default=sa.func.now()),
    sa.Column("inn", sa.Text, nullable=False, server_default=""),
    sa.Column("ogrn", sa.Text, nullable=False, server_default=""),
    sa.Column("address", sa.Text, nullable=False, server_default=""),
    sa.Column("licence_number", sa.Text, nullable=False, server_default=""),
    sa.Column("licence_date", sa.Date),
    sa.Column("accreditation_number", sa.Text, nullable=False, server_default=""),
    sa.Column("accreditation_date", sa.Date),
    sa.Column("contact_fields", ARRAY(sa.Text), nullable=False, server_default="{}"),  # domain/contacts.py CONTACT_FIELDS kept
    # 0014: guardians get access only through Gosuslugi (T6): no activation codes for them
    sa.Column("guardians_gosuslugi_only", sa.Boolean, nullable=False, server_default=sa.false()),
)

persons = sa.Table(
    "persons", metadata,
    sa.Column("id", ID, primary_key=True),
    sa.Column("school_id", ID, nullable=False),
    sa.Column("kind", sa.Text, nullable=False),  # staff | student | guardian
    sa.Column("last_name", sa.Text, nullable=False),
    sa.Column("first_name", sa.Text, nullable=False),
    sa.Column("middle_name", sa.Text, nullable=False, server_default=""),
    sa.Column("gender", sa.Text),
    sa.Column("birth_date", sa.Date),
    sa.Column("snils", sa.Text),  # 11 digits
    sa.Column("subject", sa.Text),  # Keycloak user id
    sa.Column("username", sa.Text),
    sa.Column("created_at", sa.DateTime(timezone=True), nullable=False, server_default=sa.func.now()),
    sa.Column("activated_at", sa.DateTime(timezone=True)),  # set a password with an activation code
    sa.Column("position", sa.Text, nullable=False, server_default=""),  # staff card (domain.StaffCard)
    sa.Column("qualification_category", sa.Text, nullable=False, server_default=""),
    sa.Column("functions", sa.Text, nullable=False, server_default=""),
    sa.Column("diploma_specialty", sa.Text, nullable=False, server_default=""),
    sa.Column("phone", sa.Text, nullable=False, server_default=""),  # contacts (domain.Contacts), if the school keeps them
    sa.Column("email", sa.Text, nullable=False, server_default=""),
    sa.Column("address", sa.Text, nullable=False, server_default=""),
    sa.Column("paper_diary", sa.Boolean, nullable=False, server_default=sa.false()),  # 0014: guardians: a weekly printout
)

role_grants = sa.Table(
    "role_grants", metadata,
    sa.Column("school_id", ID, primary_key=True),
    sa.Column("person_id", ID, primary_key=True),
    sa.Column("role", sa.Text, primary_key=True),
)

guardianships = sa.Table(
    "guardianships", metadata,
    sa.Column("school_id", ID, primary_key=True),
    sa.Column("guardian_id", ID, primary_key=True),
    sa.Column("student_id", ID, primary_key=True),
    sa.Column("relation", sa.Text, nullable=False),
)

# The only cross-school lookup: a person's schools by Keycloak subject, guardians by SNILS.
directory = sa.Table(
    "directory", metadata,
    sa.Column("school_id", ID, nullable=False),
    sa.Column("person_id", ID, primary_key=True),
    sa.Column("subject", sa.Text),
    sa.Column("snils", sa.Text),  # guardians only
    sa.Column("match_key", sa.Text),  # guardians with gender and birth date: matching.match_key
)

# a Gosuslugi login that matched a guardian record by name, gender and birth date, for the school to decide
pending_matches = sa.Table(
    "pending_matches", metadata,
    sa.Column("id", ID, primary_key=True),
    sa.Column("school_id", ID, nullable=False),
    sa.Column("person_id", ID, nullable=False),
    sa.Column("subject", sa.Text, nullable=False),
    sa.Column("username", sa.Text, nullable=False),
    sa.Column("claims", JSONB, nullable=False),
    sa.Column("requested_at", sa.DateTime(timezone=True), nullable=False, server_default=sa.func.now()),
    sa.Column("status", sa.Text, nullable=False, server_default="pending"),
    sa.Column("decided_by", sa.Text),
    sa.Column("decided_at", sa.DateTime(timezone=True)),
)

# the form teacher of a class group (a staff member holding the role form_teacher)
form_classes = sa.Table(
    "form_classes", metadata,
    sa.Column("school_id", ID, primary_key=True),
    sa.Column("class_group_id", ID, primary_key=True),
    sa.Column("person_id", ID, nullable=False),
)

# one-time activation codes: only their hash is kept; the system session finds one by hash (public page)
activation_codes = sa.Table(
    "activation_codes", metadata,
    sa.Column("id", ID, primary_key=True),
    sa.Column("school_id", ID, nullable=False),
    sa.Column("person_id", ID, nullable=False),
    sa.Column("code_hash", sa.Text, nullable=False),
    sa.Column("username", sa.Text, nullable=False),
    sa.Column("issued_by", sa.Text, nullable=False),
    sa.Column("issued_at", sa.DateTime(timezone=True), nullable=False, server_default=sa.func.now()),
    sa.Column("expires_at", sa.DateTime(timezone=True), nullable=False),
    sa.Column("used_at", sa.DateTime(timezone=True)),
)

outbox, inbox = messaging_tables(metadata)

# a student's dated membership of a class group (domain.class_membership): NULL date_from = since the class began,
# NULL date_to = still there
class_memberships = sa.Table(
    "class_memberships", metadata,
    sa.Column("school_id", ID, nullable=False),
    sa.Column("id", ID, primary_key=True),
    sa.Column("student_id", ID, nullable=False),
    sa.Column("class_group_id", ID, nullable=False),
    sa.Column("date_from", sa.Date),
    sa.Column("date_to", sa.Date),
    sa.Column("order_id", ID),
)

# append-only: the movement register (книга движения учащихся); cancelled_by is derived from the later order
movement_orders = sa.Table(
    "movement_orders", metadata,
    sa.Column("school_id", ID, nullable=False),
    sa.Column("id", ID, primary_key=True),
    sa.Column("seq", sa.BigInteger, sa.Identity(always=True), nullable=False),
    sa.Column("kind", sa.Text, nullable=False),  # OrderKind name
    sa.Column("number", sa.Text, nullable=False),
    sa.Column("order_date", sa.Date, nullable=False),
    sa.Column("effective_date", sa.Date, nullable=False),
    sa.Column("reason", sa.Text, nullable=False),
    sa.Column("cancels_order_id", ID),
    sa.Column("academic_year_id", ID, nullable=False),
    sa.Column("deadline", sa.Date, nullable=False),
    sa.Column("late", sa.Boolean, nullable=False),
    sa.Column("signed_by", sa.Text, nullable=False),
    sa.Column("signed_at", sa.DateTime(timezone=True), nullable=False, server_default=sa.func.now()),
)

# append-only: the students of an order
order_lines = sa.Table(
    "order_lines", metadata,
    sa.Column("school_id", ID, nullable=False),
    sa.Column("order_id", ID, primary_key=True),
    sa.Column("position", sa.Integer, primary_key=True),
    sa.Column("student_id", ID, nullable=False),
    sa.Column("student_name", sa.Text, nullable=False),
    sa.Column("from_class_group_id", ID),
    sa.Column("to_class_group_id", ID),
    sa.Column("debts", JSONB, nullable=False),  # [{subject_id, subject_name, deadline}]
    sa.Column("document", sa.Text, nullable=False),
    sa.Column("destination", sa.Text, nullable=False),
)

# append-only: each changed field of a correction of a person's name, gender or birth date
person_corrections = sa.Table(
    "person_corrections", metadata,
    sa.Column("school_id", ID, nullable=False),
    sa.Column("id", sa.BigInteger, sa.Identity(always=True), primary_key=True),
    sa.Column("person_id", ID, nullable=False),
    sa.Column("field", sa.Text, nullable=False),
    sa.Column("old_value", sa.Text, nullable=False),
    sa.Column("new_value", sa.Text, nullable=False),
    sa.Column("reason", sa.Text, nullable=False),
    sa.Column("corrected_by", sa.Text, nullable=False),
    sa.Column("corrected_at", sa.DateTime(timezone=True), nullable=False, server_default=sa.func.now()),
)

# append-only: the year transitions done, one per source year, with the YearTransition message as done
year_transitions = sa.Table(
    "year_transitions", metadata,
    sa.Column("school_id", ID, primary_key=True),
    sa.Column("source_year_id", ID, primary_key=True),
    sa.Column("target_year_id", ID, nullable=False),
    sa.Column("transition", sa.LargeBinary, nullable=False),
    sa.Column("done_at", sa.DateTime(timezone=True), nullable=False, server_default=sa.func.now()),
)

# the school's own deadlines for movement orders and the year transition; NULL (or no row): the regulations' default
movement_policy = sa.Table(
    "movement_policy", metadata,
    sa.Column("school_id", ID, primary_key=True),
    sa.Column("promotion_due", sa.Text),
    sa.Column("notice_working_days", sa.Integer),
    sa.Column("transition_due", sa.Text),
)

# append-only: the app role may insert and read, never update or delete (see migrations 0002)
audit_log = sa.Table(
    "audit_log", metadata,
    sa.Column("id", sa.BigInteger, sa.Identity(always=True), primary_key=True),
    sa.Column("school_id", ID, nullable=False),
    sa.Column("occurred_at", sa.DateTime(timezone=True), nullable=False, server_default=sa.func.now()),
    sa.Column("actor_subject", sa.Text, nullable=False),
    sa.Column("actor_username", sa.Text, nullable=False),
    sa.Column("client_address", sa.Text, nullable=False),
    sa.Column("action", sa.Text, nullable=False),
    sa.Column("object_id", sa.Text, nullable=False),
    sa.Column("details", JSONB, nullable=False),
)

breach_reports = sa.Table(
    "breach_reports", metadata,
    sa.Column("id", ID, primary_key=True),
    sa.Column("school_id", ID, nullable=False),
    sa.Column("person_id", ID, nullable=False),
    sa.Column("subject", sa.Text, nullable=False),
    sa.Column("reported_at", sa.DateTime(timezone=True), nullable=False),
    sa.Column("reported_by", sa.Text, nullable=False),
)

# a bulk import running in the background: its progress while it runs, its report (or refusal) after
import_jobs = sa.Table(
    "import_jobs", metadata,
    sa.Column("id", ID, primary_key=True),
    sa.Column("school_id", ID, nullable=False),
    sa.Column("filename", sa.Text, nullable=False),
    sa.Column("dry_run", sa.Boolean, nullable=False),
    sa.Column("status", sa.Text, nullable=False, server_default="running"),
    sa.Column("phase", sa.Text, nullable=False, server_default="checking"),
    sa.Column("total", sa.Integer, nullable=False),
    sa.Column("processed", sa.Integer, nullable=False, server_default="0"),
    sa.Column("report", sa.LargeBinary),
    sa.Column("error", JSONB),
    sa.Column("started_by", sa.Text, nullable=False),
    sa.Column("started_at", sa.DateTime(timezone=True), nullable=False, server_default=sa.func.now()),
    sa.Column("finished_at", sa.DateTime(timezone=True)),
    sa.Column("heartbeat_at", sa.DateTime(timezone=True), nullable=False, server_default=sa.func.now()),
)

# failed activation attempts by client address (not per school): the system session counts them
activation_attempts = sa.Table(
    "activation_attempts", metadata,
    sa.Column("id", sa.BigInteger, sa.Identity(always=True), primary_key=True),
    sa.Column("client_address", sa.Text, nullable=False),
    sa.Column("failed_at", sa.DateTime(timezone=True), nullable=False, server_default=sa.func.now()),
)

# append-only (0013): a person's sign-in through the gateway, one row per school where they have a role
sign_ins = sa.Table(
    "sign_ins", metadata,
    sa.Column("id", sa.BigInteger, sa.Identity(always=True), primary_key=True),
    sa.Column("school_id", ID, nullable=False),
    sa.Column("person_id", ID, nullable=False),
    sa.Column("subject", sa.Text, nullable=False),
    sa.Column("signed_in_at", sa.DateTime(timezone=True), nullable=False),
)

# 0014, append-only: each decision of a person on the consent to the processing of personal data (152-FZ), with the
# version of the text (domain/consent.py) and the SHA-256 of the text as it was shown (with the school's name)
consents = sa.Table(
    "consents", metadata,
    sa.Column("id", sa.BigInteger, sa.Identity(always=True), primary_key=True),
    sa.Column("school_id", ID, nullable=False),
    sa.Column("person_id", ID, nullable=False),
    sa.Column("subject", sa.Text, nullable=False),
    sa.Column("version", sa.Text, nullable=False),
    sa.Column("text_sha256", sa.Text, nullable=False),
    sa.Column("decision", sa.Text, nullable=False),  # accepted | declined
    sa.Column("decided_at", sa.DateTime(timezone=True), nullable=False),
    sa.Column("client_address", sa.Text, nullable=False, server_default=""),
)
