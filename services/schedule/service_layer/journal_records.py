"""The journal's records of lessons (marks, attendance, topic, homework), as its events tell them: a recorded lesson
is kept, not cancelled, when the timetable or the calendar changes."""
from collections.abc import Iterable

from services.schedule.service_layer.unit_of_work import ScheduleUnitOfWork


def lessons_recorded(uow: ScheduleUnitOfWork, lesson_ids: Iterable[str]) -> None:
    """Marks the lessons recorded (in the event's unit of work, which joins the consumer's transaction: the one that
    keeps the events' inbox rows)."""
    with uow:
        uow.recorded_lessons.mark(uow.school_id, lesson_ids)
