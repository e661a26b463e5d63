"""The weekly user-activity report as reporting_pb2 messages."""
import dataclasses

from proto.reporting.v1 import reporting_pb2
from services.reporting.domain.user_activity import ActivityRow, Counts, UserActivity


def counts_proto(counts: Counts) -> reporting_pb2.ActivityCounts:
    return reporting_pb2.ActivityCounts(**dataclasses.asdict(counts))


def row_proto(row: ActivityRow) -> reporting_pb2.UserActivityRow:
    return reporting_pb2.UserActivityRow(name=row.name, roles=row.roles, counts=counts_proto(row.counts))


def user_activity_proto(report: UserActivity, school_id: str) -> reporting_pb2.UserActivity:
    return reporting_pb2.UserActivity(
        school_id=school_id, school_name=report.school_name, week_from=report.week_from.isoformat(),
        week_to=report.week_to.isoformat(), rows=[row_proto(r) for r in report.rows],
        idle=[row_proto(r) for r in report.idle], total=counts_proto(report.total))
