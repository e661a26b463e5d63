"""The reads of form ОШ-1 from reporting's read model (in the school's transaction): the academic year and the one
before it, the year's classes by grade, its students on a date (grade, gender, birth date) and the previous year's
orders in force (repetition, conditional promotion, leaving, graduation) with the grade each student left."""
import datetime as dt

from sqlalchemy import Text, cast, func, or_, select

from services.reporting.adapters.tables import (
    academic_years,
    class_groups,
    class_memberships,
    movement_orders,
    order_lines,
    students,
    terms,
)
from services.reporting.domain import form_osh1

MOVES = (form_osh1.REPETITION, form_osh1.CONDITIONAL, form_osh1.LEAVING, form_osh1.GRADUATION)


class FormOsh1Store:
    def __init__(self, session, school_id: str):
        self.session, self.school_id = session, school_id

    def year(self, academic_year_id: str) -> str | None:
        """The year's name ("" = not named yet), None when the read model knows neither it nor a class or term of it."""
        name = self.session.scalar(select(academic_years.c.name).where(academic_years.c.id == academic_year_id))
        if name is None and not any(self.session.scalar(select(table.c.id).where(
                table.c.academic_year_id == academic_year_id).limit(1)) for table in (terms, class_groups)):
            return None
        return name or ""

    def previous_year(self, academic_year_id: str) -> tuple[str, str] | None:
        """(id, name) of the year whose first term began last before this year's first term; None when not known."""
        began = func.min(terms.c.start_date)
        firsts = dict(self.session.execute(select(cast(terms.c.academic_year_id, Text), began)
                                           .where(terms.c.academic_year_id.is_not(None))
                                           .group_by(terms.c.academic_year_id)).all())
        start = firsts.get(academic_year_id)
        earlier = [(day, year_id) for year_id, day in firsts.items() if start and day and day < start]
        if not earlier:
            return None
        year_id = max(earlier)[1]
        return year_id, self.year(year_id) or ""

    def class_grades(self, academic_year_id: str) -> list[int]:
        """The grade of each class of the year (0 = not told)."""
        return [grade or 0 for grade in self.session.scalars(
            select(class_groups.c.grade).where(class_groups.c.academic_year_id == academic_year_id))]

    def pupils(self, academic_year_id: str, on_date: dt.date) -> list[form_osh1.Pupil]:
        """The students in a class of the year on the date, each once (the class they joined first if two)."""
        rows = self.session.execute(
            select(cast(class_memberships.c.student_id, Text), class_groups.c.grade,
                   func.coalesce(students.c.gender, ""), students.c.birth_date)
            .join(class_groups, class_groups.c.id == class_memberships.c.class_group_id)
            .join(students, students.c.id == class_memberships.c.student_id, isouter=True)
            .where(class_groups.c.academic_year_id == academic_year_id,
                   or_(class_memberships.c.date_from.is_(None), class_memberships.c.date_from <= on_date),
                   or_(class_memberships.c.date_to.is_(None), class_memberships.c.date_to >= on_date))
            .order_by(class_memberships.c.student_id, class_memberships.c.position)).all()
        seen: dict[str, form_osh1.Pupil] = {}
        for student_id, grade, gender, birth_date in rows:
            seen.setdefault(student_id, form_osh1.Pupil(grade or 0, gender, birth_date))
        return list(seen.values())

    def moved(self, academic_year_id: str) -> list[form_osh1.Moved]:
        """The students of the year's orders of the form's kinds, neither cancelled nor cancellations, with the grade
        of the class each left (0 = not known)."""
        rows = self.session.execute(
            select(movement_orders.c.kind, class_groups.c.grade, func.coalesce(students.c.gender, ""))
            .join(order_lines, order_lines.c.order_id == movement_orders.c.id)
            .join(class_groups, class_groups.c.id == order_lines.c.from_class_group_id, isouter=True)
            .join(students, students.c.id == order_lines.c.student_id, isouter=True)
            .where(movement_orders.c.academic_year_id == academic_year_id, movement_orders.c.kind.in_(MOVES),
                   movement_orders.c.cancelled_by_order_id.is_(None))).all()
        return [form_osh1.Moved(kind, grade or 0, gender) for kind, grade, gender in rows]
