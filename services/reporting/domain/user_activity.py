"""The weekly user-activity report (seed 003 §8: «отчёт по активности пользователей … создаётся один раз в неделю»):
who signed in and who filled what in a week, Monday to Sunday. Reporting counts each person's (or actor's) sign-ins
and journal entries per day and kind; the report names a staff member through their login (the envelope's actor is the
Keycloak subject), shows an actor it cannot name as given, and lists the staff with a role and no activity at the end.
Plain Python."""
import datetime as dt
from collections import defaultdict
from dataclasses import dataclass, fields

from services.common.policy import STAFF_ROLES

# the kinds of activity counted
SIGN_IN = "sign_in"
TOPIC = "topic"
MARK_RECORDED, MARK_CHANGED, MARK_DELETED = "mark_recorded", "mark_changed", "mark_deleted"
ATTENDANCE = "attendance"
HOMEWORK = "homework"
TERM_MARK, FINAL_MARK = "term_mark", "final_mark"
ROLE_NAMES = {"school_admin": "администратор", "director": "директор", "deputy_head": "завуч",
              "secretary": "секретарь", "hr_specialist": "специалист по кадрам",
              "subject_teacher": "учитель-предметник", "form_teacher": "классный руководитель"}
IDLE = "не входили в систему"


def week(day: dt.date) -> tuple[dt.date, dt.date]:
    """The Monday and the Sunday of the week containing the day."""
    monday = day - dt.timedelta(days=day.weekday())
    return monday, monday + dt.timedelta(days=6)


def last_full_week(today: dt.date) -> dt.date:
    """The Monday of the last week that has ended by today (the week before this one)."""
    return week(today)[0] - dt.timedelta(days=7)


def is_staff(roles) -> bool:
    return bool(set(roles) & STAFF_ROLES)


@dataclass(frozen=True)
class StaffMember:
    """A staff member as identity's events tell them (the login once an account is activated or signs in)."""
    id: str
    full_name: str
    roles: tuple[str, ...] = ()
    subject: str = ""


@dataclass(frozen=True)
class Done:
    """`count` pieces of activity of one kind by one actor (the Keycloak subject, or "service:<name>") on one day."""
    actor: str
    day: dt.date
    kind: str
    count: int = 1


@dataclass(frozen=True)
class Counts:
    days_signed_in: int = 0
    sign_ins: int = 0
    topics: int = 0  # lessons filled: topics set
    marks: int = 0  # lesson marks recorded
    marks_corrected: int = 0  # changed or deleted
    attendance: int = 0
    homework: int = 0
    period_marks: int = 0  # term and final marks set

    def __add__(self, other: "Counts") -> "Counts":
        return Counts(*(getattr(self, f.name) + getattr(other, f.name) for f in fields(self)))

    def values(self) -> tuple[int, ...]:
        return tuple(getattr(self, f.name) for f in fields(self))


COLUMN = {TOPIC: "topics", MARK_RECORDED: "marks", MARK_CHANGED: "marks_corrected", MARK_DELETED: "marks_corrected",
          ATTENDANCE: "attendance", HOMEWORK: "homework", TERM_MARK: "period_marks", FINAL_MARK: "period_marks",
          SIGN_IN: "sign_ins"}


def counts(done: list[Done]) -> Counts:
    totals = defaultdict(int)
    for d in done:
        totals[COLUMN[d.kind]] += d.count
    return Counts(days_signed_in=len({d.day for d in done if d.kind == SIGN_IN}), **totals)


@dataclass(frozen=True)
class ActivityRow:
    name: str  # the staff member's full name, or the actor as given
    roles: str  # Russian, comma-separated ("" for an actor that is no staff member)
    counts: Counts


@dataclass(frozen=True)
class UserActivity:
    school_name: str
    week_from: dt.date
    week_to: dt.date
    rows: tuple[ActivityRow, ...]  # everyone with activity in the week, by name
    idle: tuple[ActivityRow, ...]  # the staff with a role and no activity (не входили в систему), by name
    total: Counts  # the school's: each column summed


def role_names(roles) -> str:
    return ", ".join(ROLE_NAMES[role] for role in sorted(roles, key=list(ROLE_NAMES).index) if role in ROLE_NAMES)


def user_activity(school_name: str, monday: dt.date, staff: list[StaffMember], done: list[Done]) -> UserActivity:
    """The week's rows from the staff and the week's activity (of any day: those outside the week are left out)."""
    sunday = week(monday)[1]
    by_subject = {member.subject: member for member in staff if member.subject}
    by_actor: dict[str, list[Done]] = defaultdict(list)
    for d in done:
        if monday <= d.day <= sunday:
            member = by_subject.get(d.actor)
            by_actor[member.id if member else d.actor].append(d)
    by_id = {member.id: member for member in staff}

    def row(key: str) -> ActivityRow:
        member = by_id.get(key)
        return ActivityRow(member.full_name if member else key, role_names(member.roles) if member else "",
                           counts(by_actor[key]))

    rows = sorted((row(key) for key in by_actor), key=lambda r: (r.name.casefold(), r.name))
    idle = sorted((ActivityRow(m.full_name, role_names(m.roles), Counts()) for m in staff
                   if m.id not in by_actor and is_staff(m.roles)), key=lambda r: (r.name.casefold(), r.name))
    total = sum((r.counts for r in rows), Counts())
    return UserActivity(school_name, monday, sunday, tuple(rows), tuple(idle), total)
