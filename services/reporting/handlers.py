"""Reporting service layer: reads a class group's summary sheet from the read models."""
from sqlalchemy import Text, and_, cast, false, func, or_, select, true, union
from sqlalchemy.dialects.postgresql import aggregate_order_by

from services.common import policy
from services.common.db import Database, parse_uuid
from services.common.errors import NotFound
from services.common.policy import Principal
from services.reporting import domain, pdf
from services.reporting.tables import academic_years, class_groups, final_marks, marks, students, subjects, term_marks, terms


def get_summary_sheet(db: Database, principal: Principal, school_id: str, class_group_id: str) -> domain.SummarySheet:
    school_id, class_group_id = parse_uuid(school_id, "school_id"), parse_uuid(class_group_id, "class_group_id")
    # managers read every class; a form teacher only the class they lead (no lesson of the sheet is "theirs")
    policy.require(principal, "report.read", teacher_id=(), class_group_id=class_group_id)
    with db.tenant_session(school_id) as session:
        group = session.execute(
            select(class_groups.c.id, class_groups.c.name, class_groups.c.grade, class_groups.c.academic_year_id,
                   academic_years.c.name.label("year_name"))
            .select_from(class_groups.outerjoin(academic_years, academic_years.c.id == class_groups.c.academic_year_id))
            .where(class_groups.c.id == class_group_id)).first()
        if group is None:
            raise NotFound("Класс не найден", {"class_group_id": "нет такого класса"})
        in_class = marks.c.class_group_id == class_group_id
        term_in_class = term_marks.c.class_group_id == class_group_id
        final_in_class = final_marks.c.class_group_id == class_group_id
        marked = union(select(marks.c.student_id).where(in_class),
                       select(term_marks.c.student_id).where(term_in_class),
                       select(final_marks.c.student_id).where(final_in_class))
        # two index lookups, not one OR that the planner can only answer by reading every student of the school
        student_rows = session.execute(union(
            select(students.c.id, students.c.full_name).where(students.c.class_group_id == class_group_id),
            select(students.c.id, students.c.full_name).where(students.c.id.in_(marked)))).all()
        subject_rows = session.execute(select(subjects.c.id, subjects.c.name).where(subjects.c.id.in_(union(
            select(marks.c.subject_id).where(in_class), select(term_marks.c.subject_id).where(term_in_class),
            select(final_marks.c.subject_id).where(final_in_class))))).all()
        # one row per cell, the marks aggregated in lesson-date order by the database (a year of a class
        # is thousands of marks: fetching and converting them one row each dominated the sheet's time)
        cell_rows = session.execute(
            select(cast(marks.c.student_id, Text), cast(marks.c.subject_id, Text),
                   func.array_agg(aggregate_order_by(marks.c.value, marks.c.lesson_date, marks.c.mark_id)))
            .where(in_class).group_by(marks.c.student_id, marks.c.subject_id)).all()
        term_rows = session.execute(select(terms.c.id, terms.c.name, terms.c.start_date).where(or_(
            _class_terms(group.academic_year_id, group.grade),
            terms.c.id.in_(select(term_marks.c.term_id).where(term_in_class))))).all()
        period_rows = session.execute(union(
            select(term_marks.c.student_id, term_marks.c.subject_id, cast(term_marks.c.term_id, Text),
                   term_marks.c.value, term_marks.c.special).where(term_in_class),
            select(final_marks.c.student_id, final_marks.c.subject_id, final_marks.c.kind, final_marks.c.value,
                   final_marks.c.special).where(final_in_class))).all()
    periods = domain.sheet_periods([domain.Term(r.id, r.name, r.start_date) for r in term_rows],
                                   {r[2] for r in period_rows})
    return domain.summary_sheet(
        school_id=school_id, class_group=domain.Named(group.id, group.name),
        academic_year_name=group.year_name or "",
        students=[domain.Named(r.id, r.full_name) for r in student_rows],
        subjects=[domain.Named(r.id, r.name) for r in subject_rows],
        cells=[domain.CellMarks(student, subject, tuple(values)) for student, subject, values in cell_rows],
        periods=periods, period_values=[domain.PeriodValue(*map(str, r)) for r in period_rows])


def _class_terms(academic_year_id: str | None, grade: int | None):
    """The terms of the class group's year for its grade (0..0 = every grade); every term of the year while the
    grade is unknown, none while the year is."""
    if academic_year_id is None:
        return false()
    for_grade = true() if grade is None else or_(and_(terms.c.grade_from == 0, terms.c.grade_to == 0),
                                                 and_(terms.c.grade_from <= grade, terms.c.grade_to >= grade))
    return and_(terms.c.academic_year_id == academic_year_id, for_grade)


def render_summary_sheet_pdf(db: Database, principal: Principal, school_id: str, class_group_id: str) -> bytes:
    return pdf.summary_sheet_pdf(get_summary_sheet(db, principal, school_id, class_group_id))
