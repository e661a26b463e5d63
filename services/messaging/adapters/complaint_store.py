"""The store of complaints and of their audited readings (complaints, complaint_readings, both append-only)."""
from sqlalchemy import Row, and_, func, insert, select
from sqlalchemy.orm import Session

from services.messaging.adapters.tables import complaint_readings, complaints, threads


class ComplaintStore:
    def __init__(self, session: Session, school_id: str):
        self.session, self.school_id = session, school_id

    def add(self, row: dict) -> None:
        self.session.execute(insert(complaints).values(school_id=self.school_id, **row))

    def get(self, complaint_id: str) -> Row | None:
        return self.session.execute(select(complaints).where(complaints.c.id == complaint_id)).first()

    def listed(self, filed_by: str = "") -> list[Row]:
        """The school's complaints (one person's when given), newest first, with how often each was read."""
        readings = (select(complaint_readings.c.complaint_id, func.count().label("readings"))
                    .group_by(complaint_readings.c.complaint_id).subquery())
        query = (select(complaints, func.coalesce(readings.c.readings, 0).label("readings"), threads.c.student_id)
                 .select_from(complaints.outerjoin(readings, readings.c.complaint_id == complaints.c.id).join(
                     threads, and_(threads.c.school_id == complaints.c.school_id,
                                   threads.c.id == complaints.c.thread_id)))
                 .order_by(complaints.c.created_at.desc(), complaints.c.id))
        if filed_by:
            query = query.where(complaints.c.filed_by == filed_by)
        return self.session.execute(query).all()

    def record_reading(self, row: dict) -> None:
        self.session.execute(insert(complaint_readings).values(school_id=self.school_id, **row))

    def readings(self) -> list[Row]:
        return self.session.execute(select(complaint_readings).order_by(complaint_readings.c.read_at.desc(),
                                                                        complaint_readings.c.id)).all()
