"""A background job's heartbeat: a thread that calls `beat` every `every` until stopped, so a reaper can tell a job
whose process is gone (no beat for a while) from a live one that is busy with a long step."""
import datetime as dt
import logging
import threading
from collections.abc import Callable

log = logging.getLogger(__name__)


class Heartbeat:
    def __init__(self, beat: Callable[[], None], every: dt.timedelta, name: str):
        self.beat, self.every = beat, every
        self.stopped = threading.Event()
        self.thread = threading.Thread(target=self._beat, name=name, daemon=True)

    def start(self) -> None:
        self.thread.start()

    def stop(self) -> None:
        self.stopped.set()
        self.thread.join()

    def _beat(self) -> None:
        while not self.stopped.wait(self.every.total_seconds()):
            try:
                self.beat()
            except Exception:  # the job itself will fail or finish; the next beat may get through
                log.warning("%s: heartbeat not written", self.thread.name, exc_info=True)
