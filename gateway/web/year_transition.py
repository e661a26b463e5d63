"""The deputy head's Russian pages of the year transition (A2): the source year and the new year's name, the preview
per class (promoted, conditional, repeating, graduated; each student with an outcome, debts and a deadline for a
conditional promotion, the document for a graduate), the new empty classes, then the transition in one step and its
result as the steps done (the new year, its classes, the orders signed); and the transition's state for the control
page (the 15 September deadline, a warning when it is near or past)."""
import datetime
import re

from flask import Blueprint, redirect, render_template, request, url_for

from gateway.auth.session import login_required
from gateway.errors import http_status
from gateway.web import pages
from gateway.web.movement import KIND_NAMES, kind_of, refusal
from gateway.web.pages import academic_years, call, optional
from proto.identity.v1 import identity_pb2 as pb
from proto.schedule.v1 import schedule_pb2
from services.common.errors import DomainError

bp = Blueprint("transition_pages", __name__)

OUTCOMES = {"promoted": "переведён", "conditional": "переведён условно", "repeating": "оставлен на повторное обучение",
            "graduated": "выпущен"}
GRADE = re.compile(r"[0-9]{1,2}")  # ASCII digits only: "²" is a digit to str.isdigit, not to int
WARN_DAYS = 14
YEAR_NAME = re.compile(r"(\d{4})\s*/\s*(\d{4})")
INDEXED = re.compile(r"(decisions|new_classes)\[(\d+)\]")


def next_name(name: str) -> str:
    """"2025/2026" -> "2026/2027"; "" for a name of another shape."""
    found = YEAR_NAME.search(name)
    return f"{int(found[1]) + 1}/{int(found[2]) + 1}" if found else ""


def ended_years(years) -> list:
    """The years whose end is past or that are closed, newest first: the sources a transition can start from."""
    now = pages.today().isoformat()
    return [y for y in years if y.status == "closed" or y.end_date < now]


def transition_request(school_id: str, values) -> pb.YearTransitionRequest:
    """The form as a request: an outcome for each student of the preview shown (`student`: their ids; with their
    debts or document) and the new classes typed in."""
    decisions = []
    for student_id in values.getlist("student"):
        outcome = values.get(f"outcome-{student_id}", "")
        if not outcome:
            continue
        decision = pb.TransitionDecision(student_id=student_id, outcome=outcome)
        if outcome == "conditional":
            decision.debts.extend(pb.AcademicDebt(subject_id=s, deadline=values.get(f"deadline-{student_id}", ""))
                                  for s in values.getlist(f"debts-{student_id}"))
        if outcome == "graduated":
            decision.document = values.get(f"document-{student_id}", "").strip()
        decisions.append(decision)
    new_classes = [pb.NewClass(grade=int(grade), name=name.strip()) for grade, name in zip(
        values.getlist("new_grade"), values.getlist("new_name"), strict=False)
        if GRADE.fullmatch(grade.strip()) and name.strip()]
    return pb.YearTransitionRequest(school_id=school_id, source_year_id=values.get("source_year_id", ""),
                                    name=values.get("name", "").strip(), decisions=decisions, new_classes=new_classes)


def transition_failure(error: DomainError, message: pb.YearTransitionRequest) -> dict:
    """The refusal by where it is shown: decisions[i] at that student, new_classes[i] at the new classes, else the
    field's own name (source_year_id, name)."""
    where: dict[str, str] = {}
    for field, text in error.fields.items():
        indexed = INDEXED.match(field)
        if indexed and indexed[1] == "decisions" and int(indexed[2]) < len(message.decisions):
            where[message.decisions[int(indexed[2])].student_id] = text
        elif indexed:
            where["new_classes"] = text
        else:
            where[field.split(".")[0]] = text
    return refusal(error, where, {"source_year_id", "name", "new_classes", *(d.student_id for d in message.decisions)})


@bp.get("/schools/<uuid:school_id>/year-transition")
@login_required
def start(school_id):
    """The choice of the source year and the new name; with both, the preview (nothing written)."""
    school_id = str(school_id)
    values = request.args
    source = values.get("source_year_id", "")
    if source and optional("identity", "GetYearTransition", pb.GetYearTransitionRequest(
            school_id=school_id, source_year_id=source), None) is not None:
        return redirect(url_for("transition_pages.result", school_id=school_id, source_year_id=source))
    preview = failure = None
    if source and values.get("name"):
        message = transition_request(school_id, values)
        try:
            preview = call("identity", "PreviewYearTransition", message)
        except DomainError as err:
            failure = err, message
    return page(school_id, values, preview, failure)


