"""The Russian pages of reporting's reports, each with its picker, the table reporting formed, and its PDF and XLSX as
reporting renders them: the school-wide ones (movement.read: the managers and the secretary), class fill on a date
(наполняемость классов) and student movement for a period (движение учащихся за период); and a class's summary
attendance sheet for a period (сводная ведомость посещаемости; report.read: the managers, a form teacher their class).
"""
import io

from flask import Blueprint, render_template, request, send_file

from gateway.auth.session import login_required
from gateway.web import pages
from gateway.web.journal import principal_of
from gateway.web.pages import call, class_names, explain
from proto.reporting.v1 import reporting_pb2
from services.common.errors import DomainError

bp = Blueprint("report_pages", __name__)


def shown(rpc: str, request_message, deadline: float | None = None):
    """The report, or the refusal to say in its place (deadline: a report slower than a page's usual call)."""
    try:
        return call("reporting", rpc, request_message, deadline), ""
    except DomainError as err:
        return None, explain(err)


def class_periods(school_id: str, class_group_id: str) -> list:
    """A class's periods to pick from for its period reports (none when reporting does not know the class yet or
    refuses: the report's own refusal says why)."""
    try:
        return list(call("reporting", "ListReportPeriods", reporting_pb2.ListReportPeriodsRequest(
            school_id=school_id, class_group_id=class_group_id)).periods)
    except DomainError:
        return []


def send_report(report):
    return send_file(io.BytesIO(report.content), mimetype=report.media_type, as_attachment=True,
                     download_name=report.filename)


def class_fill_request(school_id: str) -> reporting_pb2.GetClassFillRequest:
    return reporting_pb2.GetClassFillRequest(school_id=school_id,
                                             on_date=request.args.get("on_date") or pages.today().isoformat())


def period() -> dict[str, str]:
    """The period asked for; by default from the first of the month to today."""
    today = pages.today()
    return {"date_from": request.args.get("from") or today.replace(day=1).isoformat(),
            "date_to": request.args.get("to") or today.isoformat()}


def movement_request(school_id: str) -> reporting_pb2.GetStudentMovementRequest:
    return reporting_pb2.GetStudentMovementRequest(school_id=school_id, **period())


def attendance_request(school_id: str) -> reporting_pb2.GetAttendanceSheetRequest:
    """The class asked for (else the form teacher's own) and the period."""
    chosen = request.args.get("class_group_id") or next(iter(principal_of(school_id).form_class_group_ids), "")
    return reporting_pb2.GetAttendanceSheetRequest(school_id=school_id, class_group_id=chosen, **period())


@bp.get("/schools/<uuid:school_id>/reports/class-fill")
@login_required
def class_fill(school_id):
    asked = class_fill_request(str(school_id))
    report, refused = shown("GetClassFill", asked)
    return render_template("reports_class_fill.html", school_id=str(school_id), on_date=asked.on_date,
                           report=report, refused=refused)


@bp.get("/schools/<uuid:school_id>/reports/movement")
@login_required
def movement(school_id):
    asked = movement_request(str(school_id))
    report, refused = shown("GetStudentMovement", asked)
    return render_template("reports_movement.html", school_id=str(school_id), date_from=asked.date_from,
                           date_to=asked.date_to, report=report, refused=refused)


@bp.get("/schools/<uuid:school_id>/reports/attendance")
@login_required
def attendance(school_id):
    asked = attendance_request(str(school_id))
    report, refused = shown("GetAttendanceSheet", asked) if asked.class_group_id else (None, "Выберите класс.")
    return render_template("reports_attendance.html", school_id=str(school_id), asked=asked,
                           classes=class_names(str(school_id)), report=report, refused=refused)


@bp.get("/schools/<uuid:school_id>/reports/class-fill.<any(pdf, xlsx):kind>")
@login_required
def class_fill_file(school_id, kind):
    return send_report(call("reporting", f"RenderClassFill{kind.title()}", class_fill_request(str(school_id))))


@bp.get("/schools/<uuid:school_id>/reports/movement.<any(pdf, xlsx):kind>")
@login_required
def movement_file(school_id, kind):
    return send_report(call("reporting", f"RenderStudentMovement{kind.title()}", movement_request(str(school_id))))


@bp.get("/schools/<uuid:school_id>/reports/attendance.<any(pdf, xlsx):kind>")
@login_required
def attendance_file(school_id, kind):
    return send_report(call("reporting", f"RenderAttendanceSheet{kind.title()}", attendance_request(str(school_id))))
