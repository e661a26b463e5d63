"""Many rows in one statement whose text does not depend on how many rows there are: each column's values travel
as one array parameter and unnest() turns them back into rows. SQLAlchemy compiles such a statement once and
PostgreSQL plans it like any other, where a multi-row VALUES list is compiled again for every count of rows and an
executemany sends one statement per row. A column with one value in every row (the school, the actor, the time of
a save) travels as that one value; JSON and array columns travel as JSON text. Runs on the session, in its
transaction: its errors are wrapped as any statement's (a duplicate is still a Conflict), and row-level security
applies as to any INSERT. Used by the journal's saves, the outboxes and schedule's timetable imports."""
import functools
import json
from collections.abc import Iterable

from sqlalchemy import ARRAY, Table, text
from sqlalchemy.dialects import postgresql
from sqlalchemy.dialects.postgresql import JSONB
from sqlalchemy.orm import Session

DIALECT = postgresql.dialect()
CHUNK = 10_000  # rows per statement at most: a school's year of lessons is written in a few


def _as_json(column) -> bool:
    return isinstance(column.type, JSONB | ARRAY)


def _type(table: Table, name: str) -> str:
    return "TEXT" if _as_json(table.c[name]) else table.c[name].type.compile(DIALECT)


def given(table: Table, names: Iterable[str]) -> str:
    """`unnest(CAST(:a AS type[]), …) AS given(a, …)`: the rows of parameters(…) as a FROM item."""
    names = list(names)
    arrays = ", ".join(f"CAST(:{name} AS {_type(table, name)}[])" for name in names)
    return f"unnest({arrays}) AS given({', '.join(names)})"


def _value(table: Table, name: str, source: str) -> str:
    column = table.c[name]
    if isinstance(column.type, JSONB):
        return f"CAST({source} AS JSONB)"
    if isinstance(column.type, ARRAY):
        array = f"CAST(ARRAY(SELECT jsonb_array_elements_text(CAST({source} AS JSONB))) AS {column.type.compile(DIALECT)})"
        return f"CASE WHEN {source} IS NULL THEN NULL ELSE {array} END"
    return source


def select_given(table: Table, names: Iterable[str], same: Iterable[str] = ()) -> str:
    """`SELECT a, … FROM unnest(…)`: the rows as the table's columns, for INSERT INTO table (a, …) SELECT …; the
    columns `same` come from one value each (parameters(…, same=…))."""
    names, same = list(names), set(same)
    varying = [name for name in names if name not in same]
    columns = ", ".join(_value(table, name, f"CAST(:{name} AS {_type(table, name)})" if name in same else name)
                        for name in names)
    return f"SELECT {columns} FROM {given(table, varying)}"


def parameters(table: Table, rows: list[dict], names: Iterable[str], same: Iterable[str] = ()) -> dict:
    """One array of values per column, one value for the columns `same` (JSON and array columns as JSON text; None
    is JSON null in a JSONB column, as SQLAlchemy's own JSONB binding sends it, and NULL elsewhere)."""
    result = {}
    same = set(same)
    for name in names:
        values = [row[name] for row in rows[:1]] if name in same else [row[name] for row in rows]
        column = table.c[name]
        if isinstance(column.type, JSONB):
            values = [json.dumps(v, ensure_ascii=False) for v in values]
        elif isinstance(column.type, ARRAY):
            values = [None if v is None else json.dumps(v, ensure_ascii=False) for v in values]
        result[name] = values[0] if name in same else values
    return result


def _equal(a, b) -> bool:
    """Equal as stored: 1, True and 1.0 are equal in Python but not in a JSON column."""
    if isinstance(a, dict | list) or isinstance(b, dict | list):
        return json.dumps(a, sort_keys=True) == json.dumps(b, sort_keys=True)
    return type(a) is type(b) and a == b


@functools.cache
def _insert(table: Table, names: tuple[str, ...], same: frozenset[str]):
    return text(f"INSERT INTO {table.name} ({', '.join(names)}) {select_given(table, names, same)}")


def insert(session: Session, table: Table, rows: list[dict]) -> None:
    """INSERT of the rows (dicts with the same keys, in order; columns left out take their defaults), one statement
    per CHUNK rows."""
    for start in range(0, len(rows), CHUNK):
        chunk = rows[start:start + CHUNK]
        names = tuple(chunk[0])
        first = chunk[0]
        same = frozenset(name for name in names if len(chunk) > 1 and all(_equal(row[name], first[name]) for row in chunk))
        if len(same) == len(names):  # equal rows: unnest needs one array at least
            same = frozenset()
        session.execute(_insert(table, names, same), parameters(table, chunk, names, same))
