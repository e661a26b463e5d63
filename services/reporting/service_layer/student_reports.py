"""The reports on a student of a class (report.read: the managers, and the class's form teacher): the average mark
and its dynamics over the year's terms, the report cards of a period, the progress and attendance report of a period
and the information letters to guardians — as data and as PDF (XLSX where a table is the content)."""
import datetime as dt
from dataclasses import dataclass

from services.common.db import parse_uuid
from services.common.errors import Invalid, NotFound
from services.common.scope import Scope
from services.reporting.adapters import student_reports_files as files
from services.reporting.adapters.school_reports_files import MEDIA_TYPES
from services.reporting.domain import attendance_sheet
from services.reporting.domain import student_reports as reports
from services.reporting.domain.period_results import YEAR, Period
from services.reporting.service_layer.school_reports import ReportFile
from services.reporting.service_layer.unit_of_work import ReportingUnitOfWork


def student_not_found() -> NotFound:
    return NotFound("Ученик не найден в классе", {"student_id": "ученика нет в этом классе за период"})


@dataclass(frozen=True)
class GuardianLetters:
    progress: reports.ProgressReport
    text: str  # the form teacher's text


def opened(class_group_id: str, uow: ReportingUnitOfWork) -> tuple[Period, ...]:
    """The class's periods (the caller's unit of work open): the class must be known."""
    periods = uow.period_results.class_periods(class_group_id)
    if periods is None:
        raise NotFound("Класс не найден", {"class_group_id": "нет такого класса"})
    return periods


def checked(class_group_id: str, student_id: str, scope: Scope, optional: bool = False) -> tuple[str, str]:
    """The ids parsed (student_id may be empty when optional), the caller allowed to read the class's reports."""
    class_group_id = parse_uuid(class_group_id, "class_group_id")
    student_id = parse_uuid(student_id, "student_id") if student_id or not optional else ""
    scope.require("report.read", teacher_id=(), class_group_id=class_group_id)
    return class_group_id, student_id


def chosen(periods: tuple[Period, ...], period_id: str) -> Period:
    found = next((p for p in periods if p.id == period_id), None)
    if found is None:
        raise NotFound("Период не найден", {"period_id": "у класса нет такого периода"})
    return found


def sheet_of(uow: ReportingUnitOfWork, class_group_id: str, school_name: str,
             period: Period) -> attendance_sheet.AttendanceSheet:
    name, members, absences = uow.read_models.attendance_facts(class_group_id, period.date_from, period.date_to)
    return attendance_sheet.attendance_sheet(school_name, class_group_id, name or "", period.date_from, period.date_to,
                                             members, absences)


def get_student_dynamics(class_group_id: str, student_id: str, as_of: dt.date, scope: Scope,
                         uow: ReportingUnitOfWork) -> reports.StudentDynamics:
    class_group_id, student_id = checked(class_group_id, student_id, scope)
    with uow:
        terms = [p for p in opened(class_group_id, uow) if p.id != YEAR]
        results = [uow.period_results.class_results(class_group_id, p.id, as_of) for p in terms]
        school_name = uow.movement_register.school_name()
    dynamics = reports.student_dynamics(school_name, results, student_id) if results else None
    if dynamics is None:
        raise student_not_found()
    return dynamics


def get_report_cards(class_group_id: str, period_id: str, student_id: str, as_of: dt.date, scope: Scope,
                     uow: ReportingUnitOfWork) -> reports.ReportCards:
    """The cards of the class's students for the period (student_id "" = every one): the terms up to it."""
    class_group_id, student_id = checked(class_group_id, student_id, scope, optional=True)
    with uow:
        periods = opened(class_group_id, uow)
        period = chosen(periods, period_id)
        terms = [p for p in periods if p.id != YEAR and p.date_to <= period.date_to]
        term_results = [uow.period_results.class_results(class_group_id, p.id, as_of) for p in terms]
        results = uow.period_results.class_results(class_group_id, period.id, as_of)
        finals = uow.period_results.final_marks(class_group_id) if period.id == YEAR else []
        school_name = uow.movement_register.school_name()
        sheet = sheet_of(uow, class_group_id, school_name, period)
    cards = reports.report_cards(school_name, term_results, results, [reports.FinalMarkFact(*f) for f in finals],
                                 sheet, student_id)
    if student_id and not cards.cards:
        raise student_not_found()
    return cards


