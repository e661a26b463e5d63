"""The year-end barrier: a closed year's summary sheets are final once reporting has seen both schedule's
AcademicYearClosed and the journal's JournalYearClosed (every journal event of the year precedes the latter on the
journal topic, so reporting has applied them all). They come on different topics, in either order; the second one
writes ReportingYearReady through the outbox in the same transaction, once per year.

The upsert locks the year's row, so two transactions recording the two halves at the same time (two replicas)
are serialised and the second sees the first's half: the event is neither lost nor written twice."""
from sqlalchemy import func, literal_column, update
from sqlalchemy.dialects.postgresql import insert
from sqlalchemy.orm import Session

from proto.reporting.v1 import reporting_pb2
from services.common.outbox import Outbox
from services.reporting.tables import year_closings

SCHEDULE, JOURNAL = "schedule_closed", "journal_closed"
# the class groups named by either event (both name the same ones: the journal copies schedule's list)
MERGED_CLASS_GROUPS = literal_column(
    "ARRAY(SELECT DISTINCT g FROM unnest(rm_year_closings.class_group_ids || excluded.class_group_ids) AS g ORDER BY g)")


def record(session: Session, outbox: Outbox, school_id: str, academic_year_id: str, name: str,
           class_group_ids: list[str], source: str) -> bool:
    """Records one half of the barrier; True if this completed it and ReportingYearReady was written."""
    stmt = insert(year_closings).values(school_id=school_id, academic_year_id=academic_year_id, name=name,
                                        class_group_ids=sorted(set(class_group_ids)), **{source: True})
    row = session.execute(stmt.on_conflict_do_update(index_elements=["school_id", "academic_year_id"], set_={
        source: True, "class_group_ids": MERGED_CLASS_GROUPS,
        "name": func.coalesce(func.nullif(stmt.excluded.name, ""), year_closings.c.name)})
        .returning(*year_closings.c)).first()
    if not (row.schedule_closed and row.journal_closed) or row.ready_at is not None:
        return False
    session.execute(update(year_closings).where(year_closings.c.school_id == school_id,
                                                year_closings.c.academic_year_id == academic_year_id)
                    .values(ready_at=func.now()))
    outbox.add(session, school_id, reporting_pb2.ReportingYearReady(
        school_id=school_id, academic_year_id=academic_year_id, academic_year_name=row.name,
        class_group_ids=list(row.class_group_ids)))
    return True
