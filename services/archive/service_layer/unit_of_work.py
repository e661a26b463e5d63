"""The archive's unit of work: the school's transaction with the package and copy stores on it; and the ports the
service layer needs of the world outside (the object stores, the signatures, reporting's records, identity's school
card), as typed protocols."""
import datetime as dt
from dataclasses import dataclass
from typing import Protocol

from services.archive.adapters.bagit_package import ClassFiles, SchoolCard, SignedManifest
from services.archive.adapters.package_store import CopyStore, DisposalStore, PackageStore, PolicyStore
from services.archive.domain.semesters import Semester
from services.common.unit_of_work import HasSchool, UnitOfWork


class ArchiveUnitOfWork(UnitOfWork):
    packages: PackageStore
    copies: CopyStore
    disposals: DisposalStore
    policies: PolicyStore

    def opened(self) -> None:
        self.policies = PolicyStore(self.session, self.school_id)
        self.packages = PackageStore(self.session, self.school_id)
        self.copies = CopyStore(self.session, self.school_id)
        self.disposals = DisposalStore(self.session, self.school_id)


class UnitsOfWork(Protocol):
    """Makes the unit of work of a call or a build for its school scope (services.archive.bootstrap wires it)."""

    def __call__(self, scope: HasSchool) -> ArchiveUnitOfWork: ...


class PackageStorage(Protocol):
    """One object store where packages are kept under object lock (services.archive.adapters.storage.ArchiveStore):
    the primary and the replica."""

    bucket: str

    def put_locked(self, key: str, data: bytes, retain_until: dt.date) -> str: ...

    def get(self, key: str, version_id: str | None = None) -> bytes: ...

    def remove_all_versions(self, key: str) -> int: ...


class Records(Protocol):
    """A class group's records of a record class as JSON and PDF (services.archive.adapters.class_records: from
    reporting — the class journal of the year or of a period, the summary sheet)."""

    def fetch(self, record_class: str, school_id: str, class_group_id: str, date_from: dt.date | None = None,
              date_to: dt.date | None = None) -> ClassFiles: ...


class Schools(Protocol):
    """The school's card and a person's full name (services.archive.adapters.school_cards: from identity)."""

    def card(self, school_id: str) -> SchoolCard: ...

    def person_name(self, school_id: str, person_id: str) -> str: ...


class Calendars(Protocol):
    """The school's semesters and a year's class groups (services.archive.adapters.calendars: from schedule)."""

    def semesters(self, school_id: str) -> list[Semester]: ...

    def class_group_ids(self, school_id: str, academic_year_id: str) -> list[str]: ...


class Signatures(Protocol):
    """Signs a package's tag manifest for its school: the director and the installation, each with a timestamp
    (services.archive.adapters.package_signing); and checks a signature the package carries."""

    def sign(self, data: bytes, school: SchoolCard, director_name: str) -> SignedManifest: ...

    def problem(self, signature: bytes, data: bytes) -> str: ...


@dataclass(frozen=True)
class Stores:
    """The two object stores a package is written to."""
    primary: PackageStorage
    replica: PackageStorage

    def __getitem__(self, store: str) -> PackageStorage:
        return getattr(self, store)
