"""The deputy head's Russian schedule pages: the school's class groups with the timetable warnings, setting up a
year (terms, holidays, day transfers, class groups, subjects, rooms, shifts) and a class group (curriculum hours,
teachers, subgroups, the weekly timetable and its changes from a date), a class group's week with cancel / move /
substitute actions, the date-mismatch reports with their resolution, and a class's thematic plan of a subject with its
progress (planned against delivered hours) and the import of a plan file (checked first, row errors shown)."""
import datetime

from flask import Blueprint, g, redirect, render_template, request, url_for

from gateway.auth.session import login_required
from gateway.errors import BadRequest, error_page, http_status
from gateway.web import schedule_forms as forms
from gateway.wiring import wiring
from proto.identity.v1 import identity_pb2
from proto.schedule.v1 import schedule_pb2
from services.common.errors import DomainError

bp = Blueprint("schedule_pages", __name__)

WEEKDAYS = ("Понедельник", "Вторник", "Среда", "Четверг", "Пятница", "Суббота")
ACTIONS = {"cancel": "Урок отменён", "move": "Урок перенесён", "substitute": "Замена назначена"}
SAVED = {"year": "Учебный год создан", "holiday": "Каникулы внесены", "transfer": "Перенос дня внесён",
         "subject": "Предмет добавлен", "room": "Кабинет добавлен", "bells": "Расписание звонков добавлено",
         "class-group": "Класс создан", "policy": "Настройки сохранены", "curriculum": "Часы учебного плана сохранены",
         "assignment": "Учитель назначен", "subgroup": "Подгруппа создана", "students": "Состав подгруппы сохранён",
         "entry": "Урок добавлен в расписание", "replace": "Урок расписания заменён",
         "delete": "Урок убран из расписания", "delete-holiday": "Каникулы удалены",
         "delete-transfer": "Перенос дня удалён", "rename-subgroup": "Подгруппа переименована",
         "delete-subgroup": "Подгруппа удалена", "rename-room": "Кабинет переименован", "delete-room": "Кабинет удалён",
         "change-bells": "Расписание звонков изменено", "delete-bells": "Расписание звонков удалено",
         "terms": "Учебные периоды изменены", "change-holiday": "Каникулы изменены", "profile": "Профиль сохранён",
         "profile-hours": "Часы профиля сохранены"}
# see the plan import form: the deputy head, and teachers for their own subjects (the service decides which)
PLAN_LOADERS = frozenset({"school_admin", "deputy_head", "subject_teacher", "form_teacher"})
PLAN_FILE_DEADLINE = 30.0
COUNTS = ("lessons_created", "lessons_scheduled", "lessons_cancelled", "lessons_kept")


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


@bp.app_template_filter("dmy")
def dmy(iso: str) -> str:
    """"2025-09-01" → "01.09.2025"."""
    return datetime.date.fromisoformat(iso).strftime("%d.%m.%Y")


def people(school_id: str, kind, class_group_id: str = "") -> dict[str, str]:
    """id → "Фамилия Имя" of the school's staff, or of a class group's students."""
    found = wiring().peers.call("identity", "ListPeople", identity_pb2.ListPeopleRequest(
        school_id=school_id, kind=kind, class_group_id=class_group_id), g.token).people
    return {p.id: f"{p.name.last_name} {p.name.first_name}" for p in found}


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
    teachers = people(school_id, identity_pb2.STAFF)
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
        return _class_week_page(school_id, class_group_id, week_of(week or None), forms.refusal_text(err),
                                http_status(err))
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


def _create_year(school_id, form):
    return call("CreateAcademicYear", schedule_pb2.CreateAcademicYearRequest(
        school_id=school_id, name=forms.text(form, "name"), start_date=forms.text(form, "start_date"),
        end_date=forms.text(form, "end_date"), terms=forms.terms(form)))


def _add_holiday(school_id, form):
    return call("AddHoliday", schedule_pb2.AddHolidayRequest(
        school_id=school_id, academic_year_id=forms.text(form, "academic_year_id"), name=forms.text(form, "name"),
        start_date=forms.text(form, "start_date"), end_date=forms.text(form, "end_date") or forms.text(form, "start_date")))


def _change_terms(school_id, form):
    return call("ChangeTerms", schedule_pb2.ChangeTermsRequest(
        school_id=school_id, academic_year_id=forms.text(form, "academic_year_id"), terms=forms.terms(form),
        keep_recorded_lessons=form.get("keep_recorded_lessons") == "on"))


