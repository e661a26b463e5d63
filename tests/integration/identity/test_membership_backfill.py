"""Migrations that move data, on a database with people: 0011 makes each student placed in a class a membership of
their class since it began (no dates, no order), in every school, and persons.class_group_id is gone; 0013 gives
every directory row its person's kind and the students' SNILS (staff SNILS stay out)."""
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


def migrated_to(database: str, revision: str) -> tuple[Config, sa.Engine]:
    """The database upgraded to the revision: the migrations' configuration and an engine of the owner."""
    config = Config()
    config.set_main_option("script_location", str(SERVICES_DIR / "identity" / "migrations"))
    config.set_main_option("sqlalchemy.url", database.replace("%", "%%"))
    command.upgrade(config, revision)
    return config, sa.create_engine(database)


def in_school(conn, school: str, new: bool = False) -> None:
    """Binds the connection's transaction to the school (row-level security), adding the school when new."""
    conn.execute(sa.text("SELECT set_config('app.school_id', :s, true)"), {"s": school})
    if new:
        conn.execute(sa.text("INSERT INTO schools (school_id, name, short_name, organization_id) "
                             "VALUES (:s, 'Школа', 'Школа', 'org')"), {"s": school})


def test_students_in_classes_become_memberships(database):
    config, engine = migrated_to(database, "0010")
    placed = []
    for _ in range(2):  # two schools: the migration reads across them
        school, student, group = str(uuid.uuid4()), str(uuid.uuid4()), str(uuid.uuid4())
        with engine.begin() as conn:
            in_school(conn, school, new=True)
            conn.execute(sa.text("INSERT INTO persons (id, school_id, kind, last_name, first_name, class_group_id) "
                                 "VALUES (:p, :s, 'student', 'Ученикова', 'Анна', :g), "
                                 "(gen_random_uuid(), :s, 'staff', 'Учительница', 'Вера', NULL)"),
                         {"p": student, "s": school, "g": group})
        placed.append((school, student, group))
    command.upgrade(config, "head")
    for school, student, group in placed:
        with engine.begin() as conn:
            in_school(conn, school)
            rows = conn.execute(sa.text("SELECT student_id::text, class_group_id::text, date_from, date_to, "
                                        "order_id FROM class_memberships")).all()
            assert rows == [(student, group, None, None, None)]
            columns = conn.scalars(sa.text("SELECT column_name FROM information_schema.columns "
                                           "WHERE table_name = 'persons'")).all()
            assert "class_group_id" not in columns
    engine.dispose()


def test_the_directory_gets_the_kinds_and_the_students_snils(database):
    config, engine = migrated_to(database, "0012")
    schools = []
    for _ in range(2):  # two schools: the migration reads across them
        school = str(uuid.uuid4())
        people = {kind: (str(uuid.uuid4()), f"{n}{uuid.uuid4().int % 10**10:010d}")
                  for n, kind in enumerate(("student", "guardian", "staff"))}
        with engine.begin() as conn:
            in_school(conn, school, new=True)
            for kind, (person_id, snils) in people.items():
                conn.execute(sa.text("INSERT INTO persons (id, school_id, kind, last_name, first_name, snils) "
                                     "VALUES (:p, :s, :k, 'Фамилия', 'Имя', :n)"),
                             {"p": person_id, "s": school, "k": kind, "n": snils})
                conn.execute(sa.text("INSERT INTO directory (school_id, person_id, snils) VALUES (:s, :p, :n)"),
                             {"s": school, "p": person_id, "n": snils if kind == "guardian" else None})
        schools.append((school, people))
    command.upgrade(config, "head")
    for school, people in schools:
        with engine.begin() as conn:
            in_school(conn, school)
            rows = set(conn.execute(sa.text("SELECT person_id::text, kind, snils FROM directory")).all())
        assert rows == {(people["student"][0], "student", people["student"][1]),
                        (people["guardian"][0], "guardian", people["guardian"][1]),
                        (people["staff"][0], "staff", None)}
    engine.dispose()
