"""Schedule commands and queries: each checks the policy, then works in one tenant transaction that
writes the state and its events together."""
import datetime as dt
import functools
import uuid
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from sqlalchemy import func, insert, select, update
from sqlalchemy.orm import Session

from proto.schedule.v1 import schedule_pb2 as pb
from services.common import policy
from services.common.db import Database, parse_uuid
from services.common.errors import Conflict, FailedPrecondition, Invalid, NotFound
from services.common.outbox import Outbox
from services.schedule import calendar, domain, lesson_dates, messages
from services.schedule.tables import (
    academic_years,
    class_groups,
    lessons,
    subgroups,
    subjects,
    teaching_assignments,
    terms,
)


@dataclass(frozen=True)
class Deps:
    """What the handlers use: the database, the outbox, who is calling (anything with resolve(school_id)), the
    school's staff (require_teacher(school_id, person_id), see staff.py) and today's date at the school."""

    db: Database
    outbox: Outbox
    principals: Any
    staff: Any
    today: Callable[[], dt.date] = calendar.school_today


def authorize(deps: Deps, school_id: str, action: str, **scope) -> str:
    school_id = parse_uuid(school_id, "school_id")
    policy.require(deps.principals.resolve(school_id), action, **scope)
    return school_id


def new_id() -> str:
    return str(uuid.uuid4())


def create_academic_year(deps: Deps, school_id: str, name: str, start_date: str, end_date: str,
                         term_inputs: list[domain.TermInput]) -> pb.AcademicYear:
    school_id = authorize(deps, school_id, "schedule.manage")
    plan = domain.academic_year(name, start_date, end_date, term_inputs)
    with deps.db.tenant_session(school_id) as session:
        return insert_academic_year(deps, session, school_id, plan)


def insert_academic_year(deps: Deps, session: Session, school_id: str, plan: domain.AcademicYearPlan) -> pb.AcademicYear:
    """Writes a checked year plan with its terms and its AcademicYearCreated event; a taken name is a conflict."""
    if session.scalar(select(academic_years.c.id).where(academic_years.c.name == plan.name)):
        raise Conflict(f"Учебный год {plan.name} уже создан", {"name": "уже есть"})
    year = dict(id=new_id(), school_id=school_id, name=plan.name, start_date=plan.start, end_date=plan.end,
                status="open")
    term_rows = [dict(id=new_id(), school_id=school_id, academic_year_id=year["id"], name=t.name, kind=t.kind,
                      start_date=t.start, end_date=t.end, grade_from=t.grade_from, grade_to=t.grade_to)
                 for t in plan.terms]
    session.execute(insert(academic_years).values(year))
    session.execute(insert(terms), term_rows)
    message = messages.academic_year(year, term_rows)
    deps.outbox.add(session, school_id, pb.AcademicYearCreated(academic_year=message))
    return message


def create_class_group(deps: Deps, school_id: str, academic_year_id: str, grade: int, name: str) -> pb.ClassGroup:
    school_id = authorize(deps, school_id, "schedule.manage")
    name = domain.class_group_name(grade, name)
    academic_year_id = parse_uuid(academic_year_id, "academic_year_id")
    with deps.db.tenant_session(school_id) as session:
        open_year(session, academic_year_id)
        taken = select(class_groups.c.id).where(class_groups.c.academic_year_id == academic_year_id,
                                                class_groups.c.name == name)
        if session.scalar(taken):
            raise Conflict(f"Класс {name} в этом учебном году уже есть", {"name": "уже есть"})
        row = dict(id=new_id(), school_id=school_id, academic_year_id=academic_year_id, grade=grade, name=name)
        session.execute(insert(class_groups).values(row))
        message = messages.class_group(row)
        deps.outbox.add(session, school_id, pb.ClassGroupCreated(class_group=message))
    return message


def get_class_group(deps: Deps, school_id: str, class_group_id: str) -> pb.ClassGroup:
    school_id = authorize(deps, school_id, "schedule.read")
    with deps.db.tenant_session(school_id) as session:
        return messages.class_group(class_group_row(session, parse_uuid(class_group_id, "class_group_id")))


