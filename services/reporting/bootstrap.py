"""Wires the reporting service's parts: its units of work on the runtime's database and outbox, the servicer on them,
the workers of the reports formed in the background (with the object store of the formed files) and the refresher of
the authority's aggregates. The event
consumers (entrypoints.consumers) join the consumer's transactions and need no wiring."""
import datetime as dt
import functools
import threading
from collections.abc import Callable

from services.common.db import Database
from services.common.outbox import Outbox
from services.reporting.adapters.report_job_store import ReportJobQueue
from services.reporting.adapters.school_aggregate_store import AggregateReader
from services.reporting.entrypoints.report_workers import report_workers
from services.reporting.entrypoints.servicer import ReportingServicer, school_now
from services.reporting.service_layer.report_jobs import FileStore
from services.reporting.service_layer.unit_of_work import ReportingUnitOfWork, UnitsOfWork


def units_of_work(db: Database, outbox: Outbox) -> UnitsOfWork:
    return functools.partial(ReportingUnitOfWork, db, outbox)


def servicer(db: Database, outbox: Outbox, files: FileStore | None = None,
             clock: Callable[[], dt.datetime] = school_now) -> ReportingServicer:
    return ReportingServicer(units_of_work(db, outbox), clock, files, schools=ReportJobQueue(db).schools,
                             aggregates=AggregateReader(db))


def workers(db: Database, outbox: Outbox, files: FileStore,
            clock: Callable[[], dt.datetime] = school_now) -> list[threading.Thread]:
    return report_workers(ReportJobQueue(db), units_of_work(db, outbox), files, clock, AggregateReader(db))
