"""The reaper of import jobs whose process is gone (service_layer.import_jobs.reap) as one of the service's workers:
runs when identity starts and every REAP_EVERY after, in each replica; a job another live replica runs keeps
beating and is never touched."""
import datetime as dt

from services.common.periodic import Periodic
from services.identity.service_layer.import_jobs import reap
from services.identity.service_layer.ports import Directory, UnitsOfWork

REAP_EVERY = dt.timedelta(minutes=1)


class JobReaper(Periodic):
    """The reaper as one of the service's workers (started before serving, stopped on shutdown)."""

    def __init__(self, uows: UnitsOfWork, directory: Directory):
        super().__init__("import-job-reaper", REAP_EVERY, lambda: reap(uows, directory))
