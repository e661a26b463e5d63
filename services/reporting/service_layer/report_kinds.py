"""The reports that can be formed in the background (StartReportJob), one entry per kind: who may ask for it, the
params it takes (each checked when the job is asked for, as its RPC checks it; an optional one may be left empty: the
RPC's default), the formats it comes in and the function forming its file with a progress callback. Registering a
report is one line in KINDS; the school-wide kinds put a file per class or per report in one ZIP."""
import datetime as dt
import functools
import io
import zipfile
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

from services.common.dates import parse_date
from services.common.db import parse_uuid
from services.common.errors import Invalid, NotFound
from services.common.scope import Scope
from services.reporting.domain.period_results import YEAR
from services.reporting.service_layer import (
    attendance_sheet,
    curriculum_fulfilment,
    school_period_reports,
    school_reports,
    student_reports,
    summary_sheet,
    teacher_reports,
    user_activity,
)
from services.reporting.service_layer.school_reports import ReportFile
from services.reporting.service_layer.unit_of_work import ReportingUnitOfWork

Progress = Callable[[int, int], None]  # (done, total)
FILES = ("pdf", "xlsx")
ZIP = "application/zip"
PERIOD_REPORTS = ("school-summary", "knowledge-quality", "progress-summary")  # the school's reports after a period


def iso_date(value: str, name: str) -> str:
    return parse_date(value, name).isoformat()


def period_id(value: str, name: str) -> str:
    """A period of the period reports: a term's id or "year"."""
    return value if value == YEAR else parse_uuid(value, name)


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
    optional: tuple[str, ...] = ()  # params that may be left empty ("")


def page_report(name: str, allow, params: dict[str, Callable[[str, str], str]], render: Callable[..., ReportFile],
                **options) -> ReportKind:
    """A kind formed as its page forms it: render(<its params in their order>, format, formed_at, scope, uow); a
    param added later is "" in the jobs asked for before."""
    return ReportKind(name, allow, params, lambda job, progress: render(
        *(job.params.get(name, "") for name in params), job.format, job.formed_at, job.scope, job.uow()), **options)


def _movement_read(scope: Scope, params: dict[str, str]):
    return scope.require("movement.read")


def _class_report(scope: Scope, params: dict[str, str]):
    """The managers, and the class's form teacher (as the class's reports on the page)."""
    return scope.require("report.read", teacher_id=(), class_group_id=params["class_group_id"])


def _school_wide(scope: Scope, params: dict[str, str]):
    """The managers only: every class of the school."""
    return scope.require("report.read", teacher_id=())


def _school_period(scope: Scope, params: dict[str, str]):
    return school_period_reports.require_manager(scope)


def _teacher_report(scope: Scope, params: dict[str, str]):
    """The managers for any teacher, a teacher their own."""
    return scope.require("teacher_report.read", teacher_reports.OWN_OR_MANAGERS, teacher_id=params["teacher_id"])


def _curriculum(scope: Scope, params: dict[str, str]):
    return scope.require("report.read", curriculum_fulfilment.MANAGERS_ONLY, teacher_id=())


