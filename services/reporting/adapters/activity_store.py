"""The store of the weekly user-activity report's read models: the school's staff (rm_staff, upserted: an empty value
never overwrites a known one) and each actor's activity per day and kind (rm_activity, counts added in one statement
per run of events)."""
import datetime as dt
from collections import Counter

from sqlalchemy import select, update
from sqlalchemy.dialects.postgresql import insert
from sqlalchemy.orm import Session

from services.reporting.adapters.read_model_store import upsert
from services.reporting.adapters.tables import activity, staff
from services.reporting.domain.user_activity import Done, StaffMember


class ActivityStore:
    def __init__(self, session: Session, school_id: str):
        self.session, self.school_id = session, school_id

    def put_staff(self, member: StaffMember) -> None:
        upsert(self.session, self.school_id, staff, {"id": member.id},
               {"full_name": member.full_name, "roles": list(member.roles), "subject": member.subject})

    def put_login(self, person_id: str, subject: str) -> None:
        """The staff member's login (a person reporting keeps no staff row for is left alone)."""
        self.session.execute(update(staff).where(staff.c.id == person_id).values(subject=subject))

    def add(self, done: list[Done]) -> None:
        """Adds the counts (the same actor, day and kind summed first)."""
        summed = Counter()
        for d in done:
            summed[(d.actor, d.day, d.kind)] += d.count
        if not summed:
            return
        stmt = insert(activity).values([dict(school_id=self.school_id, actor=actor, day=day, kind=kind, count=count)
                                        for (actor, day, kind), count in sorted(summed.items())])
        self.session.execute(stmt.on_conflict_do_update(
            index_elements=["school_id", "actor", "day", "kind"], set_={"count": activity.c.count + stmt.excluded.count}))

    def staff(self) -> list[StaffMember]:
        return [StaffMember(r.id, r.full_name, tuple(r.roles), r.subject or "")
                for r in self.session.execute(select(staff).order_by(staff.c.full_name, staff.c.id))]

    def week(self, monday: dt.date, sunday: dt.date) -> list[Done]:
        return [Done(r.actor, r.day, r.kind, r.count) for r in self.session.execute(
            select(activity).where(activity.c.day.between(monday, sunday)))]

    def has_staff(self) -> bool:
        return self.session.scalar(select(staff.c.id).limit(1)) is not None
