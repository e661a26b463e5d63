"""Academic years with their terms: creating one (AcademicYearCreated), closing it (AcademicYearClosed, with its class
groups), listing them, reading one term."""
from proto.schedule.v1 import schedule_pb2 as pb
from services.common.db import parse_uuid
from services.common.errors import Conflict, NotFound
from services.common.scope import Scope
from services.schedule.adapters import protobuf
from services.schedule.adapters.tables import new_id
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
    if uow.academic_years.name_taken(plan.name):
        raise Conflict(f"Учебный год {plan.name} уже создан", {"name": "уже есть"})
    year = dict(id=new_id(), school_id=uow.school_id, name=plan.name, start_date=plan.start, end_date=plan.end,
                status="open")
    term_rows = [dict(id=new_id(), school_id=uow.school_id, academic_year_id=year["id"], name=t.name, kind=t.kind,
                      start_date=t.start, end_date=t.end, grade_from=t.grade_from, grade_to=t.grade_to)
                 for t in plan.terms]
    uow.academic_years.add(year, term_rows)
    message = protobuf.academic_year(year, term_rows)
    uow.publish(pb.AcademicYearCreated(academic_year=message))
    return message


def close_academic_year(scope: Scope, uow: ScheduleUnitOfWork, academic_year_id: str) -> pb.AcademicYear:
    scope.require("year.close")
    academic_year_id = parse_uuid(academic_year_id, "academic_year_id")
    with uow:
        year = dict(uow.academic_years.open_year(academic_year_id, lock=True), status="closed")
        uow.academic_years.close(academic_year_id)
        term_rows = uow.academic_years.terms_of(academic_year_id)
        group_ids = [group["id"] for group in uow.class_groups.of_year(academic_year_id)]
        message = protobuf.academic_year(year, term_rows)
        uow.publish(pb.AcademicYearClosed(academic_year=message, class_group_ids=group_ids))
    return message


def list_academic_years(scope: Scope, uow: ScheduleUnitOfWork) -> list[pb.AcademicYear]:
    """The school's years, newest first, each with its terms in date order."""
    scope.require("schedule.read")
    with uow:
        years = uow.academic_years.all()
    return [protobuf.academic_year(year, term_rows) for year, term_rows in years]


def get_term(scope: Scope, uow: ScheduleUnitOfWork, term_id: str) -> pb.Term:
    """One term (quarter, half-year) with its dates."""
    scope.require("schedule.read")
    with uow:
        row = uow.academic_years.term(parse_uuid(term_id, "term_id"))
    if row is None:
        raise NotFound("Учебный период не найден", {"term_id": "не найден"})
    return protobuf.term(row)
