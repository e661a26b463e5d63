"""A service's worker that does one thing when the service starts and every `every` after (a reaper, a scheduler),
until the service stops; a failure is logged and the next round tries again."""
import datetime as dt
import logging
import threading
from collections.abc import Callable

log = logging.getLogger(__name__)


class Periodic(threading.Thread):
    def __init__(self, name: str, every: dt.timedelta, action: Callable[[], object]):
        super().__init__(name=name, daemon=True)
        self.every, self.action = every, action
        self.stop_event = threading.Event()

    def run(self) -> None:
        while True:
            try:
                self.action()
            except Exception:
                log.exception("%s failed", self.name)
            if self.stop_event.wait(self.every.total_seconds()):
                return

    def stop(self) -> None:
        self.stop_event.set()
        self.join(timeout=5)
