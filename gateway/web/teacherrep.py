"""The Russian pages of the teachers' period reports, each with its pickers, the report reporting formed and its PDF
and XLSX: the subject teacher's report (отчёт учителя-предметника: a teacher's own, a manager picks the teacher), the
form teacher's report for a period (отчёт классного руководителя за период) and a class's results for a period (итоги
успеваемости класса) — a class (the form teacher's by default) and one of its periods (ListReportPeriods). No period
asked for: reporting forms the report of the term under way and says which."""
from flask import Blueprint, render_template, request

from gateway.auth.session import login_required
from gateway.web.journal import people_names, principal_of
from gateway.web.pages import call, class_names
from gateway.web.reports import class_periods, send_report, shown
from proto.identity.v1 import identity_pb2
from proto.reporting.v1 import reporting_pb2

bp = Blueprint("teacher_report_pages", __name__)
MANAGERS = {"school_admin", "director", "deputy_head"}


def class_period_request(school_id: str) -> reporting_pb2.GetClassPeriodReportRequest:
    """The class asked for (else the form teacher's own) and the period asked for ("" = the term under way)."""
    chosen = request.args.get("class_group_id") or next(iter(principal_of(school_id).form_class_group_ids), "")
    return reporting_pb2.GetClassPeriodReportRequest(school_id=school_id, class_group_id=chosen,
                                                     period_id=request.args.get("period_id", ""))


def teacher_request(school_id: str) -> reporting_pb2.GetSubjectTeacherReportRequest:
    return reporting_pb2.GetSubjectTeacherReportRequest(school_id=school_id,
                                                        teacher_id=request.args.get("teacher_id", ""),
                                                        period_id=request.args.get("period_id", ""))


@bp.get("/schools/<uuid:school_id>/reports/subject-teacher")
@login_required
def subject_teacher(school_id):
    school_id = str(school_id)
    asked = teacher_request(school_id)
    report, refused = shown("GetSubjectTeacherReport", asked)
    manager = bool(MANAGERS & set(principal_of(school_id).roles))
    return render_template("reports_subject_teacher.html", school_id=school_id, asked=asked, report=report,
                           refused=refused, teachers=people_names(school_id, identity_pb2.STAFF) if manager else {})


def class_period_page(school_id, rpc: str, template: str):
    school_id = str(school_id)
    asked = class_period_request(school_id)
    report, refused = shown(rpc, asked) if asked.class_group_id else (None, "Выберите класс.")
    periods = class_periods(school_id, asked.class_group_id) if asked.class_group_id else []
    return render_template(template, school_id=school_id, asked=asked, periods=periods,
                           classes=class_names(school_id), report=report, refused=refused)


@bp.get("/schools/<uuid:school_id>/reports/form-teacher")
@login_required
def form_teacher(school_id):
    return class_period_page(school_id, "GetFormTeacherReport", "reports_form_teacher.html")


@bp.get("/schools/<uuid:school_id>/reports/class-results")
@login_required
def class_results(school_id):
    return class_period_page(school_id, "GetClassResults", "reports_class_results.html")


@bp.get("/schools/<uuid:school_id>/reports/subject-teacher.<any(pdf, xlsx):kind>")
@login_required
def subject_teacher_file(school_id, kind):
    return send_report(call("reporting", f"RenderSubjectTeacherReport{kind.title()}", teacher_request(str(school_id))))


@bp.get("/schools/<uuid:school_id>/reports/form-teacher.<any(pdf, xlsx):kind>")
@login_required
def form_teacher_file(school_id, kind):
    return send_report(call("reporting", f"RenderFormTeacherReport{kind.title()}",
                            class_period_request(str(school_id))))


@bp.get("/schools/<uuid:school_id>/reports/class-results.<any(pdf, xlsx):kind>")
@login_required
def class_results_file(school_id, kind):
    return send_report(call("reporting", f"RenderClassResults{kind.title()}", class_period_request(str(school_id))))
