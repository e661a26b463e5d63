"""iCalendar (RFC 5545) text of a lesson feed: one VEVENT per lesson in Moscow time and one per school event (all
day when it has no time, with its kind as CATEGORIES and its revision as SEQUENCE), with escaping and line folding
done here. Plain Python, no I/O."""
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
    """A lesson (start and end times) or a school event (no start: all day; a start without an end: an instant)."""

    uid: str
    date: dt.date
    starts_at: dt.time | None
    ends_at: dt.time | None
    summary: str
    location: str = ""
    cancelled: bool = False
    description: str = ""
    categories: str = ""
    sequence: int = 0


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


def whole_day(day: dt.date) -> str:
    return f"VALUE=DATE:{day:%Y%m%d}"


def when(event: Event) -> list[str]:
    """DTSTART and DTEND: a whole day (DTEND the next day, exclusive), a time range, or an instant (no DTEND)."""
    if event.starts_at is None:
        return [f"DTSTART;{whole_day(event.date)}", f"DTEND;{whole_day(event.date + dt.timedelta(days=1))}"]
    start = [f"DTSTART;{local(event.date, event.starts_at)}"]
    return [*start, f"DTEND;{local(event.date, event.ends_at)}"] if event.ends_at else start


def vevent(event: Event, stamp: str) -> list[str]:
    lines = ["BEGIN:VEVENT", f"UID:{event.uid}", f"DTSTAMP:{stamp}", *when(event), f"SUMMARY:{text(event.summary)}"]
    if event.sequence:
        lines.append(f"SEQUENCE:{event.sequence}")
    if event.location:
        lines.append(f"LOCATION:{text(event.location)}")
    if event.description:
        lines.append(f"DESCRIPTION:{text(event.description)}")
    if event.categories:
        lines.append(f"CATEGORIES:{text(event.categories)}")
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
