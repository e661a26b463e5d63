"""The municipal authority's view of its schools (issue 13, T1/R5): the refresher computing a changed school's
aggregates (every named year of it, every period of its classes: period_results' class results, the attendance sheet's
lessons missed, the lessons filled on time, accounts and archives) in the school's own transaction; every school side
by side for a year's period with the municipality's total (data and XLSX); one school's aggregates of a year per period
and grade. Only the realm role authority_operator reads them: school staff are refused, and nothing personal is read."""
import datetime as dt
import logging
from collections.abc import Callable
from dataclasses import dataclass

from services.common import policy
from services.common.db import parse_uuid
from services.common.errors import Invalid, NotFound
from services.common.scope import Scope
from services.reporting.adapters import authority_files
from services.reporting.adapters.school_aggregate_store import AggregateReader
from services.reporting.adapters.school_reports_files import XLSX
from services.reporting.domain import attendance_sheet
from services.reporting.domain.school_aggregates import (
    METRICS,
    PERIOD_KEY,
    YEAR_NAME,
    Aggregate,
    SchoolRow,
    class_aggregate,
    combined,
    fill,
    period_keys,
    period_label,
    period_order,
    school_aggregates,
    sorted_schools,
)
from services.reporting.service_layer.school_reports import ReportFile
from services.reporting.service_layer.unit_of_work import ReportingUnitOfWork, UnitsOfWork

log = logging.getLogger(__name__)
OPERATOR_ONLY = "Сводные показатели школ видит только оператор муниципалитета"
TOTAL = "Итого по муниципалитету"


def require_operator(refusal: str = OPERATOR_ONLY) -> None:
    """The one check of every municipal read (the aggregates, form ОШ-1 of the municipality): the operator's realm
    role (school staff are refused)."""
    policy.require_operator(refusal)


# --- the refresher


def refresh_school(version: int, today: dt.date, uow: ReportingUnitOfWork) -> int:
    """Computes the school's aggregates again and clears its change flag of `version` (kept when an event changed it
    meanwhile), in one transaction; the number of rows written (0 when another replica is computing them)."""
    with uow:
        store, aggregates = uow.period_results, uow.aggregates
        if not aggregates.claim():
            return 0
        accounts, sealed = aggregates.accounts(), aggregates.archives_sealed()
        rows = []
        for year_id, year_name in aggregates.years():
            days = aggregates.lesson_days(year_id)
            keyed_of_grade: dict[int, list] = {}
            classes = []
            for class_group_id, name, grade in store.year_classes(year_id):
                if grade not in keyed_of_grade:
                    keyed_of_grade[grade] = period_keys(store.periods(year_id, grade, year_name))
                for key, period in keyed_of_grade[grade]:
                    results = store.class_results(class_group_id, period.id, today)
                    _, members, absences = uow.read_models.attendance_facts(class_group_id, period.date_from,
                                                                            period.date_to)
                    missed = attendance_sheet.attendance_sheet("", class_group_id, name, period.date_from,
                                                               period.date_to, members, absences).missed
                    classes.append(class_aggregate(key, results, missed, fill(days.get(class_group_id, []), period,
                                                                               today)))
            rows += [(year_name, row) for row in school_aggregates(classes, accounts, sealed)]
        aggregates.replace([name for _, name in aggregates.years()], rows)
        aggregates.clear_changed(version)
    return len(rows)


def refresh_changed(reader: AggregateReader, uows: UnitsOfWork, today: dt.date, only: str = "",
                    rest: Callable[[], bool] = lambda: False) -> int:
    """Every school changed since its last computation (or only the one named, changed or not) computed again (a
    school that fails is logged and tried again next round); how many were. After each school `rest()` (the worker's
    pace: its share of a core); it returning True ends the round."""
    done = 0
    changed = reader.changed()
    for school_id, version in ([(only, dict(changed).get(only, 0))] if only else changed):
        try:
            refresh_school(version, today, uows(Scope.of_event(school_id)))
            done += 1
        except Exception:
            log.exception("computing the aggregates of school %s failed", school_id)
        if rest():
            break
    return done


def refresh_now(reader: AggregateReader, uows: UnitsOfWork, today: dt.date, school_id: str = "") -> int:
    """The operator asks for the changed schools (or one school) to be computed at once (tests, the benchmark; the
    page never does)."""
    require_operator()
    return refresh_changed(reader, uows, today, parse_uuid(school_id, "school_id") if school_id else "")


