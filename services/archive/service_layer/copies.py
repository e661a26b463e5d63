"""A package's copies in the two object stores: each read back checked against the registry's SHA-256, and the
replica written from the package just built or, when its store was down, later by the copy job from a good copy."""
import hashlib
import logging

from sqlalchemy import Row

from services.archive.domain.archive_package import SEALED
from services.archive.service_layer.packaging import Packaging
from services.archive.service_layer.unit_of_work import ArchiveUnitOfWork
from services.common.errors import DomainError, FailedPrecondition

log = logging.getLogger(__name__)
DAMAGED = "Архив повреждён: контрольная сумма не совпадает с реестром"


def reason_of(exc: Exception) -> str:
    return exc.message if isinstance(exc, DomainError) else repr(exc)


def read_checked(package: Row, copy: Row, packaging: Packaging) -> bytes:
    """The copy's recorded version, whose SHA-256 must be the registry's."""
    data = packaging.stores[copy.store].get(copy.object_key, copy.version_id)
    if hashlib.sha256(data).hexdigest() != package.sha256:
        raise FailedPrecondition(DAMAGED, {"archive_id": "нарушена целостность"})
    return data


def good_copy(package: Row, copies: list[Row], packaging: Packaging) -> bytes:
    """The first sealed copy (the primary first) that reads back intact; the last copy's error when none does."""
    error: Exception = FailedPrecondition("Архив ещё не сформирован", {"archive_id": f"состояние: {package.status}"})
    for copy in copies:
        if copy.status != SEALED:
            continue
        try:
            return read_checked(package, copy, packaging)
        except DomainError as exc:
            log.warning("archive %s: the %s copy cannot be read: %s", package.id, copy.store, exc.message)
            error = exc
    raise error


def copy_package(package_id: str, store: str, uow: ArchiveUnitOfWork, packaging: Packaging,
                 data: bytes | None = None) -> bool | None:
    """Writes the package's pending copy into its store, from `data` (the package just built) or from a good copy
    in the other store; a failure leaves it pending until copy_retry has passed. True when written, False when it
    failed, None when there was nothing to write."""
    with uow:
        package = uow.packages.get(package_id)
        copies = uow.copies.of(package_id)
    target = next((copy for copy in copies if copy.store == store), None)
    if package is None or package.status != SEALED or target is None or target.status == SEALED:
        return None
    try:
        if data is None:
            data = good_copy(package, [copy for copy in copies if copy.store != store], packaging)
        version_id = packaging.stores[store].put_locked(target.object_key, data, package.retain_until)
    except Exception as exc:
        log.warning("archive %s: the %s copy is not written yet: %s", package_id, store, reason_of(exc))
        with uow:
            uow.copies.failed(package_id, store, error=reason_of(exc),
                              retry_at=packaging.clock() + packaging.copy_retry)
        return False
    with uow:
        uow.copies.sealed(package_id, store, bucket=packaging.stores[store].bucket, object_key=target.object_key,
                          version_id=version_id, at=packaging.clock())
    log.info("archive %s: the %s copy sealed", package_id, store)
    return True
