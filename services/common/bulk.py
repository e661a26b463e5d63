"""Many rows of one table in one statement: the values travel as one array per column (in binary) and PostgreSQL
unnests them, so the statement has a handful of parameters whatever the number of rows (neither SQLAlchemy nor the
driver builds or parses a statement that grows with the rows). Runs on the session's connection, in its
transaction, its errors wrapped by SQLAlchemy as any statement's; row-level security applies as to any INSERT."""
from sqlalchemy import Table
from sqlalchemy.dialects import postgresql
from sqlalchemy.orm import Session

CHUNK = 10_000  # rows per statement
_DIALECT = postgresql.dialect()


def insert_rows(session: Session, table: Table, rows: list[dict]) -> None:
    """Inserts the rows (dicts with the same keys, in order); columns left out take their defaults."""
    if not rows:
        return
    names = list(rows[0])
    quote = _DIALECT.identifier_preparer
    arrays = ", ".join(f"CAST(%b AS {table.c[name].type.compile(dialect=_DIALECT)}[])" for name in names)
    statement = (f"INSERT INTO {quote.format_table(table)} ({', '.join(quote.quote(name) for name in names)}) "
                 f"SELECT * FROM unnest({arrays})")
    connection = session.connection()
    for start in range(0, len(rows), CHUNK):
        chunk = rows[start:start + CHUNK]
        connection.exec_driver_sql(statement, tuple([row[name] for row in chunk] for name in names))
