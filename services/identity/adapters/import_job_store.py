"""The store of a school's import jobs: their progress, heartbeat and outcome."""
import datetime as dt

from sqlalchemy import func, insert, select, update
from sqlalchemy.orm import Session

from services.identity.adapters.tables import import_jobs


def stale(older_than: dt.timedelta):
    """Running jobs whose last heartbeat is older than `older_than`."""
    return (import_jobs.c.status == "running") & (import_jobs.c.heartbeat_at < func.now() - older_than)


class ImportJobStore:
    def __init__(self, session: Session, school_id: str):
        self.session, self.school_id = session, school_id

    def add(self, job_id: str, filename: str, dry_run: bool, total: int, started_by: str) -> None:
        self.session.execute(insert(import_jobs).values(id=job_id, school_id=self.school_id, filename=filename,
                                                        dry_run=dry_run, total=total, started_by=started_by))

    def row(self, job_id: str):
        """The job's row, or None."""
        return self.session.execute(select(import_jobs).where(import_jobs.c.id == job_id)).first()

    def status(self, job_id: str) -> str | None:
        return self.session.scalar(select(import_jobs.c.status).where(import_jobs.c.id == job_id))

    def update(self, job_id: str, **values) -> None:
        self.session.execute(update(import_jobs).where(import_jobs.c.id == job_id).values(**values))

    def beat(self, job_id: str, **values) -> None:
        """The job says it is alive (with its progress, if given)."""
        self.update(job_id, heartbeat_at=func.now(), **values)

    def finish(self, job_id: str, **values) -> None:
        self.update(job_id, finished_at=func.now(), **values)

    def fail_stale(self, job_ids: list[str], older_than: dt.timedelta, error: dict) -> list:
        """Fails those of the jobs still stale (checked again under the update: a job that beat meanwhile stays);
        the failed ones' rows."""
        return self.session.execute(update(import_jobs).where(import_jobs.c.id.in_(job_ids), stale(older_than)).values(
            status="failed", finished_at=func.now(), error=error,
        ).returning(import_jobs.c.id, import_jobs.c.filename, import_jobs.c.phase, import_jobs.c.processed,
                    import_jobs.c.total, import_jobs.c.started_by)).all()
