"""Consumer handlers: a closed academic year requests its archive package (built later by the builder)."""
import uuid

from sqlalchemy import insert, select, update
from sqlalchemy.orm import Session

from proto.events.v1.envelope_pb2 import Envelope
from proto.schedule.v1 import schedule_pb2
from services.archive import domain
from services.archive.tables import packages
from services.common.consumer import EventHandlers

handlers = EventHandlers()


@handlers.on(schedule_pb2.AcademicYearClosed)
def academic_year_closed(session: Session, event: schedule_pb2.AcademicYearClosed, env: Envelope) -> None:
    """One package per school and year: a new one is registered as building, a failed one is retried,
    a building or sealed one is left alone."""
    year = event.academic_year
    values = {"academic_year_name": year.name, "class_group_ids": list(event.class_group_ids),
              "status": domain.BUILDING, "error": None}
    status = session.scalar(select(packages.c.status).where(packages.c.academic_year_id == year.id).with_for_update())
    if status is None:
        session.execute(insert(packages).values(id=str(uuid.uuid4()), school_id=env.school_id,
                                                academic_year_id=year.id, **values))
    elif status == domain.FAILED:
        session.execute(update(packages).where(packages.c.academic_year_id == year.id).values(**values))