def list_class_groups(deps: Deps, school_id: str, academic_year_id: str) -> list[pb.ClassGroup]:
    school_id = authorize(deps, school_id, "schedule.read")
    query = select(class_groups).order_by(class_groups.c.grade, class_groups.c.name)
    if academic_year_id:
        query = query.where(class_groups.c.academic_year_id == parse_uuid(academic_year_id, "academic_year_id"))
    with deps.db.tenant_session(school_id) as session:
        return [messages.class_group(row) for row in session.execute(query).mappings()]


def create_subject(deps: Deps, school_id: str, name: str) -> pb.Subject:
    school_id = authorize(deps, school_id, "schedule.manage")
    name = domain.required_name(name, "name")
    with deps.db.tenant_session(school_id) as session:
        existing = session.scalar(select(subjects.c.name).where(func.lower(subjects.c.name) == name.lower()))
        if existing:  # named as the school wrote it, whatever case was typed now
            raise Conflict(f"Предмет «{existing}» уже есть", {"name": "уже есть"})
        row = dict(id=new_id(), school_id=school_id, name=name)
        session.execute(insert(subjects).values(row))
        message = messages.subject(row)
        deps.outbox.add(session, school_id, pb.SubjectCreated(subject=message))
    return message


def assign_teacher(deps: Deps, school_id: str, teacher_id: str, subject_id: str, class_group_id: str,
                   subgroup_id: str = "") -> pb.TeachingAssignment:
    """Records that the teacher teaches the subject in the class group (or one subgroup of it); assigning twice
    changes nothing."""
    school_id = authorize(deps, school_id, "schedule.manage")
    key = dict(teacher_id=parse_uuid(teacher_id, "teacher_id"), subject_id=parse_uuid(subject_id, "subject_id"),
               class_group_id=parse_uuid(class_group_id, "class_group_id"),
               subgroup_id=parse_uuid(subgroup_id, "subgroup_id") if subgroup_id else None)
    deps.staff.require_teacher(school_id, key["teacher_id"])
    with deps.db.tenant_session(school_id) as session:
        class_group_row(session, key["class_group_id"])
        subject_name(session, key["subject_id"])
        if key["subgroup_id"]:
            subgroup_row(session, key["subgroup_id"], key["class_group_id"])
        existing = session.execute(select(teaching_assignments).filter_by(**key)).mappings().first()
        if existing:
            return messages.teaching_assignment(existing)
        row = dict(key, id=new_id(), school_id=school_id)
        session.execute(insert(teaching_assignments).values(row))
    return messages.teaching_assignment(row)


def booking_columns(table):
    """What clashes.booking_of needs of a timetable entry or a dated lesson, with the names of its subject, class
    group and subgroup."""
    return (select(table, subjects.c.name.label("subject"), class_groups.c.name.label("class_group"),
                   subgroups.c.name.label("subgroup"), subjects.c.name.label("subject_name"),
                   subgroups.c.name.label("subgroup_name"))
            .join(subjects, subjects.c.id == table.c.subject_id)
            .join(class_groups, class_groups.c.id == table.c.class_group_id)
            .outerjoin(subgroups, subgroups.c.id == table.c.subgroup_id))


def list_lessons(deps: Deps, school_id: str, class_group_id: str, teacher_id: str, date_from: str,
                 date_to: str, include_cancelled: bool = False, subject_id: str = "") -> list[pb.Lesson]:
    school_id = authorize(deps, school_id, "schedule.read")
    if not class_group_id and not teacher_id:
        raise Invalid("class_group_id", "укажите класс или учителя")
    start, end = domain.date_range(date_from, date_to)
    query = lessons_query().order_by(lessons.c.date, lessons.c.lesson_number, lessons.c.starts_at)
    if class_group_id:
        query = query.where(lessons.c.class_group_id == parse_uuid(class_group_id, "class_group_id"))
    if teacher_id:  # the lessons they give: their own and those they substitute in
        teacher_id = parse_uuid(teacher_id, "teacher_id")
        query = query.where((lessons.c.teacher_id == teacher_id) | (lessons.c.substitute_teacher_id == teacher_id))
    if subject_id:
        query = query.where(lessons.c.subject_id == parse_uuid(subject_id, "subject_id"))
    if start:
        query = query.where(lessons.c.date >= start)
    if end:
        query = query.where(lessons.c.date <= end)
    if not include_cancelled:
        query = query.where(lessons.c.status == lesson_dates.SCHEDULED)
    with deps.db.tenant_session(school_id) as session:
        return [messages.lesson(row) for row in session.execute(query).mappings()]


