"""A cancelled movement order takes its students out of the subgroups of a class the order had put them in
(MovementOrderCancelled, with each student's memberships after the undo): a student leaves the subgroups of every
class they no longer have any membership of, where the class's year is open and lasts to the order's date (each
subgroup changed publishes SubgroupStudentsSet in the same transaction). A
transfer, a leaver, a graduate or a promotion changes no subgroup: the journal reads who was in the class on each
lesson's day, so the earlier subgroup lessons keep their students and marks."""
import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass

from proto.schedule.v1 import schedule_pb2 as pb
from services.schedule.adapters import protobuf
from services.schedule.domain.class_membership import classes_kept
from services.schedule.service_layer.unit_of_work import ScheduleUnitOfWork


@dataclass(frozen=True)
class Movement:
    """A student's classes (of their memberships) after an order effective on a date was cancelled."""

    student_id: str
    effective_date: dt.date
    class_group_ids: list[str]


def students_moved(uow: ScheduleUnitOfWork, movements: Iterable[Movement]) -> None:
    """Each student leaves the subgroups of the classes they no longer belong to, and each subgroup left publishes
    SubgroupStudentsSet with the students it keeps (in the event's unit of work, which joins the consumer's
    transaction; deleting what is already gone changes nothing and publishes nothing)."""
    with uow:
        left = set()
        for move in movements:
            left |= uow.subgroups.leave_classes(move.student_id, classes_kept(move.class_group_ids),
                                                move.effective_date)
        members = uow.subgroups.members(sorted(left))
        for subgroup_id in sorted(left):
            row = uow.subgroups.get(subgroup_id)
            uow.publish(pb.SubgroupStudentsSet(subgroup=protobuf.subgroup(row, members[subgroup_id])))
