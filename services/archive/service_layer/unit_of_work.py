"""The archive's unit of work: the school's transaction with the package store on it; and the ports the service
layer needs of the world outside (object storage, signing, reporting's summary sheets), as typed protocols."""
import datetime as dt
from typing import Protocol

from services.archive.adapters.bagit_package import SheetFiles
from services.archive.adapters.package_store import PackageStore
from services.common.unit_of_work import HasSchool, UnitOfWork


class ArchiveUnitOfWork(UnitOfWork):
    packages: PackageStore

    def opened(self) -> None:
        self.packages = PackageStore(self.session, self.school_id)


class UnitsOfWork(Protocol):
    """Makes the unit of work of a call or a build for its school scope (services.archive.bootstrap wires it)."""

    def __call__(self, scope: HasSchool) -> ArchiveUnitOfWork: ...


class PackageStorage(Protocol):
    """Where sealed packages are kept (services.archive.adapters.storage.ArchiveStore, MinIO under object lock)."""

    bucket: str

    def put_locked(self, key: str, data: bytes, retain_until: dt.date) -> str: ...

    def get(self, key: str, version_id: str | None = None) -> bytes: ...


class SummarySheets(Protocol):
    """A class group's summary sheet as JSON and PDF (services.archive.adapters.summary_sheets: from reporting)."""

    def fetch(self, school_id: str, class_group_id: str) -> SheetFiles: ...


class Signer(Protocol):
    """Detached signatures (services.archive.adapters.signing.Signer)."""

    def sign_detached(self, data: bytes) -> bytes: ...
