"""Students who left a class leave its subgroups (identity's movement events: a transfer, a leaver, a graduate, a
promotion, a cancelled order, each with the student's dated memberships after the change). Subgroup membership is
not dated: a student leaves the subgroups of every class no membership keeps them in on the event's effective date
or later, where the class still has days ahead (its year open and not ended before that date); the subgroups of a
closed or ended year stay as they were, as its journal reads them."""
import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass

from services.schedule.domain.class_membership import classes_kept
from services.schedule.service_layer.unit_of_work import ScheduleUnitOfWork


@dataclass(frozen=True)
class Movement:
    """A student's memberships (class_group_id, date_to) after a change effective on a date."""

    student_id: str
    effective_date: dt.date
    memberships: list[tuple[str, str]]


def students_moved(uow: ScheduleUnitOfWork, movements: Iterable[Movement]) -> None:
    """Each student leaves the subgroups of the classes they are no longer in (in the event's unit of work, which
    joins the consumer's transaction; deleting what is already gone changes nothing)."""
    with uow:
        for move in movements:
            uow.subgroups.leave_classes(move.student_id, classes_kept(move.memberships, move.effective_date),
                                        move.effective_date)
