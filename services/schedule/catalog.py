"""What a school has set up, listed for the deputy head's set-up pages and the API: its academic years with their
terms, its subjects, and the teaching assignments of a class group."""
from collections import defaultdict

from sqlalchemy import select

from proto.schedule.v1 import schedule_pb2 as pb
from services.common.db import parse_uuid
from services.schedule import messages
from services.schedule.handlers import Deps, authorize, class_group_row
from services.schedule.tables import academic_years, subjects, teaching_assignments, terms


def list_academic_years(deps: Deps, school_id: str) -> list[pb.AcademicYear]:
    """The school's years, newest first, each with its terms in date order."""
    school_id = authorize(deps, school_id, "schedule.read")
    with deps.db.tenant_session(school_id) as session:
        years = session.execute(select(academic_years).order_by(academic_years.c.start_date.desc())).mappings().all()
        by_year = defaultdict(list)
        for row in session.execute(select(terms).order_by(terms.c.start_date, terms.c.grade_from)).mappings():
            by_year[row["academic_year_id"]].append(row)
    return [messages.academic_year(year, by_year[year["id"]]) for year in years]


def list_subjects(deps: Deps, school_id: str) -> list[pb.Subject]:
    school_id = authorize(deps, school_id, "schedule.read")
    with deps.db.tenant_session(school_id) as session:
        return [messages.subject(row) for row in session.execute(select(subjects).order_by(subjects.c.name)).mappings()]


def list_teaching_assignments(deps: Deps, school_id: str, class_group_id: str) -> list[pb.TeachingAssignment]:
    """Who teaches what in the class group (and its subgroups)."""
    school_id = authorize(deps, school_id, "schedule.read")
    class_group_id = parse_uuid(class_group_id, "class_group_id")
    with deps.db.tenant_session(school_id) as session:
        class_group_row(session, class_group_id)
        t = teaching_assignments
        rows = session.execute(select(t).join(subjects, subjects.c.id == t.c.subject_id)
                               .where(t.c.class_group_id == class_group_id)
                               .order_by(subjects.c.name, t.c.subgroup_id.nulls_first())).mappings().all()
    return [messages.teaching_assignment(row) for row in rows]
