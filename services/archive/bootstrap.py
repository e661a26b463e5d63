"""Wires the archive service's parts: its units of work on the runtime's database and outbox, the servicer and the
package builder on them with the storage, the signer and reporting's summary sheets. The event consumer
(entrypoints.consumers) joins the consumer's transactions and needs no wiring."""
import functools

from services.archive.entrypoints.builder import ArchiveBuilder
from services.archive.entrypoints.servicer import ArchiveServicer
from services.archive.service_layer.package_build import Packaging
from services.archive.service_layer.unit_of_work import ArchiveUnitOfWork, PackageStorage, Signer, SummarySheets, UnitsOfWork
from services.common.db import Database
from services.common.outbox import Outbox


def units_of_work(db: Database, outbox: Outbox) -> UnitsOfWork:
    return functools.partial(ArchiveUnitOfWork, db, outbox)


def servicer(db: Database, outbox: Outbox, storage: PackageStorage) -> ArchiveServicer:
    return ArchiveServicer(units_of_work(db, outbox), storage)


def builder(db: Database, outbox: Outbox, storage: PackageStorage, signer: Signer, sheets: SummarySheets,
            retention_years: dict[str, int]) -> ArchiveBuilder:
    return ArchiveBuilder(db, units_of_work(db, outbox), Packaging(sheets, signer, storage, retention_years))
