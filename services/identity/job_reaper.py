"""Import jobs whose process is gone: a job still `running` whose heartbeat is older than STALE (its process
stopped or crashed: a job beats every import_handler.HEARTBEAT) is marked failed with a Russian reason and
audited in its school. Runs when identity starts and every REAP_EVERY after, in each replica: a job another
live replica runs keeps beating and is never touched.
"""
import datetime as dt
import logging
import threading

from sqlalchemy import func, select, update

from services.common.db import Database
from services.identity import audit
from services.identity.tables import import_jobs

log = logging.getLogger(__name__)
STALE = dt.timedelta(minutes=5)  # ten missed heartbeats
REAP_EVERY = dt.timedelta(minutes=1)
INTERRUPTED = "Загрузка прервана перезапуском службы, загрузите файл снова"


def reap(db: Database) -> list[str]:
    """Fails the stale running jobs of every school; returns their ids."""
    stale = (import_jobs.c.status == "running") & (import_jobs.c.heartbeat_at < func.now() - STALE)
    with db.system_session() as session:
        found = session.execute(select(import_jobs.c.id, import_jobs.c.school_id).where(stale)).all()
    reaped = []
    for school_id in sorted({row.school_id for row in found}):
        with db.tenant_session(school_id) as session:  # checked again under the update: a job that beat meanwhile stays
            jobs = session.execute(update(import_jobs).where(
                import_jobs.c.id.in_([row.id for row in found if row.school_id == school_id]), stale,
            ).values(status="failed", finished_at=func.now(), error={"message": INTERRUPTED, "fields": {}})
                .returning(import_jobs.c.id, import_jobs.c.filename, import_jobs.c.phase, import_jobs.c.processed,
                           import_jobs.c.total, import_jobs.c.started_by)).all()
            for job in jobs:
                audit.record(session, school_id, "import_job.interrupted", job.id, filename=job.filename,
                             phase=job.phase, processed=job.processed, total=job.total, started_by=job.started_by)
        reaped += [job.id for job in jobs]
    if reaped:
        log.warning("import jobs left running by a stopped process marked failed: %s", ", ".join(reaped))
    return reaped


class JobReaper(threading.Thread):
    """The reaper as one of the service's workers (started before serving, stopped on shutdown)."""

    def __init__(self, db: Database):
        super().__init__(name="import-job-reaper", daemon=True)
        self.db = db
        self.stop_event = threading.Event()

    def run(self) -> None:
        while True:
            try:
                reap(self.db)
            except Exception:
                log.exception("reaping stale import jobs failed")
            if self.stop_event.wait(REAP_EVERY.total_seconds()):
                return

    def stop(self) -> None:
        self.stop_event.set()
        self.join(timeout=5)