def get_lesson(deps: Deps, school_id: str, lesson_id: str) -> pb.Lesson:
    school_id = authorize(deps, school_id, "schedule.read")
    with deps.db.tenant_session(school_id) as session:
        row = session.execute(lessons_query().where(lessons.c.id == parse_uuid(lesson_id, "lesson_id"))).mappings().first()
    if row is None:
        raise NotFound("Урок не найден", {"lesson_id": "не найден"})
    return messages.lesson(row)


def close_academic_year(deps: Deps, school_id: str, academic_year_id: str) -> pb.AcademicYear:
    school_id = authorize(deps, school_id, "year.close")
    academic_year_id = parse_uuid(academic_year_id, "academic_year_id")
    with deps.db.tenant_session(school_id) as session:
        year = dict(open_year(session, academic_year_id, lock=True), status="closed")
        session.execute(update(academic_years).where(academic_years.c.id == academic_year_id).values(status="closed"))
        term_rows = session.execute(select(terms).where(terms.c.academic_year_id == academic_year_id)
                                    .order_by(terms.c.start_date)).mappings().all()
        group_ids = session.scalars(select(class_groups.c.id).where(class_groups.c.academic_year_id == academic_year_id)
                                    .order_by(class_groups.c.grade, class_groups.c.name)).all()
        message = messages.academic_year(year, term_rows)
        deps.outbox.add(session, school_id, pb.AcademicYearClosed(academic_year=message, class_group_ids=group_ids))
    return message


def get_term(deps: Deps, school_id: str, term_id: str) -> pb.Term:
    """One term (quarter, half-year) with its dates."""
    school_id = authorize(deps, school_id, "schedule.read")
    with deps.db.tenant_session(school_id) as session:
        row = session.execute(select(terms).where(terms.c.id == parse_uuid(term_id, "term_id"))).mappings().first()
    if row is None:
        raise NotFound("Учебный период не найден", {"term_id": "не найден"})
    return messages.term(row)


@functools.cache  # built once (≈ 60 µs a call otherwise); statements are immutable, .where() makes a new one
def lessons_query():
    """Lessons with their subject's, subgroup's and class group's names and the year's status."""
    return (select(lessons, subjects.c.name.label("subject_name"), subgroups.c.name.label("subgroup_name"),
                   class_groups.c.name.label("class_group_name"), class_groups.c.academic_year_id, class_groups.c.grade,
                   academic_years.c.status.label("year_status"))
            .join(subjects, subjects.c.id == lessons.c.subject_id)
            .outerjoin(subgroups, subgroups.c.id == lessons.c.subgroup_id)
            .join(class_groups, class_groups.c.id == lessons.c.class_group_id)
            .join(academic_years, academic_years.c.id == class_groups.c.academic_year_id))


def open_year(session: Session, academic_year_id: str, lock: bool = False):
    """The year, if open. Its row stays locked until commit: shared (nothing may close the year under us)
    or, with lock=True, exclusive (for closing it and for calendar changes)."""
    query = select(academic_years).where(academic_years.c.id == academic_year_id)
    row = session.execute(query.with_for_update(read=not lock)).mappings().first()
    if row is None:
        raise NotFound("Учебный год не найден", {"academic_year_id": "не найден"})
    if row["status"] != "open":
        raise FailedPrecondition(f"Учебный год {row['name']} закрыт")
    return row


def class_group_row(session: Session, class_group_id: str):
    row = session.execute(select(class_groups).where(class_groups.c.id == class_group_id)).mappings().first()
    if row is None:
        raise NotFound("Класс не найден", {"class_group_id": "не найден"})
    return row


def subject_name(session: Session, subject_id: str) -> str:
    name = session.scalar(select(subjects.c.name).where(subjects.c.id == subject_id))
    if name is None:
        raise NotFound("Предмет не найден", {"subject_id": "не найден"})
    return name


def subgroup_row(session: Session, subgroup_id: str, class_group_id: str | None = None):
    """The subgroup; with class_group_id, it must be a subgroup of that class group."""
    row = session.execute(select(subgroups).where(subgroups.c.id == subgroup_id)).mappings().first()
    if row is None:
        raise NotFound("Подгруппа не найдена", {"subgroup_id": "не найдена"})
    if class_group_id and row["class_group_id"] != class_group_id:
        raise Invalid("subgroup_id", "подгруппа другого класса")
    return row
