"""Backups of an installation's stack and the restore drill (docs/operations.md "Backup and restore").

- `backup`: a pgBackRest backup of the whole PostgreSQL cluster (every service's database; WAL is archived
  continuously by the cluster's archive_command), then the installation's secrets (secrets.env, app-secrets.env, the
  archive's PKI, Keycloak's development database) as a dated tar of mode 0600 beside the
  repository.
- `drill`: writes a row, notes the moment T on the database's clock, writes another row, restores the cluster to T
  into a scratch cluster on a free port (the stack's PostgreSQL binaries), checks that the first row is there and the
  second is not, stops the scratch cluster and reports the time each step took.
- `restore`: the cluster as it was at a moment, in a scratch cluster left running on a free port (the first step of
  undoing one school's mistake); `export-school` then writes that school's rows of every service's database there as
  CSV files, to compare and re-enter.
- `info`: pgBackRest's view of the repository.

Usage: python -m services.tooling.backup backup [--type full|diff|incr] [--no-secrets]
       python -m services.tooling.backup drill [--no-backup] [--keep]
       python -m services.tooling.backup restore --target 'YYYY-MM-DD HH:MM:SS+03'
       python -m services.tooling.backup export-school --port PORT --school SCHOOL_ID --out DIR
       python -m services.tooling.backup info
"""
import argparse
import contextlib
import dataclasses
import datetime as dt
import json
import os
import pathlib
import shutil
import socket
import subprocess
import sys
import tarfile
import tempfile
import time
import uuid
from collections.abc import Iterator

import sqlalchemy as sa

from services import topology

SECRETS_KEPT = 14  # newest secrets' tars kept (OTMETKA_BACKUP_SECRETS_KEPT)


class BackupError(RuntimeError):
    pass


@dataclasses.dataclass(frozen=True)
class Stack:
    """What backups need of the stack: written into stack.env by infra/stack.sh up."""

    state_dir: pathlib.Path
    backup_dir: pathlib.Path
    config: str
    stanza: str
    pg_bin: pathlib.Path
    pg: dict[str, str] = dataclasses.field(repr=False)  # the stack's settings with its secrets: topology.pg_url

    @classmethod
    def from_env(cls, env: dict[str, str] | None = None) -> "Stack":
        env = env if env is not None else topology.stack_env()
        missing = [k for k in ("OTMETKA_PGBACKREST_CONFIG", "OTMETKA_BACKUP_DIR", "OTMETKA_PG_BIN") if k not in env]
        if missing:
            raise BackupError(f"the stack's settings lack {', '.join(missing)}: run `infra/stack.sh up` (this version)")
        return cls(pathlib.Path(env["OTMETKA_STATE_DIR"]), pathlib.Path(env["OTMETKA_BACKUP_DIR"]),
                   env["OTMETKA_PGBACKREST_CONFIG"], env.get("OTMETKA_PGBACKREST_STANZA", "otmetka"),
                   pathlib.Path(env["OTMETKA_PG_BIN"]), env)

    def url(self, database: str = "postgres", port: int | None = None) -> str:
        return topology.pg_url(self.pg, "postgres", database, port)


def as_postgres(argv: list[str]) -> list[str]:
    """pgBackRest and pg_ctl run as the cluster's owner (the repository and the data directories are theirs)."""
    return ["runuser", "-u", "postgres", "--", *argv] if os.geteuid() == 0 else argv


def pgbackrest(stack: Stack, *args: str, timeout: float = 1800) -> str:
    argv = as_postgres(["pgbackrest", f"--config={stack.config}", f"--stanza={stack.stanza}", *args])
    proc = subprocess.run(argv, capture_output=True, text=True, timeout=timeout, stdin=subprocess.DEVNULL)
    if proc.returncode != 0:
        raise BackupError(f"pgbackrest {' '.join(args)} failed ({proc.returncode}):\n{proc.stdout}{proc.stderr}"
                          f"{log_tail(stack)}")
    return proc.stdout


def log_tail(stack: Stack) -> str:
    """The end of pgBackRest's newest log of the stanza."""
    logs = sorted((stack.state_dir / "logs" / "pgbackrest").glob(f"{stack.stanza}-*.log"), key=os.path.getmtime)
    return file_tail(logs[-1]) if logs else ""


def engine(url: str) -> sa.Engine:
    return sa.create_engine(url, poolclass=sa.pool.NullPool, isolation_level="AUTOCOMMIT")


