"""The stores of the package registry (archive_packages), of the packages' copies (archive_copies), of the fixity
checks (fixity_checks) and of the acts of destruction (disposal_acts): the one place their SQL lives. The functions
at the end read across schools (the worker's system session) to find the work due; the work itself is done in each
school's tenant session."""
import datetime as dt
import uuid

from sqlalchemy import Row, and_, func, insert, or_, select, update
from sqlalchemy.dialects.postgresql import insert as pg_insert
from sqlalchemy.orm import Session

from services.archive.adapters.tables import copies, disposal_acts, fixity_checks, packages, policies
from services.archive.domain.archive_package import (
    AWAITING_SIGNATURE,
    BUILDING,
    DAMAGED,
    DISPOSED,
    FAILED,
    MISSING,
    PENDING,
    REPAIRED,
    SEALED,
    UNREACHABLE,
    PackageRequest,
)
from services.archive.domain.disposal import APPROVED, EXECUTED, PROPOSED
from services.archive.domain.semesters import Semester
from services.common.db import Database


class PackageStore:
    def __init__(self, session: Session, school_id: str):
        self.session, self.school_id = session, school_id

    def all(self) -> list[Row]:
        """The school's packages, newest first (the journals before the summary sheets of a year)."""
        return self.session.execute(select(packages).order_by(packages.c.created_at.desc(),
                                                              packages.c.record_class)).all()

    def get(self, archive_id: str) -> Row | None:
        return self.session.execute(select(packages).where(packages.c.id == archive_id)).first()

    def statuses_of_year(self, academic_year_id: str) -> dict[str, str]:
        """The whole year's packages' statuses by record class (their rows locked until the commit)."""
        return dict(self.session.execute(select(packages.c.record_class, packages.c.status)
                                         .where(packages.c.academic_year_id == academic_year_id,
                                                packages.c.period_id == "")
                                         .with_for_update()).all())

    def periods(self) -> set[str]:
        """The periods (semesters' term ids) that have a package."""
        return set(self.session.scalars(select(packages.c.period_id).where(packages.c.period_id != "")))

    def add_period(self, semester: Semester, record_class: str, class_group_ids: list[str]) -> None:
        """Registers a semester's package, waiting for the director's signature (once: a second is ignored)."""
        self.session.execute(pg_insert(packages).values(
            id=str(uuid.uuid4()), school_id=self.school_id, academic_year_id=semester.academic_year_id,
            record_class=record_class, academic_year_name=semester.academic_year_name, class_group_ids=class_group_ids,
            status=AWAITING_SIGNATURE, period_id=semester.term_id, period_name=semester.name,
            date_from=semester.start, date_to=semester.end).on_conflict_do_nothing())

    def add(self, request: PackageRequest, record_class: str) -> None:
        """Registers the year's package of a record class, waiting for the director's signature."""
        self.session.execute(insert(packages).values(
            id=str(uuid.uuid4()), school_id=self.school_id, academic_year_id=request.academic_year_id,
            record_class=record_class, academic_year_name=request.academic_year_name,
            class_group_ids=list(request.class_group_ids), status=AWAITING_SIGNATURE))

    def request_again(self, request: PackageRequest, record_class: str) -> None:
        """A failed package back to building (it was signed before it failed), with what the new request names."""
        self.session.execute(update(packages).where(packages.c.academic_year_id == request.academic_year_id,
                                                    packages.c.record_class == record_class,
                                                    packages.c.period_id == "",
                                                    packages.c.status == FAILED)
                             .values(academic_year_name=request.academic_year_name,
                                     class_group_ids=list(request.class_group_ids), status=BUILDING, error=None))

    def sign(self, archive_id: str, person_id: str, at: dt.datetime) -> Row | None:
        """The package waiting for its signature, signed by the director: to the builder. None if it was not waiting."""
        return self.session.execute(
            update(packages).where(packages.c.id == archive_id, packages.c.status == AWAITING_SIGNATURE)
            .values(status=BUILDING, signed_by=person_id, signed_at=at, error=None).returning(*packages.c)).first()

    def rebuild(self, archive_id: str) -> Row:
        """A failed package back to building."""
        return self.session.execute(update(packages).where(packages.c.id == archive_id)
                                    .values(status=BUILDING, error=None).returning(*packages.c)).first()

    def building(self, archive_id: str) -> Row | None:
        """The package if it is still to build, else None."""
        return self.session.execute(select(packages).where(packages.c.id == archive_id,
                                                           packages.c.status == BUILDING)).first()

    def seal(self, archive_id: str, *, bucket: str, object_key: str, version_id: str, sha256: str,
             retain_until: dt.date, software_version: str) -> Row | None:
        """The building package sealed where its primary copy was first stored; None if it was no longer building."""
        return self.session.execute(
            update(packages).where(packages.c.id == archive_id, packages.c.status == BUILDING)
            .values(status=SEALED, bucket=bucket, object_key=object_key, version_id=version_id, sha256=sha256,
                    retain_until=retain_until, software_version=software_version, error=None)
            .returning(*packages.c)).first()

    def fail(self, archive_id: str, error: str) -> None:
        self.session.execute(update(packages).where(packages.c.id == archive_id, packages.c.status == BUILDING)
                             .values(status=FAILED, error=error[:2000]))

    def sealed_until(self, last_day: dt.date) -> list[Row]:
        """The sealed packages whose retention ended on or before last_day, oldest first, locked until the commit (two
        proposals of an act at once wait for each other: the second then finds them listed)."""
        return self.session.execute(select(packages).where(packages.c.status == SEALED,
                                                           packages.c.retain_until <= last_day)
                                    .order_by(packages.c.retain_until, packages.c.created_at).with_for_update()).all()

    def dispose(self, package_ids: list[str]) -> None:
        self.session.execute(update(packages).where(packages.c.id.in_(package_ids), packages.c.status == SEALED)
                             .values(status=DISPOSED))