# --- the authority's reads


@dataclass(frozen=True)
class SchoolsOverview:
    year: str
    period: str
    period_name: str
    years: tuple[str, ...]  # with aggregates, latest first
    periods: tuple[tuple[str, str], ...]  # (key, name) of the year's periods
    schools: tuple[SchoolRow, ...]
    total: Aggregate
    sort: str
    descending: bool
    computed_at: dt.datetime | None  # the oldest of the schools' rows


@dataclass(frozen=True)
class SchoolOverview:
    school_id: str
    school_name: str
    year: str
    years: tuple[str, ...]
    rows: tuple[Aggregate, ...]  # by period (its order), the whole school first, then the grades
    computed_at: dt.datetime | None


def school_year_of(today: dt.date) -> str:
    """The school year a day falls in: from 1 September ("2026/2027" on 2026-09-01 .. 2027-08-31)."""
    start = today.year if today.month >= 9 else today.year - 1
    return f"{start}/{start + 1}"


def chosen_year(year: str, reader: AggregateReader, today: dt.date) -> tuple[str, list[str]]:
    """The year asked ("2026/2027"), else the latest with aggregates, else today's; with the years known."""
    if year and not YEAR_NAME.fullmatch(year):
        raise Invalid("year", "учебный год в виде 2026/2027")
    years = reader.years()
    return year or (years[0] if years else school_year_of(today)), years


def chosen_period(period: str, known: list[tuple[str, dt.date | None, dt.date | None]], today: dt.date) -> str:
    """The period asked, else the term under way today (the earliest key of those), else the year."""
    if period:
        if not PERIOD_KEY.fullmatch(period):
            raise Invalid("period", "q1–q4, h1, h2, t1–t3 или year")
        return period
    under_way = sorted((key for key, start, end in known if key != "year" and start and end and start <= today <= end),
                       key=period_order)
    return under_way[0] if under_way else "year"


def get_schools_overview(year: str, period: str, sort: str, descending: bool, today: dt.date,
                         reader: AggregateReader) -> SchoolsOverview:
    """Every school reporting knows (or has aggregates of), with its whole-school aggregates of the period, sorted; the
    municipality's total of those computed."""
    require_operator()
    if sort and sort != "name" and sort not in METRICS:
        raise Invalid("sort", f"name или один из показателей: {', '.join(METRICS)}")
    year, years = chosen_year(year, reader, today)
    known = reader.periods(year)
    period = chosen_period(period, known, today)
    of_school, computed_at = reader.of_period(year, period)
    names = reader.school_names()
    rows = [SchoolRow(school_id, names.get(school_id, ""), of_school.get(school_id))
            for school_id in sorted(set(names) | set(of_school))]
    name = period_label(period)
    total = combined(list(of_school.values()), period, TOTAL)
    return SchoolsOverview(year, period, name, tuple(years),
                           tuple((key, period_label(key)) for key in sorted({k for k, _, _ in known}, key=period_order)),
                           tuple(sorted_schools(rows, sort, descending)), total, sort or "name", descending,
                           computed_at)


def get_school_overview(school_id: str, year: str, today: dt.date, reader: AggregateReader) -> SchoolOverview:
    """One school's aggregates of a year, per period and grade (NotFound: a school reporting does not know)."""
    require_operator()
    year, _ = chosen_year(year, reader, today)
    rows, years, computed_at = reader.of_school(school_id, year)
    names = reader.school_names()
    if school_id not in names and not years:
        raise NotFound("Школа не найдена", {"school_id": "нет такой школы"})
    ordered = sorted(rows, key=lambda r: (period_order(r.period_key), r.grade))
    return SchoolOverview(school_id, names.get(school_id, ""), year, tuple(years), tuple(ordered), computed_at)


def render_schools_overview_xlsx(year: str, period: str, sort: str, descending: bool, formed_at: dt.datetime,
                                 reader: AggregateReader) -> ReportFile:
    """The side-by-side table as XLSX: schools-overview-<year>-<period>.xlsx (the year's slash a hyphen)."""
    overview = get_schools_overview(year, period, sort, descending, formed_at.date(), reader)
    return ReportFile(XLSX, f"schools-overview-{overview.year.replace('/', '-')}-{overview.period}.xlsx",
                      authority_files.schools_overview_xlsx(overview, formed_at))

