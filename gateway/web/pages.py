"""The Russian web pages: home (schools, roles, the teacher's week, the children's diaries), the
teacher's lesson page that saves the whole lesson (the topic chosen from the thematic plan or typed, marks on the
school's scale) with each student's own homework, the homework files and the families' open flags of the lesson's
marks. Work types, mark values and attendance kinds are the journal's answers; the helpers here (`call`, `optional`,
`explain`, `choice_names`, `journal_policy`, the clock `today`, `academic_years`, `class_names`, `child_name`) serve
the other pages too (the diary's are in diary.py)."""
import datetime
import io
import re

from flask import Blueprint, g, redirect, render_template, request, send_file, url_for

from gateway.auth.session import login_required
from gateway.errors import BadRequest, http_status
from gateway.wiring import wiring
from proto.identity.v1 import identity_pb2
from proto.journal.v1 import journal_pb2
from proto.schedule.v1 import schedule_pb2
from services.common.errors import DomainError
from services.common.policy import TEACHERS

bp = Blueprint("pages", __name__)

ROLE_NAMES = {
    "authority_operator": "оператор МОУО", "school_admin": "администратор", "director": "директор",
    "deputy_head": "завуч", "secretary": "секретарь", "hr_specialist": "специалист по кадрам",
    "subject_teacher": "учитель-предметник", "form_teacher": "классный руководитель", "student": "ученик",
    "guardian": "родитель",
}
LESSON_FIELDS = {"plan_topic_id": "Тема по плану", "topic": "Тема урока", "homework": "Домашнее задание",
                 "reason": "Причина изменения", "marks": "Отметка", "attendance": "Посещаемость"}
FIELD_PATH = re.compile(r"(\w*)(?:\[(\d+)\])?")  # marks[0].value -> marks, 0
WEEKDAYS = ("понедельник", "вторник", "среда", "четверг", "пятница", "суббота", "воскресенье")


def call(service: str, rpc: str, request_message, deadline: float | None = None):
    return wiring().peers.call(service, rpc, request_message, g.token, deadline)


def today() -> datetime.date:
    """The pages' clock (tests replace `pages.today`)."""
    return datetime.date.today()


def academic_years(school_id: str) -> list:
    """The school's years, newest first."""
    return list(call("schedule", "ListAcademicYears", schedule_pb2.ListAcademicYearsRequest(
        school_id=school_id)).academic_years)


def year_of_today(years) -> str:
    """The year that contains today, else the newest one ("" without years)."""
    now = today().isoformat()
    return next((y.id for y in years if y.start_date <= now <= y.end_date), years[0].id if years else "")


def class_names(school_id: str) -> dict[str, str]:
    """Every class group's name by id; a class of another year than today's carries that year's name, so that 5А of
    last year and 5А of this one are told apart: "5А (2025/2026)"."""
    groups = call("schedule", "ListClassGroups", schedule_pb2.ListClassGroupsRequest(school_id=school_id)).class_groups
    years = academic_years(school_id) if len({group.academic_year_id for group in groups}) > 1 else []
    current, year_names = year_of_today(years), {year.id: year.name for year in years}
    return {group.id: group.name if group.academic_year_id in (current, "") or group.academic_year_id not in year_names
            else f"{group.name} ({year_names[group.academic_year_id]})" for group in groups}


def monday_of(day: datetime.date) -> datetime.date:
    return day - datetime.timedelta(days=day.weekday())


@bp.app_template_filter("ru_date")
def ru_date(iso: str) -> str:
    day = datetime.date.fromisoformat(iso)
    return f"{WEEKDAYS[day.weekday()]}, {day:%d.%m.%Y}"


@bp.get("/")
@login_required
def home():
    me = call("identity", "GetMe", identity_pb2.GetMeRequest())
    monday = monday_of(today())
    schools = [_school_view(m, monday) for m in me.memberships]
    authority = (call("identity", "ListSchools", identity_pb2.ListSchoolsRequest()).schools
                 if "authority_operator" in me.realm_roles else [])
    return render_template("home.html", me=me, schools=schools, authority=authority, monday=monday,
                           role_names=ROLE_NAMES)


