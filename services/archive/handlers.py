"""Archive service layer: the package registry (list, get, download after a fixity check) and the
state changes of a package being built (sealed with its ArchiveSealed event, or failed)."""
import datetime as dt
import hashlib

from sqlalchemy import select, update

from proto.archive.v1 import archive_pb2
from services.archive import domain
from services.archive.storage import ArchiveStore
from services.archive.tables import packages
from services.common import policy
from services.common.db import Database, parse_uuid
from services.common.errors import FailedPrecondition, NotFound
from services.common.outbox import Outbox
from services.common.policy import Principal


def package_message(row) -> archive_pb2.ArchivePackage:
    return archive_pb2.ArchivePackage(
        id=row.id, school_id=row.school_id, academic_year_id=row.academic_year_id,
        academic_year_name=row.academic_year_name, status=row.status, bucket=row.bucket or "",
        object_key=row.object_key or "", version_id=row.version_id or "", sha256=row.sha256 or "",
        retain_until=row.retain_until.isoformat() if row.retain_until else "",
        created_at=row.created_at.isoformat(), error=row.error or "")


def list_archives(db: Database, principal: Principal, school_id: str) -> list[archive_pb2.ArchivePackage]:
    policy.require(principal, "archive.read")
    with db.tenant_session(school_id) as session:
        rows = session.execute(select(packages).order_by(packages.c.created_at.desc())).all()
    return [package_message(r) for r in rows]


def _package(session, archive_id: str):
    row = session.execute(select(packages).where(packages.c.id == parse_uuid(archive_id, "archive_id"))).first()
    if row is None:
        raise NotFound("Архив не найден", {"archive_id": "нет такого архива"})
    return row


def get_archive(db: Database, principal: Principal, school_id: str, archive_id: str) -> archive_pb2.ArchivePackage:
    policy.require(principal, "archive.read")
    with db.tenant_session(school_id) as session:
        return package_message(_package(session, archive_id))


def download_archive(db: Database, store: ArchiveStore, principal: Principal, school_id: str,
                     archive_id: str) -> tuple[str, bytes]:
    """The sealed package's zip (file name, bytes), read by its version id and checked against the registry."""
    policy.require(principal, "archive.read")
    with db.tenant_session(school_id) as session:
        row = _package(session, archive_id)
    if row.status != domain.SEALED:
        raise FailedPrecondition("Архив ещё не сформирован", {"archive_id": f"состояние: {row.status}"})
    data = store.get(row.object_key, row.version_id)
    if hashlib.sha256(data).hexdigest() != row.sha256:
        raise FailedPrecondition("Архив повреждён: контрольная сумма не совпадает с реестром",
                                 {"archive_id": "нарушена целостность"})
    return domain.archive_filename(row.academic_year_name, row.id), data


def retry_archive(db: Database, principal: Principal, school_id: str, archive_id: str) -> archive_pb2.ArchivePackage:
    """Sends a package that failed to build back to the builder: a school manager decides to try again."""
    policy.require(principal, "year.close")
    with db.tenant_session(school_id) as session:
        row = _package(session, archive_id)
        if row.status != domain.FAILED:
            raise FailedPrecondition("Повторить можно только архив, который не удалось сформировать",
                                     {"archive_id": f"состояние: {row.status}"})
        row = session.execute(update(packages).where(packages.c.id == row.id)
                              .values(status=domain.BUILDING, error=None).returning(*packages.c)).first()
    return package_message(row)


def pending_packages(db: Database) -> list[tuple[str, str]]:
    """(school id, archive id) of every package still to build, oldest first."""
    with db.system_session() as session:
        return [tuple(r) for r in session.execute(select(packages.c.school_id, packages.c.id)
                                                  .where(packages.c.status == domain.BUILDING)
                                                  .order_by(packages.c.created_at)).all()]


def building_package(db: Database, school_id: str, archive_id: str):
    """The package row if it is still to build, else None."""
    with db.tenant_session(school_id) as session:
        return session.execute(select(packages).where(packages.c.id == archive_id,
                                                      packages.c.status == domain.BUILDING)).first()


def seal_package(db: Database, outbox: Outbox, school_id: str, archive_id: str, *, bucket: str, object_key: str,
                 version_id: str, sha256: str, retain_until: dt.date) -> None:
    with db.tenant_session(school_id) as session:
        row = session.execute(
            update(packages).where(packages.c.id == archive_id, packages.c.status == domain.BUILDING)
            .values(status=domain.SEALED, bucket=bucket, object_key=object_key, version_id=version_id,
                    sha256=sha256, retain_until=retain_until, error=None)
            .returning(*packages.c)).first()
        if row is not None:
            outbox.add(session, school_id, archive_pb2.ArchiveSealed(package=package_message(row)))


def fail_package(db: Database, school_id: str, archive_id: str, error: str) -> None:
    with db.tenant_session(school_id) as session:
        session.execute(update(packages).where(packages.c.id == archive_id, packages.c.status == domain.BUILDING)
                        .values(status=domain.FAILED, error=error[:2000]))
