"""The Russian pages of form ОШ-1 (federal statistics): a school's (its managers: the year picker and the date of the
contingent, the form's tables, PDF and XLSX) and the municipality's (the authority operator: every school summed on
the date)."""
from flask import Blueprint, render_template, request

from gateway.api.endpoints import FILE_DEADLINE
from gateway.auth.session import login_required
from gateway.web import pages
from gateway.web.pages import call
from gateway.web.reports import send_report, shown
from proto.reporting.v1 import reporting_pb2

bp = Blueprint("osh1_pages", __name__)
SCHOOL_ROUTE = "/schools/<uuid:school_id>/reports/form-osh1"
MUNICIPAL_ROUTE = "/authority/form-osh1"


def on_date() -> str:
    """The date asked for; by default 20 September of the school year under way (the form's usual date)."""
    today = pages.today()
    start = today.year if today.month >= 9 else today.year - 1
    return request.args.get("on_date") or f"{start}-09-20"


def school_request(school_id: str, years) -> reporting_pb2.GetFormOsh1Request:
    return reporting_pb2.GetFormOsh1Request(
        school_id=school_id, academic_year_id=request.args.get("academic_year_id") or pages.year_of_today(years),
        on_date=on_date())


@bp.get(SCHOOL_ROUTE)
@login_required
def school_form(school_id):
    years = pages.academic_years(str(school_id))
    asked = school_request(str(school_id), years)
    report, refused = shown("GetFormOsh1", asked) if asked.academic_year_id else (None, "В школе ещё нет учебного года.")
    return render_template("reports_form_osh1.html", school_id=str(school_id), years=years, asked=asked,
                           report=report, refused=refused)


@bp.get(f"{SCHOOL_ROUTE}.<any(pdf, xlsx):kind>")
@login_required
def school_form_file(school_id, kind):
    asked = school_request(str(school_id), pages.academic_years(str(school_id)))
    return send_report(call("reporting", f"RenderFormOsh1{kind.title()}", asked))


@bp.get(MUNICIPAL_ROUTE)
@login_required
def municipal_form():
    asked = reporting_pb2.GetMunicipalFormOsh1Request(on_date=on_date())
    report, refused = shown("GetMunicipalFormOsh1", asked, FILE_DEADLINE)  # every school counted: seconds
    return render_template("reports_form_osh1.html", school_id="", years=[], asked=asked, report=report,
                           refused=refused)


@bp.get(f"{MUNICIPAL_ROUTE}.<any(pdf, xlsx):kind>")
@login_required
def municipal_form_file(kind):
    asked = reporting_pb2.GetMunicipalFormOsh1Request(on_date=on_date())
    return send_report(call("reporting", f"RenderMunicipalFormOsh1{kind.title()}", asked))
