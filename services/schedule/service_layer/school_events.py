"""The school event calendar (S4, seed 004 §6.1-6.3): the deputy head (the school administrator, the director) keeps
the school's and classes' events — created, changed and cancelled, never deleted, each change published
(SchoolEventCreated, SchoolEventChanged, SchoolEventCancelled) — and everyone who may read the school's schedule lists
them; students and guardians only those for families. A student's diary lists the events of the student's class."""
from collections.abc import Mapping

from proto.schedule.v1 import schedule_pb2 as pb
from services.common.dates import parse_date
from services.common.db import parse_uuid
from services.common.errors import FailedPrecondition, Invalid, NotFound
from services.common.policy import FAMILY_ROLES, Principal
from services.common.scope import Scope
from services.schedule.adapters import protobuf
from services.schedule.adapters.school_event_store import columns, values_of
from services.schedule.adapters.tables import new_id
from services.schedule.domain import school_event as rules
from services.schedule.domain.lesson_status import CANCELLED  # an event is cancelled as a lesson is
from services.schedule.service_layer.unit_of_work import ScheduleUnitOfWork

NOT_FOUND = "Мероприятие не найдено"


def values_from(event: pb.SchoolEventInput) -> rules.SchoolEventValues:
    audience = event.audience
    return rules.school_event_values(event.title, event.kind, event.date, event.starts_at, event.ends_at, event.place,
                                     event.description, audience.scope, list(audience.grades),
                                     list(audience.class_group_ids), audience.people)


def families_only(principal: Principal) -> bool:
    """A student or guardian (and nothing else in the school) sees only the events for families."""
    return not principal.is_service and not (principal.roles - FAMILY_ROLES)


def _names(uow: ScheduleUnitOfWork, rows: list[Mapping]) -> dict[str, str]:
    ids = {i for row in rows for i in row["audience_class_group_ids"] or ()}
    return {i: row["name"] for i, row in uow.school_events.class_groups(ids).items()}


def _message(uow: ScheduleUnitOfWork, row: Mapping) -> pb.SchoolEvent:
    return protobuf.school_event(row, _names(uow, [row]))


def _check_classes(uow: ScheduleUnitOfWork, values: rules.SchoolEventValues) -> None:
    """The class groups of the audience are the school's."""
    wanted = values.audience.class_group_ids
    known = uow.school_events.class_groups(wanted)
    if set(wanted) - set(known):
        raise Invalid("audience.class_group_ids", "в этой школе нет такого класса")


def _found(uow: ScheduleUnitOfWork, event_id: str, lock: bool = False) -> Mapping:
    row = uow.school_events.get(event_id, lock)
    if row is None:
        raise NotFound(NOT_FOUND, {"school_event_id": "не найдено"})
    return row


def create_school_event(scope: Scope, uow: ScheduleUnitOfWork, event: pb.SchoolEventInput) -> pb.SchoolEvent:
    principal = scope.require("school_event.manage")
    values = values_from(event)
    with uow:
        _check_classes(uow, values)
        row = uow.school_events.add(dict(columns(values), id=new_id(), school_id=uow.school_id,
                                         created_by=principal.person_id or principal.subject))
        message = _message(uow, row)
        uow.publish(pb.SchoolEventCreated(event=message))
    return message


def update_school_event(scope: Scope, uow: ScheduleUnitOfWork, event_id: str,
                        event: pb.SchoolEventInput) -> pb.SchoolEvent:
    """Replaces every value of the event; a cancelled event is not changed. Nothing changed: nothing written."""
    scope.require("school_event.manage")
    event_id = parse_uuid(event_id, "school_event_id")
    values = values_from(event)
    with uow:
        row = _found(uow, event_id, lock=True)
        if row["status"] == CANCELLED:
            raise FailedPrecondition("Мероприятие отменено: его нельзя изменить", {"school_event_id": "отменено"})
        changed = rules.changed_fields(values_of(row), values)
        if not changed:
            return _message(uow, row)
        _check_classes(uow, values)
        row = uow.school_events.change(event_id, columns(values))
        message = _message(uow, row)
        uow.publish(pb.SchoolEventChanged(event=message, changed=changed))
    return message


def cancel_school_event(scope: Scope, uow: ScheduleUnitOfWork, event_id: str, reason: str) -> pb.SchoolEvent:
    """Cancels the event with the reason (kept, shown, published); once."""
    scope.require("school_event.manage")
    event_id = parse_uuid(event_id, "school_event_id")
    reason = rules.cancel_reason(reason)
    with uow:
        row = _found(uow, event_id, lock=True)
        if row["status"] == CANCELLED:
            raise FailedPrecondition("Мероприятие уже отменено", {"school_event_id": "уже отменено"})
        row = uow.school_events.change(event_id, {"status": CANCELLED, "cancel_reason": reason})
        message = _message(uow, row)
        uow.publish(pb.SchoolEventCancelled(event=message))
    return message


def get_school_event(scope: Scope, uow: ScheduleUnitOfWork, event_id: str) -> pb.SchoolEvent:
    principal = scope.require("schedule.read")
    event_id = parse_uuid(event_id, "school_event_id")
    with uow:
        row = _found(uow, event_id)
        if not rules.shown(values_of(row).audience, families_only=families_only(principal)):
            raise NotFound(NOT_FOUND, {"school_event_id": "не найдено"})
        return _message(uow, row)


def list_school_events(scope: Scope, uow: ScheduleUnitOfWork, date_from: str, date_to: str, class_group_id: str = "",
                       include_cancelled: bool = False) -> pb.ListSchoolEventsResponse:
    """The events dated from..to shown to the caller; with a class group only those of its audience."""
    principal = scope.require("schedule.read")
    start, end = parse_date(date_from, "date_from"), parse_date(date_to, "date_to")
    rules.list_period(start, end)
    class_group_id = parse_uuid(class_group_id, "class_group_id") if class_group_id else ""
    with uow:
        class_group = None
        if class_group_id:
            group = uow.class_groups.get(class_group_id)
            class_group = (group["id"], group["grade"])
        rows = [row for row in uow.school_events.between(start, end, include_cancelled)
                if rules.shown(values_of(row).audience, families_only=families_only(principal),
                               class_group=class_group)]
        names = _names(uow, rows)
    return pb.ListSchoolEventsResponse(events=[protobuf.school_event(row, names) for row in rows],
                                       kinds=[pb.SchoolEventKind(code=c, name=n) for c, n in rules.KINDS.items()])


def feed_events(uow: ScheduleUnitOfWork, feed: Mapping, teacher_classes: Mapping[str, int]) -> list[Mapping]:
    """The events a calendar feed carries (the unit of work open): a class group's feed those for families that
    include the class; a teacher's feed those for staff of the whole school or of a class the teacher has lessons in
    (`teacher_classes`: their ids and grades)."""
    rows = uow.school_events.of_open_years()
    if feed["teacher_id"]:
        return [r for r in rows if rules.shown(values_of(r).audience, families_only=False,
                                               staff_classes=teacher_classes)]
    group = uow.class_groups.get(feed["class_group_id"])
    return [r for r in rows if rules.shown(values_of(r).audience, families_only=True,
                                           class_group=(group["id"], group["grade"]))]

