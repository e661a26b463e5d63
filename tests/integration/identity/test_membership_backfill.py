"""Migration 0011 on a database with students placed in classes: each becomes a membership of their class since it
began (no dates, no order), in every school, and persons.class_group_id is gone."""
import os
import uuid

import pytest
import sqlalchemy as sa
from alembic import command
from alembic.config import Config

from services import topology
from services.common.migrations import SERVICES_DIR, provision
from tests.support import stack

pytestmark = pytest.mark.stack


@pytest.fixture
def database():
    """A scratch identity database of this test alone, dropped after."""
    env = stack.env()
    name = f"otmetka_identity_it{os.environ.get('OTMETKA_IT_DB_SUFFIX', '')}_backfill"
    admin = sa.create_engine(topology.admin_db_url(env), isolation_level="AUTOCOMMIT")
    drop = sa.text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
    with admin.connect() as conn:
        conn.execute(drop)
    provision("identity", topology.admin_db_url(env), name)
    yield topology.owner_db_url(env, "identity", name)
    with admin.connect() as conn:
        conn.execute(drop)
    admin.dispose()


def test_students_in_classes_become_memberships(database):
    config = Config()
    config.set_main_option("script_location", str(SERVICES_DIR / "identity" / "migrations"))
    config.set_main_option("sqlalchemy.url", database.replace("%", "%%"))
    command.upgrade(config, "0010")
    engine = sa.create_engine(database)
    placed = []
    for _ in range(2):  # two schools: the migration reads across them
        school, student, group = str(uuid.uuid4()), str(uuid.uuid4()), str(uuid.uuid4())
        with engine.begin() as conn:
            conn.execute(sa.text("SELECT set_config('app.school_id', :s, true)"), {"s": school})
            conn.execute(sa.text("INSERT INTO schools (school_id, name, short_name, organization_id) "
                                 "VALUES (:s, 'Школа', 'Школа', 'org')"), {"s": school})
            conn.execute(sa.text("INSERT INTO persons (id, school_id, kind, last_name, first_name, class_group_id) "
                                 "VALUES (:p, :s, 'student', 'Ученикова', 'Анна', :g), "
                                 "(gen_random_uuid(), :s, 'staff', 'Учительница', 'Вера', NULL)"),
                         {"p": student, "s": school, "g": group})
        placed.append((school, student, group))
    command.upgrade(config, "head")
    for school, student, group in placed:
        with engine.begin() as conn:
            conn.execute(sa.text("SELECT set_config('app.school_id', :s, true)"), {"s": school})
            rows = conn.execute(sa.text("SELECT student_id::text, class_group_id::text, date_from, date_to, "
                                        "order_id FROM class_memberships")).all()
            assert rows == [(student, group, None, None, None)]
            columns = conn.scalars(sa.text("SELECT column_name FROM information_schema.columns "
                                           "WHERE table_name = 'persons'")).all()
            assert "class_group_id" not in columns
    engine.dispose()
