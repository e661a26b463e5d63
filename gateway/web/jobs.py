"""The Russian page of the reports formed in the background («Сформированные отчёты»): the forms starting the
school-wide summary sheets of a year and the school-wide period reports of a year's period (reporting's
ListSchoolPeriods) as jobs, the school's jobs (ListReportJobs) with a progress bar each while it is formed (a few
lines of plain JS ask the page's own `<job_id>.json` every second; the reload link does without JS), the formed file
to download or the reason it was not formed, and the school's report schedule (school_admin and director change it,
the others read it)."""
import datetime

from flask import Blueprint, jsonify, redirect, render_template, request, url_for

from gateway.auth.session import login_required
from gateway.errors import http_status
from gateway.web import pages
from gateway.web.journal import principal_of
from gateway.web.pages import call, explain
from gateway.web.reports import send_report
from gateway.web.schoolrep import default_period, school_periods
from proto.reporting.v1 import reporting_pb2
from services.common.dates import SCHOOL_ZONE
from services.common.errors import DomainError

bp = Blueprint("jobs_pages", __name__)

PERIOD_REPORTS = {  # the period form's choices: "kind:format" -> what it says
    "period-reports:zip": "Все отчёты по школе за период (ZIP: PDF и XLSX)",
    "school-summary:pdf": "Отчёт о всей школе (PDF)",
    "school-summary:xlsx": "Отчёт о всей школе (XLSX)",
    "knowledge-quality:pdf": "Итоги успеваемости и качество знаний (PDF)",
    "knowledge-quality:xlsx": "Итоги успеваемости и качество знаний (XLSX)",
    "progress-summary:pdf": "Сводный отчёт об успеваемости (PDF)",
    "progress-summary:xlsx": "Сводный отчёт об успеваемости (XLSX)",
}
SCHEDULE_MANAGERS = {"school_admin", "director"}
WEEKDAYS = ("по понедельникам", "по вторникам", "по средам", "по четвергам", "по пятницам", "по субботам",
            "по воскресеньям")  # ISO weekdays 1..7 of the weekly user-activity report
STATUS_NAMES = {"queued": "в очереди", "running": "формируется", "done": "готов", "failed": "не сформирован"}


@bp.app_template_filter("school_time")
def school_time(iso: str) -> str:
    """An ISO 8601 moment as the school's clock shows it: "06.12.2026 14:05"."""
    return datetime.datetime.fromisoformat(iso).astimezone(SCHOOL_ZONE).strftime("%d.%m.%Y %H:%M") if iso else ""


def files_page(school_id: str, refused: str = "", status: int = 200):
    """The page for the year asked for (else today's) and its period (else the last ended one)."""
    years = pages.academic_years(school_id)
    year_id = request.values.get("academic_year_id") or pages.year_of_today(years)
    periods, periods_refused = school_periods(school_id, year_id)
    jobs = call("reporting", "ListReportJobs", reporting_pb2.ListReportJobsRequest(school_id=school_id)).jobs
    schedule = pages.optional("reporting", "GetReportSchedule", reporting_pb2.GetReportScheduleRequest(
        school_id=school_id), None)
    period_names = {p.id: p.name for p in periods.periods} if periods else {}
    return render_template(
        "reports_files.html", school_id=school_id, years=years, year_id=year_id, periods=periods,
        period_id=request.values.get("period_id") or (default_period(periods) if periods else ""),
        periods_refused=periods_refused, period_reports=PERIOD_REPORTS, jobs=jobs, status_names=STATUS_NAMES,
        names={**{y.id: y.name for y in years}, **period_names}, schedule=schedule, weekdays=WEEKDAYS,
        manages_schedule=bool(SCHEDULE_MANAGERS & set(principal_of(school_id).roles)), refused=refused,
        started=request.args.get("started", ""), saved=request.args.get("saved", "")), status


@bp.get("/schools/<uuid:school_id>/reports/files")
@login_required
def files(school_id):
    return files_page(str(school_id))


@bp.post("/schools/<uuid:school_id>/reports/files")
@login_required
def start(school_id):
    """A job of the form: the summary sheets of the year, or a period report of the year's period."""
    school_id, form = str(school_id), request.form
    kind, _, fmt = form.get("report", "summary-sheets:zip").partition(":")
    params = {"academic_year_id": form.get("academic_year_id", "")}
    if kind != "summary-sheets":
        params["period_id"] = form.get("period_id", "")
    try:
        job = call("reporting", "StartReportJob", reporting_pb2.StartReportJobRequest(
            school_id=school_id, kind=kind, params=params, format=fmt))
    except DomainError as err:
        return files_page(school_id, explain(err), http_status(err))
    return redirect(url_for("jobs_pages.files", school_id=school_id, academic_year_id=params["academic_year_id"],
                            period_id=params.get("period_id", ""), started=job.id))


@bp.get("/schools/<uuid:school_id>/reports/files/<uuid:job_id>.json")
@login_required
def progress(school_id, job_id):
    """The job's progress for the page's script (GetReportJob)."""
    job = call("reporting", "GetReportJob", reporting_pb2.GetReportJobRequest(school_id=str(school_id),
                                                                              job_id=str(job_id)))
    return jsonify(status=job.status, status_name=STATUS_NAMES.get(job.status, job.status), done=job.done,
                   total=job.total, reason=job.reason, filename=job.filename)


@bp.get("/schools/<uuid:school_id>/reports/files/<uuid:job_id>")
@login_required
def download(school_id, job_id):
    return send_report(call("reporting", "GetReportJobFile", reporting_pb2.GetReportJobRequest(
        school_id=str(school_id), job_id=str(job_id))))


@bp.post("/schools/<uuid:school_id>/reports/schedule")
@login_required
def schedule(school_id):
    """The day of the month of the summary sheets, whether each ended period's reports are formed and the weekday of
    the weekly user-activity report."""
    school_id, form = str(school_id), request.form
    try:
        day = int(form.get("summary_sheets_day", ""))
        weekday = {"activity_weekday": int(form["activity_weekday"])} if form.get("activity_weekday") else {}
    except ValueError:
        return files_page(school_id, "День месяца — число от 0 до 28, день недели — из списка", 400)
    try:
        call("reporting", "SetReportSchedule", reporting_pb2.SetReportScheduleRequest(
            school_id=school_id, summary_sheets_day=day, period_reports=form.get("period_reports") == "on", **weekday))
    except DomainError as err:
        return files_page(school_id, explain(err), http_status(err))
    return redirect(url_for("jobs_pages.files", school_id=school_id, saved=1))