class CopyStore:
    """A package's copies, one per object store."""

    def __init__(self, session: Session, school_id: str):
        self.session, self.school_id = session, school_id

    def of(self, package_id: str) -> list[Row]:
        """The package's copies, the primary first."""
        return self.session.execute(select(copies).where(copies.c.package_id == package_id)
                                    .order_by(copies.c.store)).all()

    def of_packages(self, package_ids: list[str]) -> dict[str, list[Row]]:
        found: dict[str, list[Row]] = {package_id: [] for package_id in package_ids}
        for row in self.session.execute(select(copies).where(copies.c.package_id.in_(package_ids))
                                        .order_by(copies.c.store)).all():
            found[row.package_id].append(row)
        return found

    def get(self, package_id: str, store: str) -> Row | None:
        return self.session.execute(select(copies).where(copies.c.package_id == package_id,
                                                         copies.c.store == store)).first()

    def sealed(self, package_id: str, store: str, *, bucket: str, object_key: str, version_id: str,
               at: dt.datetime) -> None:
        """The copy is sealed in its store (a new row, or a pending one done)."""
        values = {"status": SEALED, "bucket": bucket, "object_key": object_key, "version_id": version_id,
                  "sealed_at": at, "last_error": None}
        if self.get(package_id, store) is None:
            self.session.execute(insert(copies).values(package_id=package_id, store=store, school_id=self.school_id,
                                                       **values))
        else:
            self.session.execute(update(copies).where(copies.c.package_id == package_id, copies.c.store == store)
                                 .values(attempts=copies.c.attempts + 1, **values))

    def pending(self, package_id: str, store: str, *, bucket: str, object_key: str, at: dt.datetime) -> None:
        """A copy still to write, due at once."""
        self.session.execute(insert(copies).values(package_id=package_id, store=store, school_id=self.school_id,
                                                   status=PENDING, bucket=bucket, object_key=object_key,
                                                   next_attempt_at=at))

    def failed(self, package_id: str, store: str, *, error: str, retry_at: dt.datetime) -> None:
        """A copy that could not be written: tried again at retry_at."""
        self.session.execute(update(copies).where(copies.c.package_id == package_id, copies.c.store == store,
                                                  copies.c.status == PENDING)
                             .values(attempts=copies.c.attempts + 1, next_attempt_at=retry_at,
                                     last_error=error[:2000]))

    def checked(self, package_id: str, store: str, *, at: dt.datetime, outcome: str, detail: str,
                repaired_version_id: str | None) -> None:
        """Records a fixity check of a sealed copy and, when it was repaired (repaired_version_id not None), the
        version now trusted."""
        self.session.execute(insert(fixity_checks).values(
            id=str(uuid.uuid4()), package_id=package_id, store=store, school_id=self.school_id, checked_at=at,
            outcome=outcome, detail=detail[:2000], repaired_version_id=repaired_version_id))
        values = {"checked_at": at, "check_outcome": outcome}
        if repaired_version_id is not None:
            values.update(version_id=repaired_version_id, check_outcome=REPAIRED)
        self.session.execute(update(copies).where(copies.c.package_id == package_id, copies.c.store == store)
                             .values(**values))

    def checks(self, package_id: str, limit: int = 20) -> list[Row]:
        """The package's latest fixity checks, newest first."""
        return self.session.execute(select(fixity_checks).where(fixity_checks.c.package_id == package_id)
                                    .order_by(fixity_checks.c.checked_at.desc(), fixity_checks.c.store)
                                    .limit(limit)).all()


class PolicyStore:
    """The school's archive policy (semester packages or not)."""

    def __init__(self, session: Session, school_id: str):
        self.session, self.school_id = session, school_id

    def semester_packages(self) -> bool:
        return bool(self.session.scalar(select(policies.c.semester_packages)))

    def set_semester_packages(self, wanted: bool, at: dt.datetime) -> None:
        self.session.execute(pg_insert(policies).values(school_id=self.school_id, semester_packages=wanted,
                                                        updated_at=at)
                             .on_conflict_do_update(index_elements=[policies.c.school_id],
                                                    set_={"semester_packages": wanted, "updated_at": at}))


