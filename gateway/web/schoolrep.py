"""The Russian pages of the school-wide period reports (the managers only): results and knowledge quality (итоги
успеваемости и качество знаний), the school summary report (отчёт о всей школе) and the school progress summary
(сводный отчёт об успеваемости); each with the year picker (`pages.academic_years`), the period picker from reporting's
ListSchoolPeriods (each ended period's due date: due or late), the table reporting formed, and its PDF and XLSX."""
from flask import Blueprint, render_template, request

from gateway.auth.session import login_required
from gateway.web import pages
from gateway.web.pages import call, explain
from gateway.web.reports import send_report, shown
from proto.reporting.v1 import reporting_pb2
from services.common.errors import DomainError

bp = Blueprint("schoolrep_pages", __name__)

REPORTS = {  # the page's path: the reporting RPCs' name, the template
    "knowledge-quality": ("KnowledgeQuality", "reports_knowledge_quality.html"),
    "school-summary": ("SchoolSummary", "reports_school_summary.html"),
    "progress-summary": ("ProgressSummary", "reports_progress_summary.html"),
}
ROUTE = ('/schools/<uuid:school_id>/reports/'
         '<any("knowledge-quality", "school-summary", "progress-summary"):report>')


def school_periods(school_id: str, academic_year_id: str):
    """The year's periods as reporting lists them, or the refusal to say in their place."""
    if not academic_year_id:
        return None, "В школе ещё нет учебного года."
    try:
        return call("reporting", "ListSchoolPeriods", reporting_pb2.ListSchoolPeriodsRequest(
            school_id=school_id, academic_year_id=academic_year_id)), ""
    except DomainError as err:
        return None, explain(err)


def default_period(periods) -> str:
    """The last period that has ended (its reports due or late), else the first one."""
    ended = [p for p in periods.periods if p.status != "open"]
    return max(ended, key=lambda p: p.date_to).id if ended else (periods.periods[0].id if periods.periods else "")


def asked(school_id: str):
    """The years, the year asked for (else today's), its periods (None = refused) and the request."""
    years = pages.academic_years(school_id)
    year_id = request.args.get("academic_year_id") or pages.year_of_today(years)
    periods, refused = school_periods(school_id, year_id)
    period_id = request.args.get("period_id") or (default_period(periods) if periods else "")
    return years, periods, refused, reporting_pb2.SchoolPeriodReportRequest(
        school_id=school_id, academic_year_id=year_id, period_id=period_id)


@bp.get(ROUTE)
@login_required
def school_period_report(school_id, report):
    rpc, template = REPORTS[report]
    years, periods, refused, question = asked(str(school_id))
    shown_report = None
    if periods and question.period_id:
        shown_report, refused = shown(f"Get{rpc}", question)
    elif periods:
        refused = "В учебном году нет периодов."
    return render_template(template, school_id=str(school_id), report_path=report, years=years, periods=periods,
                           asked=question, report=shown_report, refused=refused)


@bp.get(f"{ROUTE}.<any(pdf, xlsx):kind>")
@login_required
def school_period_file(school_id, report, kind):
    rpc, _ = REPORTS[report]
    _, _, _, question = asked(str(school_id))
    return send_report(call("reporting", f"Render{rpc}{kind.title()}", question))
