"""A new academic year with the structure of an earlier one (S1): its terms shifted by whole years, its class
groups, their subgroups (without students: a new year's classes are enrolled anew in identity), curriculum profiles
with their hours (and the classes following them), curriculum hours and teaching assignments. Holidays, day
transfers, the timetable and thematic plans differ every year and are not copied. The year transition
(next_year.py) builds its new year with the same parts, from a list of the new year's classes."""
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from proto.schedule.v1 import schedule_pb2 as pb
from services.common.db import parse_uuid
from services.common.errors import Invalid, NotFound
from services.common.scope import Scope
from services.schedule.adapters import protobuf
from services.schedule.adapters.tables import new_id
from services.schedule.adapters.year_structure_store import YearStructure
from services.schedule.domain import academic_year
from services.schedule.domain.academic_year import TermInput, shifted
from services.schedule.domain.class_succession import NextClass, same_classes
from services.schedule.service_layer.academic_years import insert_academic_year
from services.schedule.service_layer.unit_of_work import ScheduleUnitOfWork


@dataclass(frozen=True)
class CarriedStructure:
    """A new year's structure as written, with the new id of each source class group and subgroup carried."""

    structure: YearStructure
    group_of: dict[str, str]
    part_of: dict[str, str]


def copy_academic_year(scope: Scope, uow: ScheduleUnitOfWork, source_year_id: str, name: str) -> pb.CopyAcademicYearResponse:
    scope.require("schedule.manage")
    source_year_id = parse_uuid(source_year_id, "source_year_id")
    with uow:
        source = source_year(uow, source_year_id)
        message = insert_shifted_year(uow, source, name)
        old = uow.year_structures.of_year(source_year_id)
        new = carry_structure(uow, old, message.id, same_classes(old.class_groups)).structure
    return pb.CopyAcademicYearResponse(academic_year=message, class_groups=len(new.class_groups),
                                       subgroups=len(new.subgroups), curriculum_rows=len(new.curriculum_hours),
                                       assignments=len(new.teaching_assignments), profiles=len(new.profiles))


def source_year(uow: ScheduleUnitOfWork, source_year_id: str, lock: bool = False) -> Mapping:
    """The year a new one is made from (NotFound on source_year_id); lock: its row locked until commit."""
    source = uow.academic_years.get(source_year_id, lock)
    if source is None:
        raise NotFound("Учебный год не найден", {"source_year_id": "не найден"})
    return source


def insert_shifted_year(uow: ScheduleUnitOfWork, source: Mapping, name: str) -> pb.AcademicYear:
    """Writes the year `name` (a later year than the source) with the source's dates and terms shifted by whole
    years, and its AcademicYearCreated event."""
    match = academic_year.YEAR_NAME.fullmatch((name or "").strip())
    if not match:
        raise Invalid("name", "ожидается название вида 2026/2027")
    years = int(match[1]) - source["start_date"].year
    if years <= 0:
        raise Invalid("name", f"новый учебный год должен быть позже {source['name']}")
    old_terms = uow.academic_years.terms_of(source["id"])
    plan = academic_year.academic_year(name, shifted(source["start_date"], years).isoformat(),
                                       shifted(source["end_date"], years).isoformat(),
                                       [TermInput(t["name"], t["kind"], shifted(t["start_date"], years).isoformat(),
                                                  shifted(t["end_date"], years).isoformat(), t["grade_from"],
                                                  t["grade_to"]) for t in old_terms])
    return insert_academic_year(uow, plan)


def carry_structure(uow: ScheduleUnitOfWork, old: YearStructure, year_id: str,
                    classes: Sequence[NextClass]) -> CarriedStructure:
    """Writes the new year's class groups (a ClassGroupCreated event each) and copies of the old year's profiles;
    a class continuing a source class keeps that class's profile (its copy, while the profile is for the class's
    grade), subgroups (without students) and teaching assignments, and every class takes the curriculum hours of
    its hours_from class."""
    source = {g["id"]: g for g in old.class_groups}
    profile_of = {p["id"]: new_id() for p in old.profiles}
    grades_of = {p["id"]: range(p["grade_from"], p["grade_to"] + 1) for p in old.profiles}
    group_of = {c.source_id: new_id() for c in classes if c.source_id}
    part_of = {p["id"]: new_id() for p in old.subgroups if p["class_group_id"] in group_of}
    hours_to: dict[str, list[str]] = {}
    groups = []
    for c in classes:
        group_id = group_of[c.source_id] if c.source_id else new_id()
        if c.hours_from:
            hours_to.setdefault(c.hours_from, []).append(group_id)
        followed = source[c.source_id]["profile_id"] if c.source_id else None
        profile = profile_of[followed] if followed and c.grade in grades_of[followed] else None
        groups.append(dict(id=group_id, school_id=uow.school_id, academic_year_id=year_id, grade=c.grade,
                           name=c.name, profile_id=profile))
    new = YearStructure(
        class_groups=groups,
        profiles=[dict(p, id=profile_of[p["id"]], academic_year_id=year_id) for p in old.profiles],
        profile_hours=[dict(h, id=new_id(), profile_id=profile_of[h["profile_id"]]) for h in old.profile_hours],
        subgroups=[dict(id=part_of[p["id"]], school_id=uow.school_id, class_group_id=group_of[p["class_group_id"]],
                        name=p["name"]) for p in old.subgroups if p["id"] in part_of],
        curriculum_hours=[dict(id=new_id(), school_id=uow.school_id, class_group_id=group_id,
                               subject_id=h["subject_id"], hours_per_week=h["hours_per_week"])
                          for h in old.curriculum_hours for group_id in hours_to.get(h["class_group_id"], ())],
        teaching_assignments=[dict(id=new_id(), school_id=uow.school_id, teacher_id=a["teacher_id"],
                                   subject_id=a["subject_id"], class_group_id=group_of[a["class_group_id"]],
                                   subgroup_id=part_of.get(a["subgroup_id"]))
                              for a in old.teaching_assignments if a["class_group_id"] in group_of])
    uow.year_structures.add(new)
    for row in new.class_groups:
        uow.publish(pb.ClassGroupCreated(class_group=protobuf.class_group(row)))
    uow.publish_all([pb.CurriculumHoursSet(hours=protobuf.curriculum_hours(row, ""))
                     for row in new.curriculum_hours])
    return CarriedStructure(new, group_of, part_of)
