"""The reaper of import jobs whose process is gone (service_layer.import_jobs.reap) as one of the service's workers:
runs when identity starts and every REAP_EVERY after, in each replica; a job another live replica runs keeps
beating and is never touched."""
import datetime as dt
import logging
import threading

from services.identity.service_layer.import_jobs import reap
from services.identity.service_layer.ports import Directory, UnitsOfWork

log = logging.getLogger(__name__)
REAP_EVERY = dt.timedelta(minutes=1)


class JobReaper(threading.Thread):
    """The reaper as one of the service's workers (started before serving, stopped on shutdown)."""

    def __init__(self, uows: UnitsOfWork, directory: Directory):
        super().__init__(name="import-job-reaper", daemon=True)
        self.uows, self.directory = uows, directory
        self.stop_event = threading.Event()

    def run(self) -> None:
        while True:
            try:
                reap(self.uows, self.directory)
            except Exception:
                log.exception("reaping stale import jobs failed")
            if self.stop_event.wait(REAP_EVERY.total_seconds()):
                return

    def stop(self) -> None:
        self.stop_event.set()
        self.join(timeout=5)
