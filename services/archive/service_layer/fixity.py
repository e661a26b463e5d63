"""The fixity check of a sealed package (A4): every sealed copy read back by its recorded version, its SHA-256
compared with the registry's and its signature verified; a damaged or missing copy is rewritten from a good one (a
new version: the damaged one stays locked), and every outcome is recorded per copy."""
import hashlib
import logging
from dataclasses import dataclass

from sqlalchemy import Row

from services.archive.adapters.bagit_package import signed_parts
from services.archive.domain.archive_package import DAMAGED, MISSING, OK, SEALED, UNREACHABLE
from services.archive.service_layer.copies import reason_of
from services.archive.service_layer.packaging import Packaging
from services.archive.service_layer.unit_of_work import ArchiveUnitOfWork
from services.common.errors import FailedPrecondition, Unavailable

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class Inspection:
    outcome: str
    detail: str
    data: bytes | None = None


def inspect(package: Row, copy: Row, packaging: Packaging) -> Inspection:
    """What one copy holds: intact (with its bytes), damaged, missing or out of reach."""
    try:
        data = packaging.stores[copy.store].get(copy.object_key, copy.version_id)
    except FailedPrecondition as exc:
        return Inspection(MISSING, exc.message)
    except Unavailable as exc:
        return Inspection(UNREACHABLE, exc.message)
    if hashlib.sha256(data).hexdigest() != package.sha256:
        return Inspection(DAMAGED, "контрольная сумма SHA-256 не совпадает с реестром")
    try:
        manifest, signature = signed_parts(data)
    except (KeyError, ValueError, OSError) as exc:
        return Inspection(DAMAGED, f"пакет не читается: {exc!r}")
    problem = packaging.signatures.problem(signature, manifest)
    if problem:
        return Inspection(DAMAGED, f"подпись не проверяется: {problem}")
    return Inspection(OK, "контрольная сумма и подписи в порядке", data)


def check_package(package_id: str, uow: ArchiveUnitOfWork, packaging: Packaging) -> dict[str, str]:
    """Checks every sealed copy of the package, repairs what a good copy can repair; the outcome per store."""
    with uow:
        package = uow.packages.get(package_id)
        sealed = package is not None and package.status == SEALED  # a disposed package's copies are gone for good
        copies = [copy for copy in uow.copies.of(package_id) if copy.status == SEALED] if sealed else []
    found = {copy.store: inspect(package, copy, packaging) for copy in copies}
    good = next((seen.data for seen in found.values() if seen.outcome == OK), None)
    recorded = []
    for copy in copies:
        seen, repaired = found[copy.store], None
        detail = seen.detail
        if seen.outcome in (DAMAGED, MISSING) and good is not None:
            try:
                repaired = packaging.stores[copy.store].put_locked(copy.object_key, good, package.retain_until) or ""
                detail += "; восстановлена из другой копии"
            except Exception as exc:
                detail += f"; восстановить не удалось: {reason_of(exc)}"
        if seen.outcome != OK:
            log.error("archive %s: the %s copy is %s: %s", package_id, copy.store, seen.outcome, detail)
        recorded.append((copy.store, seen.outcome, detail, repaired))
    with uow:
        for store, outcome, detail, repaired in recorded:
            uow.copies.checked(package_id, store, at=packaging.clock(), outcome=outcome, detail=detail,
                               repaired_version_id=repaired)
    return {store: outcome for store, outcome, _, _ in recorded}
