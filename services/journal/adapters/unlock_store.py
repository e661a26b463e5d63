"""The unlock_requests table (J6): a teacher's request to reopen a closed lesson and its decision."""
import datetime as dt

from sqlalchemy import insert, select, update
from sqlalchemy.orm import Session

from services.journal.adapters.tables import unlock_requests

MAX_LISTED = 500


class UnlockStore:
    def __init__(self, session: Session):
        self.session = session

    def pending(self, lesson_id: str, teacher_id: str) -> str | None:
        """The id of the teacher's pending request for the lesson (locked until the transaction ends), or None."""
        return self.session.scalar(select(unlock_requests.c.id).where(
            unlock_requests.c.lesson_id == lesson_id, unlock_requests.c.teacher_id == teacher_id,
            unlock_requests.c.status == "pending").with_for_update())

    def add(self, row: dict) -> None:
        self.session.execute(insert(unlock_requests).values(row))

    def get(self, request_id: str) -> dict | None:
        """The request, locked until the transaction ends."""
        row = self.session.execute(select(unlock_requests).where(unlock_requests.c.id == request_id)
                                   .with_for_update()).mappings().first()
        return dict(row) if row else None

    def decide(self, request_id: str, decided: dict) -> None:
        self.session.execute(update(unlock_requests).where(unlock_requests.c.id == request_id).values(decided))

    def move(self, lesson_id: str, date: dt.date) -> None:
        """The lesson's requests take its new date (schedule's LessonMoved)."""
        self.session.execute(update(unlock_requests).where(unlock_requests.c.lesson_id == lesson_id,
                                                           unlock_requests.c.lesson_date != date).values(lesson_date=date))

    def list(self, status: str) -> list[dict]:
        """The school's requests, newest first (at most MAX_LISTED); status "" lists every status."""
        query = select(unlock_requests).order_by(unlock_requests.c.requested_at.desc()).limit(MAX_LISTED)
        if status:
            query = query.where(unlock_requests.c.status == status)
        return [dict(row) for row in self.session.execute(query).mappings()]
