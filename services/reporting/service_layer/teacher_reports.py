"""The teachers' period reports as data and as PDF or XLSX files: the subject teacher's report (teacher_report.read:
the managers for any teacher, a teacher their own), the form teacher's report for a period and the class's results
for a period (report.read: the managers, and the class's form teacher). A period is a term id or "year" ("" = the
term under way); the numbers are the class's period results (domain/period_results.py) as of the day the report is
formed. Who may read is decided before the period is looked at, so a caller of another school learns nothing."""
import datetime as dt

from services.common.db import parse_uuid
from services.common.errors import Invalid, NotFound
from services.common.scope import Scope
from services.reporting.adapters import teacher_reports_files as files
from services.reporting.adapters.school_reports_files import MEDIA_TYPES
from services.reporting.domain import attendance_sheet
from services.reporting.domain.class_results_report import ClassResultsReport, class_results_report
from services.reporting.domain.form_teacher_report import FormTeacherReport, form_teacher_report
from services.reporting.domain.period_results import YEAR, ClassResults, period_under_way
from services.reporting.domain.subject_teacher_report import SubjectTeacherReport, offered_periods, subject_teacher_report
from services.reporting.service_layer.school_reports import ReportFile
from services.reporting.service_layer.unit_of_work import ReportingUnitOfWork

OWN_OR_MANAGERS = "Отчёт учителя-предметника доступен ему самому и руководству школы"


def unknown_period() -> NotFound:
    return NotFound("Период не найден", {"period_id": "нет такого периода"})


def period_of(period_id: str) -> str:
    """A report's period: a term's id, "year", or "" (the term under way)."""
    return period_id if period_id in ("", YEAR) else parse_uuid(period_id, "period_id")


def class_period_results(class_group_id: str, period_id: str, as_of: dt.date, uow: ReportingUnitOfWork
                         ) -> ClassResults:
    """The class's results for one of its periods ("" = the one under way; in the unit of work); NotFound for an
    unknown class or period."""
    periods = uow.period_results.class_periods(class_group_id)
    if periods is None:
        raise NotFound("Класс не найден", {"class_group_id": "нет такого класса"})
    results = uow.period_results.class_results(class_group_id, period_id or period_under_way(periods, as_of), as_of)
    if results is None:
        raise unknown_period()
    return results


def get_subject_teacher_report(teacher_id: str, period_id: str, as_of: dt.date, scope: Scope,
                               uow: ReportingUnitOfWork) -> SubjectTeacherReport:
    """The teacher's ("" = the caller's) classes and subjects in the period ("" = the term under way of their year)."""
    teacher_id = parse_uuid(teacher_id, "teacher_id") if teacher_id else scope.principal.person_id
    scope.require("teacher_report.read", OWN_OR_MANAGERS, teacher_id=teacher_id)
    if not teacher_id:
        raise Invalid("teacher_id", "укажите учителя")
    period_id = period_of(period_id)
    with uow:
        class_group_ids = uow.period_results.teacher_class_groups(teacher_id, period_id or YEAR, as_of)
        if class_group_ids is None:
            raise unknown_period()
        periods = offered_periods(uow.period_results.class_periods(c) or () for c in class_group_ids)
        period_id = period_id or period_under_way(periods, as_of) or YEAR
        classes = [results for results in (uow.period_results.class_results(c, period_id, as_of)
                                           for c in class_group_ids) if results is not None]
        school_name = uow.movement_register.school_name()
    return subject_teacher_report(school_name, teacher_id, period_id, periods, classes)


def get_form_teacher_report(class_group_id: str, period_id: str, as_of: dt.date, scope: Scope,
                            uow: ReportingUnitOfWork) -> FormTeacherReport:
    class_group_id = parse_uuid(class_group_id, "class_group_id")
    scope.require("report.read", teacher_id=(), class_group_id=class_group_id)
    period_id = period_of(period_id)
    with uow:
        results = class_period_results(class_group_id, period_id, as_of, uow)
        start, end = results.period.date_from, results.period.date_to
        _, members, absences = uow.read_models.attendance_facts(class_group_id, start, end)
        school_name = uow.movement_register.school_name()
    attendance = attendance_sheet.attendance_sheet(school_name, class_group_id, results.class_group.name, start, end,
                                                   members, absences)
    return form_teacher_report(school_name, results, attendance)


def get_class_results(class_group_id: str, period_id: str, as_of: dt.date, scope: Scope, uow: ReportingUnitOfWork
                      ) -> ClassResultsReport:
    class_group_id = parse_uuid(class_group_id, "class_group_id")
    scope.require("report.read", teacher_id=(), class_group_id=class_group_id)
    period_id = period_of(period_id)
    with uow:
        results = class_period_results(class_group_id, period_id, as_of, uow)
        school_name = uow.movement_register.school_name()
    return class_results_report(school_name, results)


def render_subject_teacher_report(teacher_id: str, period_id: str, kind: str, formed_at: dt.datetime, scope: Scope,
                                  uow: ReportingUnitOfWork) -> ReportFile:
    report = get_subject_teacher_report(teacher_id, period_id, formed_at.date(), scope, uow)
    return ReportFile(MEDIA_TYPES[kind], f"subject-teacher-{report.teacher_id}-{report.period_id}.{kind}",
                      files.subject_teacher_file(report, kind, formed_at))


def class_period_file(name: str, report: FormTeacherReport | ClassResultsReport, content: bytes, kind: str
                      ) -> ReportFile:
    """A class's period report as a file: <name>-<class_group_id>-<period_id>.<kind>."""
    results = report.results
    return ReportFile(MEDIA_TYPES[kind], f"{name}-{results.class_group.id}-{results.period.id}.{kind}", content)


def render_form_teacher_report(class_group_id: str, period_id: str, kind: str, formed_at: dt.datetime, scope: Scope,
                               uow: ReportingUnitOfWork) -> ReportFile:
    report = get_form_teacher_report(class_group_id, period_id, formed_at.date(), scope, uow)
    return class_period_file("form-teacher", report, files.form_teacher_file(report, kind, formed_at), kind)


def render_class_results(class_group_id: str, period_id: str, kind: str, formed_at: dt.datetime, scope: Scope,
                         uow: ReportingUnitOfWork) -> ReportFile:
    report = get_class_results(class_group_id, period_id, formed_at.date(), scope, uow)
    return class_period_file("class-results", report, files.class_results_file(report, kind, formed_at), kind)
