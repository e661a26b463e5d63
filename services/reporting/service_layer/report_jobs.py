"""Reports formed in the background (R3): StartReportJob queues a job (the same request while one is queued or
running gets that one), a worker of any replica takes it (run_next), forms the file with progress and puts it in the
object store until it expires; `reap` queues again the jobs whose process is gone (forming is idempotent), failing
them with a Russian reason after ATTEMPTS; `expire` removes the files whose time is up; `form_scheduled` starts the
schools' scheduled summary sheets once per scheduled day and the school-wide period reports of each ended period once."""
import contextlib
import datetime as dt
import logging
import uuid
from collections.abc import Callable
from dataclasses import dataclass

from services.common.db import parse_uuid
from services.common.errors import DomainError, FailedPrecondition, NotFound
from services.common.heartbeat import Heartbeat
from services.common.object_store import ObjectStore
from services.common.policy import Principal
from services.common.scope import Scope
from services.reporting.adapters.report_job_store import ReportJobQueue
from services.reporting.domain import report_schedule
from services.reporting.domain.school_periods import OPEN, school_periods
from services.reporting.service_layer.report_kinds import KINDS, Job, checked_request
from services.reporting.service_layer.school_reports import ReportFile
from services.reporting.service_layer.unit_of_work import ReportingUnitOfWork, UnitsOfWork

log = logging.getLogger(__name__)
BUCKET = "otmetka-reports"
HEARTBEAT = dt.timedelta(seconds=10)  # a running job says it is alive at least this often
STALE = dt.timedelta(minutes=1)  # six missed heartbeats: the job's process is gone
ATTEMPTS = 3
INTERRUPTED = "Формирование прервано перезапуском службы трижды: запросите отчёт снова"
FAILED = "Отчёт не сформирован из-за внутренней ошибки, запросите его снова"
LIST_LIMIT = 50
SCHEDULER = "schedule"  # requested_by of the scheduled jobs
SCHEDULED_KIND = "summary-sheets"
PERIOD_KIND = "period-reports"  # scheduled once per period, with the period's last day as its scheduled day
# a year whose last period ended longer ago than this (and no later year has begun) has nothing scheduled: its
# reports were formed as it ended (a school joining later, or an old year in tests, is not flooded with them)
FINISHED_AGO = dt.timedelta(days=14)


@dataclass(frozen=True)
class FileStore:
    """Where the formed files go and for how long."""
    store: ObjectStore
    keep: dt.timedelta


class FormingScope(Scope):
    """The scope a worker forms a job in: the school's, with the rights checked when the job was asked for (the
    requester's token is long gone by then)."""

    def __init__(self, school_id: str, requested_by: str):
        super().__init__(school_id, principals=None)
        self.requested_by = requested_by

    def require(self, action: str, refusal: str | None = None, **objects) -> Principal:
        return Principal(subject=self.requested_by, school_id=self.school_id, is_service=True)

    def allowed(self, action: str, **objects) -> bool:
        return True

    @property
    def actor(self) -> str:
        return self.requested_by


def _sees_every_job(scope: Scope) -> bool:
    """Whether the caller sees every job of the school (the managers) or only their own (a form teacher, the
    secretary, a teacher: those who may ask for some report); Forbidden for the others."""
    if scope.allowed("report.read", teacher_id=()):
        return True
    if not (scope.allowed("movement.read") or scope.allowed("teacher_report.read")):
        scope.require("report.read")
    return False


def start_report_job(kind: str, params: dict[str, str], fmt: str, scope: Scope, uow: ReportingUnitOfWork):
    """The queued or running job of the request: a new one, or the one already asked for. Whoever is not of the
    school's staff is refused before the request is looked at (another school's people learn nothing from it)."""
    scope.require("lesson.read")
    report, checked, fmt = checked_request(kind, dict(params), fmt)
    report.allow(scope, checked)
    stored = {**checked, "format": fmt}
    key = report_schedule.params_key(kind, stored)
    with uow:
        uow.report_jobs.add(str(uuid.uuid4()), kind, stored, key, scope.actor)
        return uow.report_jobs.active(key)


def get_report_job(job_id: str, scope: Scope, uow: ReportingUnitOfWork):
    """The job, for the managers and for whoever asked for it."""
    job_id = parse_uuid(job_id, "job_id")
    managers = _sees_every_job(scope)
    with uow:
        row = uow.report_jobs.row(job_id)
    if row is None or not (managers or row.requested_by == scope.actor):
        raise NotFound("Отчёт не найден", {"job_id": "нет такого отчёта"})
    return row


def list_report_jobs(now: dt.datetime, scope: Scope, uow: ReportingUnitOfWork) -> list:
    """The school's recent jobs and formed files, newest first, not expired: all for the managers, the caller's own
    requests for the others who may ask for a report."""
    managers = _sees_every_job(scope)
    with uow:
        return uow.report_jobs.recent(now, None if managers else scope.actor, LIST_LIMIT)


def report_job_file(job_id: str, now: dt.datetime, scope: Scope, uow: ReportingUnitOfWork, files: FileStore
                    ) -> ReportFile:
    row = get_report_job(job_id, scope, uow)
    if row.status in ("queued", "running"):
        raise FailedPrecondition("Отчёт ещё формируется", {"job_id": "ещё не сформирован"})
    if row.status == "failed":
        raise FailedPrecondition(f"Отчёт не сформирован: {row.reason}", {"job_id": "не сформирован"})
    if row.status == "expired" or row.expires_at <= now:
        raise NotFound("Файл отчёта удалён: срок его хранения истёк", {"job_id": "файл удалён"})
    return ReportFile(row.media_type, row.filename, files.store.get(row.object_key))


