"""The Russian page of the weekly user-activity report (отчёт по активности пользователей, seed 003 §8; the managers):
a week picker (any day of the week; the last full week by default), the table reporting formed, and its PDF and XLSX
as reporting renders them."""
from flask import Blueprint, render_template, request

from gateway.auth.session import login_required
from gateway.web.pages import call
from gateway.web.reports import send_report, shown
from proto.reporting.v1 import reporting_pb2

bp = Blueprint("activity_pages", __name__)


def activity_request(school_id: str) -> reporting_pb2.GetUserActivityRequest:
    return reporting_pb2.GetUserActivityRequest(school_id=school_id, week_of=request.args.get("week_of", ""))


@bp.get("/schools/<uuid:school_id>/reports/user-activity")
@login_required
def user_activity(school_id):
    school_id = str(school_id)
    asked = activity_request(school_id)
    report, refused = shown("GetUserActivity", asked)
    return render_template("reports_user_activity.html", school_id=school_id, report=report, refused=refused,
                           week_of=report.week_from if report else asked.week_of)


@bp.get("/schools/<uuid:school_id>/reports/user-activity.<any(pdf, xlsx):kind>")
@login_required
def user_activity_file(school_id, kind):
    return send_report(call("reporting", f"RenderUserActivity{kind.title()}", activity_request(str(school_id))))
