"""Finding a calendar feed by its token's hash: the one read across schools (a feed is fetched without a user token,
so its school is known only once the feed is found)."""
from collections.abc import Mapping

from sqlalchemy import select

from services.common.db import Database
from services.schedule.adapters.tables import calendar_feeds


class CalendarFeedTokens:
    def __init__(self, db: Database):
        self.db = db

    def live_feed(self, token_hash: str) -> Mapping | None:
        """The feed of the token, unless it was revoked."""
        with self.db.system_session() as session:
            return session.execute(select(calendar_feeds).where(calendar_feeds.c.token_hash == token_hash,
                                                                calendar_feeds.c.revoked_at.is_(None))).mappings().first()
