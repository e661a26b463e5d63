"""What the service keeps of identity's and schedule's events (guardianships, directory_names): whose guardians a
student has, and the names of people, subjects and terms that notices and threads show."""
import datetime as dt

from sqlalchemy import select
from sqlalchemy.dialects.postgresql import insert as pg_insert
from sqlalchemy.orm import Session

from services.messaging.adapters.tables import directory_names, guardianships

PERSON, SUBJECT, TERM = "person", "subject", "term"


class DirectoryStore:
    def __init__(self, session: Session, school_id: str):
        self.session, self.school_id = session, school_id

    def link_guardian(self, guardian_id: str, student_id: str, now: dt.datetime) -> bool:
        """Keeps the guardianship; False when it was known already."""
        return self.session.execute(pg_insert(guardianships).values(
            school_id=self.school_id, guardian_id=guardian_id, student_id=student_id, linked_at=now)
            .on_conflict_do_nothing().returning(guardianships.c.guardian_id)).first() is not None

    def guardians_of(self, student_ids: list[str]) -> dict[str, list[str]]:
        """student -> their guardians (as linked, oldest first)."""
        found: dict[str, list[str]] = {s: [] for s in student_ids}
        for row in self.session.execute(select(guardianships).where(guardianships.c.student_id.in_(student_ids))
                                        .order_by(guardianships.c.linked_at, guardianships.c.guardian_id)):
            found[row.student_id].append(row.guardian_id)
        return found

    def children_of(self, guardian_id: str) -> list[str]:
        """The guardian's children in the school (as linked, oldest first)."""
        return list(self.session.scalars(select(guardianships.c.student_id)
                                         .where(guardianships.c.guardian_id == guardian_id)
                                         .order_by(guardianships.c.linked_at, guardianships.c.student_id)))

    def name(self, kind: str, object_id: str, name: str) -> None:
        if not name or not object_id:
            return
        statement = pg_insert(directory_names).values(school_id=self.school_id, kind=kind, id=object_id, name=name)
        self.session.execute(statement.on_conflict_do_update(index_elements=["school_id", "kind", "id"],
                                                             set_={"name": name}))

    def names(self, kind: str, ids: list[str]) -> dict[str, str]:
        ids = [i for i in dict.fromkeys(ids) if i]
        if not ids:
            return {}
        return dict(self.session.execute(select(directory_names.c.id, directory_names.c.name).where(
            directory_names.c.kind == kind, directory_names.c.id.in_(ids))).all())
