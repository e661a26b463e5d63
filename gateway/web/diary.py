"""The family's diary pages, made for a phone first: a week of lessons (topic, homework with its files, every mark
with its work type, weight and the teacher's comment, attendance) where a guardian or the student flags a mark they
believe wrong and reads the teacher's answer; the results of a year (успеваемость: term, annual, exam and final marks,
the average per subject and term with its dynamics, attendance totals); and a switch between the caller's diaries
(their children in one school or several, or their own). Every rule is the journal's: the pages show its answers."""
import datetime
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation

from flask import Blueprint, redirect, render_template, request, url_for

from gateway import stale_diary
from gateway.auth.session import login_required
from gateway.errors import BadRequest, error_page, http_status
from gateway.web import pages
from gateway.web.pages import call, child_name, choice_names, explain, monday_of, person_name
from proto.identity.v1 import identity_pb2
from proto.journal.v1 import journal_pb2 as pb
from proto.schedule.v1 import schedule_pb2
from services.common import policy
from services.common.errors import DomainError

bp = Blueprint("diary_pages", __name__)

OUTCOMES = {"explained": "объяснено", "corrected": "отметка исправлена"}


@dataclass(frozen=True)
class DiaryLink:
    """One diary the caller may open: a student of a school, as the switch names it (`label`) and as its page's
    heading does (`name`, "" for the caller's own)."""

    school_id: str
    student_id: str
    label: str
    name: str
    class_group_id: str = ""  # the child's class as identity told it ("" = the caller's own diary, or not known)


@dataclass(frozen=True)
class Caller:
    """What the pages need of the caller: their diaries (children, or their own) and their grants in each school."""

    diaries: tuple[DiaryLink, ...]
    principals: dict[str, identity_pb2.Principal]

    def link(self, school_id: str, student_id: str) -> DiaryLink | None:
        return next((d for d in self.diaries if (d.school_id, d.student_id) == (school_id, student_id)), None)

    def name_of(self, school_id: str, student_id: str) -> str:
        """The student's name as the switch shows it, else asked of identity (staff reading a student's diary)."""
        mine = self.link(school_id, student_id)
        return mine.name if mine else child_name(school_id, student_id, "")

    def may_flag(self, school_id: str, student_id: str) -> bool:
        """The policy's mark.flag: a guardian of the student or the student themselves."""
        found = self.principals.get(school_id)
        if found is None:
            return False
        principal = policy.Principal(subject="", school_id=school_id, person_id=found.person_id,
                                     roles=frozenset(found.roles), student_ids=frozenset(found.student_ids))
        return policy.allowed(principal, "mark.flag", student_id=student_id)


def caller() -> Caller:
    """The caller's diaries in every school of theirs (identity GetMe), each child named (GetPerson); a child in
    another school than the others carries the school's name."""
    me = call("identity", "GetMe", identity_pb2.GetMeRequest())
    active = [m for m in me.memberships if m.school.status != "suspended"]
    several = len({m.school.id for m in active if m.principal.student_ids}) > 1
    diaries = []
    for membership in active:
        school = membership.school
        for student_id in membership.principal.student_ids:
            if student_id == membership.principal.person_id:  # a student's own diary
                diaries.append(DiaryLink(school.id, student_id, "Мой дневник", ""))
                continue
            person = pages.optional("identity", "GetPerson", identity_pb2.GetPersonRequest(
                school_id=school.id, person_id=student_id), None)
            name = person_name(person)
            if several:
                name = f"{name} — {school.short_name or school.name}"
            diaries.append(DiaryLink(school.id, student_id, name, name, person.class_group_id if person else ""))
    return Caller(tuple(diaries), {m.school.id: m.principal for m in me.memberships})


def week_of(value: str) -> datetime.date:
    """The Monday of the week asked (?week=YYYY-MM-DD), of this week by default."""
    try:
        return monday_of(datetime.date.fromisoformat(value) if value else pages.today())
    except ValueError:
        raise BadRequest("Неверная дата недели: ожидается ГГГГ-ММ-ДД", {"week": "Неверная дата"}) from None


@bp.get("/schools/<uuid:school_id>/students/<uuid:student_id>/diary")
@login_required
def week(school_id, student_id):
    try:
        monday = week_of(request.args.get("week", ""))
    except BadRequest as err:
        return error_page(err)
    return week_page(str(school_id), str(student_id), monday)


