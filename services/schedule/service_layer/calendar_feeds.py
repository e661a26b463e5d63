"""Personal iCalendar feeds of a class group's or a teacher's lessons and the school events for them: created by a
person for their own scope, kept only as the SHA-256 of the secret token, revocable; read without a user token by the
token."""
import datetime as dt
import hashlib
import re
import secrets

from proto.schedule.v1 import schedule_pb2 as pb
from services.common import context
from services.common.db import parse_uuid
from services.common.errors import Forbidden, Invalid, NotFound
from services.common.scope import Scope
from services.schedule.adapters import protobuf
from services.schedule.adapters.calendar_feed_store import CalendarFeedTokens
from services.schedule.adapters.tables import new_id
from services.schedule.domain import ical
from services.schedule.domain.lesson_status import CANCELLED
from services.schedule.domain.school_event import KINDS
from services.schedule.service_layer.school_events import feed_events
from services.schedule.service_layer.unit_of_work import ScheduleUnitOfWork, UnitsOfWork

TOKEN = re.compile(r"[A-Za-z0-9_-]{43}")  # secrets.token_urlsafe(32)
MEDIA_TYPE = "text/calendar; charset=utf-8"


def token_hash(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


def feed_url(token: str) -> str:
    return f"/calendar/{token}.ics"


def create_calendar_feed(scope: Scope, uow: ScheduleUnitOfWork, class_group_id: str, teacher_id: str) -> pb.CalendarFeed:
    """A new secret feed of the caller's class group or of the caller's own lessons as a teacher."""
    principal = scope.require("schedule.read")
    if principal.is_service:
        raise Forbidden("Ленту календаря получает только человек для себя")
    if bool(class_group_id) == bool(teacher_id):
        raise Invalid("class_group_id", "укажите класс или учителя (что-то одно)")
    lessons_of = dict(class_group_id=None, teacher_id=None)
    if teacher_id:
        lessons_of["teacher_id"] = parse_uuid(teacher_id, "teacher_id")
        if lessons_of["teacher_id"] != principal.person_id:
            raise Forbidden("Ленту можно получить только по своему расписанию", {"teacher_id": "не ваше расписание"})
    else:
        lessons_of["class_group_id"] = parse_uuid(class_group_id, "class_group_id")
    token = secrets.token_urlsafe(32)
    with uow:
        if lessons_of["class_group_id"]:
            uow.class_groups.get(lessons_of["class_group_id"])
        row = dict(lessons_of, id=new_id(), school_id=uow.school_id, token_hash=token_hash(token),
                   owner_subject=context.current_caller().subject, revoked_at=None)
        uow.calendar_feeds.add(row)
    return protobuf.calendar_feed(row, feed_url(token))


def revoke_calendar_feed(scope: Scope, uow: ScheduleUnitOfWork, feed_id: str) -> pb.CalendarFeed:
    """Turns a feed off for good: its owner or a schedule manager may."""
    principal = scope.require("schedule.read")
    feed_id = parse_uuid(feed_id, "feed_id")
    with uow:
        row = uow.calendar_feeds.get(feed_id)
        if row is None:
            raise NotFound("Лента календаря не найдена", {"feed_id": "не найдена"})
        if row["owner_subject"] != principal.subject and not scope.allowed("schedule.manage"):
            raise Forbidden("Отключить ленту может только её владелец")
        if row["revoked_at"] is None:
            row = uow.calendar_feeds.revoke(feed_id)
    return protobuf.calendar_feed(row)


def school_event(row) -> ical.Event:
    """A school event as a calendar event: its title, place, description (and why it was cancelled), its kind as the
    category, its revision as the sequence."""
    note = f"Отменено: {row['cancel_reason']}" if row["status"] == CANCELLED and row["cancel_reason"] else ""
    return ical.Event(uid=row["id"], date=row["date"], starts_at=row["starts_at"], ends_at=row["ends_at"],
                      summary=row["title"], location=row["place"], cancelled=row["status"] == CANCELLED,
                      description="\n".join(part for part in (row["description"], note) if part),
                      categories=KINDS.get(row["kind"], ""), sequence=row["revision"])


def get_calendar_feed(feeds: CalendarFeedTokens, units_of_work: UnitsOfWork, token: str) -> pb.CalendarFeedContent:
    """The feed's lessons (open academic years, cancelled ones marked so) and school events (for families of the
    class; for staff of the teacher's classes or the whole school) as iCalendar text; no user token: the feed's school
    is known once the token's feed is found, and its unit of work has no caller."""
    not_found = NotFound("Календарь не найден", {"token": "не найден"})
    if not TOKEN.fullmatch(token or ""):
        raise not_found
    feed = feeds.live_feed(token_hash(token))
    if feed is None:
        raise not_found
    with units_of_work(Scope.of_event(feed["school_id"])) as uow:
        rows = uow.calendar_feeds.lessons(feed)
        name = "Мои уроки" if feed["teacher_id"] else "Расписание " + uow.class_groups.get(feed["class_group_id"])["name"]
        school_events = feed_events(uow, feed, {row["class_group_id"]: row["class_grade"] for row in rows})
    events = [ical.Event(uid=row["id"], date=row["date"], starts_at=row["starts_at"], ends_at=row["ends_at"],
                         summary=f"{row['subject_name']}, {row['class_group_name']}" if feed["teacher_id"]
                         else row["subject_name"], location=row["room"], cancelled=row["status"] == CANCELLED)
              for row in rows]
    events += [school_event(row) for row in school_events]
    return pb.CalendarFeedContent(filename="raspisanie.ics", media_type=MEDIA_TYPE,
                                  content=ical.render(name, events, dt.datetime.now(dt.UTC)))
