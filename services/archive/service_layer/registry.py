"""The package registry for school managers: list (with each package's copies), get (with its fixity checks),
download a good copy, retry a failed build; the director's signature that sends a package to the builder; and the
municipal operator's alerts (damaged, missing or long-pending copies of every school)."""
from collections.abc import Callable
from dataclasses import dataclass

from sqlalchemy import Row

from services.archive.domain import archive_package
from services.archive.service_layer.copies import good_copy
from services.archive.service_layer.fixity import check_package
from services.archive.service_layer.packaging import Packaging
from services.archive.service_layer.unit_of_work import ArchiveUnitOfWork, Schools
from services.common.db import parse_uuid
from services.common.errors import FailedPrecondition, NotFound
from services.common.policy import require_operator
from services.common.scope import Scope

ALERTS_OPERATOR_ONLY = "Сигналы о целостности архивов видит только оператор муниципалитета"


@dataclass(frozen=True)
class PackageView:
    """A package with its copies and (for one package) its latest fixity checks."""
    package: Row
    copies: list[Row]
    checks: list[Row]


@dataclass(frozen=True)
class ArchiveList:
    """The school's packages and what the caller may do with them."""
    packages: list[PackageView]
    may_sign: bool
    may_dispose: bool
    may_set_policy: bool


def list_archives(scope: Scope, uow: ArchiveUnitOfWork) -> ArchiveList:
    scope.require("archive.read")
    with uow:
        rows = uow.packages.all()
        copies = uow.copies.of_packages([row.id for row in rows])
    return ArchiveList([PackageView(row, copies[row.id], []) for row in rows], scope.allowed("archive.sign"),
                       scope.allowed("archive.dispose"), scope.allowed("archive_policy.manage"))


def _package(uow: ArchiveUnitOfWork, archive_id: str) -> Row:
    row = uow.packages.get(parse_uuid(archive_id, "archive_id"))
    if row is None:
        raise NotFound("Архив не найден", {"archive_id": "нет такого архива"})
    return row


def get_archive(archive_id: str, scope: Scope, uow: ArchiveUnitOfWork) -> PackageView:
    scope.require("archive.read")
    with uow:
        row = _package(uow, archive_id)
        return PackageView(row, uow.copies.of(row.id), uow.copies.checks(row.id))


def download_archive(archive_id: str, scope: Scope, uow: ArchiveUnitOfWork, packaging: Packaging
                     ) -> tuple[str, bytes]:
    """The sealed package's zip (file name, bytes): the first copy (the primary first) that reads back by its version
    id with the registry's checksum."""
    scope.require("archive.read")
    with uow:
        row = _package(uow, archive_id)
        copies = uow.copies.of(row.id)
    if row.status != archive_package.SEALED:
        raise FailedPrecondition("Архив ещё не сформирован", {"archive_id": f"состояние: {row.status}"})
    return archive_package.archive_filename(row.academic_year_name, row.record_class, row.id, row.period_name), \
        good_copy(row, copies, packaging)


def check_archive(archive_id: str, scope: Scope, units: Callable[[], ArchiveUnitOfWork], packaging: Packaging
                  ) -> PackageView:
    """Checks every sealed copy of the package now (as the fixity job does every period) and shows the result."""
    view = get_archive(archive_id, scope, units())
    check_package(view.package.id, units(), packaging)
    return get_archive(archive_id, scope, units())


def retry_archive(archive_id: str, scope: Scope, uow: ArchiveUnitOfWork) -> Row:
    """Sends a package that failed to build back to the builder: a school manager decides to try again."""
    scope.require("year.close")
    with uow:
        row = _package(uow, archive_id)
        if not archive_package.may_rebuild(row.status):
            raise FailedPrecondition("Повторить можно только архив, который не удалось сформировать",
                                     {"archive_id": f"состояние: {row.status}"})
        return uow.packages.rebuild(row.id)


def sign_archive(archive_id: str, scope: Scope, uow: ArchiveUnitOfWork, packaging: Packaging) -> Row:
    """The director confirms a package that waits for the signature: the builder builds it and signs it with the
    director's certificate (and the installation's). The school card must carry the INN and OGRN the package and
    the certificate name."""
    scope.require("archive.sign")
    with uow:
        row = _package(uow, archive_id)
    if not archive_package.may_sign(row.status):
        raise FailedPrecondition("Подписать можно только архив, который ожидает подписи директора",
                                 {"archive_id": f"состояние: {row.status}"})
    _require_registration(packaging.schools, row.school_id)
    if not scope.principal.person_id:
        raise FailedPrecondition("Подписывающий не найден среди сотрудников школы", {"archive_id": "нет карточки"})
    with uow:
        signed = uow.packages.sign(row.id, scope.principal.person_id, packaging.clock())
        if signed is None:
            raise FailedPrecondition("Архив уже подписан", {"archive_id": "подписан другим запросом"})
        return signed


def _require_registration(schools: Schools, school_id: str) -> None:
    card = schools.card(school_id)
    missing = {field: "не указан в карточке школы" for field, value in (("inn", card.inn), ("ogrn", card.ogrn))
               if not value}
    if missing:
        raise FailedPrecondition("В карточке школы не указаны ИНН или ОГРН: заполните их, затем подпишите архив",
                                 missing)


def archive_alerts(read_alerts: Callable[[], list[Row]]) -> list[Row]:
    """The copies of every school whose last fixity check was not clean (damaged, missing, repaired, out of reach),
    or that wait to be written after failed attempts: for the municipal operator only."""
    require_operator(ALERTS_OPERATOR_ONLY)
    return read_alerts()
