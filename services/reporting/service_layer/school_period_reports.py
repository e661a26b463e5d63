"""The school-wide period reports (the managers only: the form teacher reads none of them): results and knowledge
quality (итоги успеваемости и качество знаний), the school summary report (отчёт о всей школе) and the school progress
summary (сводный отчёт об успеваемости) for an academic year and a period (a term id or "year"), as data and as a PDF
or XLSX file; and the school's periods with the day each period's reports are due."""
import datetime as dt
from dataclasses import dataclass

from services.common.db import parse_uuid
from services.common.errors import NotFound
from services.common.scope import Scope
from services.reporting.adapters import school_period_reports_files as files
from services.reporting.adapters.school_reports_files import MEDIA_TYPES
from services.reporting.domain import attendance_sheet, class_fill, school_summary
from services.reporting.domain.period_results import YEAR, ClassResults, Period
from services.reporting.domain.progress_summary import ProgressSummary, progress_summary
from services.reporting.domain.school_periods import SchoolPeriod, school_periods
from services.reporting.domain.school_results import SchoolResults, school_results
from services.reporting.service_layer.school_reports import ReportFile
from services.reporting.service_layer.unit_of_work import ReportingUnitOfWork

MANAGERS_ONLY = "Отчёты по всей школе читают директор, его заместители и администратор школы"


def require_manager(scope: Scope) -> None:
    """report.read with no teacher and no class of the caller's: the managers (a form teacher is refused)."""
    scope.require("report.read", MANAGERS_ONLY, teacher_id=(), class_group_id="")


@dataclass(frozen=True)
class Asked:
    """A school period report's question, read inside the unit of work: the year, the period asked, the year's classes
    (id, name, grade), those taking part (with each one's previous period, "" = none) and those left out."""
    year_id: str
    year_name: str
    period: SchoolPeriod
    classes: list[tuple[str, str, int]]
    taking_part: list[tuple[str, str]]  # (class group id, its previous period id)
    left_out: list[tuple[str, tuple[str, ...]]]  # (class name, its periods' names)


def year_of(academic_year_id: str, uow: ReportingUnitOfWork) -> str:
    name = uow.period_results.academic_year_name(academic_year_id)
    if name is None:
        raise NotFound("Учебный год не найден", {"academic_year_id": "нет такого учебного года"})
    return name


def list_school_periods(academic_year_id: str, today: dt.date, scope: Scope, uow: ReportingUnitOfWork
                        ) -> tuple[str, tuple[SchoolPeriod, ...]]:
    """The year's name and its periods (terms with their grades, then the year) with their due dates."""
    academic_year_id = validated(academic_year_id, scope)
    with uow:
        name = year_of(academic_year_id, uow)
        terms = uow.period_results.year_terms(academic_year_id)
    return name, school_periods(terms, name, today)


def validated(academic_year_id: str, scope: Scope) -> str:
    """The year's id; the caller a manager (the period is checked once the year is known: a school's outsider learns
    nothing but «not found»)."""
    academic_year_id = parse_uuid(academic_year_id, "academic_year_id")
    require_manager(scope)
    return academic_year_id


def asked(academic_year_id: str, period_id: str, today: dt.date, uow: ReportingUnitOfWork) -> Asked:
    """A class takes part when its periods (its grade's terms, then the year) include the period."""
    name = year_of(academic_year_id, uow)
    if period_id != YEAR:
        period_id = parse_uuid(period_id, "period_id")
    store = uow.period_results
    period = next((p for p in school_periods(store.year_terms(academic_year_id), name, today)
                   if p.period.id == period_id), None)
    if period is None:
        raise NotFound("Период не найден", {"period_id": "нет такого периода в этом учебном году"})
    of_grade: dict[int, list[Period]] = {}
    classes, taking_part, left_out = store.year_classes(academic_year_id), [], []
    for class_group_id, class_name, grade in classes:
        if grade not in of_grade:
            of_grade[grade] = list(store.periods(academic_year_id, grade, name))
        ids = [p.id for p in of_grade[grade]]
        if period_id not in ids:
            left_out.append((class_name, tuple(p.name for p in of_grade[grade] if p.id != YEAR)))
            continue
        at = ids.index(period_id)
        taking_part.append((class_group_id, ids[at - 1] if period_id != YEAR and at else ""))
    return Asked(academic_year_id, name, period, classes, taking_part, left_out)