def require_archiving(stack: Stack) -> None:
    """The cluster archives its WAL into this stack's repository (a cluster started before `stack.sh up` configured
    archiving does not, until it is restarted)."""
    with engine(stack.url()).connect() as conn:
        mode, command = conn.scalar(sa.text("SHOW archive_mode")), conn.scalar(sa.text("SHOW archive_command"))
    if mode != "on" or stack.config not in command:
        raise BackupError("PostgreSQL does not archive its WAL into this stack's pgBackRest repository (it was started "
                          "before backups were configured): restart it (`make stop && make apps`)")


def backups(stack: Stack) -> list[dict]:
    info = json.loads(pgbackrest(stack, "info", "--output=json"))
    return info[0].get("backup", []) if info else []


def take_backup(stack: Stack, kind: str = "full") -> dict:
    """A backup of the cluster (pgBackRest expires old ones by repo1-retention-full); returns its info entry."""
    pgbackrest(stack, "backup", f"--type={kind}")
    return backups(stack)[-1]


def switch_wal_and_wait(stack: Stack, timeout: float = 60) -> str:
    """Closes the current WAL segment and waits until the archiver has pushed it (pg_stat_archiver): everything
    committed before the call is then in the repository. Returns the segment's name."""
    with engine(stack.url()).connect() as conn:
        segment = conn.scalar(sa.text("SELECT pg_walfile_name(pg_switch_wal())"))
        started = conn.scalar(sa.text("SELECT now()"))
        deadline = time.monotonic() + timeout
        while True:
            row = conn.execute(sa.text("SELECT last_archived_wal, last_failed_wal, last_failed_time "
                                       "FROM pg_stat_archiver")).one()
            if row.last_archived_wal and row.last_archived_wal[:24] >= segment:
                return segment
            if row.last_failed_wal and row.last_failed_time and row.last_failed_time >= started:
                raise BackupError(f"archiving {row.last_failed_wal} failed{log_tail(stack)}")
            if time.monotonic() > deadline:
                raise BackupError(f"WAL segment {segment} not archived after {timeout:.0f}s{log_tail(stack)}")
            time.sleep(0.2)  # polling the archiver's own statistics: the condition is checked, not slept on


def database_now(stack: Stack) -> str:
    """The moment now on the database's clock, in a form recovery_target_time reads."""
    with engine(stack.url()).connect() as conn:
        return conn.scalar(sa.text("SELECT to_char(clock_timestamp() AT TIME ZONE 'UTC', "
                                   "'YYYY-MM-DD HH24:MI:SS.US') || '+00'"))


def backup_before(stack: Stack, target_time: str) -> str:
    """The newest backup that ended before the moment (pgBackRest's stop times are whole seconds: one ending in the
    target's second is not taken)."""
    with engine(stack.url()).connect() as conn:
        target = int(conn.scalar(sa.text("SELECT floor(extract(epoch FROM CAST(:t AS timestamptz)))"),
                                 {"t": target_time}))
    earlier = [entry for entry in backups(stack) if entry["timestamp"]["stop"] < target]
    if not earlier:
        raise BackupError(f"no backup in the repository ended before {target_time}")
    return earlier[-1]["label"]


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@dataclasses.dataclass
class Scratch:
    """A cluster restored from the repository, running on a free port until the context ends."""

    directory: pathlib.Path
    port: int
    timings: dict[str, float]

    def url(self, stack: Stack, database: str = "postgres") -> str:
        return stack.url(database, self.port)


