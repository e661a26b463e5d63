"""The municipal authority's overviews as protobuf messages (proto/reporting/v1: AuthorityMetrics and the rest)."""
import datetime as dt

from proto.reporting.v1 import reporting_pb2 as pb
from services.reporting.domain.school_aggregates import Aggregate


def iso(value: dt.date | dt.datetime | None) -> str:
    return value.isoformat() if value else ""


def metrics_proto(a: Aggregate) -> pb.AuthorityMetrics:
    return pb.AuthorityMetrics(
        classes=a.classes, students=a.students, average=a.average, quality=a.quality, pass_rate=a.pass_rate,
        lessons_missed=a.lessons_missed, missed_per_student=a.missed_per_student,
        missed_by_reason=[pb.AuthorityMissed(reason=code, name=name, lessons=n, percent=share)
                          for code, name, n, share in a.missed_shares],
        lessons_to_date=a.lessons_to_date, lessons_on_time=a.lessons_on_time, fill_rate=a.fill_rate,
        staff=a.accounts.staff, staff_activated=a.accounts.staff_activated,
        staff_activated_rate=a.accounts.staff_rate, families=a.accounts.families,
        families_activated=a.accounts.families_activated, families_activated_rate=a.accounts.families_rate,
        archives_sealed=a.archives_sealed, period_name=a.period_name, date_from=iso(a.date_from),
        date_to=iso(a.date_to), grade=a.grade, period=a.period_key)


def schools_overview_proto(o) -> pb.SchoolsOverview:
    """`o`: service_layer.authority.SchoolsOverview."""
    return pb.SchoolsOverview(
        year=o.year, period=o.period, period_name=o.period_name, years=list(o.years),
        periods=[pb.AuthorityPeriod(key=key, name=name) for key, name in o.periods],
        schools=[pb.AuthoritySchoolRow(school_id=r.school_id, school_name=r.school_name,
                                       computed=r.aggregate is not None,
                                       metrics=metrics_proto(r.aggregate) if r.aggregate else None)
                 for r in o.schools],
        total=metrics_proto(o.total), sort=o.sort, descending=o.descending, computed_at=iso(o.computed_at))


def school_overview_proto(o) -> pb.SchoolOverview:
    """`o`: service_layer.authority.SchoolOverview."""
    return pb.SchoolOverview(school_id=o.school_id, school_name=o.school_name, year=o.year, years=list(o.years),
                             rows=[metrics_proto(r) for r in o.rows], computed_at=iso(o.computed_at))