def _create_profile(school_id, form):
    grade_from, grade_to = forms.grades(forms.text(form, "grades"), "grades")
    return call("CreateProfile", schedule_pb2.CreateProfileRequest(
        school_id=school_id, academic_year_id=forms.text(form, "academic_year_id"), name=forms.text(form, "name"),
        grade_from=grade_from, grade_to=grade_to))


def _change_holiday(school_id, form):
    return call("UpdateHoliday", schedule_pb2.UpdateHolidayRequest(
        school_id=school_id, holiday_id=forms.text(form, "holiday_id"), name=forms.text(form, "name"),
        start_date=forms.text(form, "start_date"), end_date=forms.text(form, "end_date") or forms.text(form, "start_date")))


def _add_transfer(school_id, form):
    return call("AddDayTransfer", schedule_pb2.AddDayTransferRequest(
        school_id=school_id, academic_year_id=forms.text(form, "academic_year_id"), date=forms.text(form, "date"),
        works_as_weekday=forms.integer(form, "works_as_weekday")))


def _set_policy(school_id, form):
    return call("SetSchedulePolicy", schedule_pb2.SetSchedulePolicyRequest(
        school_id=school_id, holiday_notice_days=forms.integer(form, "holiday_notice_days"),
        transfer_notice_working_days=forms.integer(form, "transfer_notice_working_days"),
        curriculum_due=forms.text(form, "curriculum_due"), timetable_due=forms.text(form, "timetable_due")))


SCHOOL_FORMS = {
    "year": _create_year,
    "holiday": _add_holiday,
    "terms": _change_terms,
    "profile": _create_profile,
    "profile-hours": lambda sid, form: call("SetProfileHours", schedule_pb2.SetProfileHoursRequest(
        school_id=sid, profile_id=forms.text(form, "profile_id"), subject_id=forms.text(form, "subject_id"),
        hours_per_week=forms.text(form, "hours_per_week"))),
    "change-holiday": _change_holiday,
    "transfer": _add_transfer,
    "subject": lambda sid, form: call("CreateSubject", schedule_pb2.CreateSubjectRequest(
        school_id=sid, name=forms.text(form, "name"))),
    "room": lambda sid, form: call("CreateRoom", schedule_pb2.CreateRoomRequest(school_id=sid, name=forms.text(form, "name"))),
    "bells": lambda sid, form: call("CreateBellSchedule", schedule_pb2.CreateBellScheduleRequest(
        school_id=sid, name=forms.text(form, "name"), periods=forms.bell_periods(form))),
    "class-group": lambda sid, form: call("CreateClassGroup", schedule_pb2.CreateClassGroupRequest(
        school_id=sid, academic_year_id=forms.text(form, "academic_year_id"), grade=forms.integer(form, "grade"),
        name=forms.text(form, "name"))),
    "policy": _set_policy,
    "rename-room": lambda sid, form: call("RenameRoom", schedule_pb2.RenameRoomRequest(
        school_id=sid, room_id=forms.text(form, "room_id"), name=forms.text(form, "name"))),
    "delete-room": lambda sid, form: call("DeleteRoom", schedule_pb2.DeleteRoomRequest(
        school_id=sid, room_id=forms.text(form, "room_id"))),
    "change-bells": lambda sid, form: call("UpdateBellSchedule", schedule_pb2.UpdateBellScheduleRequest(
        school_id=sid, bell_schedule_id=forms.text(form, "bell_schedule_id"), name=forms.text(form, "name"),
        periods=forms.bell_periods(form))),
    "delete-bells": lambda sid, form: call("DeleteBellSchedule", schedule_pb2.DeleteBellScheduleRequest(
        school_id=sid, bell_schedule_id=forms.text(form, "bell_schedule_id"))),
    "delete-holiday": lambda sid, form: call("DeleteHoliday", schedule_pb2.DeleteHolidayRequest(
        school_id=sid, holiday_id=forms.text(form, "holiday_id"))),
    "delete-transfer": lambda sid, form: call("DeleteDayTransfer", schedule_pb2.DeleteDayTransferRequest(
        school_id=sid, day_transfer_id=forms.text(form, "day_transfer_id"))),
}


@bp.get("/schools/<uuid:school_id>/schedule/setup")
@login_required
def school_setup(school_id):
    return _school_setup_page(str(school_id))


@bp.post("/schools/<uuid:school_id>/schedule/setup/<form_name>")
@login_required
def school_setup_form(school_id, form_name):
    school_id = str(school_id)
    if form_name not in SCHOOL_FORMS:
        return error_page(BadRequest("Неизвестная форма"))
    try:
        reply = SCHOOL_FORMS[form_name](school_id, request.form)
    except DomainError as err:
        return _school_setup_page(school_id, form_name, forms.refusal_text(err), http_status(err))
    warnings = list(getattr(reply, "warnings", []))
    if warnings:  # saved, but announced late: say so on the page itself
        return _school_setup_page(school_id, done=form_name, warnings=warnings)
    return redirect(url_for("schedule_pages.school_setup", school_id=school_id, done=form_name, **lesson_counts(reply)))


