"""The staff's page of the families' flags of marks (обращения по отметкам): a teacher sees the flags of the marks they
gave and of the classes they lead, a manager the school's; each open one with the lesson to correct the mark on (the
lesson page's ordinary save) and a form to answer once, «объяснено» or «исправлено» (ListMarkFlags, AnswerMarkFlag).
The deputy head's control page lists the unanswered ones too (journal.py)."""
from flask import Blueprint, redirect, render_template, request, url_for

from gateway.auth.session import login_required
from gateway.errors import http_status
from gateway.web.diary import OUTCOMES
from gateway.web.journal import people_names
from gateway.web.pages import call, class_names, explain
from proto.identity.v1 import identity_pb2
from proto.journal.v1 import journal_pb2 as pb
from services.common.errors import DomainError

bp = Blueprint("mark_flag_pages", __name__)

STATUSES = {"open": "без ответа", "answered": "с ответом", "": "все"}


@bp.get("/schools/<uuid:school_id>/journal/mark-flags")
@login_required
def flags(school_id):
    status = request.args.get("status", "open")
    return flags_page(str(school_id), "" if status == "all" else status)


def flags_page(school_id: str, status: str, failure: dict | None = None, code: int = 200):
    """The flags of a status (open by default); `failure` is a refused answer (the flag, the message, what was
    typed)."""
    status = status if status in STATUSES else "open"
    listed = call("journal", "ListMarkFlags", pb.ListMarkFlagsRequest(school_id=school_id, status=status)).flags
    return render_template(
        "journal_mark_flags.html", school_id=school_id, flags=listed, status=status, statuses=STATUSES,
        students=people_names(school_id, identity_pb2.STUDENT) if listed else {},
        staff=people_names(school_id, identity_pb2.STAFF) if listed else {},
        classes=class_names(school_id) if listed else {}, outcomes=OUTCOMES, failure=failure or {},
        done=request.args.get("done", "")), code


@bp.post("/schools/<uuid:school_id>/journal/mark-flags/<uuid:flag_id>/answer")
@login_required
def answer(school_id, flag_id):
    school_id, flag_id = str(school_id), str(flag_id)
    text, outcome = request.form.get("answer", "").strip(), request.form.get("outcome", "")
    try:
        call("journal", "AnswerMarkFlag", pb.AnswerMarkFlagRequest(school_id=school_id, flag_id=flag_id, answer=text,
                                                                   outcome=outcome))
    except DomainError as err:
        return flags_page(school_id, "open", {"flag_id": flag_id, "message": explain(err), "answer": text,
                                              "outcome": outcome}, http_status(err))
    return redirect(url_for(".flags", school_id=school_id, done="answered"))