def read_results(question: Asked, as_of: dt.date, uow: ReportingUnitOfWork, previous: bool = False
                 ) -> tuple[SchoolResults, list[ClassResults]]:
    """The school's results of the period and (asked for) each class's of its previous period, in the unit of work."""
    store = uow.period_results
    results = [store.class_results(class_group_id, question.period.period.id, as_of)
               for class_group_id, _ in question.taking_part]
    before = [store.class_results(class_group_id, previous_id, as_of)
              for class_group_id, previous_id in question.taking_part if previous and previous_id]
    report = school_results(uow.movement_register.school_name(), question.year_id, question.year_name,
                            question.period.period, [r for r in results if r], question.left_out)
    return report, [r for r in before if r]


def get_knowledge_quality(academic_year_id: str, period_id: str, as_of: dt.date, scope: Scope,
                          uow: ReportingUnitOfWork) -> SchoolResults:
    academic_year_id = validated(academic_year_id, scope)
    with uow:
        return read_results(asked(academic_year_id, period_id, as_of, uow), as_of, uow)[0]


def get_school_summary(academic_year_id: str, period_id: str, as_of: dt.date, scope: Scope,
                       uow: ReportingUnitOfWork) -> school_summary.SchoolSummary:
    """The fill on the period's last day; the lessons missed within the period (attendance_sheet's counting)."""
    academic_year_id = validated(academic_year_id, scope)
    with uow:
        question = asked(academic_year_id, period_id, as_of, uow)
        results, _ = read_results(question, as_of, uow)
        period = question.period.period
        _, _, members = uow.read_models.class_fill_facts(period.date_to)
        missed = {}
        for class_group_id, name, _ in question.classes:
            _, attending, absences = uow.read_models.attendance_facts(class_group_id, period.date_from, period.date_to)
            missed[class_group_id] = attendance_sheet.attendance_sheet(
                "", class_group_id, name, period.date_from, period.date_to, attending, absences).missed
    fill = class_fill.class_fill(results.school_name, period.date_to.isoformat(), question.year_id, question.year_name,
                                 [class_fill.ClassGroup(*c) for c in question.classes],
                                 [m for m in members if m.class_group_id in missed])
    return school_summary.school_summary(results, fill, missed)


def get_progress_summary(academic_year_id: str, period_id: str, as_of: dt.date, scope: Scope,
                         uow: ReportingUnitOfWork) -> ProgressSummary:
    academic_year_id = validated(academic_year_id, scope)
    with uow:
        results, before = read_results(asked(academic_year_id, period_id, as_of, uow), as_of, uow, previous=True)
    return progress_summary(results, before)


REPORTS = {  # a report's name in its file's name: how it is read, how it is written
    "knowledge-quality": (get_knowledge_quality, files.knowledge_quality_file),
    "school-summary": (get_school_summary, files.school_summary_file),
    "progress-summary": (get_progress_summary, files.progress_summary_file),
}


def render_school_period_report(report: str, academic_year_id: str, period_id: str, kind: str,
                                formed_at: dt.datetime, scope: Scope, uow: ReportingUnitOfWork) -> ReportFile:
    """`report`: a name of REPORTS; the file `<report>-<academic_year_id>-<period_id>.pdf|.xlsx`."""
    return render_school_period_files(report, academic_year_id, period_id, (kind,), formed_at, scope, uow)[0]


def render_school_period_files(report: str, academic_year_id: str, period_id: str, kinds: tuple[str, ...],
                               formed_at: dt.datetime, scope: Scope, uow: ReportingUnitOfWork) -> list[ReportFile]:
    """The report read once and written in each of `kinds`."""
    read, write = REPORTS[report]
    data = read(academic_year_id, period_id, formed_at.date(), scope, uow)
    return [ReportFile(MEDIA_TYPES[kind], f"{report}-{academic_year_id}-{period_id}.{kind}",
                       write(data, kind, formed_at)) for kind in kinds]
