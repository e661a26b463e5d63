"""The journal's records of lessons (marks, attendance, topic, homework), as its events tell them: a recorded lesson
is kept, not cancelled, when the timetable or the calendar changes."""
from collections.abc import Iterable

from sqlalchemy.orm import Session

from services.common.scope import Scope
from services.schedule.adapters.recorded_lessons import RecordedLessons


def lessons_recorded(scope: Scope, session: Session, lesson_ids: Iterable[str]) -> None:
    """Marks the lessons recorded, in the consumer's transaction (the one that keeps the events' inbox rows)."""
    RecordedLessons(session).mark(scope.school_id, lesson_ids)
