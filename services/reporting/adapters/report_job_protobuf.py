"""A report job's row as the ReportJob message, the school's report schedule as ReportSchedule."""
import datetime as dt

from proto.reporting.v1 import reporting_pb2 as pb
from services.reporting.domain.report_schedule import Schedule
from services.reporting.service_layer.report_kinds import KINDS


def _iso(moment: dt.datetime | dt.date | None) -> str:
    return moment.isoformat() if moment else ""


def report_job_proto(row) -> pb.ReportJob:
    params = {name: value for name, value in row.params.items() if name != "format"}
    kind = KINDS.get(row.kind)
    return pb.ReportJob(id=row.id, kind=row.kind, kind_name=kind.name if kind else row.kind, params=params,
                        format=row.params.get("format", ""), status=row.status, done=row.done, total=row.total,
                        reason=row.reason, filename=row.filename, media_type=row.media_type, size=row.size,
                        requested_by=row.requested_by, created_at=_iso(row.created_at),
                        finished_at=_iso(row.finished_at), expires_at=_iso(row.expires_at),
                        scheduled_for=_iso(row.scheduled_for))


def report_schedule_proto(schedule: Schedule) -> pb.ReportSchedule:
    return pb.ReportSchedule(summary_sheets_day=schedule.summary_sheets_day, period_reports=schedule.period_reports,
                             activity_weekday=schedule.activity_weekday)
