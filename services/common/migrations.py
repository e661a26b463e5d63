"""Database provisioning and Alembic migrations, the same for every service and the gateway.

Each service has a database otmetka_<name> owned by <name>_owner (runs migrations) and is used at
run time by <name>_app, a plain role without BYPASSRLS, so row-level security always applies. The gateway's database
(otmetka_gateway: browser sessions and rate-limit counters) is made the same way; its migrations live in
gateway/migrations.
"""
import pathlib

from alembic import command
from alembic import context as alembic_context
from alembic.config import Config
from sqlalchemy import create_engine, make_url, text

SERVICES_DIR = pathlib.Path(__file__).resolve().parent.parent
GATEWAY = "gateway"


def migrations_dir(name: str) -> pathlib.Path:
    """services/<name>/migrations, or the gateway's gateway/migrations."""
    return (SERVICES_DIR.parent / GATEWAY if name == GATEWAY else SERVICES_DIR / name) / "migrations"


def database_name(service: str) -> str:
    return f"otmetka_{service}"


def provision(service: str, admin_url: str, database: str | None = None) -> None:
    """Creates the roles and the database of a service if missing (idempotent)."""
    owner, app = f"{service}_owner", f"{service}_app"
    db = database or database_name(service)
    engine = create_engine(admin_url, isolation_level="AUTOCOMMIT")
    with engine.connect() as conn:
        for role in (owner, app):
            if not conn.scalar(text("SELECT 1 FROM pg_roles WHERE rolname = :r"), {"r": role}):
                conn.execute(text(f'CREATE ROLE "{role}" LOGIN NOSUPERUSER NOBYPASSRLS NOCREATEDB NOCREATEROLE'))
        if not conn.scalar(text("SELECT 1 FROM pg_database WHERE datname = :d"), {"d": db}):
            conn.execute(text(f'CREATE DATABASE "{db}" OWNER "{owner}" ENCODING \'UTF8\' TEMPLATE template0'))
    engine.dispose()
    db_engine = create_engine(make_url(admin_url).set(database=db), isolation_level="AUTOCOMMIT")
    with db_engine.connect() as conn:
        conn.execute(text(f'REVOKE ALL ON DATABASE "{db}" FROM PUBLIC'))
        conn.execute(text(f'GRANT CONNECT, TEMPORARY ON DATABASE "{db}" TO "{app}"'))
        conn.execute(text(f'ALTER SCHEMA public OWNER TO "{owner}"'))
        conn.execute(text(f'GRANT USAGE ON SCHEMA public TO "{app}"'))
    db_engine.dispose()


def migrate(service: str, owner_url: str) -> None:
    """Applies the service's Alembic migrations as its owner role, then grants DML to the app role."""
    config = Config()
    config.set_main_option("script_location", str(migrations_dir(service)))
    config.set_main_option("sqlalchemy.url", owner_url.replace("%", "%%"))
    command.upgrade(config, "head")
    engine = create_engine(owner_url)
    with engine.begin() as conn:
        app = f"{service}_app"
        conn.execute(text(f'GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO "{app}"'))
        conn.execute(text(f'GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO "{app}"'))
        for table in _append_only_tables(conn):
            conn.execute(text(f'REVOKE UPDATE, DELETE, TRUNCATE ON {table} FROM "{app}"'))
    engine.dispose()


def _append_only_tables(conn) -> list[str]:
    """Tables whose comment starts with 'append-only': the app role may only insert and read them."""
    return list(conn.scalars(text(
        "SELECT c.relname FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace "
        "WHERE n.nspname = 'public' AND c.relkind = 'r' AND obj_description(c.oid, 'pg_class') LIKE 'append-only%'")))


def run_env() -> None:
    """The body of every service's migrations/env.py (online migrations only)."""
    config = alembic_context.config
    engine = create_engine(config.get_main_option("sqlalchemy.url"))
    with engine.connect() as connection:
        alembic_context.configure(connection=connection, transaction_per_migration=True)
        with alembic_context.begin_transaction():
            alembic_context.run_migrations()
    engine.dispose()
