"""The workers of the reports formed in the background, in each replica of the service: a small pool forming the
queued jobs (service_layer.report_jobs.run_next), the reaper (stale jobs queued again, expired files removed) when
the service starts and every REAP_EVERY, the scheduler of the schools' summary sheets every SCHEDULE_EVERY, and the
refresher of the authority's aggregates (the schools changed since their last computation) every AGGREGATES_EVERY,
resting after each school so that it keeps to AGGREGATES_DUTY of a core (with the peers it asks) within a round too."""
import datetime as dt
import threading
import time
from collections.abc import Callable

from services.common import metrics
from services.common.periodic import Periodic
from services.reporting.adapters.report_job_store import ReportJobQueue
from services.reporting.adapters.school_aggregate_store import AggregateReader
from services.reporting.service_layer import activity_schedule, authority, report_jobs
from services.reporting.service_layer.unit_of_work import UnitsOfWork

POOL = 2  # jobs formed at once by one replica
IDLE = dt.timedelta(seconds=2)  # how soon a worker with nothing to do looks at the queue again
REAP_EVERY = dt.timedelta(minutes=1)
SCHEDULE_EVERY = dt.timedelta(minutes=5)
AGGREGATES_EVERY = dt.timedelta(minutes=3)  # a changed school's aggregates are at most this old on a quiet day
AGGREGATES_DUTY = 0.1  # of a core at most: on a city's school day (every school changed) a round takes longer


class ReportWorker(threading.Thread):
    """Forms one queued job after another; waits IDLE when there is none."""

    def __init__(self, number: int, queue: ReportJobQueue, uows: UnitsOfWork, files: report_jobs.FileStore,
                 clock: Callable[[], dt.datetime]):
        super().__init__(name=f"report-worker-{number}", daemon=True)
        self.queue, self.uows, self.files, self.clock = queue, uows, files, clock
        self.stop_event = threading.Event()

    def run(self) -> None:
        while not self.stop_event.is_set():
            started = time.monotonic()
            try:
                formed = report_jobs.run_next(self.queue, self.uows, self.files, self.clock)
                if formed:
                    metrics.job_done("report", started)
            except Exception:
                report_jobs.log.exception("taking a report job failed")
                formed = False
            if not formed:
                self.stop_event.wait(IDLE.total_seconds())

    def stop(self) -> None:
        self.stop_event.set()
        self.join(timeout=5)


def report_workers(queue: ReportJobQueue, uows: UnitsOfWork, files: report_jobs.FileStore,
                   clock: Callable[[], dt.datetime], aggregates: AggregateReader) -> list[threading.Thread]:
    def reap_and_expire() -> None:
        report_jobs.reap(queue)
        report_jobs.expire(queue, files, clock())

    def refresh_aggregates() -> None:
        authority.refresh_changed(aggregates, uows, clock().date(), rest=aggregates_worker.rest)

    aggregates_worker = Periodic("school-aggregates", AGGREGATES_EVERY, refresh_aggregates, duty=AGGREGATES_DUTY)
    return [*(ReportWorker(n, queue, uows, files, clock) for n in range(1, POOL + 1)),
            Periodic("report-job-reaper", REAP_EVERY, reap_and_expire),
            Periodic("report-scheduler", SCHEDULE_EVERY,
                     lambda: report_jobs.form_scheduled(queue, uows, clock().date())),
            Periodic("activity-scheduler", SCHEDULE_EVERY,  # the weekly user-activity report
                     lambda: activity_schedule.form_weekly_activity(queue, uows, clock().date())),
            aggregates_worker]
