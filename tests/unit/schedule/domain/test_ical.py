"""The iCalendar text of a feed, read back with the icalendar library: events in Moscow time, escaping,
folding of long lines, cancelled lessons."""
import datetime as dt

import icalendar

from services.schedule.domain import ical

NOW = dt.datetime(2025, 8, 20, 9, 0, tzinfo=dt.UTC)
EVENTS = [ical.Event("6f1c1d6e-0000-4000-8000-000000000001", dt.date(2025, 9, 1), dt.time(8, 30), dt.time(9, 15),
                     "Математика", "21"),
          ical.Event("6f1c1d6e-0000-4000-8000-000000000002", dt.date(2025, 9, 2), dt.time(9, 25), dt.time(10, 10),
                     "Русский язык; литература, 5А " + "очень длинное название " * 5, cancelled=True)]


def test_events_parse_back_with_their_times_and_status():
    content = ical.render("Расписание 5А", EVENTS, NOW)
    assert content.endswith("\r\n") and all(len(line.encode()) <= 75 for line in content.split("\r\n"))
    parsed = icalendar.Calendar.from_ical(content)
    assert str(parsed["X-WR-CALNAME"]) == "Расписание 5А"
    assert [str(tz["TZID"]) for tz in parsed.walk("VTIMEZONE")] == ["Europe/Moscow"]
    first, second = parsed.walk("VEVENT")
    assert str(first["UID"]) == EVENTS[0].uid
    start = first.decoded("DTSTART")
    assert start.replace(tzinfo=None) == dt.datetime(2025, 9, 1, 8, 30)
    assert start.utcoffset() == dt.timedelta(hours=3)
    assert first["DTSTART"].params["TZID"] == "Europe/Moscow"
    assert first.decoded("DTEND").replace(tzinfo=None) == dt.datetime(2025, 9, 1, 9, 15)
    assert (str(first["SUMMARY"]), str(first["LOCATION"]), str(first["STATUS"])) == ("Математика", "21", "CONFIRMED")
    assert str(second["SUMMARY"]) == EVENTS[1].summary and str(second["STATUS"]) == "CANCELLED"
    assert "LOCATION" not in second
    assert first.decoded("DTSTAMP") == NOW


def test_folding_never_splits_a_character():
    line = "SUMMARY:" + "ж" * 100
    pieces = ical.fold(line)
    assert all(len(p.encode()) <= 75 for p in pieces) and all(p.startswith(" ") for p in pieces[1:])
    assert "".join(p[1:] if i else p for i, p in enumerate(pieces)) == line
