"""The class journal of a class for a period (R6: on demand; A3: the archive, with a service token), as data, as the
PDF/A printout that is bound and signed, and as JSON (report.read: the managers, the class's form teacher, service
accounts). domain/class_journal.py the rules, adapters/class_journal_files.py the files."""
import datetime as dt

from services.common.dates import parse_date
from services.common.db import parse_uuid
from services.common.errors import NotFound
from services.common.scope import Scope
from services.reporting.adapters import class_journal_files as files
from services.reporting.domain import class_journal as journal
from services.reporting.service_layer.school_reports import ReportFile, period
from services.reporting.service_layer.unit_of_work import ReportingUnitOfWork


def get_class_journal(class_group_id: str, date_from: str, date_to: str, subject_id: str, today: dt.date,
                      scope: Scope, uow: ReportingUnitOfWork) -> journal.ClassJournal:
    """date_from, date_to "" = the first, the last day of the class's school year (its terms; while none is known,
    the first and last day with a lesson or mark of the class, else today); subject_id "" = every subject."""
    class_group_id = parse_uuid(class_group_id, "class_group_id")
    subject_id = parse_uuid(subject_id, "subject_id") if subject_id else ""
    asked_from = parse_date(date_from, "date_from") if date_from else None
    asked_to = parse_date(date_to, "date_to") if date_to else None
    if asked_from and asked_to:
        period(date_from, date_to)  # the end not before the start
    scope.require("report.read", teacher_id=(), class_group_id=class_group_id)
    with uow:
        school_name = uow.movement_register.school_name()
        known = uow.class_journals.class_year(class_group_id)
        if known is None:
            raise NotFound("Класс не найден", {"class_group_id": "нет такого класса"})
        name, year_name, periods = known
        year = journal.year_span(periods) or uow.class_journals.dates_kept(class_group_id) or (today, today)
        start, end = period((asked_from or year[0]).isoformat(), (asked_to or year[1]).isoformat())
        facts = uow.class_journals.facts(class_group_id, name, year_name, periods, start, end)
    return journal.class_journal(school_name, facts, start, end, (start, end) == year, subject_id)


def render_class_journal(class_group_id: str, date_from: str, date_to: str, subject_id: str, kind: str,
                         formed_at: dt.datetime, scope: Scope, uow: ReportingUnitOfWork) -> ReportFile:
    """class-journal-<class_group_id>.pdf|.json for the whole year, …-<date_from>-<date_to> for a period, and
    …-<subject_id> for one subject."""
    report = get_class_journal(class_group_id, date_from, date_to, subject_id, formed_at.date(), scope, uow)
    dates = () if report.whole_year else (report.date_from.isoformat(), report.date_to.isoformat())
    one = (parse_uuid(subject_id, "subject_id"),) if subject_id else ()
    name = "-".join(("class-journal", report.class_group.id, *dates, *one))
    return ReportFile(files.MEDIA_TYPES[kind], f"{name}.{kind}", files.class_journal_file(report, kind))
