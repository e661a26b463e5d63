"""The school-wide reports on its students (movement.read: the managers and the secretary, as the register):
class fill on a date and student movement for a period, as data and as a PDF or XLSX file."""
import datetime as dt
from dataclasses import dataclass

from services.common.dates import parse_date
from services.common.errors import Invalid
from services.common.scope import Scope
from services.reporting.adapters import school_reports_files as files
from services.reporting.domain import class_fill, student_movement
from services.reporting.service_layer.unit_of_work import ReportingUnitOfWork


@dataclass(frozen=True)
class ReportFile:
    media_type: str
    filename: str
    content: bytes


def period(date_from: str, date_to: str) -> tuple[dt.date, dt.date]:
    """A report's period: both ends given, the end not before the start."""
    start, end = parse_date(date_from, "date_from"), parse_date(date_to, "date_to")
    if end < start:
        raise Invalid("date_to", "конец периода раньше его начала")
    return start, end


def get_class_fill(on_date: str, scope: Scope, uow: ReportingUnitOfWork) -> class_fill.ClassFill:
    day = parse_date(on_date, "on_date")
    scope.require("movement.read")
    with uow:
        year, groups, members = uow.read_models.class_fill_facts(day)
        school_name = uow.movement_register.school_name()
    year_id, year_name = year or ("", "")
    return class_fill.class_fill(school_name, day.isoformat(), year_id, year_name, groups, members)


def render_class_fill(on_date: str, kind: str, formed_at: dt.datetime, scope: Scope,
                      uow: ReportingUnitOfWork) -> ReportFile:
    report = get_class_fill(on_date, scope, uow)
    return ReportFile(files.MEDIA_TYPES[kind], f"class-fill-{report.on_date}.{kind}",
                      files.class_fill_file(report, kind, formed_at))


def get_student_movement(date_from: str, date_to: str, scope: Scope, uow: ReportingUnitOfWork
                         ) -> student_movement.StudentMovement:
    start, end = period(date_from, date_to)
    scope.require("movement.read")
    with uow:
        orders, classes = uow.movement_register.orders_in_force(start, end)
        school_name = uow.movement_register.school_name()
    return student_movement.student_movement(school_name, start.isoformat(), end.isoformat(), orders, classes)


def render_student_movement(date_from: str, date_to: str, kind: str, formed_at: dt.datetime, scope: Scope,
                            uow: ReportingUnitOfWork) -> ReportFile:
    report = get_student_movement(date_from, date_to, scope, uow)
    return ReportFile(files.MEDIA_TYPES[kind], f"student-movement-{report.date_from}-{report.date_to}.{kind}",
                      files.student_movement_file(report, kind, formed_at))
