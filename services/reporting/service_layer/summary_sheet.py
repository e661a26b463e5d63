"""The summary sheet of a class group from the read models, as data and as a PDF."""
import datetime as dt

from services.common.db import parse_uuid
from services.common.errors import NotFound
from services.common.scope import Scope
from services.reporting.adapters import summary_sheet_pdf
from services.reporting.domain.summary_sheet import SummarySheet
from services.reporting.service_layer.unit_of_work import ReportingUnitOfWork


def get_summary_sheet(class_group_id: str, scope: Scope, uow: ReportingUnitOfWork) -> SummarySheet:
    class_group_id = parse_uuid(class_group_id, "class_group_id")
    # managers read every class; a form teacher only the class they lead (no lesson of the sheet is "theirs")
    scope.require("report.read", teacher_id=(), class_group_id=class_group_id)
    with uow:
        sheet = uow.read_models.summary_sheet(class_group_id)
    if sheet is None:
        raise NotFound("Класс не найден", {"class_group_id": "нет такого класса"})
    return sheet


def render_summary_sheet_pdf(class_group_id: str, formed_at: dt.datetime, scope: Scope, uow: ReportingUnitOfWork
                             ) -> bytes:
    sheet = get_summary_sheet(class_group_id, scope, uow)
    with uow:
        school_name = uow.movement_register.school_name()
    return summary_sheet_pdf.summary_sheet_pdf(sheet, school_name, formed_at)
