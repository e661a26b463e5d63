"""Wires the archive service's parts: its units of work on the runtime's database and outbox, the servicer and the
worker loop (builds, copies, fixity checks) on them with the packaging (the records' source, the school cards, the
signatures, the two stores). The event consumer (entrypoints.consumers) joins the consumer's transactions and needs
no wiring."""
import datetime as dt
import functools

from services.archive.adapters import package_store
from services.archive.domain import disposal
from services.archive.entrypoints.builder import ArchiveBuilder
from services.archive.entrypoints.servicer import ArchiveServicer
from services.archive.service_layer.packaging import Packaging
from services.archive.service_layer.unit_of_work import ArchiveUnitOfWork, UnitsOfWork
from services.common.db import Database
from services.common.outbox import Outbox


def units_of_work(db: Database, outbox: Outbox) -> UnitsOfWork:
    return functools.partial(ArchiveUnitOfWork, db, outbox)


def servicer(db: Database, outbox: Outbox, packaging: Packaging) -> ArchiveServicer:
    return ArchiveServicer(units_of_work(db, outbox), packaging, functools.partial(package_store.alerts, db),
                           functools.partial(package_store.acts, db, disposal.PROPOSED))


def builder(db: Database, outbox: Outbox, packaging: Packaging, fixity_period: dt.timedelta) -> ArchiveBuilder:
    return ArchiveBuilder(db, units_of_work(db, outbox), packaging, fixity_period)