def run_next(queue: ReportJobQueue, uows: UnitsOfWork, files: FileStore, clock: Callable[[], dt.datetime]) -> bool:
    """Forms the oldest queued job of any school, if there is one; whether there was."""
    row = queue.claim()
    if row is None:
        return False
    scope = FormingScope(row.school_id, row.requested_by)

    def beat(**progress) -> None:
        with uows(scope) as uow:  # its own transaction, seen at once
            uow.report_jobs.beat(row.id, **progress)

    heartbeat = Heartbeat(beat, HEARTBEAT, f"report-beat-{row.id[:8]}")
    heartbeat.start()
    total = 1

    def progress(done: int, of: int) -> None:
        nonlocal total
        total = max(of, 1)
        beat(done=done, total=of)

    try:
        params = {name: value for name, value in row.params.items() if name != "format"}
        job = Job(params, row.params["format"], clock(), scope, lambda: uows(scope))
        report = KINDS[row.kind].form(job, progress)
        key = f"{row.school_id}/{row.id}/{report.filename}"
        files.store.put(key, report.content, report.media_type)
        values = {"status": "done", "done": total, "total": total, "object_key": key, "filename": report.filename,
                  "media_type": report.media_type, "size": len(report.content), "expires_at": clock() + files.keep}
    except DomainError as error:
        values = {"status": "failed", "reason": error.message}
    except Exception:
        log.exception("report job %s failed", row.id)
        values = {"status": "failed", "reason": FAILED}
    finally:
        heartbeat.stop()
    with uows(scope) as uow:
        uow.report_jobs.update(row.id, finished_at=clock(), **values)
    return True


def reap(queue: ReportJobQueue) -> list:
    """Queues again the running jobs whose process is gone, or fails them after ATTEMPTS; (id, school_id, status)."""
    reaped = queue.requeue_stale(STALE, ATTEMPTS, INTERRUPTED)
    for job_id, school_id, status in reaped:
        log.warning("report job %s of school %s left running by a stopped process: %s", job_id, school_id,
                    "queued again" if status == "queued" else "failed")
    return reaped


def expire(queue: ReportJobQueue, files: FileStore, now: dt.datetime) -> list[str]:
    """Removes the formed files whose time is up and marks their jobs expired; their ids."""
    removed = []
    for job_id, _, object_key in queue.expired(now):
        with contextlib.suppress(NotFound):
            files.store.remove(object_key)
        queue.mark_expired(job_id)
        removed.append(job_id)
    return removed


def get_report_schedule(scope: Scope, uow: ReportingUnitOfWork) -> report_schedule.Schedule:
    """The day of the month the summary sheets of every class are formed (0 = not on schedule), whether each
    ended period's school-wide reports are, and the weekday of the weekly user-activity report (0 = not formed)."""
    scope.require("report.read", teacher_id=())
    with uow:
        return uow.report_jobs.schedule()


def set_report_schedule(day: int, period_reports: bool | None, scope: Scope, uow: ReportingUnitOfWork, *,
                        activity_weekday: int | None = None) -> report_schedule.Schedule:
    """period_reports, activity_weekday None: kept as they are."""
    day = report_schedule.checked_day(day)
    if activity_weekday is not None:
        report_schedule.checked_weekday(activity_weekday)
    scope.require("report_schedule.manage", "Расписание отчётов меняют администратор школы и директор")
    with uow:
        uow.report_jobs.set_schedule(day, period_reports, activity_weekday)
        return uow.report_jobs.schedule()


def form_scheduled(queue: ReportJobQueue, uows: UnitsOfWork, today: dt.date) -> list[str]:
    """For each school, once (any replica, any restart): the summary sheets of every class of the current year when
    the scheduled day has come this month, and the period reports of each period of the year that has ended (its
    last day before today); the schools anything was started for."""
    started = []
    for school_id in queue.schools():
        scope = Scope.of_event(school_id)
        with uows(scope) as uow:
            year, _, _ = uow.read_models.class_fill_facts(today)
            if year is None or not uow.report_jobs.class_groups_of_year(year[0]):
                continue
            periods = school_periods(uow.period_results.year_terms(year[0]), year[1], today)
            if periods and max(p.period.date_to for p in periods) < today - FINISHED_AGO:
                continue  # the school's latest year is long over and no new one has begun: nothing is due
            schedule = uow.report_jobs.schedule()
            jobs = [*_summary_sheets_due(schedule, year[0], today, uow),
                    *(_period_reports_due(year[0], periods, uow) if schedule.period_reports else ())]
            added = [uow.report_jobs.add(str(uuid.uuid4()), kind, params, key, SCHEDULER, day)
                     for kind, params, key, day in jobs]
            if any(added):
                started.append(school_id)
    return started


def _summary_sheets_due(schedule: report_schedule.Schedule, year_id: str, today: dt.date, uow: ReportingUnitOfWork
                        ) -> list[tuple]:
    """(kind, params, params key, scheduled day) of the summary sheets, when due and not started yet."""
    due = report_schedule.due_date(schedule.summary_sheets_day, today)
    if due is None or uow.report_jobs.scheduled(SCHEDULED_KIND, due):
        return []
    return [_scheduled(SCHEDULED_KIND, {"academic_year_id": year_id, "format": "zip"}, due)]


def _period_reports_due(year_id: str, periods, uow: ReportingUnitOfWork) -> list[tuple]:
    """(kind, params, params key, scheduled day) of the period reports of each ended period of the year (the unique
    key of a scheduled job makes each start once)."""
    return [_scheduled(PERIOD_KIND, {"academic_year_id": year_id, "period_id": p.period.id, "format": "zip"},
                       p.period.date_to) for p in periods if p.status != OPEN]


def _scheduled(kind: str, params: dict[str, str], day: dt.date) -> tuple:
    return kind, params, report_schedule.params_key(kind, params), day
