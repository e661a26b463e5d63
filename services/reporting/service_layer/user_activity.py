"""The weekly user-activity report (report.read, the managers only): its read models kept from identity's and the
journal's events (the staff, each actor's activity per day and kind; the inbox makes a redelivered event count once),
and the report of a week as data and as a PDF or XLSX file."""
import datetime as dt

from services.common.dates import parse_date
from services.common.scope import Scope
from services.reporting.adapters import user_activity_files
from services.reporting.adapters.school_reports_files import MEDIA_TYPES
from services.reporting.domain.user_activity import (
    SIGN_IN,
    Done,
    StaffMember,
    UserActivity,
    is_staff,
    last_full_week,
    user_activity,
    week,
)
from services.reporting.service_layer.school_reports import ReportFile
from services.reporting.service_layer.unit_of_work import ReportingUnitOfWork


def put_staff(member: StaffMember, uow: ReportingUnitOfWork) -> None:
    """A staff member's name, roles and login as told (an empty value changes nothing)."""
    with uow:
        uow.activity.put_staff(member)


def put_login(person_id: str, subject: str, uow: ReportingUnitOfWork) -> None:
    """A staff member's login, once their account is activated (nothing for a person who is no staff member)."""
    with uow:
        uow.activity.put_login(person_id, subject)


def record_activity(done: list[Done], uow: ReportingUnitOfWork) -> None:
    """Counts a run of activity (one statement)."""
    if done:
        with uow:
            uow.activity.add(done)


def signed_in(member: StaffMember, day: dt.date, uow: ReportingUnitOfWork) -> None:
    """A staff member's sign-in (their login becomes known); a family's sign-in is no staff activity."""
    if is_staff(member.roles):
        with uow:
            uow.activity.put_staff(member)
            uow.activity.add([Done(member.subject, day, SIGN_IN)])


def week_asked(week_of: str, today: dt.date) -> dt.date:
    """The Monday of the week containing `week_of` (an ISO date); by default the last full week before today."""
    return week(parse_date(week_of, "week_of"))[0] if week_of else last_full_week(today)


def get_user_activity(week_of: str, today: dt.date, scope: Scope, uow: ReportingUnitOfWork) -> UserActivity:
    monday = week_asked(week_of, today)
    scope.require("report.read", teacher_id=())  # the managers; no form teacher
    with uow:
        staff = uow.activity.staff()
        done = uow.activity.week(*week(monday))
        school_name = uow.movement_register.school_name()
    return user_activity(school_name, monday, staff, done)


def render_user_activity(week_of: str, kind: str, formed_at: dt.datetime, scope: Scope, uow: ReportingUnitOfWork
                         ) -> ReportFile:
    report = get_user_activity(week_of, formed_at.date(), scope, uow)
    return ReportFile(MEDIA_TYPES[kind], f"user-activity-{report.week_from}-{report.week_to}.{kind}",
                      user_activity_files.user_activity_file(report, kind, formed_at))
