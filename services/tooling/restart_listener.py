"""supervisord event listener that records restarts: supervisord itself counts none. One line a restart or give-up
is appended to the file named on the command line, e.g.

    2026-12-07T10:20:45Z journal restart EXITED
    2026-12-07T10:21:02Z journal fatal BACKOFF

`restart` is a start that supervisord made on its own: after the process exited (EXITED) or after it died too
quickly and waited out its backoff (BACKOFF). A start asked for (from STOPPED: `up`, `restart NAME`) is not one.
`fatal`: supervisord gave up after startretries quick deaths in a row. Standard library only: infra/stack.sh runs it
with the system's python3 for the stack's supervisord, the launcher with the project's for ours.

Usage (an [eventlistener:...] section, events=PROCESS_STATE): python3 restart_listener.py FILE
"""
import datetime
import sys
from collections.abc import Iterable
from dataclasses import dataclass, field

AUTOMATIC_FROM = ("EXITED", "BACKOFF")
TIME_FORMAT = "%Y-%m-%dT%H:%M:%SZ"


def parse_payload(payload: str) -> dict[str, str]:
    """supervisord's "key:value key:value" payload line."""
    return dict(token.split(":", 1) for token in payload.split() if ":" in token)


def record(event: str, payload: str) -> str | None:
    """The line to append for one event, or None when it is no restart and no give-up."""
    fields = parse_payload(payload)
    name, source = fields.get("processname", "?"), fields.get("from_state", "?")
    if event == "PROCESS_STATE_STARTING" and source in AUTOMATIC_FROM:
        kind = "restart"
    elif event == "PROCESS_STATE_FATAL":
        kind = "fatal"
    else:
        return None
    now = datetime.datetime.now(datetime.UTC).strftime(TIME_FORMAT)
    return f"{now} {name} {kind} {source}\n"


@dataclass
class Restarts:
    times: list[str] = field(default_factory=list)  # when each restart was, as written
    gave_up: str = ""  # when supervisord last gave up (it is in FATAL until started again)

    @property
    def count(self) -> int:
        return len(self.times)

    @property
    def last(self) -> str:
        return self.times[-1] if self.times else ""

    def since(self, moment: float) -> int:
        """Restarts at or after `moment` (seconds since the epoch)."""
        return sum(1 for time in self.times if parse_time(time) >= moment)


def parse_time(text: str) -> float:
    return datetime.datetime.strptime(text, TIME_FORMAT).replace(tzinfo=datetime.UTC).timestamp()


def restarts(lines: Iterable[str]) -> dict[str, Restarts]:
    """Restarts and give-ups by process name, from the listener's file."""
    found: dict[str, Restarts] = {}
    for line in lines:
        parts = line.split()
        if len(parts) < 3:
            continue
        entry = found.setdefault(parts[1], Restarts())
        if parts[2] == "restart":
            entry.times.append(parts[0])
        elif parts[2] == "fatal":
            entry.gave_up = parts[0]
    return found


def listen(path: str, stdin=sys.stdin, stdout=sys.stdout) -> None:
    """supervisord's listener protocol: READY, then a header line and its payload, then RESULT, forever."""
    while True:
        stdout.write("READY\n")
        stdout.flush()
        header = stdin.readline()
        if not header:
            return
        fields = parse_payload(header)
        payload = stdin.read(int(fields["len"]))
        line = record(fields.get("eventname", ""), payload)
        if line:
            with open(path, "a", encoding="utf-8") as file:
                file.write(line)
        stdout.write("RESULT 2\nOK")
        stdout.flush()


if __name__ == "__main__":
    listen(sys.argv[1])
