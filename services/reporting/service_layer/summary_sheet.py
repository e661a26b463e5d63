"""The summary sheet of a class group from the read models, for the whole year or one of its periods, as data and as
a PDF or XLSX file."""
import datetime as dt

from services.common.db import parse_uuid
from services.common.errors import NotFound
from services.common.scope import Scope
from services.reporting.adapters import summary_sheet_files
from services.reporting.adapters.school_reports_files import MEDIA_TYPES
from services.reporting.domain.summary_sheet import SummarySheet
from services.reporting.service_layer.school_reports import ReportFile
from services.reporting.service_layer.unit_of_work import ReportingUnitOfWork


def get_summary_sheet(class_group_id: str, scope: Scope, uow: ReportingUnitOfWork, period_id: str = ""
                      ) -> SummarySheet:
    """period_id "" = every mark kept and every column (as before issue 13), a term's id = that term's marks and
    column, "year" = the school year's marks and every column (ListReportPeriods' ids)."""
    class_group_id = parse_uuid(class_group_id, "class_group_id")
    # managers read every class; a form teacher only the class they lead (no lesson of the sheet is "theirs")
    scope.require("report.read", teacher_id=(), class_group_id=class_group_id)
    with uow:
        period = None
        if period_id:
            periods = uow.period_results.class_periods(class_group_id) or ()
            period = next((p for p in periods if p.id == period_id), None)
        sheet = None if period_id and period is None else uow.read_models.summary_sheet(class_group_id, period)
        known = sheet is not None or uow.period_results.class_group(class_group_id) is not None
    if not known:
        raise NotFound("Класс не найден", {"class_group_id": "нет такого класса"})
    if sheet is None:
        raise NotFound("Период не найден", {"period_id": "нет такого периода у класса"})
    return sheet


def render_summary_sheet(class_group_id: str, period_id: str, kind: str, formed_at: dt.datetime, scope: Scope,
                         uow: ReportingUnitOfWork) -> ReportFile:
    """summary-sheet-<class_group_id>.pdf|.xlsx for the whole year, summary-sheet-<class_group_id>-<period_id>.… for
    a period."""
    sheet = get_summary_sheet(class_group_id, scope, uow, period_id)
    with uow:
        school_name = uow.movement_register.school_name()
    name = "-".join(filter(None, ("summary-sheet", sheet.class_group.id, sheet.period_id)))
    return ReportFile(MEDIA_TYPES[kind], f"{name}.{kind}",
                      summary_sheet_files.summary_sheet_file(sheet, kind, school_name, formed_at))
