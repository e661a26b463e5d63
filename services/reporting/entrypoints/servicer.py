"""gRPC ReportingService: protobuf in, handler call with the call's school scope and a new unit of work, protobuf
out. The clock (the schools' time zone by default) dates the reports formed."""
import datetime as dt
from collections.abc import Callable

from proto.reporting.v1 import reporting_pb2, reporting_pb2_grpc
from services.common import scope
from services.common.dates import SCHOOL_ZONE
from services.reporting.adapters.authority_protobuf import school_overview_proto, schools_overview_proto
from services.reporting.adapters.class_journal_protobuf import class_journal_proto
from services.reporting.adapters.form_osh1_protobuf import form_osh1_proto
from services.reporting.adapters.protobuf import (
    attendance_sheet_proto,
    class_fill_proto,
    curriculum_fulfilment_proto,
    progress_report_proto,
    report_cards_proto,
    student_dynamics_proto,
    student_movement_proto,
    summary_sheet_proto,
    weekly_diaries_proto,
)
from services.reporting.adapters.report_job_protobuf import report_job_proto, report_schedule_proto
from services.reporting.adapters.school_aggregate_store import AggregateReader
from services.reporting.adapters.school_period_reports_protobuf import (
    knowledge_quality_proto,
    progress_summary_proto,
    school_periods_proto,
    school_summary_proto,
)
from services.reporting.adapters.teacher_reports_protobuf import (
    class_results_proto,
    form_teacher_report_proto,
    subject_teacher_report_proto,
)
from services.reporting.adapters.user_activity_protobuf import user_activity_proto
from services.reporting.service_layer import (
    attendance_sheet,
    authority,
    class_journal,
    curriculum_fulfilment,
    form_osh1,
    movement_register,
    report_jobs,
    report_periods,
    school_period_reports,
    school_reports,
    student_reports,
    summary_sheet,
    teacher_reports,
    user_activity,
    weekly_diaries,
)
from services.reporting.service_layer.unit_of_work import UnitsOfWork


def school_now() -> dt.datetime:
    return dt.datetime.now(SCHOOL_ZONE)


def rendered(report: school_reports.ReportFile) -> reporting_pb2.RenderedReport:
    return reporting_pb2.RenderedReport(media_type=report.media_type, filename=report.filename,
                                        content=report.content)


