"""The work_types table: the school's work types and their weights (defaults while none are stored)."""
import datetime as dt

from sqlalchemy import insert, select
from sqlalchemy.dialects.postgresql import insert as pg_insert
from sqlalchemy.orm import Session

from services.common.mark_average import DEFAULTS, WorkType, effective
from services.journal.adapters.tables import work_types


class WorkTypeStore:
    def __init__(self, session: Session):
        self.session = session

    def load(self) -> list[WorkType]:
        """The work types of the session's school, in a stable order (defaults while none are stored)."""
        rows = self.session.execute(select(work_types.c.code, work_types.c.name, work_types.c.weight)
                                    .order_by(work_types.c.code)).all()
        return effective(WorkType(r.code, r.name, r.weight) for r in rows)

    def lock_stored(self, school_id: str, now: dt.datetime) -> None:
        """Locks the school's work types until the transaction ends; a school still on the defaults gets them
        stored, so that its list stays whole after one changes."""
        if not self.session.execute(select(work_types.c.code).with_for_update()).scalars().all():
            self.session.execute(insert(work_types), [dict(school_id=school_id, code=w.code, name=w.name,
                                                           weight=w.weight, updated_at=now) for w in DEFAULTS])

    def put(self, school_id: str, wanted: WorkType, now: dt.datetime) -> None:
        values = dict(name=wanted.name, weight=wanted.weight, updated_at=now)
        self.session.execute(pg_insert(work_types).values(school_id=school_id, code=wanted.code, **values)
                             .on_conflict_do_update(index_elements=["school_id", "code"], set_=values))