def _zipped(files: Iterable[tuple[str, bytes]]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, content in files:
            archive.writestr(name, content)
    return buffer.getvalue()


def _summary_sheets(job: Job, progress: Progress) -> ReportFile:
    """Every class of the year, one PDF each, in one ZIP; progress counts the classes formed."""
    year_id = job.params["academic_year_id"]
    with job.uow() as uow:
        classes = uow.report_jobs.class_groups_of_year(year_id)
    if not classes:
        raise NotFound("В учебном году нет классов", {"academic_year_id": "нет классов этого года"})

    def sheets():
        for done, (class_group_id, name) in enumerate(classes, start=1):
            yield f"summary-sheet-{name or class_group_id}.pdf", summary_sheet.render_summary_sheet(
                class_group_id, "", "pdf", job.formed_at, job.scope, job.uow()).content
            progress(done, len(classes))

    return ReportFile(ZIP, f"summary-sheets-{year_id}.zip", _zipped(sheets()))


def _period_reports(job: Job, progress: Progress) -> ReportFile:
    """The school summary, knowledge quality and progress summary of the period, each as PDF and XLSX, in one ZIP;
    progress counts the reports formed."""
    year_id, period = job.params["academic_year_id"], job.params["period_id"]

    def files():
        for done, name in enumerate(PERIOD_REPORTS, start=1):
            for file in school_period_reports.render_school_period_files(name, year_id, period, FILES, job.formed_at,
                                                                         job.scope, job.uow()):
                yield file.filename, file.content
            progress(done, len(PERIOD_REPORTS))

    return ReportFile(ZIP, f"period-reports-{year_id}-{period}.zip", _zipped(files()))


def _period(params: dict[str, str]):
    return school_reports.period(params["date_from"], params["date_to"])


def _guardian_letters(class_group_id, period, student_id, text, fmt, *formed) -> ReportFile:
    return student_reports.render_guardian_letters(class_group_id, period, student_id, text, *formed)


CLASS = {"class_group_id": parse_uuid}
CLASS_PERIOD = {"class_group_id": parse_uuid, "period_id": period_id}
SCHOOL_PERIOD = {"academic_year_id": parse_uuid, "period_id": period_id}
STUDENT_PERIOD = {**CLASS_PERIOD, "student_id": parse_uuid}
KINDS: dict[str, ReportKind] = {
    "class-fill": page_report("Наполняемость классов", _movement_read, {"on_date": iso_date},
                         school_reports.render_class_fill),
    "movement": page_report("Движение учащихся", _movement_read, {"date_from": iso_date, "date_to": iso_date},
                       school_reports.render_student_movement, check=_period),
    "attendance": page_report("Сводная ведомость посещаемости", _class_report,
                         {**CLASS, "date_from": iso_date, "date_to": iso_date},
                         attendance_sheet.render_attendance_sheet, check=_period),
    "summary-sheet": page_report("Сводная ведомость класса", _class_report, CLASS_PERIOD,
                            summary_sheet.render_summary_sheet, optional=("period_id",)),
    "summary-sheets": ReportKind("Сводные ведомости всех классов", _school_wide, {"academic_year_id": parse_uuid},
                                 _summary_sheets, formats=("zip",)),
    # the period reports of issue 13: a teacher's, a class's, a student's, the school's
    "subject-teacher": page_report("Отчёт учителя-предметника", _teacher_report,
                              {"teacher_id": parse_uuid, "period_id": period_id},
                              teacher_reports.render_subject_teacher_report, optional=("period_id",)),
    "form-teacher": page_report("Отчёт классного руководителя", _class_report, CLASS_PERIOD,
                           teacher_reports.render_form_teacher_report, optional=("period_id",)),
    "class-results": page_report("Итоги успеваемости класса", _class_report, CLASS_PERIOD,
                            teacher_reports.render_class_results, optional=("period_id",)),
    "student-dynamics": page_report("Средний балл ученика и его динамика", _class_report,
                               {**CLASS, "student_id": parse_uuid}, student_reports.render_student_dynamics),
    "report-cards": page_report("Табели успеваемости", _class_report, STUDENT_PERIOD,
                           student_reports.render_report_cards, optional=("student_id",)),
    "student-progress": page_report("Отчёт об успеваемости и посещаемости ученика", _class_report, STUDENT_PERIOD,
                               student_reports.render_student_progress),
    "guardian-letters": page_report("Информационные письма родителям", _class_report,
                               {**STUDENT_PERIOD, "text": student_reports.letter_text}, _guardian_letters,
                               formats=("pdf",), optional=("student_id", "text")),
    "knowledge-quality": page_report("Итоги успеваемости и качество знаний", _school_period, SCHOOL_PERIOD,
                                functools.partial(school_period_reports.render_school_period_report,
                                                  "knowledge-quality")),
    "school-summary": page_report("Отчёт о всей школе", _school_period, SCHOOL_PERIOD,
                             functools.partial(school_period_reports.render_school_period_report, "school-summary")),
    "progress-summary": page_report("Сводный отчёт об успеваемости", _school_period, SCHOOL_PERIOD,
                               functools.partial(school_period_reports.render_school_period_report,
                                                 "progress-summary")),
    "period-reports": ReportKind("Отчёты по школе за период", _school_period, SCHOOL_PERIOD, _period_reports,
                                 formats=("zip",)),
    "curriculum-fulfilment": page_report("Выполнение учебного плана", _curriculum, {"academic_year_id": parse_uuid},
                                    curriculum_fulfilment.render_curriculum_fulfilment),
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
    missing = [name for name in report.params if not params.get(name) and name not in report.optional]
    if missing:
        raise Invalid(fields={name: "обязательный параметр" for name in missing},
                      message="Не указаны параметры отчёта")
    checked = {name: parse(params[name], name) if params.get(name) else ""
               for name, parse in report.params.items()}
    report.check(checked)
    return report, checked, fmt
