"""The weekly user-activity report on schedule (seed 003 §8: formed once a week): from the school's weekday on
(Monday unless the school moved it; never when it turned the report off), the report of the week before is formed for
every school that has staff, once per school and week (any replica, any restart: the job of a school, kind and
scheduled day — the week's Monday — is unique), as a PDF on the school's reports page."""
import datetime as dt
import uuid

from services.common.scope import Scope
from services.reporting.adapters.report_job_store import ReportJobQueue
from services.reporting.domain import report_schedule
from services.reporting.domain.user_activity import last_full_week, week
from services.reporting.service_layer.report_jobs import SCHEDULER
from services.reporting.service_layer.unit_of_work import UnitsOfWork

KIND = "user-activity"


def form_weekly_activity(queue: ReportJobQueue, uows: UnitsOfWork, today: dt.date) -> list[str]:
    """Starts the report of last week for each school not started for this week yet; the schools started for."""
    due, week_of = week(today)[0], last_full_week(today)
    started = []
    for school_id in queue.schools():
        with uows(Scope.of_event(school_id)) as uow:
            if (not report_schedule.weekly_due(uow.report_jobs.schedule().activity_weekday, today)
                    or uow.report_jobs.scheduled(KIND, due) or not uow.activity.has_staff()):
                continue
            params = {"week_of": week_of.isoformat(), "format": "pdf"}
            if uow.report_jobs.add(str(uuid.uuid4()), KIND, params, report_schedule.params_key(KIND, params),
                                   SCHEDULER, due):
                started.append(school_id)
    return started