def lesson_counts(reply) -> dict[str, int]:
    """How many lessons a change created, cancelled or kept (only the non-zero ones), for the notice after it."""
    return {name: getattr(reply, name) for name in COUNTS if getattr(reply, name, 0)}


def _school_setup_page(school_id: str, failed: str = "", failure: str = "", status: int = 200, done: str = "",
                       warnings=()):
    years = call("ListAcademicYears", schedule_pb2.ListAcademicYearsRequest(school_id=school_id)).academic_years
    open_years = [y for y in years if y.status == "open"]
    refused_year = request.form.get("academic_year_id") if failed == "terms" else None
    change_rows = {y.id: forms.submitted_term_rows(request.form) if y.id == refused_year else forms.term_rows(y)
                   for y in open_years}
    calendars = {y.id: (call("ListHolidays", schedule_pb2.ListHolidaysRequest(
        school_id=school_id, academic_year_id=y.id)).holidays, call("ListDayTransfers", schedule_pb2.ListDayTransfersRequest(
            school_id=school_id, academic_year_id=y.id)).day_transfers) for y in open_years}
    return render_template(
        "schedule_setup.html", school_id=school_id, years=years, open_years=open_years, calendars=calendars,
        subjects=call("ListSubjects", schedule_pb2.ListSubjectsRequest(school_id=school_id)).subjects,
        rooms=call("ListRooms", schedule_pb2.ListRoomsRequest(school_id=school_id)).rooms,
        shifts=call("ListBellSchedules", schedule_pb2.ListBellSchedulesRequest(school_id=school_id)).bell_schedules,
        groups=call("ListClassGroups", schedule_pb2.ListClassGroupsRequest(school_id=school_id)).class_groups,
        policy=call("GetSchedulePolicy", schedule_pb2.GetSchedulePolicyRequest(school_id=school_id)),
        kinds=forms.TERM_KINDS, term_rows=forms.TERM_ROWS, bell_rows=forms.BELL_ROWS, weekdays=WEEKDAYS,
        failed=failed, failure=failure, form=request.form if failed else {}, change_rows=change_rows, profiles={
            y.id: call("ListProfiles", schedule_pb2.ListProfilesRequest(school_id=school_id, academic_year_id=y.id)).profiles
            for y in open_years},
        done=SAVED.get(done or request.args.get("done", "")), warnings=warnings, counts=shown_counts()), status


def shown_counts() -> dict[str, str]:
    return {name: request.args[name] for name in COUNTS if request.args.get(name)}


def _replace_entry(school_id, class_group_id, form):
    return call("ReplaceTimetableEntry", schedule_pb2.ReplaceTimetableEntryRequest(
        school_id=school_id, entry_id=forms.text(form, "entry_id"), effective_from=forms.text(form, "effective_from"),
        entry=forms.timetable_entry(form, school_id, class_group_id)))


CLASS_FORMS = {
    "curriculum": lambda sid, cid, form: call("SetCurriculumHours", schedule_pb2.SetCurriculumHoursRequest(
        school_id=sid, class_group_id=cid, subject_id=forms.text(form, "subject_id"),
        hours_per_week=forms.text(form, "hours_per_week"))),
    "assignment": lambda sid, cid, form: call("AssignTeacher", schedule_pb2.AssignTeacherRequest(
        school_id=sid, class_group_id=cid, subject_id=forms.text(form, "subject_id"),
        teacher_id=forms.text(form, "teacher_id"), subgroup_id=forms.text(form, "subgroup_id"))),
    "subgroup": lambda sid, cid, form: call("CreateSubgroup", schedule_pb2.CreateSubgroupRequest(
        school_id=sid, class_group_id=cid, name=forms.text(form, "name"), student_ids=form.getlist("student_ids"))),
    "students": lambda sid, cid, form: call("SetSubgroupStudents", schedule_pb2.SetSubgroupStudentsRequest(
        school_id=sid, subgroup_id=forms.text(form, "subgroup_id"), student_ids=form.getlist("student_ids"))),
    "rename-subgroup": lambda sid, cid, form: call("RenameSubgroup", schedule_pb2.RenameSubgroupRequest(
        school_id=sid, subgroup_id=forms.text(form, "subgroup_id"), name=forms.text(form, "name"))),
    "delete-subgroup": lambda sid, cid, form: call("DeleteSubgroup", schedule_pb2.DeleteSubgroupRequest(
        school_id=sid, subgroup_id=forms.text(form, "subgroup_id"))),
    "entry": lambda sid, cid, form: call("CreateTimetableEntry", schedule_pb2.CreateTimetableEntryRequest(
        entry=forms.timetable_entry(form, sid, cid))),
    "replace": _replace_entry,
    "profile": lambda sid, cid, form: call("ApplyProfile", schedule_pb2.ApplyProfileRequest(
        school_id=sid, class_group_id=cid, profile_id=forms.text(form, "profile_id"))),
    "delete": lambda sid, cid, form: call("DeleteTimetableEntry", schedule_pb2.DeleteTimetableEntryRequest(
        school_id=sid, entry_id=forms.text(form, "entry_id"), effective_from=forms.text(form, "effective_from"))),
}


