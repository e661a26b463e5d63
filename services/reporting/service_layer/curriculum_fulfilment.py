"""Curriculum fulfilment for the whole school (R4) of a school year, as of a day, as data and as a PDF or XLSX file:
the managers read it (report.read without a class: a form teacher is refused)."""
import datetime as dt

from services.common.db import parse_uuid
from services.common.errors import NotFound
from services.common.scope import Scope
from services.reporting.adapters import curriculum_fulfilment_files
from services.reporting.adapters.school_reports_files import MEDIA_TYPES
from services.reporting.domain.curriculum_fulfilment import CurriculumFulfilment
from services.reporting.service_layer.school_reports import ReportFile
from services.reporting.service_layer.unit_of_work import ReportingUnitOfWork

MANAGERS_ONLY = "Выполнение учебного плана школы смотрят администратор, директор и заместитель директора"


def get_curriculum_fulfilment(academic_year_id: str, as_of: dt.date, scope: Scope, uow: ReportingUnitOfWork
                              ) -> CurriculumFulfilment:
    academic_year_id = parse_uuid(academic_year_id, "academic_year_id")
    scope.require("report.read", MANAGERS_ONLY, teacher_id=())
    with uow:
        report = uow.curriculum.curriculum_fulfilment(academic_year_id, as_of)
    if report is None:
        raise NotFound("Учебный год не найден", {"academic_year_id": "нет такого учебного года"})
    return report


def render_curriculum_fulfilment(academic_year_id: str, kind: str, formed_at: dt.datetime, scope: Scope,
                                 uow: ReportingUnitOfWork) -> ReportFile:
    report = get_curriculum_fulfilment(academic_year_id, formed_at.date(), scope, uow)
    return ReportFile(MEDIA_TYPES[kind], f"curriculum-fulfilment-{report.academic_year_id}.{kind}",
                      curriculum_fulfilment_files.curriculum_fulfilment_file(report, kind, formed_at))
