"""A service's worker that does one thing when the service starts and every `every` after (a reaper, a scheduler),
until the service stops; a failure is logged and the next round tries again. With a `duty` (a share of one core), a
round that took long makes the wait after it longer, so the worker spends at most that share of its time working
(a round of t seconds is followed by at least t × (1 − duty) / duty). A round that works in steps (a school after
another) calls `rest()` after each: the share then holds within the round too, not only between rounds."""
import datetime as dt
import logging
import threading
import time
from collections.abc import Callable

log = logging.getLogger(__name__)


def wait_after(every: dt.timedelta, took: float, duty: float | None) -> float:
    """Seconds to wait after a round that took `took` seconds."""
    least = every.total_seconds()
    return least if duty is None else max(least, took * (1 - duty) / duty)


class Periodic(threading.Thread):
    def __init__(self, name: str, every: dt.timedelta, action: Callable[[], object], duty: float | None = None):
        super().__init__(name=name, daemon=True)
        self.every, self.action, self.duty = every, action, duty
        self.stop_event = threading.Event()
        self._since = time.monotonic()  # the start of the work not yet followed by its wait

    def run(self) -> None:
        while True:
            self._since = time.monotonic()
            try:
                self.action()
            except Exception:
                log.exception("%s failed", self.name)
            if self.stop_event.wait(wait_after(self.every, time.monotonic() - self._since, self.duty)):
                return

    def rest(self) -> bool:
        """Within a round, after a step: waits as the duty asks for the work since the round began or the last rest
        (nothing without a duty); True when the worker is asked to stop (the round should end)."""
        if self.duty is not None:
            self.stop_event.wait(wait_after(dt.timedelta(0), time.monotonic() - self._since, self.duty))
        self._since = time.monotonic()
        return self.stop_event.is_set()

    def stop(self) -> None:
        self.stop_event.set()
        self.join(timeout=5)
