"""The reports that can be formed in the background (StartReportJob), one entry per kind: who may ask for it, the
params it takes (each checked when the job is asked for), the formats it comes in and the function forming its file
with a progress callback. Registering a report is one line in KINDS."""
import datetime as dt
import io
import zipfile
from collections.abc import Callable
from dataclasses import dataclass, field

from services.common.dates import parse_date
from services.common.db import parse_uuid
from services.common.errors import Invalid, NotFound
from services.common.scope import Scope
from services.reporting.service_layer import attendance_sheet, school_reports, summary_sheet, user_activity
from services.reporting.service_layer.school_reports import ReportFile
from services.reporting.service_layer.unit_of_work import ReportingUnitOfWork

Progress = Callable[[int, int], None]  # (done, total)
FILES = ("pdf", "xlsx")
ZIP = "application/zip"


def iso_date(value: str, name: str) -> str:
    return parse_date(value, name).isoformat()


@dataclass(frozen=True)
class Job:
    """What a kind's functions get: the params (checked), the format, when the file is formed and who asks."""
    params: dict[str, str]
    format: str
    formed_at: dt.datetime
    scope: Scope
    uow: Callable[[], ReportingUnitOfWork]


@dataclass(frozen=True)
class ReportKind:
    name: str  # Russian, for the list of formed files
    allow: Callable[[Scope, dict[str, str]], object]  # the policy: raises unless the caller may ask for it
    params: dict[str, Callable[[str, str], str]]  # param -> parse(value, name): its canonical form or Invalid
    form: Callable[[Job, Progress], ReportFile]
    formats: tuple[str, ...] = FILES
    check: Callable[[dict[str, str]], object] = field(default=lambda params: None)  # params together


def _movement_read(scope: Scope, params: dict[str, str]):
    return scope.require("movement.read")


def _class_report(scope: Scope, params: dict[str, str]):
    """The managers, and the class's form teacher (as the class's reports on the page)."""
    return scope.require("report.read", teacher_id=(), class_group_id=params["class_group_id"])


def _school_wide(scope: Scope, params: dict[str, str]):
    """The managers only: every class of the school."""
    return scope.require("report.read", teacher_id=())


def _summary_sheet_file(job: Job, class_group_id: str) -> bytes:
    return summary_sheet.render_summary_sheet(class_group_id, "", "pdf", job.formed_at, job.scope, job.uow()).content


def _summary_sheets(job: Job, progress: Progress) -> ReportFile:
    """Every class of the year, one PDF each, in one ZIP; progress counts the classes formed."""
    year_id = job.params["academic_year_id"]
    with job.uow() as uow:
        classes = uow.report_jobs.class_groups_of_year(year_id)
    if not classes:
        raise NotFound("В учебном году нет классов", {"academic_year_id": "нет классов этого года"})
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for done, (class_group_id, name) in enumerate(classes, start=1):
            archive.writestr(f"summary-sheet-{name or class_group_id}.pdf", _summary_sheet_file(job, class_group_id))
            progress(done, len(classes))
    return ReportFile(ZIP, f"summary-sheets-{year_id}.zip", buffer.getvalue())


def _period(params: dict[str, str]):
    return school_reports.period(params["date_from"], params["date_to"])


KINDS: dict[str, ReportKind] = {
    "class-fill": ReportKind("Наполняемость классов", _movement_read, {"on_date": iso_date},
                             lambda job, progress: school_reports.render_class_fill(
                                 job.params["on_date"], job.format, job.formed_at, job.scope, job.uow())),
    "movement": ReportKind("Движение учащихся", _movement_read, {"date_from": iso_date, "date_to": iso_date},
                           lambda job, progress: school_reports.render_student_movement(
                               job.params["date_from"], job.params["date_to"], job.format, job.formed_at, job.scope,
                               job.uow()), check=_period),
    "attendance": ReportKind("Сводная ведомость посещаемости", _class_report,
                             {"class_group_id": parse_uuid, "date_from": iso_date, "date_to": iso_date},
                             lambda job, progress: attendance_sheet.render_attendance_sheet(
                                 job.params["class_group_id"], job.params["date_from"], job.params["date_to"],
                                 job.format, job.formed_at, job.scope, job.uow()), check=_period),
    "summary-sheet": ReportKind("Сводная ведомость класса", _class_report, {"class_group_id": parse_uuid},
                                lambda job, progress: ReportFile(
                                    "application/pdf", f"summary-sheet-{job.params['class_group_id']}.pdf",
                                    _summary_sheet_file(job, job.params["class_group_id"])), formats=("pdf",)),
    "summary-sheets": ReportKind("Сводные ведомости всех классов", _school_wide, {"academic_year_id": parse_uuid},
                                 _summary_sheets, formats=("zip",)),
    "user-activity": ReportKind("Активность пользователей за неделю", _school_wide, {"week_of": iso_date},
                                lambda job, progress: user_activity.render_user_activity(
                                    job.params["week_of"], job.format, job.formed_at, job.scope, job.uow())),
}


def checked_request(kind: str, params: dict[str, str], fmt: str) -> tuple[ReportKind, dict[str, str], str]:
    """The kind, its params in canonical form and the format, each checked (Invalid naming the field)."""
    report = KINDS.get(kind)
    if report is None:
        raise Invalid("kind", "неизвестный отчёт; допустимые: " + ", ".join(KINDS))
    fmt = fmt or report.formats[0]
    if fmt not in report.formats:
        raise Invalid("format", "допустимые форматы: " + ", ".join(report.formats))
    unknown = sorted(set(params) - set(report.params))
    if unknown:
        raise Invalid(fields={name: "неизвестный параметр" for name in unknown},
                      message="Неизвестные параметры отчёта")
    missing = [name for name in report.params if not params.get(name)]
    if missing:
        raise Invalid(fields={name: "обязательный параметр" for name in missing},
                      message="Не указаны параметры отчёта")
    checked = {name: parse(params[name], name) for name, parse in report.params.items()}
    report.check(checked)
    return report, checked, fmt