@bp.get("/schools/<uuid:school_id>/schedule/class-groups/<uuid:class_group_id>/setup")
@login_required
def class_setup(school_id, class_group_id):
    return _class_setup_page(str(school_id), str(class_group_id))


@bp.post("/schools/<uuid:school_id>/schedule/class-groups/<uuid:class_group_id>/setup/<form_name>")
@login_required
def class_setup_form(school_id, class_group_id, form_name):
    school_id, class_group_id = str(school_id), str(class_group_id)
    if form_name not in CLASS_FORMS:
        return error_page(BadRequest("Неизвестная форма"))
    try:
        reply = CLASS_FORMS[form_name](school_id, class_group_id, request.form)
    except DomainError as err:
        return _class_setup_page(school_id, class_group_id, form_name, forms.refusal_text(err), http_status(err))
    return redirect(url_for("schedule_pages.class_setup", school_id=school_id, class_group_id=class_group_id,
                            done=form_name, **lesson_counts(reply)))


def _class_setup_page(school_id: str, class_group_id: str, failed: str = "", failure: str = "", status: int = 200):
    group = call("GetClassGroup", schedule_pb2.GetClassGroupRequest(school_id=school_id, class_group_id=class_group_id))
    subjects = call("ListSubjects", schedule_pb2.ListSubjectsRequest(school_id=school_id)).subjects
    subgroups = call("ListSubgroups", schedule_pb2.ListSubgroupsRequest(
        school_id=school_id, class_group_id=class_group_id)).subgroups
    profiles = [p for p in call("ListProfiles", schedule_pb2.ListProfilesRequest(
        school_id=school_id, academic_year_id=group.academic_year_id)).profiles
        if p.grade_from <= group.grade <= p.grade_to]
    return render_template(
        "schedule_class_setup.html", school_id=school_id, group=group, subjects=subjects, profiles=profiles,
        subject_names={s.id: s.name for s in subjects}, subgroups=subgroups,
        subgroup_names={s.id: s.name for s in subgroups},
        curriculum=call("GetCurriculum", schedule_pb2.GetCurriculumRequest(
            school_id=school_id, class_group_id=class_group_id)),
        assignments=call("ListTeachingAssignments", schedule_pb2.ListTeachingAssignmentsRequest(
            school_id=school_id, class_group_id=class_group_id)).assignments,
        entries=call("ListTimetableEntries", schedule_pb2.ListTimetableEntriesRequest(
            school_id=school_id, class_group_id=class_group_id)).entries,
        teachers=people(school_id, identity_pb2.STAFF),
        students=people(school_id, identity_pb2.STUDENT, class_group_id),
        rooms=call("ListRooms", schedule_pb2.ListRoomsRequest(school_id=school_id)).rooms,
        shifts=call("ListBellSchedules", schedule_pb2.ListBellSchedulesRequest(school_id=school_id)).bell_schedules,
        weekdays=WEEKDAYS, failed=failed, failure=failure, form=request.form if failed else {},
        done=SAVED.get(request.args.get("done", "")), counts=shown_counts()), status


@bp.get("/schools/<uuid:school_id>/schedule/my-lessons")
@login_required
def my_lessons(school_id):
    try:
        week = week_of(request.args.get("week"))
    except ValueError:
        return error_page(BadRequest("Неверная дата недели: ожидается ГГГГ-ММ-ДД", {"week": "Неверная дата"}))
    return _my_lessons_page(str(school_id), week)


