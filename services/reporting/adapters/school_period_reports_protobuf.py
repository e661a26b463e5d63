"""The school-wide period reports (results and knowledge quality, the school summary report, the school progress
summary) and the school's periods as reporting_pb2 messages."""
import datetime as dt

from proto.reporting.v1 import reporting_pb2
from services.reporting.adapters.protobuf import missed_proto
from services.reporting.domain.attendance_sheet import REASONS
from services.reporting.domain.period_results import (
    EXCELLENT,
    FAILING,
    GOOD,
    NOT_ASSESSED,
    ONE_THREE,
    SATISFACTORY,
    SubjectSummary,
)
from services.reporting.domain.progress_summary import ProgressRow, ProgressSummary
from services.reporting.domain.school_periods import SchoolPeriod
from services.reporting.domain.school_results import ResultsRow, SchoolResults
from services.reporting.domain.school_summary import SchoolSummary, SummaryRow


def school_periods_proto(academic_year_id: str, name: str, periods: tuple[SchoolPeriod, ...], today: dt.date
                         ) -> reporting_pb2.SchoolPeriods:
    return reporting_pb2.SchoolPeriods(
        academic_year_id=academic_year_id, academic_year_name=name, today=today.isoformat(), periods=[
            reporting_pb2.SchoolPeriod(
                id=p.period.id, name=p.period.name, date_from=p.period.date_from.isoformat(),
                date_to=p.period.date_to.isoformat(), grade_from=p.grade_from, grade_to=p.grade_to, grades=p.grades,
                due_date=p.due_date.isoformat(), status=p.status) for p in periods])


def results_row_proto(row: ResultsRow) -> reporting_pb2.ResultsRow:
    return reporting_pb2.ResultsRow(
        class_group_id=row.class_group_id, name=row.name, grade=row.grade, students=row.students,
        with_result=row.rates.with_result, excellent=row.count(EXCELLENT), good=row.count(GOOD),
        one_three=row.count(ONE_THREE), satisfactory=row.count(SATISFACTORY), failing=row.count(FAILING),
        not_assessed=row.count(NOT_ASSESSED), quality=row.rates.quality, pass_rate=row.rates.pass_rate,
        average=row.average)


def subject_quality_proto(summary: SubjectSummary) -> reporting_pb2.SubjectQuality:
    return reporting_pb2.SubjectQuality(
        subject_id=summary.subject.id, subject_name=summary.subject.name, with_result=summary.with_result,
        quality=summary.quality, pass_rate=summary.pass_rate, average=summary.average)


def heading_proto(results: SchoolResults, school_id: str) -> reporting_pb2.PeriodReportHeading:
    period = results.period
    return reporting_pb2.PeriodReportHeading(
        school_id=school_id, school_name=results.school_name, academic_year_id=results.academic_year_id,
        academic_year_name=results.academic_year_name, period_id=period.id, period_name=period.name,
        date_from=period.date_from.isoformat(), date_to=period.date_to.isoformat(), left_out=results.notes)


def knowledge_quality_proto(results: SchoolResults, school_id: str) -> reporting_pb2.KnowledgeQuality:
    return reporting_pb2.KnowledgeQuality(
        heading=heading_proto(results, school_id), classes=[results_row_proto(r) for r in results.class_rows],
        grades=[results_row_proto(r) for r in results.grades], total=results_row_proto(results.total),
        subjects=[subject_quality_proto(s) for s in results.subjects],
        grade_subjects=[reporting_pb2.GradeSubjects(grade=g.grade, name=g.name,
                                                    subjects=[subject_quality_proto(s) for s in g.subjects])
                        for g in results.grade_subjects])


def summary_row_proto(row: SummaryRow) -> reporting_pb2.SchoolSummaryRow:
    fill = row.fill
    return reporting_pb2.SchoolSummaryRow(
        class_group_id=fill.class_group_id, name=fill.class_group_name, grade=fill.grade, boys=fill.boys,
        girls=fill.girls, students=fill.total, results=results_row_proto(row.results) if row.results else None,
        assessed=row.results is not None, missed=missed_proto(row.missed),
        lessons_planned=row.lessons.planned if row.lessons else 0, lessons_given=row.lessons.given if row.lessons else 0)


def school_summary_proto(summary: SchoolSummary, school_id: str) -> reporting_pb2.SchoolSummary:
    return reporting_pb2.SchoolSummary(
        heading=heading_proto(summary.results, school_id), on_date=summary.on_date,
        reasons=[reporting_pb2.AttendanceReason(code=code, name=name) for code, name in REASONS],
        rows=[summary_row_proto(r) for r in summary.rows], total=summary_row_proto(summary.total))


def progress_row_proto(row: ProgressRow) -> reporting_pb2.ProgressRow:
    before = row.before.rates if row.before else None
    return reporting_pb2.ProgressRow(
        now=results_row_proto(row.now), has_previous=before is not None,
        previous_quality=before.quality if before else "", previous_pass_rate=before.pass_rate if before else "",
        quality_change=row.quality_change, pass_rate_change=row.pass_rate_change)


def progress_summary_proto(summary: ProgressSummary, school_id: str) -> reporting_pb2.ProgressSummary:
    return reporting_pb2.ProgressSummary(
        heading=heading_proto(summary.results, school_id), previous_period_names=summary.previous_names,
        grades=[progress_row_proto(r) for r in summary.grades], total=progress_row_proto(summary.total))
