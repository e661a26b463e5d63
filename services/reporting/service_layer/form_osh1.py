"""Form ОШ-1 (federal statistics) as data and as a PDF or XLSX file: a school's (its managers) for an academic year on
a date, and the municipality's (the realm role authority_operator only), the sum of every school's numbers, each
school's computed in its own transaction so that nothing personal leaves a school."""
import datetime as dt
from collections.abc import Callable

from services.common.dates import parse_date
from services.common.db import parse_uuid
from services.common.errors import NotFound
from services.common.scope import Scope
from services.reporting.adapters import form_osh1_files as files
from services.reporting.domain import form_osh1
from services.reporting.service_layer.authority import require_operator
from services.reporting.service_layer.school_period_reports import require_manager
from services.reporting.service_layer.school_reports import ReportFile
from services.reporting.service_layer.unit_of_work import ReportingUnitOfWork, UnitsOfWork

OPERATOR_ONLY = "Сводную форму ОШ-1 муниципалитета читает только оператор муниципалитета"
MUNICIPALITY = "Муниципалитет: все школы"


def school_form(academic_year_id: str, year_name: str, day: dt.date, uow: ReportingUnitOfWork) -> form_osh1.FormOsh1:
    """The school's form for the year on the day (read in the open unit of work)."""
    previous = uow.form_osh1.previous_year(academic_year_id)
    return form_osh1.form_osh1(
        uow.movement_register.school_name(), day, year_name, previous[1] if previous else "",
        uow.form_osh1.class_grades(academic_year_id), uow.form_osh1.pupils(academic_year_id, day),
        uow.form_osh1.moved(previous[0]) if previous else None)


def get_form_osh1(academic_year_id: str, on_date: str, scope: Scope, uow: ReportingUnitOfWork) -> form_osh1.FormOsh1:
    academic_year_id = parse_uuid(academic_year_id, "academic_year_id")
    day = parse_date(on_date, "on_date")
    require_manager(scope)
    with uow:
        year_name = uow.form_osh1.year(academic_year_id)
        if year_name is None:
            raise NotFound("Учебный год не найден", {"academic_year_id": "нет такого учебного года"})
        return school_form(academic_year_id, year_name, day, uow)


def render_form_osh1(academic_year_id: str, on_date: str, kind: str, formed_at: dt.datetime, scope: Scope,
                     uow: ReportingUnitOfWork) -> ReportFile:
    report = get_form_osh1(academic_year_id, on_date, scope, uow)
    return ReportFile(files.MEDIA_TYPES[kind], f"form-osh1-{academic_year_id}-{report.on_date}.{kind}",
                      files.form_osh1_file(report, kind, formed_at))


def get_municipal_form_osh1(on_date: str, school_ids: Callable[[], list[str]], uows: UnitsOfWork
                            ) -> tuple[form_osh1.FormOsh1, int]:
    """Every school's form for its academic year containing the date (a school with no year begun by then is left
    out), summed; and the number of schools summed."""
    require_operator(OPERATOR_ONLY)
    day = parse_date(on_date, "on_date")
    forms = []
    for school_id in school_ids():
        with uows(Scope.of_event(school_id)) as uow:
            year, _, _ = uow.read_models.class_fill_facts(day)
            if year is not None:
                forms.append(school_form(year[0], year[1], day, uow))
    empty = form_osh1.form_osh1(MUNICIPALITY, day, "", "", [], [], [])
    return form_osh1.summed(f"{MUNICIPALITY} ({len(forms)})", forms, empty), len(forms)


def render_municipal_form_osh1(on_date: str, kind: str, formed_at: dt.datetime, school_ids: Callable[[], list[str]],
                               uows: UnitsOfWork) -> ReportFile:
    report, _ = get_municipal_form_osh1(on_date, school_ids, uows)
    return ReportFile(files.MEDIA_TYPES[kind], f"form-osh1-municipality-{report.on_date}.{kind}",
                      files.form_osh1_file(report, kind, formed_at))
