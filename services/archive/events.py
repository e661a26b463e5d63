"""Consumer handlers: a year reporting has finished (ReportingYearReady: it has seen schedule's AcademicYearClosed
and every journal event of the year up to JournalYearClosed) requests its archive package, built later by the
builder. Schedule's AcademicYearClosed alone builds nothing: the read model may not have caught up yet."""
import uuid

from sqlalchemy import insert, select, update
from sqlalchemy.orm import Session

from proto.events.v1.envelope_pb2 import Envelope
from proto.reporting.v1 import reporting_pb2
from services.archive import domain
from services.archive.tables import packages
from services.common.consumer import EventHandlers

handlers = EventHandlers()


@handlers.on(reporting_pb2.ReportingYearReady)
def reporting_year_ready(session: Session, event: reporting_pb2.ReportingYearReady, env: Envelope) -> None:
    """One package per school and year: a new one is registered as building, a failed one is retried,
    a building or sealed one is left alone."""
    year_id = event.academic_year_id
    values = {"academic_year_name": event.academic_year_name, "class_group_ids": list(event.class_group_ids),
              "status": domain.BUILDING, "error": None}
    status = session.scalar(select(packages.c.status).where(packages.c.academic_year_id == year_id).with_for_update())
    if status is None:
        session.execute(insert(packages).values(id=str(uuid.uuid4()), school_id=env.school_id,
                                                academic_year_id=year_id, **values))
    elif status == domain.FAILED:
        session.execute(update(packages).where(packages.c.academic_year_id == year_id).values(**values))