class DisposalStore:
    """The school's acts of destruction."""

    def __init__(self, session: Session, school_id: str):
        self.session, self.school_id = session, school_id

    def all(self) -> list[Row]:
        """Newest first."""
        return self.session.execute(select(disposal_acts).order_by(disposal_acts.c.number.desc())).all()

    def get(self, act_id: str) -> Row | None:
        return self.session.execute(select(disposal_acts).where(disposal_acts.c.id == act_id)).first()

    def listed_package_ids(self) -> set[str]:
        """The packages some act already lists (proposed, approved or executed)."""
        return {package_id for ids in self.session.scalars(select(disposal_acts.c.package_ids)) for package_id in ids}

    def add(self, package_ids: list[str], content: dict, number: int, person_id: str, at: dt.datetime) -> Row:
        return self.session.execute(insert(disposal_acts).values(
            id=str(uuid.uuid4()), school_id=self.school_id, number=number, status=PROPOSED, package_ids=package_ids,
            content=content, proposed_by=person_id, proposed_at=at).returning(*disposal_acts.c)).first()

    def next_number(self) -> int:
        """The school's acts are numbered 1, 2, … (under the lock of the packages an act lists: see sealed_until)."""
        return (self.session.scalar(select(func.max(disposal_acts.c.number))) or 0) + 1

    def approve(self, act_id: str, by: str, at: dt.datetime) -> Row | None:
        """The proposed act approved; None if it was not proposed."""
        return self.session.execute(
            update(disposal_acts).where(disposal_acts.c.id == act_id, disposal_acts.c.status == PROPOSED)
            .values(status=APPROVED, approved_by=by, approved_at=at).returning(*disposal_acts.c)).first()

    def executed(self, act_id: str, at: dt.datetime) -> None:
        self.session.execute(update(disposal_acts).where(disposal_acts.c.id == act_id,
                                                         disposal_acts.c.status == APPROVED)
                             .values(status=EXECUTED, executed_at=at, error=None))

    def failed(self, act_id: str, error: str) -> None:
        self.session.execute(update(disposal_acts).where(disposal_acts.c.id == act_id)
                             .values(error=error[:2000]))


def pending(db: Database) -> list[tuple[str, str]]:
    """(school id, archive id) of every package still to build in every school, oldest first."""
    with db.system_session() as session:
        return [tuple(r) for r in session.execute(select(packages.c.school_id, packages.c.id)
                                                  .where(packages.c.status == BUILDING)
                                                  .order_by(packages.c.created_at)).all()]


def copies_due(db: Database, now: dt.datetime) -> list[tuple[str, str, str]]:
    """(school id, package id, store) of every pending copy of a sealed (not disposed) package whose next attempt is
    due."""
    with db.system_session() as session:
        return [tuple(r) for r in session.execute(
            select(copies.c.school_id, copies.c.package_id, copies.c.store)
            .join(packages, packages.c.id == copies.c.package_id)
            .where(packages.c.status == SEALED, copies.c.status == PENDING, copies.c.next_attempt_at <= now)
            .order_by(copies.c.next_attempt_at)).all()]


def fixity_due(db: Database, checked_before: dt.datetime, limit: int | None = None) -> list[tuple[str, str]]:
    """(school id, package id) of every sealed (not disposed) package one of whose sealed copies was not checked since
    checked_before (never checked counts from when it was sealed), the longest unchecked first; at most `limit`."""
    last = func.coalesce(copies.c.checked_at, copies.c.sealed_at)
    with db.system_session() as session:
        return [tuple(r) for r in session.execute(
            select(copies.c.school_id, copies.c.package_id).join(packages, packages.c.id == copies.c.package_id)
            .where(packages.c.status == SEALED, copies.c.status == SEALED, last < checked_before)
            .group_by(copies.c.school_id, copies.c.package_id).order_by(func.min(last)).limit(limit)).all()]


def alerts(db: Database) -> list[Row]:
    """Every school's copies whose last fixity check was not clean, or that wait to be written after a failed
    attempt, with their package's year and record class: the most recent first."""
    with db.system_session() as session:
        return session.execute(
            select(*copies.c, packages.c.academic_year_name, packages.c.record_class)
            .join(packages, packages.c.id == copies.c.package_id)
            .where(or_(copies.c.check_outcome.in_([DAMAGED, MISSING, REPAIRED, UNREACHABLE]),
                       and_(copies.c.status == PENDING, copies.c.attempts > 0)))
            .order_by(func.coalesce(copies.c.checked_at, copies.c.next_attempt_at).desc())).all()


def acts(db: Database, status: str) -> list[Row]:
    """Every school's acts in a state (the authority's approvals, the worker's executions), oldest first."""
    with db.system_session() as session:
        return session.execute(select(disposal_acts).where(disposal_acts.c.status == status)
                               .order_by(disposal_acts.c.proposed_at)).all()


def semester_schools(db: Database) -> list[str]:
    """The schools whose policy wants semester packages."""
    with db.system_session() as session:
        return list(session.scalars(select(policies.c.school_id).where(policies.c.semester_packages)))