@contextlib.contextmanager
def restored(stack: Stack, target_time: str | None = None, backup_set: str | None = None,
             keep: bool = False) -> Iterator[Scratch]:
    """Restores the cluster from a backup (`backup_set`, the newest by default) and the archived WAL (up to
    `target_time`, or to the end of the archive) into a new directory, starts it on a free port with archiving off (a
    scratch cluster never writes into the repository), waits until it has recovered and been promoted, yields it, then
    stops it (its own postmaster, by its pid file) and deletes the directory.

    The set is named because pgBackRest compares a time target with the backups' stop times in whole seconds: it
    refuses a target in the second a backup ended."""
    # on a disk with room for the whole cluster: OTMETKA_RESTORE_DIR, or the system's temporary directory
    directory = pathlib.Path(tempfile.mkdtemp(prefix="otmetka-restore-", dir=os.environ.get("OTMETKA_RESTORE_DIR")))
    os.chmod(directory, 0o711)
    data, sockets, log = directory / "pg", directory / "socket", directory / "postgres.log"
    for path in (data, sockets):
        path.mkdir(mode=0o700)
    if os.geteuid() == 0:
        for path in (directory, data, sockets):
            shutil.chown(path, "postgres", "postgres")
    timings: dict[str, float] = {}
    started = kept = False
    try:
        t0 = time.monotonic()
        backup_set = backup_set or backups(stack)[-1]["label"]
        target = ["--type=time", f"--target={target_time}", "--target-action=promote"] if target_time else []
        pgbackrest(stack, "restore", f"--set={backup_set}", f"--pg1-path={data}", "--archive-mode=off", *target)
        timings["restore"] = time.monotonic() - t0
        port = free_port()
        options = (f"-c port={port} -c listen_addresses=127.0.0.1 -c unix_socket_directories={sockets} "
                   "-c archive_mode=off")
        t1 = time.monotonic()
        proc = subprocess.run(as_postgres([str(stack.pg_bin / "pg_ctl"), "-D", str(data), "-l", str(log), "-o",
                                           options, "-w", "-t", "600", "start"]),
                              capture_output=True, text=True, stdin=subprocess.DEVNULL)
        started = (data / "postmaster.pid").exists()
        if proc.returncode != 0:
            raise BackupError(f"the restored cluster did not start:\n{proc.stdout}{proc.stderr}{file_tail(log)}")
        wait_promoted(stack.url(port=port), data, log)
        timings["recovery"] = time.monotonic() - t1
        yield Scratch(directory, port, timings)
        kept = keep
    finally:
        if not kept:
            if started:
                stop_scratch(stack, data)
            shutil.rmtree(directory, ignore_errors=True)


def wait_promoted(url: str, data: pathlib.Path, log: pathlib.Path, timeout: float = 600) -> None:
    """Until the restored cluster has replayed up to its target and left recovery (or its postmaster has exited)."""
    deadline = time.monotonic() + timeout
    scratch = engine(url)
    try:
        while True:
            try:
                with scratch.connect() as conn:
                    if not conn.scalar(sa.text("SELECT pg_is_in_recovery()")):
                        return
            except sa.exc.OperationalError:
                pass  # the postmaster exited (checked next) or is not accepting connections yet
            if not (data / "postmaster.pid").exists() or time.monotonic() > deadline:
                raise BackupError(f"the restored cluster did not finish its recovery (a target after the last archived "
                                  f"commit is never reached){file_tail(log)}")
            time.sleep(0.2)  # polling the server's own state
    finally:
        scratch.dispose()


def stop_scratch(stack: Stack, data: pathlib.Path) -> None:
    subprocess.run(as_postgres([str(stack.pg_bin / "pg_ctl"), "-D", str(data), "-m", "fast", "-w", "-t", "60",
                                "stop"]), capture_output=True, stdin=subprocess.DEVNULL)


def file_tail(path: pathlib.Path, lines: int = 30) -> str:
    if not path.exists():
        return ""
    return f"\n----- last lines of {path} -----\n" + "\n".join(path.read_text(errors="replace").splitlines()[-lines:])


# ---------------------------------------------------------------------------------------------------------------
# the installation's secrets
# ---------------------------------------------------------------------------------------------------------------

def secret_paths(state_dir: pathlib.Path) -> list[pathlib.Path]:
    """What a restored installation needs besides its databases: the stack's and the launcher's generated secrets,
    the archive's PKI (its CA keys, the directors' keys), and Keycloak's development database (the realms' users)."""
    candidates = [state_dir / "secrets.env", state_dir / "app-secrets.env", state_dir / "pki",
                  state_dir / "keycloak" / "home" / "data" / "h2"]
    return [path for path in candidates if path.exists()]


