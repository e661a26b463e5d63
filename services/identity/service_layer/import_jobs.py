"""StartPeopleImport runs the people import in the background as a job whose progress (phase and lines done)
GetImportJob shows while it runs, and its report or refusal after. A running job beats every HEARTBEAT; `reap`
fails the jobs whose process is gone (no beat for STALE) with a Russian reason, audited in their school."""
import contextvars
import datetime as dt
import logging
import uuid
from concurrent.futures import Executor

from proto.identity.v1 import identity_pb2 as pb
from services.common.db import parse_uuid
from services.common.errors import DomainError, NotFound
from services.common.heartbeat import Heartbeat
from services.common.scope import PrincipalSource, Scope
from services.identity.adapters.protobuf import import_job_message
from services.identity.domain import people_import
from services.identity.domain.people_import import Line
from services.identity.service_layer.people_import import kept_contacts, run_import
from services.identity.service_layer.ports import ClassGroups, Directory, UnitsOfWork
from services.identity.service_layer.unit_of_work import IdentityUnitOfWork

log = logging.getLogger(__name__)
HEARTBEAT = dt.timedelta(seconds=30)  # a running job says it is alive at least this often
STALE = dt.timedelta(minutes=5)  # ten missed heartbeats: the job's process is gone
INTERRUPTED = "Загрузка прервана перезапуском службы, загрузите файл снова"


def start_import(scope: Scope, uows: UnitsOfWork, principals: PrincipalSource, class_groups: ClassGroups,
                 jobs: Executor, filename: str, content: bytes, dry_run: bool) -> pb.ImportJob:
    """Checks the file as a whole (format, size, header) now, then imports it in the background."""
    kept = kept_contacts(scope, uows(scope.school_id))
    lines = people_import.read_lines(filename, content)
    job_id = str(uuid.uuid4())
    scope.require("person.manage")
    with uows(scope.school_id) as uow:
        uow.jobs.add(job_id, filename, dry_run, len(lines), scope.actor)
    # it beats from now, also while queued behind other jobs, so that reap never takes it for an orphan
    heartbeat = job_heartbeat(uows, scope.school_id, job_id)
    heartbeat.start()
    # the job keeps the caller's context (who, from where) for its policy checks and audit row; it asks again who
    # the caller is in the school when it runs (their rights may have changed while it waited)
    jobs.submit(contextvars.copy_context().run, _run_job, Scope(scope.school_id, principals), uows, class_groups,
                job_id, filename, lines, dry_run, kept, heartbeat)
    return get_import_job(scope, uows(scope.school_id), job_id)


def _run_job(scope: Scope, uows: UnitsOfWork, class_groups: ClassGroups, job_id: str, filename: str,
             lines: list[Line], dry_run: bool, kept: list[str], heartbeat: Heartbeat) -> None:
    def progress(phase: str, done: int) -> None:
        with uows(scope.school_id) as uow:  # its own transaction: seen while the import's is open
            uow.jobs.beat(job_id, phase=phase, processed=done)

    try:
        with uows(scope.school_id) as uow:
            reaped = uow.jobs.status(job_id) != "running"
        if reaped:  # failed while it waited (its beats did not get through): the user was told to upload again
            return
        report = run_import(scope, uows(scope.school_id), class_groups, filename, lines, dry_run, kept, progress)
        values = {"status": "done", "report": report.SerializeToString()}
    except DomainError as error:
        values = {"status": "failed", "error": {"message": error.message, "fields": error.fields}}
    except Exception:
        log.exception("import job %s failed", job_id)
        values = {"status": "failed", "error": {"message": DomainError().message, "fields": {}}}
    finally:
        heartbeat.stop()
    # what happened is written even over a reaper's verdict (a job that could not beat for a while but lived)
    with uows(scope.school_id) as uow:
        uow.jobs.finish(job_id, **values)


def job_heartbeat(uows: UnitsOfWork, school_id: str, job_id: str) -> Heartbeat:
    """Beats for the job every HEARTBEAT from its submission until stop(): while it waits for a worker and through
    long steps without progress (asking schedule about class groups, the import's own transaction), so `reap` can
    tell a job whose process is gone from a live one."""
    def beat() -> None:
        with uows(school_id) as uow:
            uow.jobs.beat(job_id)

    return Heartbeat(beat, HEARTBEAT, f"import-beat-{job_id[:8]}")


def get_import_job(scope: Scope, uow: IdentityUnitOfWork, job_id: str) -> pb.ImportJob:
    scope.require("person.manage")
    with uow:
        row = uow.jobs.row(parse_uuid(job_id, "job_id"))
    if row is None:
        raise NotFound("Загрузка не найдена", {"job_id": "не найдена"})
    return import_job_message(row)


def reap(uows: UnitsOfWork, directory: Directory) -> list[str]:
    """Fails the stale running jobs of every school; returns their ids."""
    found = directory.stale_jobs(STALE)
    reaped = []
    for school_id in sorted({row.school_id for row in found}):
        with uows(school_id) as uow:
            jobs = uow.jobs.fail_stale([row.id for row in found if row.school_id == school_id], STALE,
                                       {"message": INTERRUPTED, "fields": {}})
            for job in jobs:
                uow.audit.record("import_job.interrupted", job.id, filename=job.filename, phase=job.phase,
                                 processed=job.processed, total=job.total, started_by=job.started_by)
        reaped += [job.id for job in jobs]
    if reaped:
        log.warning("import jobs left running by a stopped process marked failed: %s", ", ".join(reaped))
    return reaped
