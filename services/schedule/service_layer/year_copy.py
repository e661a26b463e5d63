"""A new academic year with the structure of an earlier one (S1): its terms shifted by whole years, its class
groups, their subgroups (without students: a new year's classes are enrolled anew in identity), curriculum profiles
with their hours (and the classes following them), curriculum hours and teaching assignments. Holidays, day
transfers, the timetable and thematic plans differ every year and are not copied."""
from sqlalchemy import insert, select

from proto.schedule.v1 import schedule_pb2 as pb
from services.common.db import parse_uuid
from services.common.errors import Invalid, NotFound
from services.common.scope import Scope
from services.schedule.adapters import messages
from services.schedule.adapters.tables import (
    academic_years,
    class_groups,
    curriculum_hours,
    curriculum_profiles,
    new_id,
    profile_hours,
    subgroups,
    teaching_assignments,
    terms,
)
from services.schedule.domain import academic_year
from services.schedule.domain.academic_year import TermInput, shifted
from services.schedule.service_layer.academic_years import insert_academic_year
from services.schedule.service_layer.unit_of_work import ScheduleUnitOfWork


def copy_academic_year(scope: Scope, uow: ScheduleUnitOfWork, source_year_id: str, name: str) -> pb.CopyAcademicYearResponse:
    scope.require("schedule.manage")
    source_year_id = parse_uuid(source_year_id, "source_year_id")
    match = academic_year.YEAR_NAME.fullmatch((name or "").strip())
    with uow:
        session = uow.session
        source = session.execute(select(academic_years).where(academic_years.c.id == source_year_id)).mappings().first()
        if source is None:
            raise NotFound("Учебный год не найден", {"source_year_id": "не найден"})
        if not match:
            raise Invalid("name", "ожидается название вида 2026/2027")
        years = int(match[1]) - source["start_date"].year
        if years <= 0:
            raise Invalid("name", f"новый учебный год должен быть позже {source['name']}")
        old_terms = session.execute(select(terms).where(terms.c.academic_year_id == source_year_id)).mappings().all()
        plan = academic_year.academic_year(name, shifted(source["start_date"], years).isoformat(),
                                           shifted(source["end_date"], years).isoformat(),
                                           [TermInput(t["name"], t["kind"], shifted(t["start_date"], years).isoformat(),
                                                      shifted(t["end_date"], years).isoformat(), t["grade_from"],
                                                      t["grade_to"]) for t in old_terms])
        message = insert_academic_year(uow, plan)

        groups = session.execute(select(class_groups).where(class_groups.c.academic_year_id == source_year_id)
                                 .order_by(class_groups.c.grade, class_groups.c.name)).mappings().all()
        profiles = session.execute(select(curriculum_profiles).where(
            curriculum_profiles.c.academic_year_id == source_year_id)).mappings().all()
        profile_of = {p["id"]: new_id() for p in profiles}
        standard = session.execute(select(profile_hours)
                                   .where(profile_hours.c.profile_id.in_(list(profile_of)))).mappings().all()
        group_of = {g["id"]: new_id() for g in groups}
        group_rows = [dict(id=group_of[g["id"]], school_id=uow.school_id, academic_year_id=message.id, grade=g["grade"],
                           name=g["name"], profile_id=profile_of.get(g["profile_id"])) for g in groups]
        parts = session.execute(select(subgroups).where(subgroups.c.class_group_id.in_(list(group_of)))).mappings().all()
        part_of = {p["id"]: new_id() for p in parts}
        hours = session.execute(select(curriculum_hours)
                                .where(curriculum_hours.c.class_group_id.in_(list(group_of)))).mappings().all()
        assignments = session.execute(select(teaching_assignments)
                                      .where(teaching_assignments.c.class_group_id.in_(list(group_of)))).mappings().all()
        inserts = [
            (curriculum_profiles, [dict(p, id=profile_of[p["id"]], academic_year_id=message.id) for p in profiles]),
            (profile_hours, [dict(h, id=new_id(), profile_id=profile_of[h["profile_id"]]) for h in standard]),
            (class_groups, group_rows),
            (subgroups, [dict(id=part_of[p["id"]], school_id=uow.school_id, class_group_id=group_of[p["class_group_id"]],
                              name=p["name"]) for p in parts]),
            (curriculum_hours, [dict(id=new_id(), school_id=uow.school_id, class_group_id=group_of[h["class_group_id"]],
                                     subject_id=h["subject_id"], hours_per_week=h["hours_per_week"]) for h in hours]),
            (teaching_assignments, [dict(id=new_id(), school_id=uow.school_id, teacher_id=a["teacher_id"],
                                         subject_id=a["subject_id"], class_group_id=group_of[a["class_group_id"]],
                                         subgroup_id=part_of.get(a["subgroup_id"])) for a in assignments]),
        ]
        for table, rows in inserts:
            if rows:
                session.execute(insert(table), rows)
        for row in group_rows:
            uow.publish(pb.ClassGroupCreated(class_group=messages.class_group(row)))
    return pb.CopyAcademicYearResponse(academic_year=message, class_groups=len(group_rows), subgroups=len(parts),
                                       curriculum_rows=len(hours), assignments=len(assignments), profiles=len(profiles))