def _school_view(membership, monday: datetime.date) -> dict:
    school_id, principal = membership.school.id, membership.principal
    if membership.school.status == "suspended":  # its services refuse everyone: nothing to fetch
        return {"membership": membership, "lessons": [], "class_names": {}, "children": [], "suspended": True}
    lessons = []
    if TEACHERS & set(principal.roles) and principal.person_id:
        lessons = call("schedule", "ListLessons", schedule_pb2.ListLessonsRequest(
            school_id=school_id, teacher_id=principal.person_id, date_from=monday.isoformat(),
            date_to=(monday + datetime.timedelta(days=6)).isoformat())).lessons
    class_names = {cid: _class_name(school_id, cid) for cid in {lesson.class_group_id for lesson in lessons}}
    children = [{"id": sid, "name": child_name(school_id, sid, principal.person_id)} for sid in principal.student_ids]
    return {"membership": membership, "lessons": lessons, "class_names": class_names, "children": children,
            "suspended": False}


def _class_name(school_id: str, class_group_id: str) -> str:
    try:
        return call("schedule", "GetClassGroup", schedule_pb2.GetClassGroupRequest(
            school_id=school_id, class_group_id=class_group_id)).name
    except DomainError:
        return ""


def child_name(school_id: str, student_id: str, own_person_id: str) -> str:
    if student_id == own_person_id:
        return "Мой дневник"
    return person_name(optional("identity", "GetPerson", identity_pb2.GetPersonRequest(
        school_id=school_id, person_id=student_id), None))


def person_name(person) -> str:
    """A child's name as the family's pages show it (identity's Person; None: identity would not say)."""
    return f"{person.name.last_name} {person.name.first_name}" if person is not None else "Дневник ребёнка"


@bp.route("/schools/<uuid:school_id>/lessons/<uuid:lesson_id>", methods=["GET", "POST"])
@login_required
def lesson(school_id, lesson_id):
    school_id, lesson_id = str(school_id), str(lesson_id)
    lesson, students = lesson_and_class(school_id, lesson_id)
    if request.method == "GET":
        return lesson_page(school_id, lesson, students, lesson_record(school_id, lesson_id))
    form = lesson_form(students)
    try:
        call("journal", "SaveLesson", journal_pb2.SaveLessonRequest(school_id=school_id, lesson_id=lesson_id, **form))
        return redirect(url_for("pages.lesson", school_id=school_id, lesson_id=lesson_id, saved=1))
    except DomainError as err:
        status, failure = http_status(err), _failure(err, form, students)
    typed = journal_pb2.LessonRecord(topic=form["topic"], homework=form["homework"], plan_topic_id=form["plan_topic_id"],
                                     marks=[journal_pb2.Mark(**m) for m in form["marks"]],
                                     attendance=[journal_pb2.AttendanceEntry(**a) for a in form["attendance"]])
    return lesson_page(school_id, lesson, students, typed, form["reason"], failure, status)


def optional(service: str, rpc: str, message, default):
    """A part of a page the caller may not be allowed to see (or a peer may refuse): its default then."""
    try:
        return call(service, rpc, message)
    except DomainError:
        return default


def choice_names(choices) -> dict[str, str]:
    """Code -> Russian name of the journal's choices (work types, attendance kinds), in the journal's order."""
    return {choice.code: choice.name for choice in choices}


def journal_policy(school_id: str) -> journal_pb2.JournalPolicy:
    """The school's journal policy with its scale's mark values and the attendance kinds. A refusal is the page's
    refusal: a lesson form without the values the journal takes would show every stored mark as none, and saving
    it (the whole lesson) would remove them."""
    return call("journal", "GetJournalPolicy", journal_pb2.GetJournalPolicyRequest(school_id=school_id))


