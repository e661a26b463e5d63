"""The messaging pages (J13), in Russian: the inbox (threads with unread counts, the notices waiting for an
acknowledgement), a thread (messages with files and read receipts, an answer, withdrawing one's message, a complaint),
the new-message form (a family picks a teacher of their child; a staff member a student's family or a whole class),
the notices (received, with «ознакомлен»; sent, with who has acknowledged; a form to send one), the deputy head's
control of unanswered families, and the complaints (the school administrator reads a complained-about thread, each
reading audited; the managers see the log of readings). Every rule is the messaging service's: the pages only ask it."""
import datetime
import io

from flask import Blueprint, redirect, render_template, request, send_file, url_for

from gateway.auth.session import login_required
from gateway.errors import http_status
from gateway.web import pages
from gateway.web.pages import call, class_names, explain, optional
from proto.identity.v1 import identity_pb2
from proto.messaging.v1 import messaging_pb2 as pb
from services.common.errors import DomainError

bp = Blueprint("messaging_pages", __name__)

ROLE_NAMES = {"staff": "сотрудник", "guardian": "родитель", "student": "ученик"}
AUDIENCES = {"class": "классу", "grade": "параллели", "families": "всем семьям школы", "staff": "сотрудникам"}
KIND_NAMES = {"school": "объявление", "mark_2": "отметка «2»", "absence": "пропуск", "few_marks": "мало отметок",
              "term_mark": "отметка за период"}


def principal_of(school_id: str) -> identity_pb2.Principal:
    return call("identity", "GetPrincipal", identity_pb2.GetPrincipalRequest(school_id=school_id))


def is_staff(principal) -> bool:
    return bool({"subject_teacher", "form_teacher", "deputy_head", "director"} & set(principal.roles))


def uploaded_files() -> list[pb.FileInput]:
    return [pb.FileInput(filename=f.filename or "", content=f.read()) for f in request.files.getlist("files")
            if f and f.filename]


@bp.get("/schools/<uuid:school_id>/messages")
@login_required
def inbox(school_id):
    school_id = str(school_id)
    listed = call("messaging", "ListThreads", pb.ListThreadsRequest(school_id=school_id))
    notices = optional("messaging", "ListNotices", pb.ListNoticesRequest(school_id=school_id), pb.ListNoticesResponse())
    return render_template("messaging_inbox.html", school_id=school_id, threads=listed.threads, unread=listed.unread,
                           unacknowledged=notices.unacknowledged, classes=class_names(school_id),
                           done=request.args.get("done", ""))


@bp.route("/schools/<uuid:school_id>/messages/new", methods=["GET", "POST"])
@login_required
def new_thread(school_id):
    school_id = str(school_id)
    principal = principal_of(school_id)
    form, failure, status = {}, "", 200
    if request.method == "POST":
        form = {key: request.form.get(key, "").strip() for key in ("to", "subject", "text", "class_group_id",
                                                                    "student_id")}
        student_id, staff_id = (form["to"].split(":", 1) + [""])[:2] if form["to"] else (form["student_id"], "")
        try:
            started = call("messaging", "StartThread", pb.StartThreadRequest(
                school_id=school_id, student_id=student_id, staff_id=staff_id, class_group_id=form["class_group_id"],
                subject=form["subject"], text=form["text"], without_student=bool(request.form.get("without_student")),
                files=uploaded_files())).threads
            if len(started) == 1:
                return redirect(url_for("messaging_pages.thread", school_id=school_id, thread_id=started[0].id))
            return redirect(url_for("messaging_pages.inbox", school_id=school_id, done=str(len(started))))
        except DomainError as err:
            failure, status = explain(err), http_status(err)
    staff = is_staff(principal)
    contacts = [] if staff else call("messaging", "ListContacts", pb.ListContactsRequest(school_id=school_id)).contacts
    students = (call("identity", "ListPeople", identity_pb2.ListPeopleRequest(
        school_id=school_id, kind=identity_pb2.STUDENT)).people if staff else [])
    return render_template("messaging_new.html", school_id=school_id, staff=staff, contacts=contacts,
                           students=[s for s in students if s.class_group_id], classes=class_names(school_id),
                           form=form, failure=failure), status