def page(school_id: str, values, preview, failure: tuple[DomainError, pb.YearTransitionRequest] | None):
    years = academic_years(school_id)
    sources = ended_years(years) or years
    source = values.get("source_year_id") or (sources[0].id if sources else "")
    name = values.get("name") or next_name(next((y.name for y in years if y.id == source), ""))
    subjects = sorted(call("schedule", "ListSubjects", schedule_pb2.ListSubjectsRequest(
        school_id=school_id)).subjects, key=lambda s: s.name) if preview else []
    new_classes = list(preview.new_classes) if preview else []
    return render_template(
        "year_transition.html", school_id=school_id, sources=sources, source=source, name=name, preview=preview,
        outcomes=OUTCOMES, subjects=subjects, new_classes=new_classes + [pb.NewClass()] * 2,
        failure=transition_failure(*failure) if failure else None), http_status(failure[0]) if failure else 200


@bp.post("/schools/<uuid:school_id>/year-transition")
@login_required
def submit(school_id):
    """action=recount: the preview again with the outcomes and new classes chosen on the form; action=run: the
    transition in one step (all or nothing), then its result. A refusal shows the preview with the errors."""
    school_id, form = str(school_id), request.form
    message = transition_request(school_id, form)
    try:
        if form.get("action") != "run":
            return page(school_id, form, call("identity", "PreviewYearTransition", message), None)
        call("identity", "TransitionYear", message)
    except DomainError as err:
        preview = optional("identity", "PreviewYearTransition", message, None) if form.get("action") == "run" else None
        return page(school_id, form, preview, (err, message))
    return redirect(url_for("transition_pages.result", school_id=school_id, source_year_id=message.source_year_id,
                            notice="done"))


@bp.get("/schools/<uuid:school_id>/year-transition/<uuid:source_year_id>")
@login_required
def result(school_id, source_year_id):
    """The transition done, step by step: the new year, its classes (continued and new), the orders signed."""
    school_id = str(school_id)
    done = call("identity", "GetYearTransition", pb.GetYearTransitionRequest(school_id=school_id,
                                                                             source_year_id=str(source_year_id)))
    years = {y.id: y.name for y in academic_years(school_id)}
    orders = [{"order": o, "kind": KIND_NAMES.get(kind_of(o), "")} for o in done.orders]
    created = [g.successor_name for g in done.classes if g.successor_name] + [c.name for c in done.new_classes]
    return render_template("year_transition_done.html", school_id=school_id, done=done, orders=orders, created=created,
                           source_name=years.get(done.source_year_id, ""), outcomes=OUTCOMES,
                           notice=request.args.get("notice", ""))


def deadline_state(school_id: str) -> dict | None:
    """For the control page: the newest ended year's transition (done or not), its deadline and whether to warn;
    None when no year has ended or the years cannot be read."""
    years = optional("schedule", "ListAcademicYears", schedule_pb2.ListAcademicYearsRequest(school_id=school_id),
                     schedule_pb2.ListAcademicYearsResponse()).academic_years
    ended = ended_years(years)
    if not ended:
        return None
    source = ended[0]
    done = optional("identity", "GetYearTransition", pb.GetYearTransitionRequest(
        school_id=school_id, source_year_id=source.id), None)
    deadline = done.deadline if done is not None and done.deadline else transition_due(school_id, source)
    if not deadline:
        return None
    days_left = (datetime.date.fromisoformat(deadline) - pages.today()).days
    return {"source": source, "done": done is not None, "result": done, "deadline": deadline, "days_left": days_left,
            "late": done.late if done is not None else days_left < 0,
            "warn": done is None and days_left <= WARN_DAYS}


def transition_due(school_id: str, source) -> str:
    """The day the transition from `source` is due by the school's movement policy ("" if it cannot be read)."""
    policy = optional("identity", "GetMovementPolicy", pb.GetMovementPolicyRequest(school_id=school_id), None)
    if policy is None or not policy.transition_due:
        return ""
    month, day = (int(part) for part in policy.transition_due.split("-"))
    return datetime.date(datetime.date.fromisoformat(source.end_date).year, month, day).isoformat()


def late_orders(school_id: str) -> list:
    """The school's orders signed after their deadline, newest first (the control page's list)."""
    orders = optional("identity", "ListOrders", pb.ListOrdersRequest(school_id=school_id),
                      pb.ListOrdersResponse()).orders
    return [{"order": o, "kind": KIND_NAMES.get(kind_of(o), "")} for o in reversed(orders) if o.late]
