"""Builds a package the director has signed, outside any long database transaction: fetches the classes' records of
its record class and the school's card, bags them, signs the tag manifest (the director and the installation, each
with a timestamp), stores the zip in the primary store under COMPLIANCE retention, seals the registry row with its
ArchiveSealed event, then writes the replica copy (or leaves it pending for the copy job when that store is down)."""
import hashlib
import logging

from sqlalchemy import Row

from proto.archive.v1 import archive_pb2
from services.archive.adapters.bagit_package import PackageInfo, Period, build_package
from services.archive.adapters.protobuf import package_message
from services.archive.domain import archive_package
from services.archive.domain.archive_package import PRIMARY, REPLICA
from services.archive.domain.retention import retain_until
from services.archive.service_layer.copies import copy_package
from services.archive.service_layer.packaging import Packaging
from services.archive.service_layer.unit_of_work import ArchiveUnitOfWork
from services.common.errors import DomainError

log = logging.getLogger(__name__)


def build_archive(archive_id: str, uow: ArchiveUnitOfWork, packaging: Packaging) -> None:
    """Builds the package if it is still to build: sealed when stored in the primary store, failed with the reason
    otherwise; then its replica copy."""
    with uow:
        row = uow.packages.building(archive_id)
    if row is None:
        return
    log.info("building archive %s (%s) for academic year %s", archive_id, row.record_class, row.academic_year_name)
    try:
        data, info = _package(row, packaging)
        key = archive_package.object_key(row.school_id, row.academic_year_id, row.record_class, row.id, row.period_id)
        version_id = packaging.stores.primary.put_locked(key, data, info.retain_until)
    except Exception as exc:
        log.exception("archive %s failed", archive_id)
        reason = exc.message if isinstance(exc, DomainError) else repr(exc)
        with uow:
            uow.packages.fail(archive_id, f"Не удалось сформировать архив: {reason}")
        return
    bucket = packaging.stores.primary.bucket
    with uow:
        sealed = uow.packages.seal(archive_id, bucket=bucket, object_key=key, version_id=version_id,
                                   sha256=hashlib.sha256(data).hexdigest(), retain_until=info.retain_until,
                                   software_version=packaging.software_version)
        if sealed is None:
            return
        uow.copies.sealed(archive_id, PRIMARY, bucket=bucket, object_key=key, version_id=version_id,
                          at=packaging.clock())
        uow.copies.pending(archive_id, REPLICA, bucket=packaging.stores.replica.bucket, object_key=key,
                           at=packaging.clock())
        uow.publish(archive_pb2.ArchiveSealed(package=package_message(sealed)))
    log.info("archive %s sealed in the primary store", archive_id)
    copy_package(archive_id, REPLICA, uow, packaging, data)


def _package(row: Row, packaging: Packaging) -> tuple[bytes, PackageInfo]:
    school = packaging.schools.card(row.school_id)
    director = packaging.schools.person_name(row.school_id, row.signed_by)
    years = packaging.retention_years[row.record_class]
    info = PackageInfo(archive_id=row.id, school=school, academic_year_id=row.academic_year_id,
                       academic_year_name=row.academic_year_name, record_class=row.record_class,
                       retention_years=years, retain_until=retain_until(row.created_at.date(), years),
                       created_at=row.created_at, formed_by=director, signed_at=row.signed_at,
                       software_version=packaging.software_version,
                       period=Period(row.period_name, row.date_from, row.date_to) if row.period_id else None)
    files = [packaging.records.fetch(row.record_class, row.school_id, class_group_id, row.date_from, row.date_to)
             for class_group_id in row.class_group_ids]
    data = build_package(info, files, lambda manifest: packaging.signatures.sign(manifest, school, director))
    return data, info
