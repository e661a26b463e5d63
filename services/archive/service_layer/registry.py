"""The package registry for school managers: list, get, download after a fixity check, retry a failed build."""
import hashlib

from sqlalchemy import Row

from services.archive.domain import archive_package
from services.archive.service_layer.unit_of_work import ArchiveUnitOfWork, PackageStorage
from services.common.db import parse_uuid
from services.common.errors import FailedPrecondition, NotFound
from services.common.scope import Scope


def list_archives(scope: Scope, uow: ArchiveUnitOfWork) -> list[Row]:
    scope.require("archive.read")
    with uow:
        return uow.packages.all()


def _package(uow: ArchiveUnitOfWork, archive_id: str) -> Row:
    row = uow.packages.get(parse_uuid(archive_id, "archive_id"))
    if row is None:
        raise NotFound("Архив не найден", {"archive_id": "нет такого архива"})
    return row


def get_archive(archive_id: str, scope: Scope, uow: ArchiveUnitOfWork) -> Row:
    scope.require("archive.read")
    with uow:
        return _package(uow, archive_id)


def download_archive(archive_id: str, scope: Scope, uow: ArchiveUnitOfWork, storage: PackageStorage
                     ) -> tuple[str, bytes]:
    """The sealed package's zip (file name, bytes), read by its version id and checked against the registry."""
    scope.require("archive.read")
    with uow:
        row = _package(uow, archive_id)
    if row.status != archive_package.SEALED:
        raise FailedPrecondition("Архив ещё не сформирован", {"archive_id": f"состояние: {row.status}"})
    data = storage.get(row.object_key, row.version_id)
    if hashlib.sha256(data).hexdigest() != row.sha256:
        raise FailedPrecondition("Архив повреждён: контрольная сумма не совпадает с реестром",
                                 {"archive_id": "нарушена целостность"})
    return archive_package.archive_filename(row.academic_year_name, row.id), data


def retry_archive(archive_id: str, scope: Scope, uow: ArchiveUnitOfWork) -> Row:
    """Sends a package that failed to build back to the builder: a school manager decides to try again."""
    scope.require("year.close")
    with uow:
        row = _package(uow, archive_id)
        if not archive_package.may_rebuild(row.status):
            raise FailedPrecondition("Повторить можно только архив, который не удалось сформировать",
                                     {"archive_id": f"состояние: {row.status}"})
        return uow.packages.rebuild(row.id)
