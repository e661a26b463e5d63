"""T1/P2: every table of every service's database is tenant-scoped and under forced row-level security, and
the installation's own databases, with a school walked through the product (by this module, whatever else ran),
show the application role nothing while no school is bound. A new table without a policy fails here, whoever
forgets it."""
import pytest
import sqlalchemy as sa

from services import topology
from tests.e2e.test_walking_skeleton import closed_year_package, record_lesson, seeded_school
from tests.support import stack

SERVICES = ("identity", "schedule", "journal", "reporting", "archive", "messaging")
NOT_TENANT_DATA = {"alembic_version"}  # Alembic's bookkeeping: one row, the schema revision
# data of no school by nature: reachable only in a system session (app.system), never by a tenant's session
SYSTEM_ONLY = {("identity", "activation_attempts")}  # failed activation codes by client address, before any school
# tables the walk through the product must have filled, so that "nothing is visible" is not vacuous
MUST_HAVE_ROWS = {"identity": {"schools", "persons", "role_grants", "audit_log"},
                  "schedule": {"academic_years", "class_groups", "lessons", "timetable_entries"},
                  "journal": {"marks", "attendance", "ledger", "lesson_records"},
                  "reporting": {"rm_marks", "rm_students"}, "archive": {"archive_packages"},
                  "messaging": {"guardianships", "directory_names"}}
TABLES = sa.text("""
    SELECT c.relname AS name, c.relrowsecurity AS enabled, c.relforcerowsecurity AS forced,
           EXISTS (SELECT 1 FROM information_schema.columns col
                   WHERE col.table_schema = 'public' AND col.table_name = c.relname
                     AND col.column_name = 'school_id') AS has_school,
           (SELECT array_agg(p.qual) FROM pg_policies p
            WHERE p.schemaname = 'public' AND p.tablename = c.relname) AS quals
    FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
    WHERE n.nspname = 'public' AND c.relkind IN ('r', 'p') ORDER BY c.relname""")


@pytest.fixture(scope="module", params=SERVICES)
def service(request, installation) -> str:
    return request.param


def engine(role: str, service: str) -> sa.Engine:
    return sa.create_engine(topology.pg_url(stack.env(), role, f"otmetka_{service}"), poolclass=sa.pool.NullPool)


def test_every_table_is_tenant_scoped_under_forced_row_level_security(service):
    with engine(f"{service}_app", service).connect() as conn:
        tables = [t for t in conn.execute(TABLES).mappings() if t["name"] not in NOT_TENANT_DATA]
    assert tables
    for table in tables:
        name = f"{service}.{table['name']}"
        assert table["enabled"] and table["forced"], f"{name}: row-level security not forced"
        if (service, table["name"]) in SYSTEM_ONLY:
            assert table["quals"] and all("app.system" in q for q in table["quals"]), f"{name}: {table['quals']}"
            continue
        assert table["has_school"], f"{name} has no school_id"
        assert table["quals"] and any("app.school_id" in q for q in table["quals"]), \
            f"{name}: no policy on the bound school: {table['quals']}"


@pytest.fixture(scope="module")
def walked(installation) -> dict:
    """A school walked through the product: onboarded with people and roles, a year, a class and a timetable, a
    lesson recorded with a mark and an absence (the ledger), its year closed into a sealed archive package, which
    waits for reporting's read models: every table MUST_HAVE_ROWS names has rows of this school."""
    school = seeded_school()
    record_lesson(school)
    assert closed_year_package(school)["status"] == "sealed"
    return school


def test_with_no_school_bound_the_application_sees_no_row(service, walked):
    superuser = stack.env()["OTMETKA_PG_SUPERUSER"]
    with engine(superuser, service).connect() as conn:
        names = [t["name"] for t in conn.execute(TABLES).mappings() if t["name"] not in NOT_TENANT_DATA]
        stored = {name: conn.scalar(sa.text(f'SELECT count(*) FROM "{name}"')) for name in names}
    assert all(stored[name] for name in MUST_HAVE_ROWS[service]), f"the walk left {service} tables empty: {stored}"
    with engine(f"{service}_app", service).connect() as conn:
        visible = {name: conn.scalar(sa.text(f'SELECT count(*) FROM "{name}"')) for name in names}
    assert visible == dict.fromkeys(names, 0)
