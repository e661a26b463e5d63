"""School events: the SQL of `school_events` — stored, changed, cancelled (never deleted), read one by one, by dates,
and the class groups an audience names."""
import datetime as dt
from collections.abc import Collection, Mapping

from sqlalchemy import func, insert, select, update
from sqlalchemy.orm import Session

from services.schedule.adapters.tables import academic_years, class_groups, school_events
from services.schedule.domain.school_event import Audience, SchoolEventValues


def columns(values: SchoolEventValues) -> dict:
    """The table's columns of an event's values."""
    audience = values.audience
    return {"title": values.title, "kind": values.kind, "date": values.date, "starts_at": values.starts_at,
            "ends_at": values.ends_at, "place": values.place, "description": values.description,
            "audience_scope": audience.scope, "audience_grades": list(audience.grades),
            "audience_class_group_ids": list(audience.class_group_ids), "audience_people": audience.people}


def values_of(row: Mapping) -> SchoolEventValues:
    """An event's values as stored."""
    return SchoolEventValues(
        row["title"], row["kind"], row["date"], row["starts_at"], row["ends_at"], row["place"], row["description"],
        Audience(row["audience_scope"], tuple(row["audience_grades"] or ()),
                 tuple(row["audience_class_group_ids"] or ()), row["audience_people"]))


class SchoolEventStore:
    def __init__(self, session: Session):
        self.session = session

    def add(self, row: Mapping) -> Mapping:
        """Stores the event; returns it as stored."""
        return self.session.execute(insert(school_events).values(row).returning(school_events)).mappings().one()

    def get(self, event_id: str, lock: bool = False) -> Mapping | None:
        query = select(school_events).where(school_events.c.id == event_id)
        return self.session.execute(query.with_for_update() if lock else query).mappings().first()

    def change(self, event_id: str, values: dict) -> Mapping:
        """Writes the values, counts the revision up; returns the event as stored."""
        return self.session.execute(
            update(school_events).where(school_events.c.id == event_id)
            .values(**values, revision=school_events.c.revision + 1, updated_at=func.now())
            .returning(school_events)).mappings().one()

    def between(self, date_from: dt.date, date_to: dt.date, include_cancelled: bool = False) -> list[Mapping]:
        """The events dated from..to, by date, then time (all-day first), then title."""
        query = (select(school_events).where(school_events.c.date.between(date_from, date_to))
                 .order_by(school_events.c.date, school_events.c.starts_at.asc().nulls_first(), school_events.c.title))
        if not include_cancelled:
            query = query.where(school_events.c.status == "scheduled")
        return list(self.session.execute(query).mappings().all())

    def of_open_years(self) -> list[Mapping]:
        """Every event (cancelled ones too) dated on or after the first day of the school's earliest open academic
        year — what calendar feeds carry; none without an open year."""
        first = select(func.min(academic_years.c.start_date)).where(academic_years.c.status == "open").scalar_subquery()
        return list(self.session.execute(
            select(school_events).where(school_events.c.date >= first)
            .order_by(school_events.c.date, school_events.c.starts_at.asc().nulls_first())).mappings().all())

    def class_groups(self, class_group_ids: Collection[str]) -> dict[str, Mapping]:
        """The class groups of the ids that exist in the school (id, name, grade), by id."""
        if not class_group_ids:
            return {}
        rows = self.session.execute(select(class_groups.c.id, class_groups.c.name, class_groups.c.grade)
                                    .where(class_groups.c.id.in_(list(class_group_ids)))).mappings().all()
        return {row["id"]: row for row in rows}
