"""The plan of every statement of a hot path, as PostgreSQL runs it: the journal's SaveLesson (a whole 25-mark lesson)
or GetDiary (a student's week) in-process on the running installation's database (bench/journal_inprocess.py), each
statement explained with EXPLAIN (ANALYZE, BUFFERS) right before it runs, in its own transaction and tenant scope
(row-level security applies), inside a savepoint rolled back after (a write is explained without being done
twice). Prints each distinct statement once with its plan, and says which plans scan a table sequentially.

Usage: python -m bench.explain --size city --operation save [--calls 3]
"""
import argparse
import re

from sqlalchemy import event

from bench.common import bench_dir
from bench.journal_inprocess import journal_call

SEQ_SCAN = re.compile(r"Seq Scan on (\w+)")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--size", default="town")
    parser.add_argument("--operation", choices=["save", "diary"], default="save")
    parser.add_argument("--calls", type=int, default=3, help="calls made first (caches warm); the last is explained")
    args = parser.parse_args()
    call, runtime = journal_call(args.size, args.operation)
    for _ in range(args.calls):
        call()
    plans: dict[str, str] = {}

    def explain(conn, cursor, statement, parameters, context, executemany):
        if executemany or not statement.lstrip().upper().startswith(("SELECT", "WITH", "INSERT", "UPDATE", "DELETE")):
            return
        cursor.execute("SAVEPOINT explained")
        cursor.execute("EXPLAIN (ANALYZE, BUFFERS) " + statement, parameters)
        plans.setdefault(statement, "\n".join(row[0] for row in cursor.fetchall()))
        cursor.execute("ROLLBACK TO SAVEPOINT explained")

    event.listen(runtime.db.engine, "before_cursor_execute", explain)
    call()
    event.remove(runtime.db.engine, "before_cursor_execute", explain)
    lines = []
    for number, (statement, plan) in enumerate(plans.items(), 1):
        scans = sorted(set(SEQ_SCAN.findall(plan)))
        lines += [f"-- {number}. {' '.join(statement.split())[:400]}",
                  f"-- sequential scans: {', '.join(scans) if scans else 'none'}", plan, ""]
    out = bench_dir() / f"explain-{args.operation}.txt"
    out.write_text("\n".join(lines))
    print("\n".join(lines))
    print(f"{len(plans)} statements explained; in {out}")


if __name__ == "__main__":
    main()
