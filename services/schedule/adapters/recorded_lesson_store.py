"""Which lessons the journal has records for (marks, attendance, topic, homework), as its events told us: a recorded
lesson is kept, not cancelled, when the timetable or the calendar changes."""
from collections.abc import Iterable

from sqlalchemy import select
from sqlalchemy.dialects.postgresql import insert
from sqlalchemy.orm import Session

from services.schedule.adapters.tables import recorded_lessons


class RecordedLessonStore:
    def __init__(self, session: Session):
        self.session = session

    def mark(self, school_id: str, lesson_ids: Iterable[str]) -> None:
        """Marks the lessons recorded (in id order, so concurrent writers lock them in the same order)."""
        self.session.execute(insert(recorded_lessons).values([dict(school_id=school_id, lesson_id=lesson_id)
                                                               for lesson_id in sorted(set(lesson_ids))])
                             .on_conflict_do_nothing(index_elements=["lesson_id"]))

    def of(self, lesson_ids: Iterable[str]) -> set[str]:
        """Which of the lessons the journal has records for."""
        lesson_ids = list(lesson_ids)
        if not lesson_ids:
            return set()
        return set(self.session.scalars(select(recorded_lessons.c.lesson_id)
                                        .where(recorded_lessons.c.lesson_id.in_(lesson_ids))))
