"""The store of the school's messaging policy (messaging_policy: one row per school once it changed a value)."""
import dataclasses
import datetime as dt

from sqlalchemy import select
from sqlalchemy.dialects.postgresql import insert as pg_insert
from sqlalchemy.orm import Session

from services.messaging.adapters.tables import messaging_policy
from services.messaging.domain.messaging_policy import MessagingPolicy

FIELDS = [f.name for f in dataclasses.fields(MessagingPolicy)]


class PolicyStore:
    def __init__(self, session: Session, school_id: str):
        self.session, self.school_id = session, school_id

    def load(self, for_update: bool = False) -> MessagingPolicy:
        """The school's policy (the defaults until it changed one)."""
        query = select(*(messaging_policy.c[name] for name in FIELDS))
        row = self.session.execute(query.with_for_update() if for_update else query).first()
        return MessagingPolicy(**row._mapping) if row else MessagingPolicy()

    def save(self, policy: MessagingPolicy, now: dt.datetime) -> None:
        values = {**dataclasses.asdict(policy), "updated_at": now}
        self.session.execute(pg_insert(messaging_policy).values(school_id=self.school_id, **values)
                             .on_conflict_do_update(index_elements=["school_id"], set_=values))
