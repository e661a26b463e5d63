"""The school event calendar page (S4): a month of the school's events (cancelled ones too, struck through) for its
staff; the deputy head, the director and the school administrator create, change and cancel events there (the form:
title, kind from schedule's list, date and time, place, description, and for whom — the whole school, some grades or
some classes; families, staff or everyone). A refusal shows the service's message above the form that was sent, with
what was typed."""
import datetime

from flask import Blueprint, redirect, render_template, request, url_for

from gateway.auth.session import login_required
from gateway.errors import BadRequest, error_page, http_status
from gateway.web.pages import call, class_names, today
from gateway.web.schedule_forms import refusal_text
from proto.identity.v1 import identity_pb2
from proto.schedule.v1 import schedule_pb2
from services.common.errors import DomainError
from services.common.policy import RULES

bp = Blueprint("school_event_pages", __name__)

MONTHS = ("январь", "февраль", "март", "апрель", "май", "июнь", "июль", "август", "сентябрь", "октябрь", "ноябрь",
          "декабрь")
GRADES = tuple(range(1, 12))
SCOPE_NAMES = {"school": "вся школа", "grades": "параллели", "class_groups": "классы"}
PEOPLE_NAMES = {"everyone": "для всех", "families": "для учеников и родителей", "staff": "для сотрудников"}
DONE = {"created": "Мероприятие добавлено", "changed": "Мероприятие изменено", "cancelled": "Мероприятие отменено"}


def month_of(value: str | None) -> datetime.date:
    """The first day of the month "YYYY-MM" (this month when none); BadRequest when it is no month."""
    if not value:
        return today().replace(day=1)
    try:
        return datetime.date.fromisoformat(f"{value}-01")
    except ValueError:
        raise BadRequest("Неверный месяц: ожидается ГГГГ-ММ", {"month": "неверный месяц"}) from None


def next_month(first: datetime.date) -> datetime.date:
    return (first + datetime.timedelta(days=32)).replace(day=1)


def event_input(form) -> schedule_pb2.SchoolEventInput:
    """The posted form as the event's values (the service checks them)."""
    grades = [int(g) for g in form.getlist("grade") if g.isdigit()]
    return schedule_pb2.SchoolEventInput(
        title=form.get("title", ""), kind=form.get("kind", ""), date=form.get("date", ""),
        starts_at=form.get("starts_at", "").strip(), ends_at=form.get("ends_at", "").strip(),
        place=form.get("place", ""), description=form.get("description", ""),
        audience=schedule_pb2.EventAudience(scope=form.get("scope", "school"), grades=grades,
                                            class_group_ids=form.getlist("class_group_id"),
                                            people=form.get("people", "everyone")))


def values_of_event(event) -> dict:
    """An event's values as the form shows them."""
    audience = event.audience
    return {"title": event.title, "kind": event.kind, "date": event.date, "starts_at": event.starts_at,
            "ends_at": event.ends_at, "place": event.place, "description": event.description,
            "scope": audience.scope, "grades": [str(g) for g in audience.grades],
            "class_group_ids": list(audience.class_group_ids), "people": audience.people}


def values_typed(form) -> dict:
    """What was typed into a refused form, to show it again."""
    return {**{k: form.get(k, "") for k in ("title", "kind", "date", "starts_at", "ends_at", "place", "description",
                                           "scope", "people")},
            "grades": form.getlist("grade"), "class_group_ids": form.getlist("class_group_id")}


def _manages(school_id: str) -> bool:
    principal = call("identity", "GetPrincipal", identity_pb2.GetPrincipalRequest(school_id=school_id))
    return bool(set(principal.roles) & RULES["school_event.manage"])


def _page(school_id: str, first: datetime.date, status: int = 200, failure: str = "", typed=None, failed_id: str = ""):
    listed = call("schedule", "ListSchoolEvents", schedule_pb2.ListSchoolEventsRequest(
        school_id=school_id, date_from=first.isoformat(),
        date_to=(next_month(first) - datetime.timedelta(days=1)).isoformat(), include_cancelled=True))
    days: dict[str, list] = {}
    for event in listed.events:
        days.setdefault(event.date, []).append(event)
    previous = (first - datetime.timedelta(days=1)).replace(day=1)
    return render_template(
        "schedule_events.html", school_id=school_id, first=first, month_name=f"{MONTHS[first.month - 1]} {first.year}",
        days=days, kinds=listed.kinds, classes=class_names(school_id), grades=GRADES, scope_names=SCOPE_NAMES,
        people_names=PEOPLE_NAMES, manages=_manages(school_id), failure=failure, typed=typed, failed_id=failed_id,
        values_of=values_of_event, month=first.strftime("%Y-%m"),
        done=DONE.get(request.args.get("done", ""), ""), previous=previous.strftime("%Y-%m"),
        following=next_month(first).strftime("%Y-%m")), status


@bp.get("/schools/<uuid:school_id>/events")
@login_required
def events(school_id):
    try:
        first = month_of(request.args.get("month"))
    except BadRequest as err:
        return error_page(err)
    return _page(str(school_id), first)


def _done(school_id: str, date: str, what: str):
    month = date[:7] if len(date) >= 7 else ""
    return redirect(url_for("school_event_pages.events", school_id=school_id, month=month or None, done=what))


def _refused(school_id: str, err: DomainError, typed: dict | None, failed_id: str = ""):
    """The month the form was sent from again, with the refusal above the form and what was typed in it."""
    try:
        first = month_of(request.form.get("month") or None)
    except BadRequest:
        first = month_of(None)
    return _page(school_id, first, http_status(err), refusal_text(err), typed, failed_id)


@bp.post("/schools/<uuid:school_id>/events")
@login_required
def create(school_id):
    school_id = str(school_id)
    try:
        event = call("schedule", "CreateSchoolEvent", schedule_pb2.CreateSchoolEventRequest(
            school_id=school_id, event=event_input(request.form)))
    except DomainError as err:
        return _refused(school_id, err, values_typed(request.form))
    return _done(school_id, event.date, "created")


@bp.post("/schools/<uuid:school_id>/events/<uuid:event_id>")
@login_required
def change(school_id, event_id):
    school_id, event_id = str(school_id), str(event_id)
    try:
        event = call("schedule", "UpdateSchoolEvent", schedule_pb2.UpdateSchoolEventRequest(
            school_id=school_id, school_event_id=event_id, event=event_input(request.form)))
    except DomainError as err:
        return _refused(school_id, err, values_typed(request.form), event_id)
    return _done(school_id, event.date, "changed")


@bp.post("/schools/<uuid:school_id>/events/<uuid:event_id>/cancel")
@login_required
def cancel(school_id, event_id):
    school_id, event_id = str(school_id), str(event_id)
    try:
        event = call("schedule", "CancelSchoolEvent", schedule_pb2.CancelSchoolEventRequest(
            school_id=school_id, school_event_id=event_id, reason=request.form.get("reason", "")))
    except DomainError as err:
        return _refused(school_id, err, None, event_id)
    return _done(school_id, event.date, "cancelled")
