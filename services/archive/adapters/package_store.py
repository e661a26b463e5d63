"""The store of the package registry (archive_packages): the one place its SQL lives."""
import datetime as dt
import uuid

from sqlalchemy import Row, insert, select, update
from sqlalchemy.orm import Session

from services.archive.adapters.tables import packages
from services.archive.domain.archive_package import BUILDING, FAILED, SEALED, PackageRequest
from services.common.db import Database


class PackageStore:
    def __init__(self, session: Session, school_id: str):
        self.session, self.school_id = session, school_id

    def all(self) -> list[Row]:
        """The school's packages, newest first."""
        return self.session.execute(select(packages).order_by(packages.c.created_at.desc())).all()

    def get(self, archive_id: str) -> Row | None:
        return self.session.execute(select(packages).where(packages.c.id == archive_id)).first()

    def status_of_year(self, academic_year_id: str) -> str | None:
        """The year's package's status (its row locked until the commit), None when it has none."""
        return self.session.scalar(select(packages.c.status).where(packages.c.academic_year_id == academic_year_id)
                                   .with_for_update())

    def add(self, request: PackageRequest) -> None:
        """Registers the year's package as building."""
        self.session.execute(insert(packages).values(id=str(uuid.uuid4()), school_id=self.school_id,
                                                     academic_year_id=request.academic_year_id,
                                                     **self._requested(request)))

    def request_again(self, request: PackageRequest) -> None:
        """The year's package back to building, with what the new request names."""
        self.session.execute(update(packages).where(packages.c.academic_year_id == request.academic_year_id)
                             .values(**self._requested(request)))

    @staticmethod
    def _requested(request: PackageRequest) -> dict:
        return {"academic_year_name": request.academic_year_name, "class_group_ids": list(request.class_group_ids),
                "status": BUILDING, "error": None}

    def rebuild(self, archive_id: str) -> Row:
        """A package back to building."""
        return self.session.execute(update(packages).where(packages.c.id == archive_id)
                                    .values(status=BUILDING, error=None).returning(*packages.c)).first()

    def building(self, archive_id: str) -> Row | None:
        """The package if it is still to build, else None."""
        return self.session.execute(select(packages).where(packages.c.id == archive_id,
                                                           packages.c.status == BUILDING)).first()

    def seal(self, archive_id: str, *, bucket: str, object_key: str, version_id: str, sha256: str,
             retain_until: dt.date) -> Row | None:
        """The building package sealed with where it is stored; None if it was no longer building."""
        return self.session.execute(
            update(packages).where(packages.c.id == archive_id, packages.c.status == BUILDING)
            .values(status=SEALED, bucket=bucket, object_key=object_key, version_id=version_id,
                    sha256=sha256, retain_until=retain_until, error=None)
            .returning(*packages.c)).first()

    def fail(self, archive_id: str, error: str) -> None:
        self.session.execute(update(packages).where(packages.c.id == archive_id, packages.c.status == BUILDING)
                             .values(status=FAILED, error=error[:2000]))


def pending(db: Database) -> list[tuple[str, str]]:
    """(school id, archive id) of every package still to build in every school, oldest first."""
    with db.system_session() as session:
        return [tuple(r) for r in session.execute(select(packages.c.school_id, packages.c.id)
                                                  .where(packages.c.status == BUILDING)
                                                  .order_by(packages.c.created_at)).all()]

