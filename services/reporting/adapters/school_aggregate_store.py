"""The store of the municipal authority's aggregates: in a school's transaction (SchoolAggregateStore) the facts the
consumers keep for them (persons' kinds and activated accounts, sealed archives, the school marked changed), what the
refresher computes them from (the school's named years, its classes' lessons held and filled on time per day, the
accounts, the sealed years) and the rows it writes; across schools through the system session (AggregateReader, read
only) the schools changed since their last computation and the aggregates the authority reads."""
import datetime as dt
from decimal import Decimal

from sqlalchemy import Date, Text, cast, delete, func, select
from sqlalchemy.dialects.postgresql import insert
from sqlalchemy.orm import Session

from services.common.dates import SCHOOL_ZONE
from services.common.db import Database
from services.reporting.adapters.tables import (
    academic_years,
    aggregate_changes,
    class_groups,
    lessons,
    person_accounts,
    school_aggregates,
    schools,
    sealed_archives,
)
from services.reporting.domain.attendance_sheet import REASON_CODES
from services.reporting.domain.period_results import CATEGORIES, Rates
from services.reporting.domain.school_aggregates import Accounts, Aggregate

FAMILY = ("student", "guardian")


class SchoolAggregateStore:
    def __init__(self, session: Session, school_id: str):
        self.session, self.school_id = session, school_id

    def mark_changed(self) -> None:
        """The school's data changed: its aggregates are computed again by the refresher's next round."""
        stmt = insert(aggregate_changes).values(school_id=self.school_id)
        self.session.execute(stmt.on_conflict_do_update(index_elements=["school_id"], set_={
            "version": aggregate_changes.c.version + 1}))

    def claim(self) -> bool:
        """Whether this transaction computes the school's aggregates (another replica's refresher holding them: no;
        the events meanwhile are not held up)."""
        return self.session.scalar(select(func.pg_try_advisory_xact_lock(
            func.hashtextextended(f"school-aggregates:{self.school_id}", 0))))

    def put_person(self, person_id: str, kind: str, activated: bool) -> None:
        """A person's kind (an empty one changes nothing) and whether their account is activated (once it is, it
        stays so)."""
        stmt = insert(person_accounts).values(person_id=person_id, school_id=self.school_id, kind=kind,
                                              activated=activated)
        self.session.execute(stmt.on_conflict_do_update(index_elements=["person_id"], set_={
            "kind": func.coalesce(func.nullif(stmt.excluded.kind, ""), person_accounts.c.kind),
            "activated": person_accounts.c.activated | stmt.excluded.activated}))

    def put_sealed_archive(self, archive_id: str, academic_year_name: str) -> None:
        self.session.execute(insert(sealed_archives).values(
            archive_id=archive_id, school_id=self.school_id, academic_year_name=academic_year_name,
        ).on_conflict_do_nothing())

    def years(self) -> list[tuple[str, str]]:
        """(id, name) of the school's years the read model knows by name."""
        return [(str(r.id), r.name) for r in self.session.execute(
            select(academic_years.c.id, academic_years.c.name).where(academic_years.c.name != ""))]

    def lesson_days(self, academic_year_id: str) -> dict[str, list[tuple[dt.date, int, int]]]:
        """Per class of the year: (date, lessons held — not cancelled —, of them whose topic was first recorded by
        the end of the lesson's day in the schools' time zone)."""
        on_time = cast(func.timezone(str(SCHOOL_ZONE), lessons.c.recorded_at), Date) <= lessons.c.lesson_date
        rows = self.session.execute(
            select(cast(lessons.c.class_group_id, Text), lessons.c.lesson_date, func.count(),
                   func.count().filter(on_time))
            .join(class_groups, class_groups.c.id == lessons.c.class_group_id)
            .where(class_groups.c.academic_year_id == academic_year_id, lessons.c.cancelled.is_(False),
                   lessons.c.subject_id.is_not(None), lessons.c.lesson_date.is_not(None))
            .group_by(lessons.c.class_group_id, lessons.c.lesson_date)).all()
        days: dict[str, list[tuple[dt.date, int, int]]] = {}
        for class_group_id, day, held, filled in rows:
            days.setdefault(class_group_id, []).append((day, held, filled))
        return days

    def accounts(self) -> Accounts:
        family = person_accounts.c.kind.in_(FAMILY)
        staff = person_accounts.c.kind == "staff"
        activated = person_accounts.c.activated
        row = self.session.execute(select(
            func.count().filter(staff), func.count().filter(staff & activated),
            func.count().filter(family), func.count().filter(family & activated))).one()
        return Accounts(*row)

    def archives_sealed(self) -> int:
        return self.session.scalar(select(func.count(func.distinct(sealed_archives.c.academic_year_name))))

    def replace(self, year_names: list[str], rows: list[tuple[str, Aggregate]]) -> None:
        """The school's aggregates become `rows` ((year name, aggregate)); those of years no longer known go."""
        self.session.execute(delete(school_aggregates))
        if rows:
            self.session.execute(insert(school_aggregates), [
                {"school_id": self.school_id, "academic_year_name": year, **values(a)} for year, a in rows])

    def clear_changed(self, version: int) -> None:
        """The flag goes unless an event changed the school again meanwhile (its version moved on)."""
        self.session.execute(delete(aggregate_changes).where(aggregate_changes.c.version == version))