def lesson_page(school_id: str, lesson, students, record, reason: str = "", failure: dict | None = None,
                status: int = 200, extra: dict | None = None):
    """The lesson form (topic from the plan or typed, homework, marks on the school's scale, attendance), each
    student's own homework and the homework files; `extra` is a refused individual homework or file."""
    lesson_id = lesson.id
    topics = optional("journal", "ListLessonTopics", journal_pb2.ListLessonTopicsRequest(
        school_id=school_id, lesson_id=lesson_id), journal_pb2.ListLessonTopicsResponse())
    policy = journal_policy(school_id)
    work_types = optional("journal", "ListWorkTypes", journal_pb2.ListWorkTypesRequest(school_id=school_id),
                          journal_pb2.ListWorkTypesResponse()).work_types
    files = optional("journal", "ListHomeworkAttachments", journal_pb2.ListHomeworkAttachmentsRequest(
        school_id=school_id, lesson_id=lesson_id), journal_pb2.ListHomeworkAttachmentsResponse()).attachments
    flags = optional("journal", "ListMarkFlags", journal_pb2.ListMarkFlagsRequest(
        school_id=school_id, lesson_id=lesson_id, status="open"), journal_pb2.ListMarkFlagsResponse()).flags
    marks = {s.id: [m for m in record.marks if m.student_id == s.id] for s in students}
    attendance = {a.student_id: a.status for a in record.attendance}
    chosen_topic = record.plan_topic_id or ("" if record.topic else topics.suggested_topic_id)
    return render_template(
        "lesson.html", school_id=school_id, lesson=lesson, students=students, record=record, marks=marks,
        attendance=attendance, reason=reason, failure=failure, saved=request.args.get("saved", ""),
        work_types=choice_names(work_types), attendance_names=choice_names(policy.attendance_kinds),
        mark_values=policy.mark_values, topics=topics.topics, chosen_topic=chosen_topic, files=files,
        names={s.id: f"{s.name.last_name} {s.name.first_name}" for s in students},
        own_homework={h.student_id: h.homework for h in record.student_homework}, extra=extra or {},
        flags=flags), status


def lesson_and_class(school_id: str, lesson_id: str):
    lesson = call("schedule", "GetLesson", schedule_pb2.GetLessonRequest(school_id=school_id, lesson_id=lesson_id))
    students = call("identity", "ListPeople", identity_pb2.ListPeopleRequest(
        school_id=school_id, kind=identity_pb2.STUDENT, class_group_id=lesson.class_group_id)).people
    return lesson, students


def lesson_record(school_id: str, lesson_id: str) -> journal_pb2.LessonRecord:
    return call("journal", "GetLessonRecord", journal_pb2.GetLessonRecordRequest(school_id=school_id, lesson_id=lesson_id))


def lesson_context(school_id: str, lesson_id: str):
    """The lesson, its class and its stored record (to show the page again after a refusal)."""
    return (*lesson_and_class(school_id, lesson_id), lesson_record(school_id, lesson_id))


@bp.post("/schools/<uuid:school_id>/lessons/<uuid:lesson_id>/student-homework")
@login_required
def student_homework(school_id, lesson_id):
    """One student's own homework on the lesson (SetStudentHomework); a refusal is shown under that form."""
    school_id, lesson_id = str(school_id), str(lesson_id)
    form = request.form
    try:
        call("journal", "SetStudentHomework", journal_pb2.SetStudentHomeworkRequest(
            school_id=school_id, lesson_id=lesson_id, student_id=form.get("student_id", ""),
            homework=form.get("homework", "").strip(), reason=form.get("reason", "").strip()))
    except DomainError as err:
        extra = {"homework": explain(err), "student_id": form.get("student_id", ""), "text": form.get("homework", ""),
                 "reason": form.get("reason", "")}
        return lesson_page(school_id, *lesson_context(school_id, lesson_id), status=http_status(err), extra=extra)
    return redirect(url_for("pages.lesson", school_id=school_id, lesson_id=lesson_id, saved="homework"))


