"""Many rows in one statement whose text does not depend on how many rows there are: each column's values travel
as one array parameter and unnest() turns them back into rows. SQLAlchemy compiles such a statement once and
PostgreSQL plans it like any other, where a multi-row VALUES list is compiled again for every count of rows and an
executemany sends one statement per row. JSON and array columns travel as JSON text."""
import functools
import json
from collections.abc import Iterable

from sqlalchemy import ARRAY, Table, text
from sqlalchemy.dialects import postgresql
from sqlalchemy.dialects.postgresql import JSONB
from sqlalchemy.orm import Session

DIALECT = postgresql.dialect()


def _as_json(column) -> bool:
    return isinstance(column.type, JSONB | ARRAY)


def given(table: Table, names: Iterable[str]) -> str:
    """`unnest(CAST(:a AS type[]), …) AS given(a, …)`: the rows of parameters(…) as a FROM item."""
    names = list(names)
    arrays = ", ".join(f"CAST(:{name} AS {'TEXT' if _as_json(table.c[name]) else table.c[name].type.compile(DIALECT)}[])"
                       for name in names)
    return f"unnest({arrays}) AS given({', '.join(names)})"


def _value(table: Table, name: str) -> str:
    column = table.c[name]
    if isinstance(column.type, JSONB):
        return f"CAST({name} AS JSONB)"
    if isinstance(column.type, ARRAY):
        return f"CAST(ARRAY(SELECT jsonb_array_elements_text(CAST({name} AS JSONB))) AS {column.type.compile(DIALECT)})"
    return name


def select_given(table: Table, names: Iterable[str]) -> str:
    """`SELECT a, … FROM unnest(…)`: the rows as the table's columns, for INSERT INTO table (a, …) SELECT …"""
    names = list(names)
    return f"SELECT {', '.join(_value(table, name) for name in names)} FROM {given(table, names)}"


def parameters(table: Table, rows: list[dict], names: Iterable[str]) -> dict[str, list]:
    """One array of values per column (JSON and array columns as JSON text; None stays NULL)."""
    def value(name: str, row: dict):
        v = row[name]
        return json.dumps(v, ensure_ascii=False) if v is not None and _as_json(table.c[name]) else v
    return {name: [value(name, row) for row in rows] for name in names}


@functools.cache
def _insert(table: Table, names: tuple[str, ...]):
    return text(f"INSERT INTO {table.name} ({', '.join(names)}) {select_given(table, names)}")


def insert(session: Session, table: Table, rows: list[dict]) -> None:
    """INSERT of the rows (dicts with the same keys) in one statement."""
    if rows:
        names = tuple(rows[0])
        session.execute(_insert(table, names), parameters(table, rows, names))