def number(text: str) -> Decimal | None:
    return Decimal(text) if text else None


def values(a: Aggregate) -> dict:
    return {
        "period_key": a.period_key, "grade": a.grade, "period_name": a.period_name, "date_from": a.date_from,
        "date_to": a.date_to, "classes": a.classes, "students": a.students, "categories": dict(a.rates.categories),
        "quality": number(a.quality), "pass_rate": number(a.pass_rate), "mark_sum": a.mark_sum,
        "mark_count": a.mark_count, "average": number(a.average), "lessons_missed": a.lessons_missed,
        "missed_by_reason": dict(zip(REASON_CODES, a.missed, strict=True)), "missed_per_student": number(a.missed_per_student),
        "lessons_to_date": a.lessons_to_date, "lessons_on_time": a.lessons_on_time, "fill_rate": number(a.fill_rate),
        "staff": a.accounts.staff, "staff_activated": a.accounts.staff_activated, "families": a.accounts.families,
        "families_activated": a.accounts.families_activated, "archives_sealed": a.archives_sealed,
    }


def aggregate(row) -> Aggregate:
    """A stored row as the aggregate it was written from (the rates from the counts)."""
    return Aggregate(
        row.period_key, row.period_name, row.date_from, row.date_to, row.grade, row.classes,
        Rates(tuple((code, int(row.categories.get(code, 0))) for code, _ in CATEGORIES)), Decimal(row.mark_sum),
        row.mark_count, tuple(int(row.missed_by_reason.get(code, 0)) for code in REASON_CODES), row.lessons_to_date,
        row.lessons_on_time, Accounts(row.staff, row.staff_activated, row.families, row.families_activated),
        row.archives_sealed)


class AggregateReader:
    """Every school's aggregates and change flags, read through the system session (nothing written)."""

    def __init__(self, db: Database):
        self.db = db

    def changed(self) -> list[tuple[str, int]]:
        """(school id, version) of the schools changed since their aggregates were computed."""
        with self.db.system_session() as session:
            return [(str(r[0]), r[1]) for r in session.execute(
                select(aggregate_changes.c.school_id, aggregate_changes.c.version)
                .order_by(aggregate_changes.c.school_id))]

    def school_names(self) -> dict[str, str]:
        with self.db.system_session() as session:
            return {str(r[0]): r[1] for r in session.execute(select(schools.c.school_id, schools.c.name))}

    def years(self) -> list[str]:
        """The academic years' names with aggregates, latest first."""
        with self.db.system_session() as session:
            return list(session.scalars(select(school_aggregates.c.academic_year_name).distinct()
                                        .order_by(school_aggregates.c.academic_year_name.desc())))

    def periods(self, year: str) -> list[tuple[str, dt.date | None, dt.date | None]]:
        """(period key, the earliest first day, the latest last day) of the year's periods over the schools."""
        with self.db.system_session() as session:
            return [tuple(r) for r in session.execute(
                select(school_aggregates.c.period_key, func.min(school_aggregates.c.date_from),
                       func.max(school_aggregates.c.date_to))
                .where(school_aggregates.c.academic_year_name == year, school_aggregates.c.grade == 0)
                .group_by(school_aggregates.c.period_key))]

    def of_period(self, year: str, period_key: str) -> tuple[dict[str, Aggregate], dt.datetime | None]:
        """The whole-school aggregates of the period by school, and when the oldest of them was computed."""
        with self.db.system_session() as session:
            rows = session.execute(select(school_aggregates).where(
                school_aggregates.c.academic_year_name == year, school_aggregates.c.period_key == period_key,
                school_aggregates.c.grade == 0)).all()
        return {str(r.school_id): aggregate(r) for r in rows}, min((r.computed_at for r in rows), default=None)

    def of_school(self, school_id: str, year: str) -> tuple[list[Aggregate], list[str], dt.datetime | None]:
        """The school's aggregates of the year (every period key and grade), the years it has aggregates of (latest
        first) and when they were computed."""
        with self.db.system_session() as session:
            mine = school_aggregates.c.school_id == school_id
            rows = session.execute(select(school_aggregates).where(
                mine, school_aggregates.c.academic_year_name == year)).all()
            years = list(session.scalars(select(school_aggregates.c.academic_year_name).distinct().where(mine)
                                         .order_by(school_aggregates.c.academic_year_name.desc())))
        return [aggregate(r) for r in rows], years, min((r.computed_at for r in rows), default=None)

