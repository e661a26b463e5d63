"""The store of the year-end barrier (rm_year_closings, see services.reporting.domain.year_closing): one row per
school and year with the halves seen.

The upsert locks the year's row, so two transactions recording the two halves at the same time (two replicas)
are serialised and the second sees the first's half: the event is neither lost nor written twice."""
from sqlalchemy import func, literal_column, update
from sqlalchemy.dialects.postgresql import insert
from sqlalchemy.orm import Session

from services.reporting.adapters.tables import year_closings
from services.reporting.domain.year_closing import YearClosing, YearClosingHalf

# the class groups named by either event
MERGED_CLASS_GROUPS = literal_column(
    "ARRAY(SELECT DISTINCT g FROM unnest(rm_year_closings.class_group_ids || excluded.class_group_ids) AS g ORDER BY g)")


class YearClosingStore:
    def __init__(self, session: Session, school_id: str):
        self.session, self.school_id = session, school_id

    def record(self, half: YearClosingHalf) -> YearClosing:
        """Records one half of the barrier; the year's closing as it is now (its row locked until the commit)."""
        stmt = insert(year_closings).values(school_id=self.school_id, academic_year_id=half.academic_year_id,
                                            name=half.name, class_group_ids=sorted(set(half.class_group_ids)),
                                            **{half.half: True})
        row = self.session.execute(stmt.on_conflict_do_update(index_elements=["school_id", "academic_year_id"], set_={
            half.half: True, "class_group_ids": MERGED_CLASS_GROUPS,
            "name": func.coalesce(func.nullif(stmt.excluded.name, ""), year_closings.c.name)})
            .returning(*year_closings.c)).first()
        return YearClosing(row.academic_year_id, row.name, tuple(row.class_group_ids), row.schedule_closed,
                           row.journal_closed, row.ready_at is not None)

    def mark_ready(self, academic_year_id: str) -> None:
        self.session.execute(update(year_closings).where(year_closings.c.school_id == self.school_id,
                                                         year_closings.c.academic_year_id == academic_year_id)
                             .values(ready_at=func.now()))