def save_secrets(stack: Stack, now: dt.datetime | None = None, kept: int | None = None) -> pathlib.Path:
    """A dated tar (mode 0600, in a directory of mode 0700) of the installation's secrets beside the repository; the
    oldest beyond `kept` are deleted. In production the secrets live in the operator's vault instead."""
    now = now or dt.datetime.now(dt.UTC)
    kept = kept or int(os.environ.get("OTMETKA_BACKUP_SECRETS_KEPT", SECRETS_KEPT))
    directory = stack.backup_dir / "secrets"
    directory.mkdir(mode=0o700, parents=True, exist_ok=True)
    os.chmod(directory, 0o700)
    path = directory / f"otmetka-secrets-{now:%Y%m%dT%H%M%SZ}.tar.gz"
    partial = path.with_suffix(".partial")
    fd = os.open(partial, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with os.fdopen(fd, "wb") as raw, tarfile.open(fileobj=raw, mode="w:gz") as tar:
        for source in secret_paths(stack.state_dir):
            # Keycloak's H2 file is copied while Keycloak runs: a crash-consistent copy, which H2 recovers on open
            tar.add(source, arcname=str(source.relative_to(stack.state_dir)))
    os.replace(partial, path)
    for old in sorted(directory.glob("otmetka-secrets-*.tar.gz"))[:-kept]:
        old.unlink()
    return path


# ---------------------------------------------------------------------------------------------------------------
# commands
# ---------------------------------------------------------------------------------------------------------------

def size_of(stack: Stack) -> int:
    with engine(stack.url()).connect() as conn:
        return conn.scalar(sa.text("SELECT sum(pg_database_size(datname)) FROM pg_database"))


def cmd_backup(stack: Stack, kind: str, secrets: bool) -> None:
    require_archiving(stack)
    t0 = time.monotonic()
    entry = take_backup(stack, kind)
    print(f"backup {entry['label']} ({entry['type']}): {entry['info']['size'] / 2**20:.0f} MiB of cluster, "
          f"{entry['info']['repository']['delta'] / 2**20:.0f} MiB stored, {time.monotonic() - t0:.1f} s")
    if secrets:
        print(f"secrets: {save_secrets(stack)}")


DRILL_DB = "otmetka_restore_drill"


def cmd_drill(stack: Stack, backup_first: bool, keep: bool) -> None:
    """The drill `make restore-drill` runs: see the module's text."""
    require_archiving(stack)
    t_total = time.monotonic()
    timings: dict[str, float] = {}
    with engine(stack.url()).connect() as conn:
        if not conn.scalar(sa.text("SELECT 1 FROM pg_database WHERE datname = :d"), {"d": DRILL_DB}):
            conn.execute(sa.text(f"CREATE DATABASE {DRILL_DB}"))
        databases = sorted(conn.scalars(sa.text("SELECT datname FROM pg_database WHERE NOT datistemplate")))
    if backup_first or not backups(stack):
        t0 = time.monotonic()
        entry = take_backup(stack, "full")
        timings["full backup"] = time.monotonic() - t0
    else:
        entry = backups(stack)[-1]
    print(f"restoring from backup {entry['label']} ({entry['type']}, {entry['info']['size'] / 2**20:.0f} MiB)")
    drill = engine(stack.url(DRILL_DB))
    with drill.connect() as conn:
        conn.execute(sa.text("CREATE TABLE IF NOT EXISTS drill (id bigserial PRIMARY KEY, phase text NOT NULL, "
                             "marker text NOT NULL, written_at timestamptz NOT NULL DEFAULT clock_timestamp())"))
        before, after = (f"{phase}-{os.urandom(6).hex()}" for phase in ("before", "after"))
        conn.execute(sa.text("INSERT INTO drill (phase, marker) VALUES ('before', :m)"), {"m": before})
        target = database_now(stack)
        conn.execute(sa.text("INSERT INTO drill (phase, marker) VALUES ('after', :m)"), {"m": after})
    t0 = time.monotonic()
    switch_wal_and_wait(stack)
    timings["archive the WAL"] = time.monotonic() - t0
    size = size_of(stack)
    with restored(stack, target, entry["label"], keep=keep) as scratch:
        timings.update(scratch.timings)
        t0 = time.monotonic()
        with engine(scratch.url(stack, DRILL_DB)).connect() as conn:
            markers = set(conn.scalars(sa.text("SELECT marker FROM drill")))
        with engine(scratch.url(stack)).connect() as conn:
            restored_databases = sorted(conn.scalars(sa.text(
                "SELECT datname FROM pg_database WHERE NOT datistemplate")))
        timings["checks"] = time.monotonic() - t0
        if before not in markers or after in markers:
            raise BackupError(f"the restore to {target} is wrong: row written before it present: {before in markers}, "
                              f"row written after it present: {after in markers}")
        if missing := sorted(set(databases) - set(restored_databases)):
            raise BackupError(f"databases missing from the restored cluster: {', '.join(missing)}")
        if keep:
            print(f"kept: {scratch.directory} (port {scratch.port}; stop it with pg_ctl -D {scratch.directory}/pg stop)")
    total = time.monotonic() - t_total
    print(f"restore drill passed: the cluster ({size / 2**20:.0f} MiB, {len(databases)} databases) restored to {target}")
    for step, seconds in timings.items():
        print(f"  {step:<16} {seconds:7.1f} s")
    print(f"  {'total':<16} {total:7.1f} s")


def cmd_restore(stack: Stack, target: str) -> None:
    require_archiving(stack)
    switch_wal_and_wait(stack)  # what was committed until now is in the repository
    with restored(stack, target, backup_before(stack, target), keep=True) as scratch:
        print(f"the cluster as at {target} runs on 127.0.0.1:{scratch.port} (user postgres), data in "
              f"{scratch.directory}/pg; restored in {sum(scratch.timings.values()):.1f} s")
        print(f"stop it: runuser -u postgres -- {stack.pg_bin}/pg_ctl -D {scratch.directory}/pg -m fast stop "
              f"&& rm -rf {scratch.directory}")


def cmd_export_school(stack: Stack, port: int, school_id: str, out: pathlib.Path) -> None:
    """Every table with a school_id column, in every otmetka_* database of the cluster on `port` (a restored one): the
    school's rows as <database>/<table>.csv with a header line."""
    school_id = str(uuid.UUID(school_id))
    with engine(stack.url(port=port)).connect() as conn:
        names = list(conn.scalars(sa.text("SELECT datname FROM pg_database WHERE datname LIKE 'otmetka\\_%' "
                                          "ORDER BY datname")))
    for name in names:
        db = engine(stack.url(name, port))
        with db.connect() as conn:
            tables = conn.execute(sa.text(
                "SELECT table_schema, table_name FROM information_schema.columns c JOIN information_schema.tables t "
                "USING (table_schema, table_name) WHERE column_name = 'school_id' AND table_type = 'BASE TABLE' "
                "AND table_schema NOT IN ('pg_catalog', 'information_schema') ORDER BY 1, 2")).all()
            raw = conn.connection.driver_connection
            for schema, table in tables:
                path = out / name / f"{table}.csv"
                path.parent.mkdir(parents=True, exist_ok=True)
                query = (f'COPY (SELECT * FROM "{schema}"."{table}" WHERE school_id = %s) '
                         "TO STDOUT WITH (FORMAT csv, HEADER)")
                with raw.cursor() as cursor, open(path, "wb") as file, cursor.copy(query, (school_id,)) as copy:
                    for chunk in copy:
                        file.write(chunk)
                print(f"{path}")
        db.dispose()


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(prog="python -m services.tooling.backup", description=__doc__.split("\n")[0])
    sub = parser.add_subparsers(dest="command", required=True)
    backup = sub.add_parser("backup", help="back up the cluster (pgBackRest) and the secrets (a dated tar)")
    backup.add_argument("--type", choices=("full", "diff", "incr"), default="full")
    backup.add_argument("--no-secrets", action="store_true")
    drill = sub.add_parser("drill", help="restore to a moment into a scratch cluster and check it")
    drill.add_argument("--no-backup", action="store_true", help="restore from the newest backup in the repository")
    drill.add_argument("--keep", action="store_true", help="leave the restored cluster running and its directory")
    restore = sub.add_parser("restore", help="the cluster as at a moment, left running on a free port")
    restore.add_argument("--target", required=True, help="a moment PostgreSQL reads, e.g. '2026-12-07 10:15:00+03'")
    export = sub.add_parser("export-school", help="one school's rows of a (restored) cluster as CSV files")
    export.add_argument("--port", type=int, required=True)
    export.add_argument("--school", required=True)
    export.add_argument("--out", type=pathlib.Path, required=True)
    sub.add_parser("info", help="the repository's backups")
    args = parser.parse_args(argv)
    try:
        stack = Stack.from_env()
        if args.command == "backup":
            cmd_backup(stack, args.type, not args.no_secrets)
        elif args.command == "drill":
            cmd_drill(stack, not args.no_backup, args.keep)
        elif args.command == "restore":
            cmd_restore(stack, args.target)
        elif args.command == "export-school":
            cmd_export_school(stack, args.port, args.school, args.out)
        else:
            print(pgbackrest(stack, "info"), end="")
    except BackupError as exc:
        print(f"backup: {exc}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
