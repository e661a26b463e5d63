"""The deputy head's Russian schedule pages: the school's class groups with the timetable warnings, a class
group's weekly timetable and the week's lessons with cancel / move / substitute actions, and the date-mismatch
reports with their resolution."""
import datetime

from flask import Blueprint, g, redirect, render_template, request, url_for

from gateway.auth import login_required
from gateway.errors import BadRequest, error_page, http_status
from gateway.wiring import wiring
from proto.identity.v1 import identity_pb2
from proto.schedule.v1 import schedule_pb2
from services.common.errors import DomainError

bp = Blueprint("schedule_pages", __name__)

WEEKDAYS = ("Понедельник", "Вторник", "Среда", "Четверг", "Пятница", "Суббота")
ACTIONS = {"cancel": "Урок отменён", "move": "Урок перенесён", "substitute": "Замена назначена"}


def call(rpc: str, message):
    return wiring().peers.call("schedule", rpc, message, g.token)


@bp.get("/schools/<uuid:school_id>/schedule")
@login_required
def overview(school_id):
    school_id = str(school_id)
    groups = call("ListClassGroups", schedule_pb2.ListClassGroupsRequest(school_id=school_id)).class_groups
    warnings = [w for year_id in dict.fromkeys(group.academic_year_id for group in groups)
                for w in call("CurriculumWarnings", schedule_pb2.CurriculumWarningsRequest(
                    school_id=school_id, academic_year_id=year_id)).warnings]
    return render_template("schedule_overview.html", school_id=school_id, groups=groups, warnings=warnings)


def week_of(value: str | None) -> datetime.date:
    day = datetime.date.fromisoformat(value) if value else datetime.date.today()
    return day - datetime.timedelta(days=day.weekday())


@bp.route("/schools/<uuid:school_id>/schedule/class-groups/<uuid:class_group_id>", methods=["GET"])
@login_required
def class_week(school_id, class_group_id):
    try:
        week = week_of(request.args.get("week"))
    except ValueError:
        return error_page(BadRequest("Неверная дата недели: ожидается ГГГГ-ММ-ДД", {"week": "Неверная дата"}))
    return _class_week_page(str(school_id), str(class_group_id), week)


def _class_week_page(school_id: str, class_group_id: str, week: datetime.date, failure: str = "", status: int = 200):
    group = call("GetClassGroup", schedule_pb2.GetClassGroupRequest(school_id=school_id, class_group_id=class_group_id))
    entries = call("ListTimetableEntries", schedule_pb2.ListTimetableEntriesRequest(
        school_id=school_id, class_group_id=class_group_id, date=week.isoformat())).entries
    lessons = call("ListLessons", schedule_pb2.ListLessonsRequest(
        school_id=school_id, class_group_id=class_group_id, date_from=week.isoformat(),
        date_to=(week + datetime.timedelta(days=6)).isoformat(), include_cancelled=True)).lessons
    staff = wiring().peers.call("identity", "ListPeople", identity_pb2.ListPeopleRequest(
        school_id=school_id, kind=identity_pb2.STAFF), g.token).people
    teachers = {p.id: f"{p.name.last_name} {p.name.first_name}" for p in staff}
    numbers = sorted({e.lesson_number for e in entries})
    grid = {(e.weekday, e.lesson_number): e for e in entries}
    return render_template(
        "schedule_class_week.html", school_id=school_id, group=group, week=week, weekdays=WEEKDAYS, numbers=numbers,
        grid=grid, lessons=lessons, teachers=teachers, failure=failure,
        done=ACTIONS.get(request.args.get("done", "")), previous=week - datetime.timedelta(days=7),
        following=week + datetime.timedelta(days=7)), status


@bp.post("/schools/<uuid:school_id>/schedule/lessons/<uuid:lesson_id>/<action>")
@login_required
def change_lesson(school_id, lesson_id, action):
    school_id, lesson_id, form = str(school_id), str(lesson_id), request.form
    class_group_id, week = form.get("class_group_id", ""), form.get("week", "")
    reason = form.get("reason", "").strip()
    try:
        if action == "cancel":
            call("CancelLesson", schedule_pb2.CancelLessonRequest(school_id=school_id, lesson_id=lesson_id, reason=reason))
        elif action == "move":
            number = form.get("lesson_number", "")
            call("MoveLesson", schedule_pb2.MoveLessonRequest(
                school_id=school_id, lesson_id=lesson_id, date=form.get("date", ""),
                lesson_number=int(number) if number.isdigit() else 0, starts_at=form.get("starts_at", ""),
                ends_at=form.get("ends_at", ""), reason=reason))
        elif action == "substitute":
            call("AssignSubstitute", schedule_pb2.AssignSubstituteRequest(
                school_id=school_id, lesson_id=lesson_id, teacher_id=form.get("teacher_id", ""), reason=reason))
        else:
            return error_page(BadRequest("Неизвестное действие с уроком"))
    except DomainError as err:
        text = "; ".join([err.message, *(f"{k}: {v}" for k, v in err.fields.items() if v not in err.message)])
        return _class_week_page(school_id, class_group_id, week_of(week or None), text, http_status(err))
    return redirect(url_for("schedule_pages.class_week", school_id=school_id, class_group_id=class_group_id,
                            week=week, done=action))


@bp.route("/schools/<uuid:school_id>/schedule/mismatch-reports", methods=["GET", "POST"])
@login_required
def mismatch_reports(school_id):
    school_id = str(school_id)
    failure, status = "", 200
    if request.method == "POST":
        try:
            call("ResolveMismatchReport", schedule_pb2.ResolveMismatchReportRequest(
                school_id=school_id, report_id=request.form.get("report_id", ""),
                resolution=request.form.get("resolution", "").strip()))
            return redirect(url_for("schedule_pages.mismatch_reports", school_id=school_id, resolved=1))
        except DomainError as err:
            failure, status = err.message, http_status(err)
    reports = call("ListMismatchReports", schedule_pb2.ListMismatchReportsRequest(school_id=school_id)).reports
    return render_template("schedule_mismatch_reports.html", school_id=school_id, reports=reports, failure=failure,
                           resolved="resolved" in request.args), status
