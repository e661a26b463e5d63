"""iCalendar feeds on the real PostgreSQL: a class group's and a teacher's own feed, read without a user token
and parsed with the icalendar library; tokens stored hashed, revocation, who may create which feed."""
import datetime as dt
import hashlib
import re
import uuid

import grpc
import icalendar
import pytest
from sqlalchemy import select

from proto.schedule.v1 import schedule_pb2 as pb
from services.schedule.adapters.tables import calendar_feeds
from tests.integration.schedule.test_calendar import MONDAY, add_entry, add_holiday, autumn_school, lessons
from tests.support.grpc_harness import rpc_error

pytestmark = pytest.mark.stack
FEED_URL = re.compile(r"/calendar/([A-Za-z0-9_-]{43})\.ics")


def feed_token(feed: pb.CalendarFeed) -> str:
    match = FEED_URL.fullmatch(feed.url)
    assert match, feed.url
    return match[1]


def read_feed(schedule, token: str) -> icalendar.Calendar:
    """As the gateway calls it: no authorization metadata at all."""
    content = schedule.stub.GetCalendarFeed(pb.GetCalendarFeedRequest(token=token), timeout=30)
    assert content.media_type == "text/calendar; charset=utf-8" and content.filename.endswith(".ics")
    return icalendar.Calendar.from_ical(content.content)


def test_a_class_feed_lists_every_lesson_with_cancelled_ones_marked(schedule):
    a = autumn_school(schedule)
    add_entry(schedule, a, MONDAY, 2)
    add_holiday(schedule, a, "Осенние каникулы", "2025-10-20", "2025-10-26")
    feed = schedule.call("CreateCalendarFeed", pb.CreateCalendarFeedRequest(school_id=a.school_id,
                                                                            class_group_id=a.class_group.id))
    assert (feed.class_group_id, feed.teacher_id, feed.revoked) == (a.class_group.id, "", False)

    parsed = read_feed(schedule, feed_token(feed))
    assert str(parsed["X-WR-CALNAME"]) == "Расписание 5А"
    found = parsed.walk("VEVENT")
    every = lessons(schedule, a, include_cancelled=True)
    assert [str(e["UID"]) for e in found] == [lesson.id for lesson in every] and len(found) == 13
    first = found[0]
    assert first.decoded("DTSTART") == dt.datetime(2025, 9, 1, 8, 30, tzinfo=dt.timezone(dt.timedelta(hours=3)))
    assert first["DTSTART"].params["TZID"] == "Europe/Moscow"
    assert first.decoded("DTEND").replace(tzinfo=None) == dt.datetime(2025, 9, 1, 9, 15)
    assert (str(first["SUMMARY"]), str(first["LOCATION"]), str(first["STATUS"])) == ("Математика", "21", "CONFIRMED")
    statuses = {e.decoded("DTSTART").date().isoformat(): str(e["STATUS"]) for e in found}
    assert statuses["2025-10-20"] == "CANCELLED"
    assert [day for day, status in statuses.items() if status == "CANCELLED"] == ["2025-10-20"]


def test_a_teacher_gets_a_feed_of_their_own_lessons_only(schedule):
    a = autumn_school(schedule)
    add_entry(schedule, a, MONDAY, 1)
    schedule.principals.grant(a.school_id, "subject_teacher", person_id=a.teacher_id)
    feed = schedule.call("CreateCalendarFeed", pb.CreateCalendarFeedRequest(school_id=a.school_id,
                                                                            teacher_id=a.teacher_id))
    found = read_feed(schedule, feed_token(feed)).walk("VEVENT")
    assert len(found) == 13 and {str(e["SUMMARY"]) for e in found} == {"Математика, 5А"}
    with pytest.raises(grpc.RpcError) as err:
        schedule.call("CreateCalendarFeed", pb.CreateCalendarFeedRequest(school_id=a.school_id,
                                                                         teacher_id=str(uuid.uuid4())))
    code, _, fields = rpc_error(err)
    assert code == grpc.StatusCode.PERMISSION_DENIED and "teacher_id" in fields


def test_tokens_are_stored_hashed_and_a_revoked_feed_is_gone(schedule):
    a = autumn_school(schedule)
    feed = schedule.call("CreateCalendarFeed", pb.CreateCalendarFeedRequest(school_id=a.school_id,
                                                                            class_group_id=a.class_group.id))
    token = feed_token(feed)
    with schedule.db.tenant_session(a.school_id) as session:
        stored = session.scalar(select(calendar_feeds.c.token_hash).where(calendar_feeds.c.id == feed.id))
    assert stored == hashlib.sha256(token.encode()).hexdigest() and token not in stored
    assert not read_feed(schedule, token).walk("VEVENT")   # no timetable yet: an empty, valid calendar

    revoked = schedule.call("RevokeCalendarFeed", pb.RevokeCalendarFeedRequest(school_id=a.school_id, feed_id=feed.id))
    assert revoked.revoked and revoked.url == ""
    for unknown in (token, "A" * 43, "../../etc/passwd", ""):
        with pytest.raises(grpc.RpcError) as err:
            schedule.stub.GetCalendarFeed(pb.GetCalendarFeedRequest(token=unknown), timeout=30)
        assert rpc_error(err)[0] == grpc.StatusCode.NOT_FOUND


def test_only_the_feed_method_is_open_without_a_token(schedule):
    with pytest.raises(grpc.RpcError) as err:
        schedule.stub.ListHolidays(pb.ListHolidaysRequest(school_id=str(uuid.uuid4()), academic_year_id=str(uuid.uuid4())),
                                   timeout=30)
    assert err.value.code() == grpc.StatusCode.UNAUTHENTICATED


def test_feed_requests_are_checked(schedule):
    a = autumn_school(schedule)
    cases = [
        (pb.CreateCalendarFeedRequest(school_id=a.school_id), grpc.StatusCode.INVALID_ARGUMENT, "class_group_id"),
        (pb.CreateCalendarFeedRequest(school_id=a.school_id, class_group_id=a.class_group.id, teacher_id=a.teacher_id),
         grpc.StatusCode.INVALID_ARGUMENT, "class_group_id"),
        (pb.CreateCalendarFeedRequest(school_id=a.school_id, class_group_id="5А"), grpc.StatusCode.INVALID_ARGUMENT,
         "class_group_id"),
        (pb.CreateCalendarFeedRequest(school_id=a.school_id, class_group_id=str(uuid.uuid4())),
         grpc.StatusCode.NOT_FOUND, "class_group_id"),
    ]
    for request, code, field in cases:
        with pytest.raises(grpc.RpcError) as err:
            schedule.call("CreateCalendarFeed", request)
        got_code, message, fields = rpc_error(err)
        assert (got_code, field in fields) == (code, True), (message, fields)
    with pytest.raises(grpc.RpcError) as err:
        schedule.call("RevokeCalendarFeed", pb.RevokeCalendarFeedRequest(school_id=a.school_id, feed_id=str(uuid.uuid4())))
    assert rpc_error(err)[0] == grpc.StatusCode.NOT_FOUND

    feed = schedule.call("CreateCalendarFeed", pb.CreateCalendarFeedRequest(school_id=a.school_id,
                                                                            class_group_id=a.class_group.id))
    schedule.principals.grant(a.school_id, "student", person_id=str(uuid.uuid4()), subject="another-person")
    with pytest.raises(grpc.RpcError) as err:
        schedule.call("RevokeCalendarFeed", pb.RevokeCalendarFeedRequest(school_id=a.school_id, feed_id=feed.id))
    assert err.value.code() == grpc.StatusCode.PERMISSION_DENIED
