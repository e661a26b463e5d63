"""The Russian pages of sheetrep's reports, each with its pickers, the table reporting formed, and its PDF and XLSX
as reporting renders them: a class's summary mark sheet (сводная ведомость учёта успеваемости) for the whole year or
one of its periods (report.read: the managers, a form teacher their class), and the school's curriculum fulfilment
for a year (выполнение учебного плана; the managers)."""
from flask import Blueprint, render_template, request

from gateway.auth.session import login_required
from gateway.web.journal import principal_of
from gateway.web.pages import academic_years, call, class_names, year_of_today
from gateway.web.reports import class_periods, send_report, shown
from proto.reporting.v1 import reporting_pb2

bp = Blueprint("sheetrep_pages", __name__)


def summary_sheet_request(school_id: str) -> reporting_pb2.GetSummarySheetRequest:
    """The class asked for (else the form teacher's own) and the period ("" = the whole year as kept)."""
    chosen = request.args.get("class_group_id") or next(iter(principal_of(school_id).form_class_group_ids), "")
    return reporting_pb2.GetSummarySheetRequest(school_id=school_id, class_group_id=chosen,
                                                period_id=request.args.get("period_id", ""))


def fulfilment_request(school_id: str) -> reporting_pb2.GetCurriculumFulfilmentRequest:
    chosen = request.args.get("academic_year_id") or year_of_today(academic_years(school_id))
    return reporting_pb2.GetCurriculumFulfilmentRequest(school_id=school_id, academic_year_id=chosen)


@bp.get("/schools/<uuid:school_id>/reports/summary-sheet")
@login_required
def summary_sheet(school_id):
    school_id = str(school_id)
    asked = summary_sheet_request(school_id)
    report, refused = shown("GetSummarySheet", asked) if asked.class_group_id else (None, "Выберите класс.")
    periods = class_periods(school_id, asked.class_group_id) if asked.class_group_id else []
    return render_template("reports_summary_sheet.html", school_id=school_id, asked=asked,
                           classes=class_names(school_id), periods=periods, report=report, refused=refused)


@bp.get("/schools/<uuid:school_id>/reports/summary-sheet.<any(pdf, xlsx):kind>")
@login_required
def summary_sheet_file(school_id, kind):
    return send_report(call("reporting", f"RenderSummarySheet{kind.title()}", summary_sheet_request(str(school_id))))


@bp.get("/schools/<uuid:school_id>/reports/curriculum")
@login_required
def curriculum(school_id):
    school_id = str(school_id)
    years = academic_years(school_id)
    asked = fulfilment_request(school_id)
    report, refused = shown("GetCurriculumFulfilment", asked) if asked.academic_year_id else (
        None, "В школе нет учебных годов.")
    return render_template("reports_curriculum.html", school_id=school_id, asked=asked, years=years, report=report,
                           refused=refused)


@bp.get("/schools/<uuid:school_id>/reports/curriculum.<any(pdf, xlsx):kind>")
@login_required
def curriculum_file(school_id, kind):
    return send_report(call("reporting", f"RenderCurriculumFulfilment{kind.title()}",
                            fulfilment_request(str(school_id))))
