"""The closed_years table: the academic years schedule closed, recorded once each (the rule: domain/closed_year.py;
the school's settings read them, adapters/settings_store.py)."""
import datetime as dt

from sqlalchemy.dialects.postgresql import insert
from sqlalchemy.orm import Session

from proto.schedule.v1 import schedule_pb2
from services.journal.adapters import writer_locks
from services.journal.adapters.tables import closed_years


class ClosedYearStore:
    def __init__(self, session: Session, school_id: str):
        self.session, self.school_id = session, school_id

    def lock(self) -> None:
        """The school's closed-years lock, exclusively: every change in progress commits first, none starts."""
        writer_locks.lock_closed_years(self.session, self.school_id, exclusive=True)

    def add(self, year: schedule_pb2.AcademicYear, class_group_ids: list[str], now: dt.datetime) -> bool:
        """Stores the year as closed; False when it was already."""
        return self.session.execute(insert(closed_years).values(
            school_id=self.school_id, academic_year_id=year.id, name=year.name, class_group_ids=class_group_ids,
            term_ids=[term.id for term in year.terms], closed_at=now)
            .on_conflict_do_nothing().returning(closed_years.c.academic_year_id)).first() is not None
