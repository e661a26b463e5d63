"""The tenant console (Russian pages) and the public activation of a login with a one-time code.

- /console: the authority operator's list of schools (status, onboarding, suspend/reactivate);
- /console/schools/<id>: the school administrator's card, the contacts the school keeps, staff with roles,
  contacts and access, pending Gosuslugi matches and the audit log;
- /console/schools/<id>/import: uploading people (CSV/XLSX) as a background job; its page shows the
  progress (refreshing itself while the job runs) and then the report;
- /console/schools/<id>/slips: a form teacher's printable access slips for their class.

/activate is open to anyone: the code is the secret. A visitor who is logged in may instead add the
code's person record to their own login (one account in several schools). A JSON POST to /activate does the same for
scripts ({"code", "password"}; no token and no cookie, so no CSRF; errors in the API's JSON shape)."""
from flask import Blueprint, jsonify, make_response, redirect, render_template, request, url_for

from gateway.api.schema import obj, string, validate
from gateway.auth.csrf import check_csrf
from gateway.auth.session import login_required, session_token
from gateway.errors import BadRequest, error_response, http_status, retry
from gateway.web.pages import ROLE_NAMES, call
from gateway.wiring import wiring
from proto.identity.v1 import identity_pb2
from proto.schedule.v1 import schedule_pb2
from services.common.errors import DomainError, TooManyRequests

bp = Blueprint("console", __name__)
ACTIVATION_BODY = obj({"code": string(), "password": string()})


def _activate(code: str, password: str) -> identity_pb2.ActivateAccountResponse:
    return wiring().peers.call("identity", "ActivateAccount",
                               identity_pb2.ActivateAccountRequest(code=code, password=password), "")


@bp.route("/activate", methods=["GET", "POST"])
def activate():
    """The activation page: the code from the link or the slip, a new password twice."""
    code = request.values.get("code", "").strip()
    if request.method == "POST" and request.is_json:
        return _activate_json()
    token = session_token()
    if request.method == "GET":
        return render_template("console_activate.html", code=code, error=None, fields={}, logged_in=bool(token))
    check_csrf()
    password = request.form.get("password", "")
    try:
        if request.form.get("claim") and token:
            done = wiring().peers.call("identity", "ClaimActivation", identity_pb2.ClaimActivationRequest(code=code),
                                       token)
        elif password != request.form.get("password_again", ""):
            raise BadRequest("Пароли не совпадают", {"password_again": "не совпадает с паролем"})
        else:
            done = _activate(code, password)
    except DomainError as error:
        page = render_template("console_activate.html", code=code, error=error, fields=error.fields,
                               logged_in=bool(token))
        return retry(make_response(page, http_status(error) if isinstance(error, TooManyRequests) else 422), error)
    return render_template("console_activated.html", done=done)


def _activate_json():
    body = request.get_json(silent=True)
    errors = validate(body, ACTIVATION_BODY) if body is not None else {"body": "Ожидается объект JSON"}
    try:
        if errors:
            raise BadRequest(fields=errors)
        done = _activate(body["code"], body["password"])
    except DomainError as error:
        return error_response(error)
    return jsonify({"username": done.username, "school_short_name": done.school_short_name})


STATUS_NAMES = {"active": "работает", "suspended": "приостановлена"}
ACCESS_NAMES = {"none": "нет входа", "invited": "код выдан, не активирован", "activated": "активирован",
                "account": "вход создан"}
CATEGORY_NAMES = {"": "—", "none": "без категории", "fit": "соответствие должности", "first": "первая",
                  "highest": "высшая"}
CONTACT_NAMES = {"phone": "Телефон", "email": "Эл. почта", "address": "Адрес проживания"}
PHASE_NAMES = {"checking": "проверка строк", "writing": "запись"}
REFRESH_SECONDS = 2
DETAIL_FIELDS = ("inn", "ogrn", "address", "licence_number", "licence_date", "accreditation_number",
                 "accreditation_date")
AUDIT_PAGE = 50


def _form_details() -> dict:
    return {field: request.form.get(field, "").strip() for field in DETAIL_FIELDS}


