"""The store of reports formed in the background: a school's jobs and schedule (ReportJobStore, in the school's
transaction) and the queue of every school (ReportJobQueue, the system session: the workers take the next queued
job, the reaper the stale and expired ones, the scheduler the schools)."""
import datetime as dt

from sqlalchemy import case, func, select, update
from sqlalchemy.dialects.postgresql import insert
from sqlalchemy.orm import Session

from services.common.db import Database
from services.reporting.adapters.tables import class_groups, report_jobs, report_schedules, schools
from services.reporting.domain.report_schedule import Schedule

ACTIVE = ("queued", "running")


class ReportJobStore:
    def __init__(self, session: Session, school_id: str):
        self.session, self.school_id = session, school_id

    def add(self, job_id: str, kind: str, params: dict, params_key: str, requested_by: str,
            scheduled_for: dt.date | None = None) -> bool:
        """Queues the job unless the same request is queued or running (or the schedule's job of the day exists);
        whether it was queued."""
        return self.session.execute(insert(report_jobs).values(
            id=job_id, school_id=self.school_id, kind=kind, params=params, params_key=params_key,
            requested_by=requested_by, scheduled_for=scheduled_for,
        ).on_conflict_do_nothing().returning(report_jobs.c.id)).first() is not None

    def active(self, params_key: str):
        """The queued or running job of the request, or None."""
        return self.session.execute(select(report_jobs).where(
            report_jobs.c.params_key == params_key, report_jobs.c.status.in_(ACTIVE))).first()

    def row(self, job_id: str):
        return self.session.execute(select(report_jobs).where(report_jobs.c.id == job_id)).first()

    def recent(self, now: dt.datetime, requested_by: str | None, limit: int) -> list:
        """The school's jobs, newest first, but those whose file has expired (only `requested_by`'s when given)."""
        query = select(report_jobs).where(report_jobs.c.status != "expired", func.coalesce(
            report_jobs.c.expires_at, now) >= now).order_by(report_jobs.c.created_at.desc(), report_jobs.c.id)
        if requested_by is not None:
            query = query.where(report_jobs.c.requested_by == requested_by)
        return self.session.execute(query.limit(limit)).all()

    def scheduled(self, kind: str, day: dt.date) -> bool:
        return self.session.scalar(select(func.count()).select_from(report_jobs).where(
            report_jobs.c.kind == kind, report_jobs.c.scheduled_for == day)) > 0

    def update(self, job_id: str, **values) -> None:
        self.session.execute(update(report_jobs).where(report_jobs.c.id == job_id).values(**values))

    def beat(self, job_id: str, **values) -> None:
        """The running job says it is alive (with its progress, if given)."""
        self.update(job_id, heartbeat_at=func.now(), **values)

    def class_groups_of_year(self, academic_year_id: str) -> list[tuple[str, str]]:
        """(id, name) of the year's class groups in the order of the school's lists: by grade, then name."""
        return [tuple(r) for r in self.session.execute(select(class_groups.c.id, class_groups.c.name).where(
            class_groups.c.academic_year_id == academic_year_id).order_by(class_groups.c.grade, class_groups.c.name))]

    def schedule(self) -> Schedule:
        """The school's schedule; the regulation's defaults while it has not set one."""
        row = self.session.execute(select(report_schedules.c.summary_sheets_day, report_schedules.c.period_reports,
                                          report_schedules.c.activity_weekday)).first()
        return Schedule() if row is None else Schedule(*row)

    def set_schedule(self, day: int, period_reports: bool | None, activity_weekday: int | None) -> None:
        """The day of the summary sheets and, unless None (kept as it is), whether the period reports are formed and
        the weekday of the weekly user-activity report."""
        values = ({"summary_sheets_day": day} | ({} if period_reports is None else {"period_reports": period_reports})
                  | ({} if activity_weekday is None else {"activity_weekday": activity_weekday}))
        self.session.execute(insert(report_schedules).values(school_id=self.school_id, **values)
                             .on_conflict_do_update(index_elements=[report_schedules.c.school_id], set_=values))


class ReportJobQueue:
    def __init__(self, db: Database):
        self.db = db

    def claim(self):
        """Takes the oldest queued job of any school for this worker (a job another worker holds is skipped, so two
        replicas never form one job at once): running, one more attempt; its row, or None."""
        with self.db.system_session() as session:
            job_id = session.scalar(select(report_jobs.c.id).where(report_jobs.c.status == "queued")
                                    .order_by(report_jobs.c.created_at).limit(1).with_for_update(skip_locked=True))
            if job_id is None:
                return None
            return session.execute(update(report_jobs).where(report_jobs.c.id == job_id).values(
                status="running", attempts=report_jobs.c.attempts + 1, heartbeat_at=func.now(), done=0,
            ).returning(report_jobs)).first()

    def requeue_stale(self, older_than: dt.timedelta, attempts: int, reason: str) -> list:
        """Running jobs that have not beaten for `older_than` (their process is gone): queued again, or failed with
        `reason` once they have had `attempts`; (id, school_id, status) of each."""
        exhausted = report_jobs.c.attempts >= attempts
        with self.db.system_session() as session:
            return session.execute(update(report_jobs).where(
                report_jobs.c.status == "running", report_jobs.c.heartbeat_at < func.now() - older_than,
            ).values(status=case((exhausted, "failed"), else_="queued"),
                     reason=case((exhausted, reason), else_=""),
                     finished_at=case((exhausted, func.now()), else_=None),
                     ).returning(report_jobs.c.id, report_jobs.c.school_id, report_jobs.c.status)).all()

    def expired(self, now: dt.datetime) -> list:
        """(id, school_id, object_key) of the formed files whose time is up."""
        with self.db.system_session() as session:
            return session.execute(select(report_jobs.c.id, report_jobs.c.school_id, report_jobs.c.object_key).where(
                report_jobs.c.status == "done", report_jobs.c.expires_at <= now)).all()

    def mark_expired(self, job_id: str) -> None:
        with self.db.system_session() as session:
            session.execute(update(report_jobs).where(report_jobs.c.id == job_id).values(status="expired"))

    def schools(self) -> list[str]:
        """Every school reporting knows."""
        with self.db.system_session() as session:
            return list(session.scalars(select(schools.c.school_id).order_by(schools.c.school_id)))
