"""The store of students' dated class memberships (domain.class_membership): it owns the SQL of class_memberships;
the unit of work opens it on its transaction."""
import datetime as dt
import uuid
from collections import defaultdict
from collections.abc import Collection

import sqlalchemy as sa
from sqlalchemy import delete, func, insert, select
from sqlalchemy.orm import Session

from services.identity.adapters.tables import class_memberships, persons
from services.identity.domain.class_membership import Membership, oldest_first

M = class_memberships.c


def memberships_of_person() -> sa.ScalarSelect:
    """The memberships of the person of the outer query, as a JSON array (NULL when none): a column of a card."""
    return select(func.json_agg(func.json_build_object(
        "class_group_id", M.class_group_id, "date_from", M.date_from, "date_to", M.date_to, "order_id", M.order_id,
    ))).where(M.student_id == persons.c.id).scalar_subquery()


def memberships_from_json(items) -> list[Membership]:
    """The memberships of a card's JSON column, oldest first."""
    return oldest_first([Membership(
        str(item["class_group_id"]),
        dt.date.fromisoformat(item["date_from"]) if item["date_from"] else None,
        dt.date.fromisoformat(item["date_to"]) if item["date_to"] else None,
        str(item["order_id"]) if item["order_id"] else None) for item in items or ()])


def covering(day: dt.date):
    """A condition: the membership covers the day."""
    return sa.and_(sa.or_(M.date_from.is_(None), M.date_from <= day), sa.or_(M.date_to.is_(None), M.date_to >= day))


def in_class(class_group_ids: Collection[str], on_date: dt.date | None = None, not_over: dt.date | None = None):
    """A condition on the person of the outer query: a student who ever belonged to one of the class groups
    (on_date: in it that day; not_over: in it that day or later)."""
    query = select(M.id).where(M.student_id == persons.c.id, M.class_group_id.in_(class_group_ids))
    if on_date:
        query = query.where(covering(on_date))
    if not_over:
        query = query.where(sa.or_(M.date_to.is_(None), M.date_to >= not_over))
    return query.exists()


class ClassMembershipStore:
    def __init__(self, session: Session, school_id: str):
        self.session, self.school_id = session, school_id

    def of(self, student_ids: list[str]) -> dict[str, list[Membership]]:
        """Each student's memberships, oldest first (an empty list for a student in no class)."""
        found = defaultdict(list)
        for row in self.session.execute(select(class_memberships).where(M.student_id.in_(student_ids))):
            found[row.student_id].append(Membership(row.class_group_id, row.date_from, row.date_to, row.order_id))
        return {student_id: oldest_first(found[student_id]) for student_id in student_ids}

    def replace(self, student_id: str, memberships: list[Membership]) -> None:
        """The student's memberships are now these."""
        self.session.execute(delete(class_memberships).where(M.student_id == student_id))
        self.add(student_id, memberships)

    def add(self, student_id: str, memberships: list[Membership]) -> None:
        if memberships:
            self.session.execute(insert(class_memberships), [dict(
                school_id=self.school_id, id=str(uuid.uuid4()), student_id=student_id, **vars(m))
                for m in memberships])

    def students_on(self, class_group_ids: list[str], day: dt.date, staying: bool = False) -> list:
        """The students in the class groups on the day, by name: class_group_id, id and name of each; `staying`:
        only those no order has moved on since (their membership has no end: not a summer leaver)."""
        return self.session.execute(
            select(M.class_group_id, persons.c.id, persons.c.last_name, persons.c.first_name, persons.c.middle_name)
            .join(persons, persons.c.id == M.student_id)
            .where(M.class_group_id.in_(class_group_ids), covering(day), *([M.date_to.is_(None)] if staying else []))
            .order_by(persons.c.last_name, persons.c.first_name, persons.c.middle_name, persons.c.id)).all()
