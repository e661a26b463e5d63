"""A school's schedule policy stored as key/value rows (schedule_policy): read with the defaults of the keys not
stored (domain/schedule_policy.py), written a key at a time."""
from collections.abc import Mapping

from sqlalchemy import select
from sqlalchemy.dialects.postgresql import insert
from sqlalchemy.orm import Session

from services.schedule.adapters.tables import schedule_policy
from services.schedule.domain.schedule_policy import SchedulePolicy, from_stored


class SchedulePolicyStore:
    def __init__(self, session: Session, school_id: str):
        self.session, self.school_id = session, school_id

    def load(self) -> SchedulePolicy:
        return from_stored(dict(self.session.execute(select(schedule_policy.c.key, schedule_policy.c.value)).all()))

    def save(self, values: Mapping[str, object]) -> None:
        for key, value in values.items():
            statement = insert(schedule_policy).values(school_id=self.school_id, key=key, value=str(value))
            self.session.execute(statement.on_conflict_do_update(index_elements=["school_id", "key"],
                                                                 set_={"value": statement.excluded.value}))
