"""The form teacher's printouts for the families without electronic access (T9; seed 000 §2.2.4, 004 §7.13, 001 §1.6):
the class's families — each student's guardians with their access, their decision on the consent to the processing
of personal data and whether they asked for a printed weekly diary (which the form teacher marks here) —, the week's
diary of the class as one PDF (every student, or only the students whose families asked for paper) and the period's
report cards of the class as one PDF (reporting's report cards). For the managers and the class's form teacher
(report.read; identity and reporting decide)."""
import datetime

from flask import Blueprint, redirect, render_template, request, url_for

from gateway.auth.session import login_required
from gateway.errors import BadRequest, error_page
from gateway.web import pages
from gateway.web.journal import principal_of
from gateway.web.pages import call, class_names, explain
from gateway.web.reports import class_periods, send_report
from gateway.web.studentrep import period_of_today
from proto.identity.v1 import identity_pb2
from proto.reporting.v1 import reporting_pb2
from services.common.errors import DomainError

bp = Blueprint("printout_pages", __name__)

P = "/schools/<uuid:school_id>/reports/weekly-diaries"
RELATIONS = {"mother": "мать", "father": "отец", "guardian": "опекун", "other": "другое"}
ACCESS = {"none": "нет входа", "invited": "код выдан, не активирован", "activated": "вход есть", "account": "вход есть"}
DIARY_DEADLINE = 30.0  # a class's week as one PDF


def week_of(value: str | None) -> datetime.date:
    """The Monday of the week of the date asked for (today's week when none)."""
    try:
        day = datetime.date.fromisoformat(value) if value else pages.today()
    except ValueError:
        raise BadRequest("Неверная дата недели: ожидается ГГГГ-ММ-ДД", {"week": "неверная дата"}) from None
    return pages.monday_of(day)


def consent_text(consent) -> str:
    """A guardian's decision on the consent, as the list says it."""
    if not consent.decision:
        return "не спрашивалось"
    day = datetime.date.fromisoformat(consent.decided_at[:10]).strftime("%d.%m.%Y")
    if consent.decision == "accepted":
        return f"принято {day}" if consent.current else f"принята прежняя редакция {day}"
    return f"не принято {day}"


def paper_students(families) -> list[str]:
    """The students one of whose guardians asked for a printed diary."""
    return [f.student.id for f in families if any(g.guardian.paper_diary for g in f.guardians)]


def _families(school_id: str, class_group_id: str, monday: datetime.date) -> tuple[list, str]:
    try:
        return list(call("identity", "ListClassFamilies", identity_pb2.ListClassFamiliesRequest(
            school_id=school_id, class_group_id=class_group_id, on_date=monday.isoformat())).families), ""
    except DomainError as err:
        return [], explain(err)


@bp.get(P)
@login_required
def weekly_diaries(school_id):
    school_id = str(school_id)
    try:
        monday = week_of(request.args.get("week"))
    except BadRequest as err:
        return error_page(err)
    class_group_id = request.args.get("class_group_id") or next(iter(principal_of(school_id).form_class_group_ids),
                                                                  "")
    families, refused = _families(school_id, class_group_id, monday) if class_group_id else ([], "Выберите класс.")
    periods = class_periods(school_id, class_group_id) if class_group_id else []
    return render_template(
        "reports_weekly_diaries.html", school_id=school_id, class_group_id=class_group_id,
        classes=class_names(school_id), monday=monday, sunday=monday + datetime.timedelta(days=6),
        previous=monday - datetime.timedelta(days=7), following=monday + datetime.timedelta(days=7),
        families=families, refused=refused, paper=paper_students(families), periods=periods,
        period_id=request.args.get("period_id") or period_of_today(periods), relations=RELATIONS, access=ACCESS,
        consent_text=consent_text, saved=request.args.get("saved", ""))


@bp.get(f"{P}.pdf")
@login_required
def weekly_diaries_file(school_id):
    """The week's diaries of the class as one PDF; with paper=1 only the students whose families asked for paper."""
    school_id = str(school_id)
    try:
        monday = week_of(request.args.get("week"))
    except BadRequest as err:
        return error_page(err)
    class_group_id = request.args.get("class_group_id", "")
    students = []
    if request.args.get("paper"):
        families, refused = _families(school_id, class_group_id, monday)
        students = paper_students(families)
        if refused or not students:
            return error_page(BadRequest(refused or "Никто из родителей класса не просил печатный дневник"))
    return send_report(call("reporting", "RenderWeeklyDiariesPdf", reporting_pb2.GetWeeklyDiariesRequest(
        school_id=school_id, class_group_id=class_group_id, week_of=monday.isoformat(), student_ids=students),
        DIARY_DEADLINE))


@bp.post(f"{P}/paper-diary")
@login_required
def paper_diary(school_id):
    """A guardian's wish for a printed weekly diary, marked by the form teacher."""
    form = request.form
    call("identity", "SetPaperDiary", identity_pb2.SetPaperDiaryRequest(
        school_id=str(school_id), person_id=form.get("person_id", ""), wanted=form.get("wanted") == "1"))
    return redirect(url_for("printout_pages.weekly_diaries", school_id=school_id,
                            class_group_id=form.get("class_group_id", ""), week=form.get("week") or None, saved=1))
