"""GET /calendar/<token>.ics: served without login, the token passed to schedule's public GetCalendarFeed,
the iCalendar text returned as is; an unknown token is a 404."""
from proto.schedule.v1 import schedule_pb2
from services.common import errors

TOKEN = "A" * 43
ICS = "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nEND:VCALENDAR\r\n"


def test_the_feed_is_served_without_login(client, peers):
    peers.responses["GetCalendarFeed"] = schedule_pb2.CalendarFeedContent(
        filename="raspisanie.ics", media_type="text/calendar; charset=utf-8", content=ICS)
    resp = client.get(f"/calendar/{TOKEN}.ics")
    assert resp.status_code == 200
    assert resp.headers["Content-Type"] == "text/calendar; charset=utf-8"
    assert resp.get_data(as_text=True) == ICS
    [(service, rpc, request, token)] = peers.calls
    assert (service, rpc, request.token, token) == ("schedule", "GetCalendarFeed", TOKEN, "")


def test_an_unknown_feed_is_404(client, peers):
    peers.responses["GetCalendarFeed"] = errors.NotFound("Календарь не найден", {"token": "не найден"})
    assert client.get(f"/calendar/{TOKEN}.ics").status_code == 404
    assert client.post(f"/calendar/{TOKEN}.ics").status_code == 405
