"""The municipal authority's Russian pages (the realm role authority_operator): /authority/overview — every school
side by side for a year's period (year and period pickers, sortable by any metric, the municipality's total, the
XLSX) with a link per school to /authority/schools/<id> — the school's aggregates of the year per period and grade.
Both read reporting's aggregates (GetSchoolsOverview, GetSchoolOverview); a refusal is said in the table's place.
The overview also lists the archive copies of any school that need attention (the archive's ListArchiveAlerts) and
the schools' acts of destruction awaiting approval, each with its approval button (ListActsToApprove,
ApproveDisposal)."""
from flask import Blueprint, redirect, render_template, request, url_for

from gateway.auth.session import login_required
from gateway.web.pages import call, optional
from gateway.web.reports import send_report, shown
from proto.archive.v1 import archive_pb2
from proto.reporting.v1 import reporting_pb2

bp = Blueprint("authority_pages", __name__)

COLUMNS = (  # the side-by-side table's metrics: the sort key, the header
    ("students", "Учащихся"), ("average", "Средний балл"), ("quality", "Качество знаний, %"),
    ("pass_rate", "Успеваемость, %"), ("missed_per_student", "Пропущено уроков на ученика"),
    ("fill_rate", "Заполнено в день урока, %"), ("staff_activated", "Сотрудники с учётной записью, %"),
    ("families_activated", "Ученики и родители с учётной записью, %"), ("archives_sealed", "Архивов сформировано"))


def overview_request() -> reporting_pb2.GetSchoolsOverviewRequest:
    return reporting_pb2.GetSchoolsOverviewRequest(
        year=request.args.get("year", ""), period=request.args.get("period", ""),
        sort=request.args.get("sort", ""), descending=request.args.get("order") == "desc")


@bp.get("/authority/overview")
@login_required
def overview():
    question = overview_request()
    shown_overview, refused = shown("GetSchoolsOverview", question)
    alerts = optional("archive", "ListArchiveAlerts", archive_pb2.ListArchiveAlertsRequest(), None)
    acts = optional("archive", "ListActsToApprove", archive_pb2.ListArchiveAlertsRequest(), None)
    school_names = {row.school_id: row.school_name for row in shown_overview.schools} if shown_overview else {}
    return render_template("authority_overview.html", overview=shown_overview, refused=refused, asked=question,
                           columns=COLUMNS, alerts=alerts.alerts if alerts else [], acts=acts.acts if acts else [],
                           school_names=school_names, approved=request.args.get("approved", ""))


@bp.post("/authority/disposal-acts/<uuid:school_id>/<uuid:act_id>/approve")
@login_required
def approve_disposal(school_id, act_id):
    """The operator approves a school's act of destruction: the archive destroys the packages it lists."""
    call("archive", "ApproveDisposal", archive_pb2.ApproveDisposalRequest(school_id=str(school_id),
                                                                          act_id=str(act_id)))
    return redirect(url_for("authority_pages.overview", approved=1))


@bp.get("/authority/overview.xlsx")
@login_required
def overview_xlsx():
    return send_report(call("reporting", "RenderSchoolsOverviewXlsx", overview_request()))


@bp.get("/authority/schools/<uuid:school_id>")
@login_required
def school(school_id):
    shown_school, refused = shown("GetSchoolOverview", reporting_pb2.GetSchoolOverviewRequest(
        school_id=str(school_id), year=request.args.get("year", "")))
    return render_template("authority_school.html", school=shown_school, refused=refused)
