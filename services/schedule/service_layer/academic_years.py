"""Academic years with their terms: creating one (AcademicYearCreated), closing it (AcademicYearClosed, with its class
groups), listing them, reading one term."""
from collections import defaultdict

from sqlalchemy import insert, select, update

from proto.schedule.v1 import schedule_pb2 as pb
from services.common.db import parse_uuid
from services.common.errors import Conflict, NotFound
from services.common.scope import Scope
from services.schedule.adapters import messages
from services.schedule.adapters.lookups import open_year
from services.schedule.adapters.tables import academic_years, class_groups, new_id, terms
from services.schedule.domain import academic_year
from services.schedule.service_layer.unit_of_work import ScheduleUnitOfWork


def create_academic_year(scope: Scope, uow: ScheduleUnitOfWork, name: str, start_date: str, end_date: str,
                         term_inputs: list[academic_year.TermInput]) -> pb.AcademicYear:
    scope.require("schedule.manage")
    plan = academic_year.academic_year(name, start_date, end_date, term_inputs)
    with uow:
        return insert_academic_year(uow, plan)


def insert_academic_year(uow: ScheduleUnitOfWork, plan: academic_year.AcademicYearPlan) -> pb.AcademicYear:
    """Writes a checked year plan with its terms and its AcademicYearCreated event; a taken name is a conflict."""
    session = uow.session
    if session.scalar(select(academic_years.c.id).where(academic_years.c.name == plan.name)):
        raise Conflict(f"Учебный год {plan.name} уже создан", {"name": "уже есть"})
    year = dict(id=new_id(), school_id=uow.school_id, name=plan.name, start_date=plan.start, end_date=plan.end,
                status="open")
    term_rows = [dict(id=new_id(), school_id=uow.school_id, academic_year_id=year["id"], name=t.name, kind=t.kind,
                      start_date=t.start, end_date=t.end, grade_from=t.grade_from, grade_to=t.grade_to)
                 for t in plan.terms]
    session.execute(insert(academic_years).values(year))
    session.execute(insert(terms), term_rows)
    message = messages.academic_year(year, term_rows)
    uow.publish(pb.AcademicYearCreated(academic_year=message))
    return message


def close_academic_year(scope: Scope, uow: ScheduleUnitOfWork, academic_year_id: str) -> pb.AcademicYear:
    scope.require("year.close")
    academic_year_id = parse_uuid(academic_year_id, "academic_year_id")
    with uow:
        session = uow.session
        year = dict(open_year(session, academic_year_id, lock=True), status="closed")
        session.execute(update(academic_years).where(academic_years.c.id == academic_year_id).values(status="closed"))
        term_rows = session.execute(select(terms).where(terms.c.academic_year_id == academic_year_id)
                                    .order_by(terms.c.start_date)).mappings().all()
        group_ids = session.scalars(select(class_groups.c.id).where(class_groups.c.academic_year_id == academic_year_id)
                                    .order_by(class_groups.c.grade, class_groups.c.name)).all()
        message = messages.academic_year(year, term_rows)
        uow.publish(pb.AcademicYearClosed(academic_year=message, class_group_ids=group_ids))
    return message


def list_academic_years(scope: Scope, uow: ScheduleUnitOfWork) -> list[pb.AcademicYear]:
    """The school's years, newest first, each with its terms in date order."""
    scope.require("schedule.read")
    with uow:
        session = uow.session
        years = session.execute(select(academic_years).order_by(academic_years.c.start_date.desc())).mappings().all()
        by_year = defaultdict(list)
        for row in session.execute(select(terms).order_by(terms.c.start_date, terms.c.grade_from)).mappings():
            by_year[row["academic_year_id"]].append(row)
    return [messages.academic_year(year, by_year[year["id"]]) for year in years]


def get_term(scope: Scope, uow: ScheduleUnitOfWork, term_id: str) -> pb.Term:
    """One term (quarter, half-year) with its dates."""
    scope.require("schedule.read")
    with uow:
        row = uow.session.execute(select(terms).where(terms.c.id == parse_uuid(term_id, "term_id"))).mappings().first()
    if row is None:
        raise NotFound("Учебный период не найден", {"term_id": "не найден"})
    return messages.term(row)