@bp.post("/schools/<uuid:school_id>/lessons/<uuid:lesson_id>/homework-files")
@login_required
def homework_file(school_id, lesson_id):
    """A homework file for the lesson or one student (AddHomeworkAttachment)."""
    school_id, lesson_id = str(school_id), str(lesson_id)
    upload = request.files.get("file")
    try:
        if upload is None or not upload.filename:
            raise BadRequest("Выберите файл", {"file": "файл не выбран"})
        call("journal", "AddHomeworkAttachment", journal_pb2.AddHomeworkAttachmentRequest(
            school_id=school_id, lesson_id=lesson_id, student_id=request.form.get("student_id", ""),
            filename=upload.filename, content=upload.read()))
    except DomainError as err:
        return lesson_page(school_id, *lesson_context(school_id, lesson_id), status=http_status(err),
                           extra={"file": explain(err)})
    return redirect(url_for("pages.lesson", school_id=school_id, lesson_id=lesson_id, saved="file"))


@bp.get("/schools/<uuid:school_id>/homework-files/<uuid:attachment_id>")
@login_required
def homework_file_download(school_id, attachment_id):
    """The file itself; from a diary with the student's id (the family may open only their own)."""
    found = call("journal", "GetHomeworkAttachment", journal_pb2.GetHomeworkAttachmentRequest(
        school_id=str(school_id), attachment_id=str(attachment_id), student_id=request.args.get("student_id", "")))
    return send_file(io.BytesIO(found.content), mimetype=found.media_type or "application/octet-stream",
                     as_attachment=True, download_name=found.filename or "file")


def explain(error: DomainError) -> str:
    """A refusal in one line: the message and what is wrong with each field."""
    return " ".join([error.message, *(f"({text})" for text in error.fields.values())])


def lesson_form(students) -> dict:
    """The posted lesson form as SaveLesson fields: every mark row with a value, every attendance mark."""
    form = request.form
    marks, attendance = [], []
    for student in students:
        sid = student.id
        values = form.getlist(f"mark-{sid}-value")
        not_counted = form.getlist(f"mark-{sid}-not_counted") + [""] * len(values)  # a form of before: all counted
        rows = zip(values, form.getlist(f"mark-{sid}-work_type"), form.getlist(f"mark-{sid}-comment"), not_counted,
                   strict=False)
        for value, work_type, comment, excluded in rows:
            if value:
                marks.append({"student_id": sid, "value": value, "work_type": work_type, "comment": comment.strip(),
                              "not_counted": bool(excluded)})
        if form.get(f"attendance-{sid}"):
            attendance.append({"student_id": sid, "status": form[f"attendance-{sid}"]})
    return {"topic": form.get("topic", "").strip(), "homework": form.get("homework", "").strip(),
            "reason": form.get("reason", "").strip(), "plan_topic_id": form.get("plan_topic_id", ""), "marks": marks,
            "attendance": attendance}


def _failure(error: DomainError, form: dict, students) -> dict:
    """Why the lesson was not saved, in the page's words: each wrong field under its label (marks[0].value
    as «Отметка (Иванов Пётр)»), and the message unless it only repeats a field's problem."""
    names = {s.id: f"{s.name.last_name} {s.name.first_name}" for s in students}
    fields = []
    for field, text in error.fields.items():
        group, index = FIELD_PATH.match(field).groups()
        label = LESSON_FIELDS.get(group, "Урок")
        if group in ("marks", "attendance") and index and int(index) < len(form[group]):
            label += f" ({names.get(form[group][int(index)]['student_id'], '')})"
        fields.append((label, text))
    repeats = any(error.message.endswith(text) for text in error.fields.values())
    return {"message": "" if repeats else error.message, "fields": fields}
