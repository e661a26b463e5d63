"""A new academic year with the structure of an earlier one (S1): its terms shifted by whole years, its class
groups, their subgroups (without students: a new year's classes are enrolled anew in identity), curriculum profiles
with their hours (and the classes following them), curriculum hours and teaching assignments. Holidays, day
transfers, the timetable and thematic plans differ every year and are not copied."""
from proto.schedule.v1 import schedule_pb2 as pb
from services.common.db import parse_uuid
from services.common.errors import Invalid, NotFound
from services.common.scope import Scope
from services.schedule.adapters import protobuf
from services.schedule.adapters.tables import new_id
from services.schedule.adapters.year_structure_store import YearStructure
from services.schedule.domain import academic_year
from services.schedule.domain.academic_year import TermInput, shifted
from services.schedule.service_layer.academic_years import insert_academic_year
from services.schedule.service_layer.unit_of_work import ScheduleUnitOfWork


def copy_academic_year(scope: Scope, uow: ScheduleUnitOfWork, source_year_id: str, name: str) -> pb.CopyAcademicYearResponse:
    scope.require("schedule.manage")
    source_year_id = parse_uuid(source_year_id, "source_year_id")
    match = academic_year.YEAR_NAME.fullmatch((name or "").strip())
    with uow:
        source = uow.academic_years.get(source_year_id)
        if source is None:
            raise NotFound("Учебный год не найден", {"source_year_id": "не найден"})
        if not match:
            raise Invalid("name", "ожидается название вида 2026/2027")
        years = int(match[1]) - source["start_date"].year
        if years <= 0:
            raise Invalid("name", f"новый учебный год должен быть позже {source['name']}")
        old_terms = uow.academic_years.terms_of(source_year_id)
        plan = academic_year.academic_year(name, shifted(source["start_date"], years).isoformat(),
                                           shifted(source["end_date"], years).isoformat(),
                                           [TermInput(t["name"], t["kind"], shifted(t["start_date"], years).isoformat(),
                                                      shifted(t["end_date"], years).isoformat(), t["grade_from"],
                                                      t["grade_to"]) for t in old_terms])
        message = insert_academic_year(uow, plan)

        old = uow.year_structures.of_year(source_year_id)
        profile_of = {p["id"]: new_id() for p in old.profiles}
        group_of = {g["id"]: new_id() for g in old.class_groups}
        part_of = {p["id"]: new_id() for p in old.subgroups}
        new = YearStructure(
            class_groups=[dict(id=group_of[g["id"]], school_id=uow.school_id, academic_year_id=message.id,
                               grade=g["grade"], name=g["name"], profile_id=profile_of.get(g["profile_id"]))
                          for g in old.class_groups],
            profiles=[dict(p, id=profile_of[p["id"]], academic_year_id=message.id) for p in old.profiles],
            profile_hours=[dict(h, id=new_id(), profile_id=profile_of[h["profile_id"]]) for h in old.profile_hours],
            subgroups=[dict(id=part_of[p["id"]], school_id=uow.school_id, class_group_id=group_of[p["class_group_id"]],
                            name=p["name"]) for p in old.subgroups],
            curriculum_hours=[dict(id=new_id(), school_id=uow.school_id, class_group_id=group_of[h["class_group_id"]],
                                   subject_id=h["subject_id"], hours_per_week=h["hours_per_week"])
                              for h in old.curriculum_hours],
            teaching_assignments=[dict(id=new_id(), school_id=uow.school_id, teacher_id=a["teacher_id"],
                                       subject_id=a["subject_id"], class_group_id=group_of[a["class_group_id"]],
                                       subgroup_id=part_of.get(a["subgroup_id"])) for a in old.teaching_assignments])
        uow.year_structures.add(new)
        for row in new.class_groups:
            uow.publish(pb.ClassGroupCreated(class_group=protobuf.class_group(row)))
    return pb.CopyAcademicYearResponse(academic_year=message, class_groups=len(new.class_groups),
                                       subgroups=len(new.subgroups), curriculum_rows=len(new.curriculum_hours),
                                       assignments=len(new.teaching_assignments), profiles=len(new.profiles))