@bp.get("/schools/<uuid:school_id>/messages/<uuid:thread_id>")
@login_required
def thread(school_id, thread_id):
    return thread_page(str(school_id), str(thread_id))


def thread_page(school_id: str, thread_id: str, failure: str = "", status: int = 200, draft: str = ""):
    view = call("messaging", "GetThread", pb.GetThreadRequest(school_id=school_id, thread_id=thread_id))
    if view.thread.unread:
        call("messaging", "MarkThreadRead", pb.GetThreadRequest(school_id=school_id, thread_id=thread_id))
    me = principal_of(school_id).person_id
    return render_template("messaging_thread.html", school_id=school_id, view=view, me=me, role_names=ROLE_NAMES,
                           classes=class_names(school_id), failure=failure, draft=draft,
                           done=request.args.get("done", "")), status


@bp.post("/schools/<uuid:school_id>/messages/<uuid:thread_id>")
@login_required
def answer(school_id, thread_id):
    school_id, thread_id = str(school_id), str(thread_id)
    text = request.form.get("text", "")
    try:
        call("messaging", "PostMessage", pb.PostMessageRequest(school_id=school_id, thread_id=thread_id, text=text,
                                                               files=uploaded_files()))
    except DomainError as err:
        return thread_page(school_id, thread_id, explain(err), http_status(err), text)
    return redirect(url_for("messaging_pages.thread", school_id=school_id, thread_id=thread_id) + "#last")


@bp.post("/schools/<uuid:school_id>/messages/<uuid:thread_id>/withdraw/<uuid:message_id>")
@login_required
def withdraw(school_id, thread_id, message_id):
    school_id, thread_id = str(school_id), str(thread_id)
    try:
        call("messaging", "WithdrawMessage", pb.WithdrawMessageRequest(school_id=school_id, message_id=str(message_id)))
    except DomainError as err:
        return thread_page(school_id, thread_id, explain(err), http_status(err))
    return redirect(url_for("messaging_pages.thread", school_id=school_id, thread_id=thread_id, done="withdrawn"))


@bp.post("/schools/<uuid:school_id>/messages/<uuid:thread_id>/complaint")
@login_required
def complain(school_id, thread_id):
    school_id, thread_id = str(school_id), str(thread_id)
    try:
        call("messaging", "FileComplaint", pb.FileComplaintRequest(school_id=school_id, thread_id=thread_id,
                                                                   reason=request.form.get("reason", "")))
    except DomainError as err:
        return thread_page(school_id, thread_id, explain(err), http_status(err))
    return redirect(url_for("messaging_pages.thread", school_id=school_id, thread_id=thread_id, done="complaint"))


@bp.get("/schools/<uuid:school_id>/message-files/<uuid:file_id>")
@login_required
def message_file(school_id, file_id):
    found = call("messaging", "GetMessageFile", pb.GetMessageFileRequest(school_id=str(school_id), file_id=str(file_id)))
    return send_file(io.BytesIO(found.content), mimetype=found.media_type, as_attachment=True,
                     download_name=found.filename)


@bp.get("/schools/<uuid:school_id>/notices")
@login_required
def notices(school_id):
    return notices_page(str(school_id))


def notices_page(school_id: str, failure: str = "", status: int = 200, form: dict | None = None):
    principal = principal_of(school_id)
    received = call("messaging", "ListNotices", pb.ListNoticesRequest(school_id=school_id))
    sent = optional("messaging", "ListNotices", pb.ListNoticesRequest(school_id=school_id, box="sent"), None)
    leads = list(principal.form_class_group_ids)
    managing = bool({"school_admin", "director", "deputy_head"} & set(principal.roles))
    return render_template("messaging_notices.html", school_id=school_id, received=received.notices,
                           sent=sent.notices if sent is not None else [], may_send=sent is not None,
                           managing=managing, leads=leads, classes=class_names(school_id), audiences=AUDIENCES,
                           kinds=KIND_NAMES, failure=failure, form=form or {},
                           is_guardian="guardian" in principal.roles,
                           done=request.args.get("done", "")), status