class ReportingServicer(reporting_pb2_grpc.ReportingServiceServicer):
    def __init__(self, unit_of_work: UnitsOfWork, clock: Callable[[], dt.datetime] = school_now,
                 report_files: report_jobs.FileStore | None = None, schools: Callable[[], list[str]] = list,
                 aggregates: AggregateReader | None = None):
        """schools: every school reporting knows (a system read), for the municipality's reports; aggregates: the
        municipal authority's aggregates across schools."""
        self.unit_of_work, self.clock, self.report_files = unit_of_work, clock, report_files
        self.schools, self.aggregates = schools, aggregates

    def GetSummarySheet(self, request, context):
        call = scope.current()
        return summary_sheet_proto(summary_sheet.get_summary_sheet(request.class_group_id, call,
                                                                   self.unit_of_work(call), request.period_id))

    def _summary_sheet_file(self, request, kind: str):
        call = scope.current()
        return rendered(summary_sheet.render_summary_sheet(request.class_group_id, request.period_id, kind,
                                                           self.clock(), call, self.unit_of_work(call)))

    def RenderSummarySheetPdf(self, request, context):
        return self._summary_sheet_file(request, "pdf")

    def RenderMovementRegisterPdf(self, request, context):
        call = scope.current()
        content = movement_register.render_movement_register_pdf(request.academic_year_id, call,
                                                                 self.unit_of_work(call))
        return reporting_pb2.RenderedReport(media_type="application/pdf",
                                            filename=f"movement-register-{request.academic_year_id}.pdf",
                                            content=content)

    def GetClassFill(self, request, context):
        call = scope.current()
        return class_fill_proto(school_reports.get_class_fill(request.on_date, call, self.unit_of_work(call)),
                                call.school_id)

    def _class_fill_file(self, request, kind: str):
        call = scope.current()
        return rendered(school_reports.render_class_fill(request.on_date, kind, self.clock(), call,
                                                         self.unit_of_work(call)))

    def RenderClassFillPdf(self, request, context):
        return self._class_fill_file(request, "pdf")

    def RenderClassFillXlsx(self, request, context):
        return self._class_fill_file(request, "xlsx")

    def GetStudentMovement(self, request, context):
        call = scope.current()
        return student_movement_proto(school_reports.get_student_movement(
            request.date_from, request.date_to, call, self.unit_of_work(call)), call.school_id)

    def _student_movement_file(self, request, kind: str):
        call = scope.current()
        return rendered(school_reports.render_student_movement(request.date_from, request.date_to, kind, self.clock(),
                                                               call, self.unit_of_work(call)))

    def RenderStudentMovementPdf(self, request, context):
        return self._student_movement_file(request, "pdf")

    def RenderStudentMovementXlsx(self, request, context):
        return self._student_movement_file(request, "xlsx")

    def GetAttendanceSheet(self, request, context):
        call = scope.current()
        return attendance_sheet_proto(attendance_sheet.get_attendance_sheet(
            request.class_group_id, request.date_from, request.date_to, call, self.unit_of_work(call)), call.school_id)

    def _attendance_sheet_file(self, request, kind: str):
        call = scope.current()
        return rendered(attendance_sheet.render_attendance_sheet(
            request.class_group_id, request.date_from, request.date_to, kind, self.clock(), call,
            self.unit_of_work(call)))

    def RenderAttendanceSheetPdf(self, request, context):
        return self._attendance_sheet_file(request, "pdf")

    def RenderAttendanceSheetXlsx(self, request, context):
        return self._attendance_sheet_file(request, "xlsx")

    def ListReportPeriods(self, request, context):
        call = scope.current()
        name, periods = report_periods.list_report_periods(request.class_group_id, call, self.unit_of_work(call))
        return reporting_pb2.ReportPeriods(class_group_id=request.class_group_id, class_group_name=name, periods=[
            reporting_pb2.ReportPeriod(id=p.id, name=p.name, date_from=p.date_from.isoformat(),
                                       date_to=p.date_to.isoformat()) for p in periods])

    # --- jobs: reports formed in the background and the school's report schedule
    def StartReportJob(self, request, context):
        call = scope.current()
        return report_job_proto(report_jobs.start_report_job(request.kind, request.params, request.format, call,
                                                             self.unit_of_work(call)))

    def GetReportJob(self, request, context):
        call = scope.current()
        return report_job_proto(report_jobs.get_report_job(request.job_id, call, self.unit_of_work(call)))

    def ListReportJobs(self, request, context):
        call = scope.current()
        return reporting_pb2.ReportJobs(jobs=[report_job_proto(row) for row in report_jobs.list_report_jobs(
            self.clock(), call, self.unit_of_work(call))])

    def GetReportJobFile(self, request, context):
        call = scope.current()
        return rendered(report_jobs.report_job_file(request.job_id, self.clock(), call, self.unit_of_work(call),
                                                    self.report_files))

    def GetReportSchedule(self, request, context):
        call = scope.current()
        return report_schedule_proto(report_jobs.get_report_schedule(call, self.unit_of_work(call)))

    def SetReportSchedule(self, request, context):
        call = scope.current()
        period_reports = request.period_reports if request.HasField("period_reports") else None
        weekday = request.activity_weekday if request.HasField("activity_weekday") else None
        return report_schedule_proto(report_jobs.set_report_schedule(
            request.summary_sheets_day, period_reports, call, self.unit_of_work(call), activity_weekday=weekday))
    # --- teacherrep: the subject teacher's report, the form teacher's period report, a class's results for a period

    def GetSubjectTeacherReport(self, request, context):
        call = scope.current()
        return subject_teacher_report_proto(teacher_reports.get_subject_teacher_report(
            request.teacher_id, request.period_id, self.clock().date(), call, self.unit_of_work(call)), call.school_id)

    def _subject_teacher_file(self, request, kind: str):
        call = scope.current()
        return rendered(teacher_reports.render_subject_teacher_report(
            request.teacher_id, request.period_id, kind, self.clock(), call, self.unit_of_work(call)))

    def RenderSubjectTeacherReportPdf(self, request, context):
        return self._subject_teacher_file(request, "pdf")

    def RenderSubjectTeacherReportXlsx(self, request, context):
        return self._subject_teacher_file(request, "xlsx")

    def GetFormTeacherReport(self, request, context):
        call = scope.current()
        return form_teacher_report_proto(teacher_reports.get_form_teacher_report(
            request.class_group_id, request.period_id, self.clock().date(), call, self.unit_of_work(call)),
            call.school_id)

    def _class_period_file(self, render, request, kind: str):
        call = scope.current()
        return rendered(render(request.class_group_id, request.period_id, kind, self.clock(), call,
                               self.unit_of_work(call)))

    def RenderFormTeacherReportPdf(self, request, context):
        return self._class_period_file(teacher_reports.render_form_teacher_report, request, "pdf")

    def RenderFormTeacherReportXlsx(self, request, context):
        return self._class_period_file(teacher_reports.render_form_teacher_report, request, "xlsx")

    def GetClassResults(self, request, context):
        call = scope.current()
        return class_results_proto(teacher_reports.get_class_results(
            request.class_group_id, request.period_id, self.clock().date(), call, self.unit_of_work(call)),
            call.school_id)

    def RenderClassResultsPdf(self, request, context):
        return self._class_period_file(teacher_reports.render_class_results, request, "pdf")

    def RenderClassResultsXlsx(self, request, context):
        return self._class_period_file(teacher_reports.render_class_results, request, "xlsx")
    # --- studentrep: the reports on a student (as of the clock's day)

    def GetStudentDynamics(self, request, context):
        call = scope.current()
        return student_dynamics_proto(student_reports.get_student_dynamics(
            request.class_group_id, request.student_id, self.clock().date(), call, self.unit_of_work(call)),
            call.school_id)

    def _student_dynamics_file(self, request, kind: str):
        call = scope.current()
        return rendered(student_reports.render_student_dynamics(
            request.class_group_id, request.student_id, kind, self.clock(), call, self.unit_of_work(call)))

    def RenderStudentDynamicsPdf(self, request, context):
        return self._student_dynamics_file(request, "pdf")

    def RenderStudentDynamicsXlsx(self, request, context):
        return self._student_dynamics_file(request, "xlsx")

    def GetWeeklyDiaries(self, request, context):
        call = scope.current()
        return weekly_diaries_proto(weekly_diaries.get_weekly_diaries(
            request.class_group_id, request.week_of, list(request.student_ids), self.clock().date(), call,
            self.unit_of_work(call)), call.school_id)

    def RenderWeeklyDiariesPdf(self, request, context):
        call = scope.current()
        return rendered(weekly_diaries.render_weekly_diaries(
            request.class_group_id, request.week_of, list(request.student_ids), self.clock(), call,
            self.unit_of_work(call)))

    def GetClassJournal(self, request, context):
        call = scope.current()
        return class_journal_proto(class_journal.get_class_journal(
            request.class_group_id, request.date_from, request.date_to, request.subject_id, self.clock().date(), call,
            self.unit_of_work(call)), call.school_id)

    def _class_journal_file(self, request, kind: str):
        call = scope.current()
        return rendered(class_journal.render_class_journal(
            request.class_group_id, request.date_from, request.date_to, request.subject_id, kind, self.clock(), call,
            self.unit_of_work(call)))

    def RenderClassJournalPdf(self, request, context):
        return self._class_journal_file(request, "pdf")

    def RenderClassJournalJson(self, request, context):
        return self._class_journal_file(request, "json")

    def GetReportCards(self, request, context):
        call = scope.current()
        return report_cards_proto(student_reports.get_report_cards(
            request.class_group_id, request.period_id, request.student_id, self.clock().date(), call,
            self.unit_of_work(call)), call.school_id)

    def _report_cards_file(self, request, kind: str):
        call = scope.current()
        return rendered(student_reports.render_report_cards(
            request.class_group_id, request.period_id, request.student_id, kind, self.clock(), call,
            self.unit_of_work(call)))

    def RenderReportCardsPdf(self, request, context):
        return self._report_cards_file(request, "pdf")

    def RenderReportCardsXlsx(self, request, context):
        return self._report_cards_file(request, "xlsx")

    def GetStudentProgress(self, request, context):
        call = scope.current()
        return progress_report_proto(student_reports.get_student_progress(
            request.class_group_id, request.period_id, request.student_id, self.clock().date(), call,
            self.unit_of_work(call)), call.school_id)

    def _student_progress_file(self, request, kind: str):
        call = scope.current()
        return rendered(student_reports.render_student_progress(
            request.class_group_id, request.period_id, request.student_id, kind, self.clock(), call,
            self.unit_of_work(call)))

    def RenderStudentProgressPdf(self, request, context):
        return self._student_progress_file(request, "pdf")

    def RenderStudentProgressXlsx(self, request, context):
        return self._student_progress_file(request, "xlsx")

    def GetGuardianLetters(self, request, context):
        call = scope.current()
        letters = student_reports.get_guardian_letters(
            request.class_group_id, request.period_id, request.student_id, request.text, self.clock().date(), call,
            self.unit_of_work(call))
        return reporting_pb2.GuardianLetters(progress=progress_report_proto(letters.progress, call.school_id),
                                             text=letters.text)

    def RenderGuardianLettersPdf(self, request, context):
        call = scope.current()
        return rendered(student_reports.render_guardian_letters(
            request.class_group_id, request.period_id, request.student_id, request.text, self.clock(), call,
            self.unit_of_work(call)))
    # --- schoolrep: the school-wide period reports
    def ListSchoolPeriods(self, request, context):
        call, today = scope.current(), self.clock().date()
        name, periods = school_period_reports.list_school_periods(request.academic_year_id, today, call,
                                                                  self.unit_of_work(call))
        return school_periods_proto(request.academic_year_id, name, periods, today)

    def _school_period_report(self, request, get, to_proto):
        call = scope.current()
        return to_proto(get(request.academic_year_id, request.period_id, self.clock().date(), call,
                            self.unit_of_work(call)), call.school_id)

    def _school_period_file(self, report: str, request, kind: str):
        call = scope.current()
        return rendered(school_period_reports.render_school_period_report(
            report, request.academic_year_id, request.period_id, kind, self.clock(), call, self.unit_of_work(call)))

    def GetKnowledgeQuality(self, request, context):
        return self._school_period_report(request, school_period_reports.get_knowledge_quality, knowledge_quality_proto)

    def RenderKnowledgeQualityPdf(self, request, context):
        return self._school_period_file("knowledge-quality", request, "pdf")

    def RenderKnowledgeQualityXlsx(self, request, context):
        return self._school_period_file("knowledge-quality", request, "xlsx")

    def GetSchoolSummary(self, request, context):
        return self._school_period_report(request, school_period_reports.get_school_summary, school_summary_proto)

    def RenderSchoolSummaryPdf(self, request, context):
        return self._school_period_file("school-summary", request, "pdf")

    def RenderSchoolSummaryXlsx(self, request, context):
        return self._school_period_file("school-summary", request, "xlsx")

    def GetProgressSummary(self, request, context):
        return self._school_period_report(request, school_period_reports.get_progress_summary, progress_summary_proto)

    def RenderProgressSummaryPdf(self, request, context):
        return self._school_period_file("progress-summary", request, "pdf")

    def RenderProgressSummaryXlsx(self, request, context):
        return self._school_period_file("progress-summary", request, "xlsx")

    # --- sheetrep: the summary sheet's XLSX, curriculum fulfilment (R4)
    def RenderSummarySheetXlsx(self, request, context):
        return self._summary_sheet_file(request, "xlsx")

    def GetCurriculumFulfilment(self, request, context):
        call = scope.current()
        return curriculum_fulfilment_proto(curriculum_fulfilment.get_curriculum_fulfilment(
            request.academic_year_id, self.clock().date(), call, self.unit_of_work(call)), call.school_id)

    def _curriculum_fulfilment_file(self, request, kind: str):
        call = scope.current()
        return rendered(curriculum_fulfilment.render_curriculum_fulfilment(
            request.academic_year_id, kind, self.clock(), call, self.unit_of_work(call)))

    def RenderCurriculumFulfilmentPdf(self, request, context):
        return self._curriculum_fulfilment_file(request, "pdf")

    def RenderCurriculumFulfilmentXlsx(self, request, context):
        return self._curriculum_fulfilment_file(request, "xlsx")

    # --- activity: the weekly user-activity report (the week of week_of, else the last full week by the clock)
    def GetUserActivity(self, request, context):
        call = scope.current()
        return user_activity_proto(user_activity.get_user_activity(
            request.week_of, self.clock().date(), call, self.unit_of_work(call)), call.school_id)

    def _user_activity_file(self, request, kind: str):
        call = scope.current()
        return rendered(user_activity.render_user_activity(request.week_of, kind, self.clock(), call,
                                                           self.unit_of_work(call)))

    def RenderUserActivityPdf(self, request, context):
        return self._user_activity_file(request, "pdf")

    def RenderUserActivityXlsx(self, request, context):
        return self._user_activity_file(request, "xlsx")

    # --- osh1: form ОШ-1, a school's and the municipality's
    def GetFormOsh1(self, request, context):
        call = scope.current()
        return form_osh1_proto(form_osh1.get_form_osh1(request.academic_year_id, request.on_date, call,
                                                       self.unit_of_work(call)), call.school_id)

    def _form_osh1_file(self, request, kind: str):
        call = scope.current()
        return rendered(form_osh1.render_form_osh1(request.academic_year_id, request.on_date, kind, self.clock(),
                                                   call, self.unit_of_work(call)))

    def RenderFormOsh1Pdf(self, request, context):
        return self._form_osh1_file(request, "pdf")

    def RenderFormOsh1Xlsx(self, request, context):
        return self._form_osh1_file(request, "xlsx")

    def GetMunicipalFormOsh1(self, request, context):
        report, schools = form_osh1.get_municipal_form_osh1(request.on_date, self.schools, self.unit_of_work)
        return form_osh1_proto(report, schools=schools)

    def _municipal_form_osh1_file(self, request, kind: str):
        return rendered(form_osh1.render_municipal_form_osh1(request.on_date, kind, self.clock(),
                                                             self.schools, self.unit_of_work))

    def RenderMunicipalFormOsh1Pdf(self, request, context):
        return self._municipal_form_osh1_file(request, "pdf")

    def RenderMunicipalFormOsh1Xlsx(self, request, context):
        return self._municipal_form_osh1_file(request, "xlsx")

    # --- authority: the municipal authority's aggregates (the realm role is checked in the service layer)
    def GetSchoolsOverview(self, request, context):
        return schools_overview_proto(authority.get_schools_overview(
            request.year, request.period, request.sort, request.descending, self.clock().date(), self.aggregates))

    def RenderSchoolsOverviewXlsx(self, request, context):
        return rendered(authority.render_schools_overview_xlsx(
            request.year, request.period, request.sort, request.descending, self.clock(), self.aggregates))

    def GetSchoolOverview(self, request, context):
        authority.require_operator()
        return school_overview_proto(authority.get_school_overview(
            scope.current().school_id, request.year, self.clock().date(), self.aggregates))

    def RefreshSchoolAggregates(self, request, context):
        return reporting_pb2.RefreshSchoolAggregatesResponse(schools=authority.refresh_now(
            self.aggregates, self.unit_of_work, self.clock().date(), request.school_id))
