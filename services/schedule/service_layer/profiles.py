"""Curriculum profiles (S2): a year's profile for some grades ("физико-математический", 10-11) holds the standard
weekly hours of its subjects; applying it to a class group of those grades makes the class follow it and writes
those hours into the class's curriculum (the class's other subjects stay, and later changes of the profile reach
a class only when the profile is applied again)."""
from decimal import Decimal

from sqlalchemy import func, select, update
from sqlalchemy.dialects.postgresql import insert as upsert
from sqlalchemy.orm import Session

from proto.schedule.v1 import schedule_pb2 as pb
from services.common.db import parse_uuid
from services.common.errors import Conflict, Invalid, NotFound
from services.common.scope import Scope
from services.schedule.adapters import messages
from services.schedule.adapters.lookups import class_group_row, open_year, subject_name, year_exists
from services.schedule.adapters.tables import class_groups, curriculum_hours, curriculum_profiles, new_id, profile_hours, subjects
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
        session = uow.session
        open_year(session, academic_year_id)
        if session.scalar(select(curriculum_profiles.c.id).where(
                curriculum_profiles.c.academic_year_id == academic_year_id,
                func.lower(curriculum_profiles.c.name) == name.lower())):
            raise Conflict(f"Профиль «{name}» в этом учебном году уже есть", {"name": "уже есть"})
        row = dict(id=new_id(), school_id=uow.school_id, academic_year_id=academic_year_id, name=name,
                   grade_from=grade_from, grade_to=grade_to)
        session.execute(curriculum_profiles.insert().values(row))
    return _message(row, [])


def set_profile_hours(scope: Scope, uow: ScheduleUnitOfWork, profile_id: str, subject_id: str,
                      hours_per_week: str) -> pb.CurriculumProfile:
    """Sets (or changes) a subject's standard weekly hours in the profile."""
    scope.require("schedule.manage")
    profile_id, subject_id = parse_uuid(profile_id, "profile_id"), parse_uuid(subject_id, "subject_id")
    hours = curriculum.weekly_hours(hours_per_week)
    with uow:
        session = uow.session
        profile = _profile_row(session, profile_id)
        open_year(session, profile["academic_year_id"])
        subject_name(session, subject_id)
        session.execute(upsert(profile_hours).values(
            id=new_id(), school_id=uow.school_id, profile_id=profile_id, subject_id=subject_id, hours_per_week=hours)
            .on_conflict_do_update(index_elements=["profile_id", "subject_id"], set_={"hours_per_week": hours}))
        return _message(profile, _hours(session, [profile_id]).get(profile_id, []))


def list_profiles(scope: Scope, uow: ScheduleUnitOfWork, academic_year_id: str) -> list[pb.CurriculumProfile]:
    scope.require("schedule.read")
    academic_year_id = parse_uuid(academic_year_id, "academic_year_id")
    with uow:
        session = uow.session
        year_exists(session, academic_year_id)
        rows = session.execute(select(curriculum_profiles)
                               .where(curriculum_profiles.c.academic_year_id == academic_year_id)
                               .order_by(curriculum_profiles.c.grade_from, curriculum_profiles.c.name)).mappings().all()
        hours = _hours(session, [r["id"] for r in rows])
    return [_message(row, hours.get(row["id"], [])) for row in rows]


def apply_profile(scope: Scope, uow: ScheduleUnitOfWork, class_group_id: str, profile_id: str) -> pb.ApplyProfileResponse:
    """The class follows the profile and gets its hours (or, with no profile, follows none and keeps its hours)."""
    scope.require("schedule.manage")
    class_group_id = parse_uuid(class_group_id, "class_group_id")
    profile_id = parse_uuid(profile_id, "profile_id") if profile_id else None
    with uow:
        session = uow.session
        group = class_group_row(session, class_group_id)
        open_year(session, group["academic_year_id"])
        rows = []
        if profile_id:
            profile = _profile_row(session, profile_id)
            if profile["academic_year_id"] != group["academic_year_id"]:
                raise Invalid("profile_id", "профиль другого учебного года")
            if not profile["grade_from"] <= group["grade"] <= profile["grade_to"]:
                raise Invalid("profile_id", f"профиль «{profile['name']}» для {profile['grade_from']}–"
                                            f"{profile['grade_to']} классов, а {group['name']} — {group['grade']} класс")
            rows = session.execute(select(profile_hours).where(profile_hours.c.profile_id == profile_id)).mappings().all()
            for row in rows:
                session.execute(upsert(curriculum_hours).values(
                    id=new_id(), school_id=uow.school_id, class_group_id=class_group_id, subject_id=row["subject_id"],
                    hours_per_week=row["hours_per_week"])
                    .on_conflict_do_update(index_elements=["class_group_id", "subject_id"],
                                           set_={"hours_per_week": row["hours_per_week"]}))
        session.execute(update(class_groups).where(class_groups.c.id == class_group_id).values(profile_id=profile_id))
        group = dict(group, profile_id=profile_id)
        result = class_curriculum(session, group)
    return pb.ApplyProfileResponse(class_group=messages.class_group(group), curriculum=result, hours_set=len(rows))


def class_curriculum(session: Session, group) -> pb.Curriculum:
    """The class group's weekly hours by subject name, with their total and the profile it follows."""
    rows = session.execute(select(curriculum_hours, subjects.c.name.label("subject_name"))
                           .join(subjects, subjects.c.id == curriculum_hours.c.subject_id)
                           .where(curriculum_hours.c.class_group_id == group["id"])
                           .order_by(subjects.c.name)).mappings().all()
    total = sum((row["hours_per_week"] for row in rows), Decimal(0))
    profile_name = session.scalar(select(curriculum_profiles.c.name)
                                  .where(curriculum_profiles.c.id == group["profile_id"])) if group["profile_id"] else ""
    return pb.Curriculum(class_group_id=group["id"], total_hours_per_week=curriculum.hours_text(total),
                         hours=[messages.curriculum_hours(row, row["subject_name"]) for row in rows],
                         profile_id=group["profile_id"] or "", profile_name=profile_name or "")


def _profile_row(session: Session, profile_id: str):
    row = session.execute(select(curriculum_profiles).where(curriculum_profiles.c.id == profile_id)).mappings().first()
    if row is None:
        raise NotFound("Профиль не найден", {"profile_id": "не найден"})
    return row


def _hours(session: Session, profile_ids: list[str]) -> dict[str, list[pb.ProfileHours]]:
    rows = session.execute(select(profile_hours.c.profile_id, profile_hours.c.subject_id, profile_hours.c.hours_per_week,
                                  subjects.c.name).join(subjects, subjects.c.id == profile_hours.c.subject_id)
                           .where(profile_hours.c.profile_id.in_(profile_ids)).order_by(subjects.c.name)).all()
    result: dict[str, list[pb.ProfileHours]] = {}
    for row in rows:
        result.setdefault(row.profile_id, []).append(pb.ProfileHours(
            subject_id=row.subject_id, subject_name=row.name, hours_per_week=curriculum.hours_text(row.hours_per_week)))
    return result


def _message(row, hours: list[pb.ProfileHours]) -> pb.CurriculumProfile:
    return pb.CurriculumProfile(id=row["id"], school_id=row["school_id"], academic_year_id=row["academic_year_id"],
                                name=row["name"], grade_from=row["grade_from"], grade_to=row["grade_to"], hours=hours)
