"""The next year's structure at the year transition (A2, OpenNextYear; identity's TransitionYear asks for it with
the deputy head's token, or with its own): from a closed year, or one whose last term is over at the school, a new
year with the source's terms shifted by whole years (as CopyAcademicYear, year_copy.py); every class but the 9th
and 11th grades continued as grade + 1 with its letter (domain/class_succession.py) with its profile, subgroups
(without students), teaching assignments and curriculum hours; the school's new classes created empty; the
timetable in force on the source's last day copied to the continued classes as draft lines (no lessons until
PublishTimetableDraft). Once per source year: a second call returns the first one's result, resumed. All in one
transaction, with AcademicYearCreated, a ClassGroupCreated per class and NextYearOpened."""
from collections.abc import Mapping, Sequence

from proto.schedule.v1 import schedule_pb2 as pb
from services.common.db import parse_uuid
from services.common.errors import FailedPrecondition
from services.common.scope import Scope
from services.schedule.adapters import protobuf
from services.schedule.adapters.tables import new_id
from services.schedule.domain import calendar
from services.schedule.domain.class_succession import next_classes
from services.schedule.service_layer import lesson_dates
from services.schedule.service_layer.unit_of_work import ScheduleUnitOfWork
from services.schedule.service_layer.year_copy import (
    CarriedStructure,
    carry_structure,
    insert_shifted_year,
    source_year,
)


def open_next_year(scope: Scope, uow: ScheduleUnitOfWork, source_year_id: str, name: str,
                   new_classes: Sequence[tuple[int, str]]) -> pb.OpenNextYearResponse:
    """Managers (schedule.manage) and the services' account (identity's TransitionYear), this call only."""
    if not scope.principal.is_service:
        scope.require("schedule.manage")
    source_year_id = parse_uuid(source_year_id, "source_year_id")
    with uow:
        source = source_year(uow, source_year_id, lock=True)  # a second call waits for the first
        done = uow.year_transitions.of_source(source_year_id)
        if done:
            return reply(uow, done, resumed=True)
        require_over(uow, source)
        old = uow.year_structures.of_year(source_year_id)
        classes = next_classes(old.class_groups, new_classes)
        year = insert_shifted_year(uow, source, name)
        carried = carry_structure(uow, old, year.id, classes)
        draft_timetable(uow, source, year.id, carried)
        successions = [dict(source_class_group_id=source_id, class_group_id=group_id)
                       for source_id, group_id in carried.group_of.items()]
        transition = dict(school_id=uow.school_id, source_year_id=source_year_id, target_year_id=year.id,
                          successions=successions)
        uow.year_transitions.add(transition)
        message = reply(uow, transition, resumed=False)
        uow.publish(pb.NextYearOpened(source_year_id=source_year_id, academic_year=message.academic_year,
                                      successions=message.successions))
    return message


def require_over(uow: ScheduleUnitOfWork, source: Mapping) -> None:
    """The source year is closed or its last term ended before today at the school (FailedPrecondition)."""
    last_day = max(term["end_date"] for term in uow.academic_years.terms_of(source["id"]))
    if source["status"] != "closed" and last_day >= uow.today():
        raise FailedPrecondition(f"Учебный год {source['name']} ещё идёт: его последний учебный период заканчивается "
                                 f"{calendar.day_label(last_day)}; закройте год или дождитесь окончания периода",
                                 {"source_year_id": "год не закрыт и не окончен"})


def draft_timetable(uow: ScheduleUnitOfWork, source: Mapping, year_id: str, carried: CarriedStructure) -> None:
    """The lines of the continued classes in force on the source's last day, as draft lines of their successors
    for the whole new year (same weekday, lesson number, times, subject, teacher, room; the subgroup's successor)."""
    rows = [dict(id=new_id(), school_id=uow.school_id, academic_year_id=year_id,
                 class_group_id=carried.group_of[e["class_group_id"]], subject_id=e["subject_id"],
                 teacher_id=e["teacher_id"], weekday=e["weekday"], lesson_number=e["lesson_number"],
                 starts_at=e["starts_at"], ends_at=e["ends_at"], room=e["room"],
                 subgroup_id=carried.part_of.get(e["subgroup_id"]), room_id=e["room_id"],
                 bell_schedule_id=e["bell_schedule_id"], starts_on=None, ends_before=None, draft=True)
            for e in uow.timetable_entries.of_year_named(source["id"])
            if e["class_group_id"] in carried.group_of and lesson_dates.in_force(e, source["end_date"])]
    if rows:
        uow.timetable_entries.add_many(rows)


def reply(uow: ScheduleUnitOfWork, transition: Mapping, resumed: bool) -> pb.OpenNextYearResponse:
    """The transition's new year with its terms and class groups, and the successions."""
    year_id = transition["target_year_id"]
    return pb.OpenNextYearResponse(
        academic_year=protobuf.academic_year(uow.academic_years.get(year_id), uow.academic_years.terms_of(year_id)),
        class_groups=[protobuf.class_group(row) for row in uow.class_groups.of_year(year_id)],
        successions=[pb.ClassSuccession(**s) for s in transition["successions"]], resumed=resumed)
