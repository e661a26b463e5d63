"""Reporting service layer: reads a class group's summary sheet from the read models."""
from sqlalchemy import Text, cast, func, or_, select
from sqlalchemy.dialects.postgresql import aggregate_order_by

from services.common import policy
from services.common.db import Database, parse_uuid
from services.common.errors import NotFound
from services.common.policy import Principal
from services.reporting import domain, pdf
from services.reporting.tables import academic_years, class_groups, marks, students, subjects


def get_summary_sheet(db: Database, principal: Principal, school_id: str, class_group_id: str) -> domain.SummarySheet:
    policy.require(principal, "report.read")
    school_id, class_group_id = parse_uuid(school_id, "school_id"), parse_uuid(class_group_id, "class_group_id")
    with db.tenant_session(school_id) as session:
        group = session.execute(
            select(class_groups.c.id, class_groups.c.name, academic_years.c.name.label("year_name"))
            .select_from(class_groups.outerjoin(academic_years, academic_years.c.id == class_groups.c.academic_year_id))
            .where(class_groups.c.id == class_group_id)).first()
        if group is None:
            raise NotFound("Класс не найден", {"class_group_id": "нет такого класса"})
        in_class = marks.c.class_group_id == class_group_id
        marked = select(marks.c.student_id).where(in_class)
        student_rows = session.execute(select(students.c.id, students.c.full_name).where(
            or_(students.c.class_group_id == class_group_id, students.c.id.in_(marked)))).all()
        subject_rows = session.execute(select(subjects.c.id, subjects.c.name).where(
            subjects.c.id.in_(select(marks.c.subject_id).where(in_class)))).all()
        # one row per cell, the marks aggregated in lesson-date order by the database (a year of a class
        # is thousands of marks: fetching and converting them one row each dominated the sheet's time)
        cell_rows = session.execute(
            select(cast(marks.c.student_id, Text), cast(marks.c.subject_id, Text),
                   func.array_agg(aggregate_order_by(marks.c.value, marks.c.lesson_date, marks.c.mark_id)))
            .where(in_class).group_by(marks.c.student_id, marks.c.subject_id)).all()
    return domain.summary_sheet(
        school_id=school_id, class_group=domain.Named(group.id, group.name),
        academic_year_name=group.year_name or "",
        students=[domain.Named(r.id, r.full_name) for r in student_rows],
        subjects=[domain.Named(r.id, r.name) for r in subject_rows],
        cells=[domain.CellMarks(student, subject, tuple(values)) for student, subject, values in cell_rows])


def render_summary_sheet_pdf(db: Database, principal: Principal, school_id: str, class_group_id: str) -> bytes:
    return pdf.summary_sheet_pdf(get_summary_sheet(db, principal, school_id, class_group_id))
