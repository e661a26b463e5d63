"""The journal's records of lessons (marks, attendance, topic, homework), as its events tell them: a recorded lesson
is kept, not cancelled, when the timetable or the calendar changes."""
from collections.abc import Iterable

from services.common.scope import Scope
from services.schedule.adapters.recorded_lesson_store import RecordedLessonStore


def lessons_recorded(scope: Scope, recorded: RecordedLessonStore, lesson_ids: Iterable[str]) -> None:
    """Marks the lessons of the event's school recorded (the store works in the consumer's transaction, the one
    that keeps the events' inbox rows)."""
    recorded.mark(scope.school_id, lesson_ids)