@bp.post("/schools/<uuid:school_id>/schedule/lessons/<uuid:lesson_id>/mismatch-report")
@login_required
def report_mismatch(school_id, lesson_id):
    """A teacher tells the deputy head that the plan and the journal disagree about the lesson's date."""
    school_id, week = str(school_id), request.form.get("week", "")
    try:
        call("ReportMismatch", schedule_pb2.ReportMismatchRequest(
            school_id=school_id, lesson_id=str(lesson_id), message=forms.text(request.form, "message")))
    except DomainError as err:
        return _my_lessons_page(school_id, week_of(week or None), str(lesson_id), forms.refusal_text(err),
                                http_status(err))
    return redirect(url_for("schedule_pages.my_lessons", school_id=school_id, week=week, sent=1))


def _my_lessons_page(school_id: str, week: datetime.date, failed: str = "", failure: str = "", status: int = 200):
    me = wiring().peers.call("identity", "GetMe", identity_pb2.GetMeRequest(), g.token)
    person_id = next((m.principal.person_id for m in me.memberships if m.school.id == school_id), "")
    lessons = call("ListLessons", schedule_pb2.ListLessonsRequest(
        school_id=school_id, teacher_id=person_id, date_from=week.isoformat(),
        date_to=(week + datetime.timedelta(days=6)).isoformat(), include_cancelled=True)).lessons if person_id else []
    groups = call("ListClassGroups", schedule_pb2.ListClassGroupsRequest(school_id=school_id)).class_groups
    plans = sorted({(lesson.class_group_id, lesson.subject_id, lesson.subject_name) for lesson in lessons},
                   key=lambda p: (p[0], p[2]))
    return render_template(
        "schedule_my_lessons.html", school_id=school_id, week=week, lessons=lessons, teacher=bool(person_id), plans=plans,
        class_names={c.id: c.name for c in groups}, failed=failed, failure=failure, sent="sent" in request.args,
        previous=week - datetime.timedelta(days=7), following=week + datetime.timedelta(days=7)), status


@bp.get("/schools/<uuid:school_id>/schedule/class-groups/<uuid:class_group_id>/plans/<uuid:subject_id>")
@login_required
def plan(school_id, class_group_id, subject_id):
    return _plan_page(str(school_id), str(class_group_id), str(subject_id))


@bp.post("/schools/<uuid:school_id>/schedule/class-groups/<uuid:class_group_id>/plans/<uuid:subject_id>/import")
@login_required
def import_plan(school_id, class_group_id, subject_id):
    """Checks a plan file (the "check" button: a dry run listing every bad row) or loads it (all or nothing)."""
    school_id, class_group_id, subject_id = str(school_id), str(class_group_id), str(subject_id)
    upload = request.files.get("plan_file")
    dry_run = request.form.get("action") == "check"
    try:
        reply = wiring().peers.call("schedule", "ImportThematicPlan", schedule_pb2.ImportThematicPlanRequest(
            school_id=school_id, class_group_id=class_group_id, subject_id=subject_id,
            filename=upload.filename if upload else "", content=upload.read() if upload else b"", dry_run=dry_run),
            g.token, deadline=PLAN_FILE_DEADLINE)
    except DomainError as err:
        rows = [(field, problem) for field, problem in err.fields.items() if field.startswith("content[")]
        return _plan_page(school_id, class_group_id, subject_id, failure=err.message if rows else forms.refusal_text(err),
                          row_errors=rows, status=http_status(err))
    if dry_run:
        return _plan_page(school_id, class_group_id, subject_id, checked=reply)
    return redirect(url_for("schedule_pages.plan", school_id=school_id, class_group_id=class_group_id,
                            subject_id=subject_id, loaded=len(reply.topics)))


def _plan_page(school_id: str, class_group_id: str, subject_id: str, failure: str = "", row_errors=(), checked=None,
               status: int = 200):
    group = call("GetClassGroup", schedule_pb2.GetClassGroupRequest(school_id=school_id, class_group_id=class_group_id))
    subjects = call("ListSubjects", schedule_pb2.ListSubjectsRequest(school_id=school_id)).subjects
    subject = next((s.name for s in subjects if s.id == subject_id), "")
    scope = dict(school_id=school_id, class_group_id=class_group_id, subject_id=subject_id)
    topics = call("ListPlanTopics", schedule_pb2.ListPlanTopicsRequest(**scope))
    progress = call("PlanProgress", schedule_pb2.PlanProgressRequest(**scope))
    me = wiring().peers.call("identity", "GetMe", identity_pb2.GetMeRequest(), g.token)
    roles = next((set(m.principal.roles) for m in me.memberships if m.school.id == school_id), set())
    return render_template(
        "schedule_plan.html", school_id=school_id, group=group, subject_id=subject_id, subject=subject, topics=topics,
        progress=progress, can_import=bool(PLAN_LOADERS & roles), failure=failure, row_errors=row_errors, checked=checked,
        loaded=request.args.get("loaded", "")), status
