"""The grid's entry (issue 18): every lesson record counts its revisions — any change of its topic, homework or
plan topic, and any write of its marks or attendance, by whatever path (a save, an absence reason, a revert, a moved
lesson), bumps it in the database, so a teacher's page that saved on an older revision learns that someone else
changed the lesson (a conflict) instead of overwriting it; the ledger keeps, besides when a change was received, when
the teacher entered it (an entry made offline, sent when the connection returned).

Revision ID: 0015
"""
import sqlalchemy as sa
from alembic import op

revision = "0015"
down_revision = "0014"

BUMP = """
    UPDATE lesson_records r SET revision = r.revision + 1
    FROM (SELECT DISTINCT school_id, lesson_id FROM changed) c
    WHERE r.school_id = c.school_id AND r.lesson_id = c.lesson_id"""


def upgrade() -> None:
    op.add_column("lesson_records", sa.Column("revision", sa.Integer, nullable=False, server_default="0"))
    op.add_column("ledger", sa.Column("entered_at", sa.DateTime(timezone=True)))
    op.execute(f"""
        CREATE FUNCTION lesson_revision_bump() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN {BUMP}; RETURN NULL; END $$""")
    op.execute("""
        CREATE FUNCTION lesson_record_revision() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
          IF (NEW.topic, NEW.homework, NEW.plan_topic_id) IS DISTINCT FROM (OLD.topic, OLD.homework, OLD.plan_topic_id)
          THEN NEW.revision := OLD.revision + 1; END IF;
          RETURN NEW;
        END $$""")
    op.execute("CREATE TRIGGER lesson_record_revision BEFORE UPDATE ON lesson_records "
               "FOR EACH ROW EXECUTE FUNCTION lesson_record_revision()")
    for table in ("marks", "attendance"):  # transition tables: one trigger per event
        for event, rows in (("INSERT", "NEW"), ("UPDATE", "NEW"), ("DELETE", "OLD")):
            op.execute(f"CREATE TRIGGER {table}_{event.lower()}_revision AFTER {event} ON {table} "
                       f"REFERENCING {rows} TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION lesson_revision_bump()")
