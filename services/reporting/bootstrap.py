"""Wires the reporting service's parts: its units of work on the runtime's database and outbox, and the servicer
on them. The event consumers (entrypoints.consumers) join the consumer's transactions and need no wiring."""
import functools

from services.common.db import Database
from services.common.outbox import Outbox
from services.reporting.entrypoints.servicer import ReportingServicer
from services.reporting.service_layer.unit_of_work import ReportingUnitOfWork, UnitsOfWork


def units_of_work(db: Database, outbox: Outbox) -> UnitsOfWork:
    return functools.partial(ReportingUnitOfWork, db, outbox)


def servicer(db: Database, outbox: Outbox) -> ReportingServicer:
    return ReportingServicer(units_of_work(db, outbox))
