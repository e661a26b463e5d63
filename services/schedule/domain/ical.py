"""iCalendar (RFC 5545) text of a lesson feed: one VEVENT per lesson in Moscow time, with escaping and line
folding done here. Plain Python, no I/O."""
import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass

TZID = "Europe/Moscow"
PRODID = "-//Otmetka//Schedule//RU"
# Moscow keeps UTC+3 all year since 2014: one STANDARD rule describes the zone the events refer to
VTIMEZONE = ("BEGIN:VTIMEZONE", f"TZID:{TZID}", "BEGIN:STANDARD", "DTSTART:19700101T000000", "TZOFFSETFROM:+0300",
             "TZOFFSETTO:+0300", "TZNAME:MSK", "END:STANDARD", "END:VTIMEZONE")
LINE_OCTETS = 75


@dataclass(frozen=True)
class Event:
    uid: str
    date: dt.date
    starts_at: dt.time
    ends_at: dt.time
    summary: str
    location: str = ""
    cancelled: bool = False


def text(value: str) -> str:
    """RFC 5545 TEXT escaping."""
    return (value.replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,")
            .replace("\r\n", "\\n").replace("\n", "\\n"))


def fold(line: str) -> list[str]:
    """Splits a content line into pieces of at most 75 octets (continuations start with a space), never
    inside a UTF-8 character."""
    pieces, current, size = [], "", 0
    for char in line:
        octets = len(char.encode())
        if size + octets > LINE_OCTETS:
            pieces.append(current)
            current, size = " ", 1
        current, size = current + char, size + octets
    return [*pieces, current]


def local(day: dt.date, time: dt.time) -> str:
    return f"TZID={TZID}:{dt.datetime.combine(day, time):%Y%m%dT%H%M%S}"


def vevent(event: Event, stamp: str) -> list[str]:
    lines = ["BEGIN:VEVENT", f"UID:{event.uid}", f"DTSTAMP:{stamp}", f"DTSTART;{local(event.date, event.starts_at)}",
             f"DTEND;{local(event.date, event.ends_at)}", f"SUMMARY:{text(event.summary)}"]
    if event.location:
        lines.append(f"LOCATION:{text(event.location)}")
    return [*lines, f"STATUS:{'CANCELLED' if event.cancelled else 'CONFIRMED'}", "END:VEVENT"]


def render(name: str, events: Iterable[Event], now: dt.datetime) -> str:
    """The whole calendar, CRLF line endings; `now` (aware) stamps every event."""
    stamp = f"{now.astimezone(dt.UTC):%Y%m%dT%H%M%SZ}"
    lines = ["BEGIN:VCALENDAR", "VERSION:2.0", f"PRODID:{PRODID}", "CALSCALE:GREGORIAN", "METHOD:PUBLISH",
             f"X-WR-CALNAME:{text(name)}", f"X-WR-TIMEZONE:{TZID}", *VTIMEZONE]
    for event in events:
        lines += vevent(event, stamp)
    lines.append("END:VCALENDAR")
    return "".join(piece + "\r\n" for line in lines for piece in fold(line))