def _render_operator(status: int = 200, **extra):
    schools = call("identity", "ListSchools", identity_pb2.ListSchoolsRequest()).schools
    values = {"schools": schools, "status_names": STATUS_NAMES, "error": None, "fields": {}, "form": {},
              "onboarded": None}
    return render_template("console_operator.html", **{**values, **extra}), status


@bp.get("/console")
@login_required
def operator():
    return _render_operator()


@bp.post("/console/schools")
@login_required
def onboard():
    form = {k: request.form.get(k, "").strip() for k in ("name", "short_name", "last_name", "first_name",
                                                           "middle_name", "email")}
    try:
        onboarded = call("identity", "OnboardSchool", identity_pb2.OnboardSchoolRequest(
            name=form["name"], short_name=form["short_name"], admin_email=form["email"],
            admin_name=identity_pb2.PersonName(last_name=form["last_name"], first_name=form["first_name"],
                                               middle_name=form["middle_name"]),
            details=identity_pb2.SchoolDetails(**_form_details())))
    except DomainError as error:
        return _render_operator(422, error=error, fields=error.fields, form=form)
    return _render_operator(onboarded={"school": onboarded.school, "username": onboarded.admin_username,
                                       "url": wiring().settings.activation_url(onboarded.admin_activation_code),
                                       "expires_at": onboarded.admin_activation_expires_at})


@bp.post("/console/schools/<uuid:school_id>/status")
@login_required
def school_status(school_id):
    call("identity", "SetSchoolStatus", identity_pb2.SetSchoolStatusRequest(
        school_id=str(school_id), status=request.form.get("status", "")))
    return redirect(url_for("console.operator"))


def _render_school(school_id: str, status: int = 200, **extra):
    sid = str(school_id)
    school = call("identity", "GetSchool", identity_pb2.GetSchoolRequest(school_id=sid))
    staff = call("identity", "ListPeople", identity_pb2.ListPeopleRequest(school_id=sid, kind=identity_pb2.STAFF)).people
    matches = call("identity", "ListPendingMatches", identity_pb2.ListPendingMatchesRequest(school_id=sid)).matches
    audit = call("identity", "ListAuditLog", identity_pb2.ListAuditLogRequest(school_id=sid, limit=AUDIT_PAGE)).entries
    values = {"school": school, "staff": staff, "matches": matches, "audit": audit, "role_names": ROLE_NAMES,
              "access_names": ACCESS_NAMES, "category_names": CATEGORY_NAMES, "contact_names": CONTACT_NAMES,
              "error": None, "fields": {},
              "slips": [], "saved": False, "form": {}}
    return render_template("console_school.html", **{**values, **extra}), status


@bp.get("/console/schools/<uuid:school_id>")
@login_required
def school_admin(school_id):
    return _render_school(school_id)


@bp.post("/console/schools/<uuid:school_id>/card")
@login_required
def school_card(school_id):
    try:
        call("identity", "UpdateSchool", identity_pb2.UpdateSchoolRequest(
            school_id=str(school_id), name=request.form.get("name", ""), short_name=request.form.get("short_name", ""),
            details=identity_pb2.SchoolDetails(**_form_details())))
    except DomainError as error:
        return _render_school(school_id, 422, error=error, fields=error.fields, form=request.form)  # keep what was typed
    return _render_school(school_id, saved=True)


@bp.post("/console/schools/<uuid:school_id>/contact-fields")
@login_required
def contact_fields(school_id):
    call("identity", "SetContactFields", identity_pb2.SetContactFieldsRequest(
        school_id=str(school_id), fields=request.form.getlist("field")))
    return _render_school(school_id, saved=True)


@bp.post("/console/schools/<uuid:school_id>/guardian-access")
@login_required
def guardian_access(school_id):
    """Whether the school's guardians get access only through Gosuslugi (T6)."""
    call("identity", "SetGuardianAccess", identity_pb2.SetGuardianAccessRequest(
        school_id=str(school_id), gosuslugi_only=bool(request.form.get("gosuslugi_only"))))
    return _render_school(school_id, saved=True)


