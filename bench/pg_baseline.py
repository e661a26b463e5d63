"""Raw PostgreSQL baseline: pgbench runs lesson_save.pgbench (the rows one lesson save writes) against
the journal's tables in a scratch database with synchronous_commit=on, on the stack's cluster (which runs
fsync=off) and, with --fsync-cluster, on a throwaway cluster with fsync=on that is removed afterwards.

Usage: python -m bench.pg_baseline [--clients 8] [--seconds 20] [--fsync-cluster]
"""
import argparse
import json
import pathlib
import re
import shutil
import socket
import subprocess
import time

from bench.common import bench_dir, write_json
from services import topology

SCRATCH = "otmetka_bench_scratch"
SCRIPT = pathlib.Path(__file__).with_name("lesson_save.pgbench")
PG_BIN = "/usr/lib/postgresql/15/bin"
TABLES = ("lesson_records", "marks", "attendance", "ledger", "outbox")  # what a lesson save writes


def psql(port: int, database: str, sql: str) -> str:
    return subprocess.run(["psql", "-h", "127.0.0.1", "-p", str(port), "-U", "postgres", "-d", database, "-v", "ON_ERROR_STOP=1",
                           "-qAtc", sql], check=True, capture_output=True, text=True).stdout


def journal_schema(stack: dict) -> str:
    """The journal's tables as deployed now (pg_dump), with the functions of their triggers (the outbox's
    notification, the lesson revision's bump)."""
    dump = subprocess.run(["pg_dump", "-h", "127.0.0.1", "-p", stack["OTMETKA_PG_PORT"], "-U", "postgres",
                           "-d", "otmetka_journal", "--schema-only", "--no-owner", "--no-acl",
                           *(option for table in TABLES for option in ("-t", table))],
                          check=True, capture_output=True, text=True).stdout
    functions = psql(int(stack["OTMETKA_PG_PORT"]), "otmetka_journal",
                     f"select string_agg(distinct pg_get_functiondef(tgfoid), E';\\n') || ';' from pg_trigger "
                     f"where not tgisinternal and tgrelid::regclass::text in ({', '.join(map(repr, TABLES))})")
    dump = "\n".join(line for line in dump.splitlines() if not line.startswith(("\\restrict", "\\unrestrict")))
    return f"{functions}\n{dump}"


def prepare(port: int, schema: str) -> None:
    psql(port, "postgres", f"DROP DATABASE IF EXISTS {SCRATCH}")
    psql(port, "postgres", f"CREATE DATABASE {SCRATCH}")
    psql(port, "postgres", f"ALTER DATABASE {SCRATCH} SET synchronous_commit = on")
    subprocess.run(["psql", "-h", "127.0.0.1", "-p", str(port), "-U", "postgres", "-d", SCRATCH, "-v", "ON_ERROR_STOP=1", "-q"],
                   input=schema, check=True, capture_output=True, text=True)


def pgbench(port: int, clients: int, seconds: int) -> dict:
    """Runs the script; returns transactions (= lesson saves) per second and latency percentiles in ms."""
    log_dir = bench_dir() / f"pgbench-{port}"
    shutil.rmtree(log_dir, ignore_errors=True)
    log_dir.mkdir()
    out = subprocess.run(["pgbench", "-h", "127.0.0.1", "-p", str(port), "-U", "postgres", "-n", "-c", str(clients), "-j", "2",
                          "-T", str(seconds), "-f", str(SCRIPT), "-l", "--log-prefix", str(log_dir / "tx"), SCRATCH],
                         check=True, capture_output=True, text=True, cwd=log_dir).stdout
    latencies = sorted(int(line.split()[2]) / 1000 for f in log_dir.iterdir() for line in f.read_text().splitlines())
    pick = lambda p: round(latencies[max(0, int(len(latencies) * p / 100) - 1)], 1)  # noqa: E731
    tps = float(re.search(r"tps = ([\d.]+)", out).group(1))
    settings = psql(port, SCRATCH, "select string_agg(name || '=' || setting, ' ') from pg_settings "
                                   "where name in ('fsync', 'synchronous_commit', 'full_page_writes')")
    return {"port": port, "clients": clients, "seconds": seconds, "tps": round(tps, 1), "p50": pick(50), "p95": pick(95),
            "p99": pick(99), "settings": settings.strip()}


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def throwaway_cluster(schema: str, clients: int, seconds: int) -> dict:
    """initdb a small cluster with fsync=on under .run/bench/, measure, stop it and remove it."""
    data, port = bench_dir() / "pg-fsync", free_port()
    shutil.rmtree(data, ignore_errors=True)
    data.mkdir()
    shutil.chown(data, "postgres", "postgres")
    data.chmod(0o700)
    run_as = ["runuser", "-u", "postgres", "--"]
    subprocess.run([*run_as, f"{PG_BIN}/initdb", "-D", str(data), "-A", "trust", "-U", "postgres", "-E", "UTF8"],
                   check=True, capture_output=True)
    opts = f"-c port={port} -c listen_addresses=127.0.0.1 -c unix_socket_directories='' -c fsync=on " \
           "-c synchronous_commit=on -c full_page_writes=on -c shared_buffers=128MB"
    subprocess.run([*run_as, f"{PG_BIN}/pg_ctl", "-D", str(data), "-o", opts, "-l", str(data / "log"), "-w", "start"],
                   check=True, capture_output=True)
    try:
        prepare(port, schema)
        return pgbench(port, clients, seconds)
    finally:
        subprocess.run([*run_as, f"{PG_BIN}/pg_ctl", "-D", str(data), "-m", "fast", "-w", "stop"], capture_output=True)
        time.sleep(0.5)
        shutil.rmtree(data, ignore_errors=True)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--clients", type=int, default=8)
    parser.add_argument("--seconds", type=int, default=20)
    parser.add_argument("--fsync-cluster", action="store_true")
    args = parser.parse_args()
    stack = topology.stack_env()
    schema, port = journal_schema(stack), int(stack["OTMETKA_PG_PORT"])
    prepare(port, schema)
    results = {"stack_cluster": pgbench(port, args.clients, args.seconds)}
    psql(port, "postgres", f"DROP DATABASE IF EXISTS {SCRATCH}")
    if args.fsync_cluster:
        results["fsync_cluster"] = throwaway_cluster(schema, args.clients, args.seconds)
    write_json(bench_dir() / "results-pgbench.json", results)
    print(json.dumps(results, indent=1))


if __name__ == "__main__":
    main()
