"""The summary attendance sheet of a class for a period (report.read: the managers, and the class's form teacher) as
data and as a PDF or XLSX file."""
import datetime as dt

from services.common.db import parse_uuid
from services.common.errors import NotFound
from services.common.scope import Scope
from services.reporting.adapters import attendance_sheet_files
from services.reporting.adapters.school_reports_files import MEDIA_TYPES
from services.reporting.domain import attendance_sheet
from services.reporting.service_layer.school_reports import ReportFile, period
from services.reporting.service_layer.unit_of_work import ReportingUnitOfWork


def get_attendance_sheet(class_group_id: str, date_from: str, date_to: str, scope: Scope, uow: ReportingUnitOfWork
                         ) -> attendance_sheet.AttendanceSheet:
    class_group_id = parse_uuid(class_group_id, "class_group_id")
    start, end = period(date_from, date_to)
    # as the summary sheet: managers read every class, a form teacher only the class they lead
    scope.require("report.read", teacher_id=(), class_group_id=class_group_id)
    with uow:
        name, members, absences = uow.read_models.attendance_facts(class_group_id, start, end)
        school_name = uow.movement_register.school_name()
    if name is None and not members:
        raise NotFound("Класс не найден", {"class_group_id": "нет такого класса"})
    return attendance_sheet.attendance_sheet(school_name, class_group_id, name or "", start, end, members, absences)


def render_attendance_sheet(class_group_id: str, date_from: str, date_to: str, kind: str, formed_at: dt.datetime,
                            scope: Scope, uow: ReportingUnitOfWork) -> ReportFile:
    sheet = get_attendance_sheet(class_group_id, date_from, date_to, scope, uow)
    return ReportFile(MEDIA_TYPES[kind], f"attendance-{sheet.class_group_id}-{sheet.date_from}-{sheet.date_to}.{kind}",
                      attendance_sheet_files.attendance_sheet_file(sheet, kind, formed_at))