@bp.route("/console/schools/<uuid:school_id>/import", methods=["GET", "POST"])
@login_required
def people_import(school_id):
    """Uploading a file of people: it is checked as a whole at once, then imported in the background."""
    error = None
    if request.method == "POST":
        upload = request.files.get("file")
        try:
            if upload is None or not upload.filename:
                raise BadRequest("Выберите файл", {"file": "обязательное поле"})
            job = call("identity", "StartPeopleImport", identity_pb2.ImportPeopleRequest(
                school_id=str(school_id), filename=upload.filename, content=upload.read(),
                dry_run=bool(request.form.get("dry_run"))))
        except DomainError as refusal:
            error = refusal
        else:
            return redirect(url_for("console.import_job", school_id=school_id, job_id=job.id))
    return render_template("console_import.html", school_id=str(school_id), error=error), 422 if error else 200


@bp.get("/console/schools/<uuid:school_id>/import/<uuid:job_id>")
@login_required
def import_job(school_id, job_id):
    """The job's progress (the page refreshes itself while it runs), then its report or refusal."""
    job = call("identity", "GetImportJob", identity_pb2.GetImportJobRequest(school_id=str(school_id),
                                                                           job_id=str(job_id)))
    page = render_template("console_import_job.html", school_id=str(school_id), job=job, phase_names=PHASE_NAMES,
                           problems=[row for row in job.report.rows if row.status != "ok"])
    return page, 200, {"Refresh": str(REFRESH_SECONDS)} if job.status == "running" else {}


@bp.post("/console/schools/<uuid:school_id>/activation")
@login_required
def staff_activation(school_id):
    try:
        slips = call("identity", "IssueActivation", identity_pb2.IssueActivationRequest(
            school_id=str(school_id), person_ids=request.form.getlist("person_id"))).slips
    except DomainError as error:
        return _render_school(school_id, 422, error=error, fields=error.fields)
    return _render_school(school_id, slips=[(slip, wiring().settings.activation_url(slip.code)) for slip in slips])


@bp.post("/console/schools/<uuid:school_id>/roles")
@login_required
def staff_roles(school_id):
    try:
        call("identity", "SetStaffRoles", identity_pb2.SetStaffRolesRequest(
            school_id=str(school_id), person_id=request.form.get("person_id", ""), roles=request.form.getlist("role")))
    except DomainError as error:
        return _render_school(school_id, http_status(error), error=error, fields=error.fields)
    return _render_school(school_id, saved=True)


@bp.post("/console/schools/<uuid:school_id>/matches/<uuid:match_id>")
@login_required
def decide_match(school_id, match_id):
    call("identity", "DecideMatch", identity_pb2.DecideMatchRequest(
        school_id=str(school_id), match_id=str(match_id), confirm=request.form.get("decision") == "confirm"))
    return redirect(url_for("console.school_admin", school_id=school_id))


def _led_classes(school_id: str) -> list:
    """The class groups the caller leads as form teacher, with their names."""
    principal = call("identity", "GetPrincipal", identity_pb2.GetPrincipalRequest(school_id=school_id))
    return [call("schedule", "GetClassGroup", schedule_pb2.GetClassGroupRequest(
        school_id=school_id, class_group_id=class_group_id)) for class_group_id in principal.form_class_group_ids]


@bp.route("/console/schools/<uuid:school_id>/slips", methods=["GET", "POST"])
@login_required
def slips(school_id):
    """The form teacher's access slips: codes for the class's students and their guardians without a login."""
    sid = str(school_id)
    classes = _led_classes(sid)
    issued, error = identity_pb2.IssueActivationResponse(), None
    if request.method == "POST":
        try:
            issued = call("identity", "IssueActivation", identity_pb2.IssueActivationRequest(
                school_id=sid, class_group_id=request.form.get("class_group_id", "")))
        except DomainError as refusal:
            error = refusal
    return render_template("console_slips.html", classes=classes, slips=issued.slips, error=error, school_id=sid,
                           gosuslugi_slips=issued.gosuslugi_slips, login_url=f"{wiring().settings.public_url}/login",
                           activate_url=wiring().settings.activation_url(""), kinds={identity_pb2.STUDENT: "обучающийся",
                                                                 identity_pb2.GUARDIAN: "родитель",
                                                                 identity_pb2.STAFF: "сотрудник"}), \
        422 if error else 200