def progress_of(class_group_id: str, period_id: str, student_id: str, as_of: dt.date, scope: Scope,
                uow: ReportingUnitOfWork, optional: bool = False) -> reports.ProgressReport:
    class_group_id, student_id = checked(class_group_id, student_id, scope, optional)
    with uow:
        period = chosen(opened(class_group_id, uow), period_id)
        results = uow.period_results.class_results(class_group_id, period.id, as_of)
        school_name = uow.movement_register.school_name()
        sheet = sheet_of(uow, class_group_id, school_name, period)
    progress = reports.progress_report(school_name, results, sheet, student_id)
    if student_id and not progress.students:
        raise student_not_found()
    return progress


def get_student_progress(class_group_id: str, period_id: str, student_id: str, as_of: dt.date, scope: Scope,
                         uow: ReportingUnitOfWork) -> reports.ProgressReport:
    """One student's progress and attendance of the period."""
    return progress_of(class_group_id, period_id, student_id, as_of, scope, uow)


def letter_text(text: str, name: str = "text") -> str:
    """The form teacher's text of the letters, stripped: at most LETTER_TEXT_LIMIT characters."""
    text = text.strip()
    if len(text) > reports.LETTER_TEXT_LIMIT:
        raise Invalid(name, f"не длиннее {reports.LETTER_TEXT_LIMIT} символов (сейчас {len(text)})")
    return text


def get_guardian_letters(class_group_id: str, period_id: str, student_id: str, text: str, as_of: dt.date,
                         scope: Scope, uow: ReportingUnitOfWork) -> GuardianLetters:
    """The letters of the class's students for the period (student_id "" = every one) with the form teacher's
    text (at most LETTER_TEXT_LIMIT characters)."""
    text = letter_text(text)
    return GuardianLetters(progress_of(class_group_id, period_id, student_id, as_of, scope, uow, optional=True), text)


def render_student_dynamics(class_group_id: str, student_id: str, kind: str, formed_at: dt.datetime, scope: Scope,
                            uow: ReportingUnitOfWork) -> ReportFile:
    dynamics = get_student_dynamics(class_group_id, student_id, formed_at.date(), scope, uow)
    return ReportFile(MEDIA_TYPES[kind], f"student-dynamics-{dynamics.class_group.id}-{dynamics.student.id}.{kind}",
                      files.student_dynamics_file(dynamics, kind, formed_at))


def suffix(student_id: str) -> str:
    return f"-{student_id}" if student_id else ""


def render_report_cards(class_group_id: str, period_id: str, student_id: str, kind: str, formed_at: dt.datetime,
                        scope: Scope, uow: ReportingUnitOfWork) -> ReportFile:
    cards = get_report_cards(class_group_id, period_id, student_id, formed_at.date(), scope, uow)
    name = f"report-cards-{cards.class_group.id}-{cards.period.id}{suffix(student_id and cards.cards[0].student.id)}"
    return ReportFile(MEDIA_TYPES[kind], f"{name}.{kind}", files.report_cards_file(cards, kind, formed_at))


def render_student_progress(class_group_id: str, period_id: str, student_id: str, kind: str, formed_at: dt.datetime,
                            scope: Scope, uow: ReportingUnitOfWork) -> ReportFile:
    progress = get_student_progress(class_group_id, period_id, student_id, formed_at.date(), scope, uow)
    name = f"student-progress-{progress.class_group.id}-{progress.period.id}-{progress.students[0].student.id}"
    return ReportFile(MEDIA_TYPES[kind], f"{name}.{kind}", files.student_progress_file(progress, kind, formed_at))


def render_guardian_letters(class_group_id: str, period_id: str, student_id: str, text: str, formed_at: dt.datetime,
                            scope: Scope, uow: ReportingUnitOfWork) -> ReportFile:
    letters = get_guardian_letters(class_group_id, period_id, student_id, text, formed_at.date(), scope, uow)
    progress = letters.progress
    only = student_id and progress.students[0].student.id
    return ReportFile(MEDIA_TYPES["pdf"], f"guardian-letters-{progress.class_group.id}-{progress.period.id}"
                      f"{suffix(only)}.pdf", files.guardian_letters_pdf(letters.progress, letters.text, formed_at))