@bp.post("/schools/<uuid:school_id>/notices")
@login_required
def send_notice(school_id):
    school_id = str(school_id)
    form = {key: request.form.get(key, "").strip() for key in ("audience", "class_group_id", "grade", "title", "text")}
    try:
        call("messaging", "SendNotice", pb.SendNoticeRequest(
            school_id=school_id, audience=form["audience"], class_group_id=form["class_group_id"],
            grade=int(form["grade"]) if form["grade"].isdigit() else 0, title=form["title"], text=form["text"],
            requires_ack=bool(request.form.get("requires_ack"))))
    except DomainError as err:
        return notices_page(school_id, explain(err), http_status(err), form)
    return redirect(url_for("messaging_pages.notices", school_id=school_id, done="sent"))


@bp.post("/schools/<uuid:school_id>/notices/<uuid:notice_id>/ack")
@login_required
def acknowledge(school_id, notice_id):
    school_id = str(school_id)
    try:
        call("messaging", "AcknowledgeNotice", pb.AcknowledgeNoticeRequest(school_id=school_id,
                                                                          notice_id=str(notice_id)))
    except DomainError as err:
        return notices_page(school_id, explain(err), http_status(err))
    return redirect(url_for("messaging_pages.notices", school_id=school_id, done="acknowledged"))


@bp.get("/schools/<uuid:school_id>/notices/<uuid:notice_id>")
@login_required
def notice_recipients(school_id, notice_id):
    school_id = str(school_id)
    recipients = call("messaging", "ListNoticeRecipients", pb.ListNoticeRecipientsRequest(
        school_id=school_id, notice_id=str(notice_id))).recipients
    return render_template("messaging_recipients.html", school_id=school_id, recipients=recipients)


@bp.get("/schools/<uuid:school_id>/messages/control")
@login_required
def control(school_id):
    """The deputy head's list of families left without an answer past the deadline, as of a day (today by default)."""
    school_id = str(school_id)
    on = request.args.get("on", "") or pages.today().isoformat()
    try:
        datetime.date.fromisoformat(on)
    except ValueError:
        on = pages.today().isoformat()
    found = call("messaging", "ListOverdueThreads", pb.ListOverdueThreadsRequest(school_id=school_id, on_date=on))
    return render_template("messaging_control.html", school_id=school_id, found=found,
                           classes=class_names(school_id))


@bp.get("/schools/<uuid:school_id>/messages/complaints")
@login_required
def complaints(school_id):
    school_id = str(school_id)
    listed = call("messaging", "ListComplaints", pb.ListComplaintsRequest(school_id=school_id))
    readings = optional("messaging", "ListComplaintReadings", pb.ListComplaintReadingsRequest(school_id=school_id),
                        None)
    return render_template("messaging_complaints.html", school_id=school_id, complaints=listed.complaints,
                           readings=readings.readings if readings is not None else None,
                           may_read="school_admin" in principal_of(school_id).roles)


@bp.post("/schools/<uuid:school_id>/messages/complaints/<uuid:complaint_id>")
@login_required
def read_complaint(school_id, complaint_id):
    """The thread whole, withdrawn messages too; the reading is recorded by the service (a POST: no link prefetch
    makes a reading nobody did)."""
    school_id = str(school_id)
    view = call("messaging", "ReadComplaintThread", pb.ReadComplaintThreadRequest(
        school_id=school_id, complaint_id=str(complaint_id)))
    return render_template("messaging_complaint_thread.html", school_id=school_id, view=view,
                           classes=class_names(school_id), role_names=ROLE_NAMES)
