"""Builds a requested package outside any long database transaction: fetches the class groups' summary sheets,
bags and signs them, stores the zip under COMPLIANCE retention, then seals the registry row with its ArchiveSealed
event (or marks it failed with the error)."""
import hashlib
import logging
from dataclasses import dataclass

from sqlalchemy import Row

from proto.archive.v1 import archive_pb2
from services.archive.adapters.bagit_package import PackageInfo, build_package
from services.archive.adapters.protobuf import package_message
from services.archive.domain import archive_package
from services.archive.domain.retention import retain_until
from services.archive.service_layer.unit_of_work import ArchiveUnitOfWork, PackageStorage, Signer, SummarySheets
from services.common.errors import DomainError

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class Packaging:
    """What a build needs besides the registry: the sheets' source, the signer, the storage and the retention
    (years per record class)."""
    sheets: SummarySheets
    signer: Signer
    storage: PackageStorage
    retention_years: dict[str, int]


def build_archive(archive_id: str, uow: ArchiveUnitOfWork, packaging: Packaging) -> None:
    """Builds the package if it is still to build: sealed when stored, failed with the reason otherwise."""
    with uow:
        row = uow.packages.building(archive_id)
    if row is None:
        return
    log.info("building archive %s for academic year %s", archive_id, row.academic_year_name)
    try:
        sealed = _store(row, packaging)
    except Exception as exc:
        log.exception("archive %s failed", archive_id)
        reason = exc.message if isinstance(exc, DomainError) else repr(exc)
        with uow:
            uow.packages.fail(archive_id, f"Не удалось сформировать архив: {reason}")
        return
    with uow:
        row = uow.packages.seal(archive_id, **sealed)
        if row is not None:
            uow.publish(archive_pb2.ArchiveSealed(package=package_message(row)))
    log.info("archive %s sealed", archive_id)


def _store(row: Row, packaging: Packaging) -> dict:
    years = packaging.retention_years[archive_package.RECORD_CLASS]
    info = PackageInfo(archive_id=row.id, school_id=row.school_id, academic_year_id=row.academic_year_id,
                       academic_year_name=row.academic_year_name, record_class=archive_package.RECORD_CLASS,
                       created_at=row.created_at, retain_until=retain_until(row.created_at.date(), years))
    sheets = [packaging.sheets.fetch(row.school_id, class_group_id) for class_group_id in row.class_group_ids]
    data = build_package(info, sheets, packaging.signer)
    key = archive_package.object_key(row.school_id, row.academic_year_id, row.id)
    version_id = packaging.storage.put_locked(key, data, info.retain_until)
    return {"bucket": packaging.storage.bucket, "object_key": key, "version_id": version_id,
            "sha256": hashlib.sha256(data).hexdigest(), "retain_until": info.retain_until}
