"""The next years opened from source years (OpenNextYear): one per source year, with its class successions."""
from collections.abc import Mapping

from sqlalchemy import insert, select
from sqlalchemy.orm import Session

from services.schedule.adapters.tables import year_transitions


class YearTransitionStore:
    def __init__(self, session: Session):
        self.session = session

    def of_source(self, source_year_id: str) -> Mapping | None:
        """The transition from the source year (None: none yet)."""
        return self.session.execute(select(year_transitions)
                                    .where(year_transitions.c.source_year_id == source_year_id)).mappings().first()

    def add(self, row: Mapping) -> None:
        self.session.execute(insert(year_transitions).values(row))
