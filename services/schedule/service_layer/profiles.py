"""Curriculum profiles (S2): a year's profile for some grades ("физико-математический", 10-11) holds the standard
weekly hours of its subjects; applying it to a class group of those grades makes the class follow it and writes
those hours into the class's curriculum (the class's other subjects stay, and later changes of the profile reach
a class only when the profile is applied again)."""
from collections import defaultdict

from proto.schedule.v1 import schedule_pb2 as pb
from services.common.db import parse_uuid
from services.common.errors import Conflict, Invalid, NotFound
from services.common.scope import Scope
from services.schedule.adapters import protobuf
from services.schedule.adapters.tables import new_id
from services.schedule.domain import curriculum
from services.schedule.domain.values import required_name
from services.schedule.service_layer.unit_of_work import ScheduleUnitOfWork


def create_profile(scope: Scope, uow: ScheduleUnitOfWork, academic_year_id: str, name: str, grade_from: int,
                   grade_to: int) -> pb.CurriculumProfile:
    scope.require("schedule.manage")
    academic_year_id = parse_uuid(academic_year_id, "academic_year_id")
    name = required_name(name, "name")
    if not 1 <= grade_from <= grade_to <= 11:
        raise Invalid("grade_from", "параллели от 1 до 11: с какой по какую")
    with uow:
        uow.academic_years.open_year(academic_year_id)
        if uow.curriculum.profile_name_taken(academic_year_id, name):
            raise Conflict(f"Профиль «{name}» в этом учебном году уже есть", {"name": "уже есть"})
        row = dict(id=new_id(), school_id=uow.school_id, academic_year_id=academic_year_id, name=name,
                   grade_from=grade_from, grade_to=grade_to)
        uow.curriculum.add_profile(row)
    return protobuf.curriculum_profile(row, [])


def set_profile_hours(scope: Scope, uow: ScheduleUnitOfWork, profile_id: str, subject_id: str,
                      hours_per_week: str) -> pb.CurriculumProfile:
    """Sets (or changes) a subject's standard weekly hours in the profile."""
    scope.require("schedule.manage")
    profile_id, subject_id = parse_uuid(profile_id, "profile_id"), parse_uuid(subject_id, "subject_id")
    hours = curriculum.weekly_hours(hours_per_week)
    with uow:
        profile = _profile(uow, profile_id)
        uow.academic_years.open_year(profile["academic_year_id"])
        uow.subjects.name_of(subject_id)
        uow.curriculum.set_profile_hours(dict(id=new_id(), school_id=uow.school_id, profile_id=profile_id,
                                              subject_id=subject_id, hours_per_week=hours))
        return protobuf.curriculum_profile(profile, uow.curriculum.named_standard_hours([profile_id]))


def list_profiles(scope: Scope, uow: ScheduleUnitOfWork, academic_year_id: str) -> list[pb.CurriculumProfile]:
    scope.require("schedule.read")
    academic_year_id = parse_uuid(academic_year_id, "academic_year_id")
    with uow:
        uow.academic_years.check_exists(academic_year_id)
        rows = uow.curriculum.profiles_of(academic_year_id)
        hours = defaultdict(list)
        for row in uow.curriculum.named_standard_hours([r["id"] for r in rows]):
            hours[row.profile_id].append(row)
    return [protobuf.curriculum_profile(row, hours[row["id"]]) for row in rows]


def apply_profile(scope: Scope, uow: ScheduleUnitOfWork, class_group_id: str, profile_id: str) -> pb.ApplyProfileResponse:
    """The class follows the profile and gets its hours (or, with no profile, follows none and keeps its hours)."""
    scope.require("schedule.manage")
    class_group_id = parse_uuid(class_group_id, "class_group_id")
    profile_id = parse_uuid(profile_id, "profile_id") if profile_id else None
    with uow:
        group = uow.class_groups.get(class_group_id)
        uow.academic_years.open_year(group["academic_year_id"])
        rows = []
        if profile_id:
            profile = _profile(uow, profile_id)
            if profile["academic_year_id"] != group["academic_year_id"]:
                raise Invalid("profile_id", "профиль другого учебного года")
            if not profile["grade_from"] <= group["grade"] <= profile["grade_to"]:
                raise Invalid("profile_id", f"профиль «{profile['name']}» для {profile['grade_from']}–"
                                            f"{profile['grade_to']} классов, а {group['name']} — {group['grade']} класс")
            rows = uow.curriculum.standard_hours(profile_id)
            for row in rows:
                stored = uow.curriculum.set_hours(dict(id=new_id(), school_id=uow.school_id,
                                                       class_group_id=class_group_id, subject_id=row["subject_id"],
                                                       hours_per_week=row["hours_per_week"]))
                uow.publish(pb.CurriculumHoursSet(hours=protobuf.curriculum_hours(stored, "")))
        uow.class_groups.follow_profile(class_group_id, profile_id)
        group = dict(group, profile_id=profile_id)
        result = class_curriculum(uow, group)
    return pb.ApplyProfileResponse(class_group=protobuf.class_group(group), curriculum=result, hours_set=len(rows))


def class_curriculum(uow: ScheduleUnitOfWork, group) -> pb.Curriculum:
    """The class group's weekly hours by subject name, with their total and the profile it follows."""
    profile = uow.curriculum.profile(group["profile_id"]) if group["profile_id"] else None
    return protobuf.curriculum(group, uow.curriculum.of_class_group(group["id"]), profile["name"] if profile else "")


def _profile(uow: ScheduleUnitOfWork, profile_id: str):
    row = uow.curriculum.profile(profile_id)
    if row is None:
        raise NotFound("Профиль не найден", {"profile_id": "не найден"})
    return row
