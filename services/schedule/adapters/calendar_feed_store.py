"""Calendar feeds: finding one by its token's hash, the one read across schools (a feed is fetched without a user
token, so its school is known only once the feed is found); and, in the school's transaction, storing, revoking
and reading a feed's lessons."""
from collections.abc import Mapping

from sqlalchemy import func, insert, select, update
from sqlalchemy.orm import Session

from services.common.db import Database
from services.schedule.adapters.tables import academic_years, calendar_feeds, class_groups, lessons, subjects


class CalendarFeedTokens:
    def __init__(self, db: Database):
        self.db = db

    def live_feed(self, token_hash: str) -> Mapping | None:
        """The feed of the token, unless it was revoked."""
        with self.db.system_session() as session:
            return session.execute(select(calendar_feeds).where(calendar_feeds.c.token_hash == token_hash,
                                                                calendar_feeds.c.revoked_at.is_(None))).mappings().first()


class CalendarFeedStore:
    def __init__(self, session: Session):
        self.session = session

    def add(self, row: Mapping) -> None:
        self.session.execute(insert(calendar_feeds).values(row))

    def get(self, feed_id: str) -> Mapping | None:
        return self.session.execute(select(calendar_feeds).where(calendar_feeds.c.id == feed_id)).mappings().first()

    def revoke(self, feed_id: str) -> Mapping:
        """Revokes the feed now; returns it revoked."""
        return self.session.execute(update(calendar_feeds).where(calendar_feeds.c.id == feed_id)
                                    .values(revoked_at=func.now()).returning(calendar_feeds)).mappings().one()

    def lessons(self, feed: Mapping) -> list[Mapping]:
        """The lessons of the feed's class group, or those its teacher gives (their own and their substitutions), of
        open academic years, with their subject's and class group's names (and the class's grade), in date and lesson
        order."""
        query = (select(lessons, subjects.c.name.label("subject_name"), class_groups.c.name.label("class_group_name"),
                        class_groups.c.grade.label("class_grade"))
                 .join(subjects, subjects.c.id == lessons.c.subject_id)
                 .join(class_groups, class_groups.c.id == lessons.c.class_group_id)
                 .join(academic_years, academic_years.c.id == class_groups.c.academic_year_id)
                 .where(academic_years.c.status == "open")
                 .order_by(lessons.c.date, lessons.c.lesson_number, lessons.c.class_group_id))
        if feed["teacher_id"]:
            query = query.where((lessons.c.teacher_id == feed["teacher_id"])
                                | (lessons.c.substitute_teacher_id == feed["teacher_id"]))
        else:
            query = query.where(lessons.c.class_group_id == feed["class_group_id"])
        return list(self.session.execute(query).mappings().all())