def school_events(school_id: str, student_id: str, monday: datetime.date, who: Caller) -> dict[str, list]:
    """The week's school events for the student's class (S4: those whose audience has the class, its grade or the
    whole school's families), by date; none when schedule or identity cannot say (the lessons are shown anyway). The
    class is the switch's (identity was asked for the child's name) or, for one's own diary and staff, asked now."""
    link = who.link(school_id, student_id)
    class_group_id = link.class_group_id if link else ""
    if not class_group_id:
        person = pages.optional("identity", "GetPerson", identity_pb2.GetPersonRequest(
            school_id=school_id, person_id=student_id), None)
        class_group_id = person.class_group_id if person else ""
    if not class_group_id:
        return {}
    found = pages.optional("schedule", "ListSchoolEvents", schedule_pb2.ListSchoolEventsRequest(
        school_id=school_id, date_from=monday.isoformat(), date_to=(monday + datetime.timedelta(days=6)).isoformat(),
        class_group_id=class_group_id), None)
    events: dict[str, list] = {}
    for event in sorted(found.events if found else (), key=lambda e: (e.date, e.starts_at, e.title)):
        events.setdefault(event.date, []).append(event)
    return events


def week_page(school_id: str, student_id: str, monday: datetime.date, failure: dict | None = None, status: int = 200):
    """A week of the diary with the school's events of the week; `failure` is a refused flag (the mark, the message,
    the text typed). While the journal is unavailable, the last known week from reporting, read-only, with a banner."""
    answer = stale_diary.get_diary(call, school_id, student_id, monday, monday + datetime.timedelta(days=6))
    diary = answer.diary
    who = caller()
    days: dict[str, list] = {}
    for entry in sorted(diary.entries, key=lambda e: (e.date, e.lesson_number)):
        days.setdefault(entry.date, []).append(entry)
    return render_template(
        "diary.html", days=days, week=monday, school_id=school_id, student_id=student_id, who=who,
        name=who.name_of(school_id, student_id), may_flag=not answer.stale and who.may_flag(school_id, student_id),
        stale=stale_diary.STALE_NOTICE if answer.stale else "",
        previous=monday - datetime.timedelta(days=7), following=monday + datetime.timedelta(days=7),
        sunday=monday + datetime.timedelta(days=6), this_week=monday_of(pages.today()),
        work_types={w.code: w for w in diary.work_types}, attendance_names=choice_names(diary.attendance_kinds),
        outcomes=OUTCOMES, failure=failure or {}, notice=request.args.get("notice", ""),
        events=school_events(school_id, student_id, monday, who)), status


@bp.post("/schools/<uuid:school_id>/students/<uuid:student_id>/marks/<uuid:mark_id>/flag")
@login_required
def flag(school_id, student_id, mark_id):
    """The family flags a mark (FlagMark); a refusal is shown under the mark with the text kept."""
    school_id, student_id, mark_id = str(school_id), str(student_id), str(mark_id)
    text = request.form.get("text", "").strip()
    try:
        monday = week_of(request.form.get("week", ""))
    except BadRequest as err:
        return error_page(err)
    try:
        call("journal", "FlagMark", pb.FlagMarkRequest(school_id=school_id, mark_id=mark_id, text=text))
    except DomainError as err:
        return week_page(school_id, student_id, monday, {"mark_id": mark_id, "message": explain(err), "text": text},
                         http_status(err))
    return redirect(url_for(".week", school_id=school_id, student_id=student_id, week=monday.isoformat(),
                            notice="flagged") + f"#mark-{mark_id}")


@bp.get("/schools/<uuid:school_id>/students/<uuid:student_id>/results")
@login_required
def results(school_id, student_id):
    """The year's results (GetDiaryResults): the year of the student's class today, or ?year=<academic_year_id>."""
    school_id, student_id = str(school_id), str(student_id)
    found = call("journal", "GetDiaryResults", pb.GetDiaryResultsRequest(
        school_id=school_id, student_id=student_id, academic_year_id=request.args.get("year", "")))
    who = caller()
    return render_template(
        "diary_results.html", school_id=school_id, student_id=student_id, who=who, results=found,
        name=who.name_of(school_id, student_id), terms={t.term_id: t.name for t in found.terms},
        attendance_names=choice_names(found.attendance_kinds), top=top_mark(found.mark_values))


def top_mark(values) -> Decimal | None:
    """The scale's best mark (its values come best first), the full length of a bar of averages; None without
    numbers (pass/fail)."""
    try:
        return Decimal(values[0]) if values else None
    except InvalidOperation:
        return None
