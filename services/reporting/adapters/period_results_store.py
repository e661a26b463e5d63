"""The read models a class's period results are computed from (domain/period_results.py): the class, its year's
periods for its grade, the memberships overlapping a period, the class's marks, term or annual marks and lessons of
the period, the school's mark scale and work types. Six statements a class. The classes a teacher teaches in a year."""
import datetime as dt

from sqlalchemy import Text, and_, cast, func, or_, select, true
from sqlalchemy.orm import Session

from services.common.mark_average import weights
from services.reporting.adapters.read_model_store import ReadModelStore, class_members
from services.reporting.adapters.tables import (
    academic_years,
    class_groups,
    final_marks,
    lessons,
    marks,
    subjects,
    term_marks,
    terms,
)
from services.reporting.domain import period_results as rules
from services.reporting.domain.attendance_sheet import UNKNOWN_SUBJECT
from services.reporting.domain.subject_teacher_report import chosen_year


class PeriodResultsStore:
    def __init__(self, session: Session, school_id: str):
        self.session, self.school_id = session, school_id

    def class_group(self, class_group_id: str):
        """(id, name, grade, academic_year_id, year name) of a class the read model knows by name, else None."""
        return self.session.execute(
            select(class_groups.c.id, class_groups.c.name, func.coalesce(class_groups.c.grade, 0).label("grade"),
                   class_groups.c.academic_year_id, func.coalesce(academic_years.c.name, "").label("year_name"))
            .select_from(class_groups.outerjoin(academic_years, academic_years.c.id == class_groups.c.academic_year_id))
            .where(class_groups.c.id == class_group_id, class_groups.c.name != "")).first()

    def periods(self, academic_year_id: str | None, grade: int, year_name: str = "") -> tuple[rules.Period, ...]:
        """The periods of a year for a grade (its terms for the grade, 0..0 = every grade; then the year)."""
        if academic_year_id is None:
            return ()
        for_grade = or_(and_(terms.c.grade_from == 0, terms.c.grade_to == 0),
                        and_(terms.c.grade_from <= grade, terms.c.grade_to >= grade)) if grade else true()
        rows = self.session.execute(select(terms.c.id, terms.c.name, terms.c.start_date, terms.c.end_date).where(
            terms.c.academic_year_id == academic_year_id, terms.c.start_date.is_not(None), for_grade)).all()
        return rules.periods([rules.TermDates(*r) for r in rows], year_name)

    def class_periods(self, class_group_id: str) -> tuple[rules.Period, ...] | None:
        """The class's periods, None when the read model does not know the class."""
        group = self.class_group(class_group_id)
        return None if group is None else self.periods(group.academic_year_id, group.grade, group.year_name)

    def class_results(self, class_group_id: str, period_id: str, as_of: dt.date) -> rules.ClassResults | None:
        """The class's results for one of its periods; None when the class or the period is not known."""
        group = self.class_group(class_group_id)
        if group is None:
            return None
        period = next((p for p in self.periods(group.academic_year_id, group.grade, group.year_name)
                       if p.id == period_id), None)
        if period is None:
            return None
        session, start, end = self.session, period.date_from, period.date_to
        members = class_members(session, class_group_id, start, end)
        mark_rows = session.execute(
            select(cast(marks.c.student_id, Text), cast(marks.c.subject_id, Text), marks.c.lesson_date, marks.c.value,
                   marks.c.work_type)
            .where(marks.c.class_group_id == class_group_id, marks.c.lesson_date.between(start, end))).all()
        if period.id == rules.YEAR:
            period_rows = session.execute(
                select(cast(final_marks.c.student_id, Text), cast(final_marks.c.subject_id, Text), final_marks.c.value,
                       final_marks.c.special)
                .where(final_marks.c.class_group_id == class_group_id, final_marks.c.kind == "annual")).all()
        else:
            period_rows = session.execute(
                select(cast(term_marks.c.student_id, Text), cast(term_marks.c.subject_id, Text), term_marks.c.value,
                       term_marks.c.special)
                .where(term_marks.c.class_group_id == class_group_id, term_marks.c.term_id == period.id)).all()
        lesson_rows = session.execute(
            select(cast(lessons.c.subject_id, Text), func.coalesce(cast(lessons.c.teacher_id, Text), ""),
                   lessons.c.lesson_date, lessons.c.cancelled, lessons.c.recorded)
            .where(lessons.c.class_group_id == class_group_id, lessons.c.lesson_date.between(start, end),
                   lessons.c.subject_id.is_not(None))).all()
        subject_ids = {r[1] for r in mark_rows} | {r[1] for r in period_rows} | {r[0] for r in lesson_rows}
        subject_rows = session.execute(select(cast(subjects.c.id, Text), subjects.c.name)
                                       .where(subjects.c.id.in_(sorted(subject_ids)))).all() if subject_ids else []
        named = {r[0]: r[1] for r in subject_rows}
        settings = ReadModelStore(session, self.school_id).school_settings()
        return rules.class_results(
            rules.Named(str(group.id), group.name), group.grade, group.year_name, period, as_of,
            [rules.Member(*r) for r in members],
            [rules.Named(i, named.get(i) or UNKNOWN_SUBJECT) for i in sorted(subject_ids)],
            [rules.MarkFact(*r) for r in mark_rows], [rules.PeriodMarkFact(*r) for r in period_rows],
            [rules.LessonFact(*r) for r in lesson_rows], weights(settings.work_types), settings.mark_scale)

    def teacher_class_groups(self, teacher_id: str, period_id: str, as_of: dt.date) -> list[str] | None:
        """The classes a teacher has lessons of (rm_lessons.teacher_id) in one school year: a term's year, or for
        "year" the year of theirs that began last on or before the day (else the first to come). None when the term
        is not known."""
        taught = self.session.execute(
            select(cast(lessons.c.class_group_id, Text), cast(class_groups.c.academic_year_id, Text)).distinct()
            .join(class_groups, class_groups.c.id == lessons.c.class_group_id)
            .where(lessons.c.teacher_id == teacher_id)).all()
        if period_id != rules.YEAR:
            year_id = self.session.scalar(select(cast(terms.c.academic_year_id, Text)).where(terms.c.id == period_id))
            if year_id is None:
                return None
        else:
            first_days = self.session.execute(
                select(cast(terms.c.academic_year_id, Text), func.min(terms.c.start_date))
                .where(terms.c.academic_year_id.in_(sorted({year for _, year in taught if year})))
                .group_by(terms.c.academic_year_id)).all()
            year_id = chosen_year(first_days, as_of)
        return sorted(class_group for class_group, year in taught if year == year_id)
    def final_marks(self, class_group_id: str) -> list[tuple[str, str, str, str]]:
        """(student id, subject id, kind, value) of the annual, exam and final marks the journal set in the class."""
        return [tuple(r) for r in self.session.execute(
            select(cast(final_marks.c.student_id, Text), cast(final_marks.c.subject_id, Text), final_marks.c.kind,
                   final_marks.c.value).where(final_marks.c.class_group_id == class_group_id)).all()]
    def academic_year_name(self, academic_year_id: str) -> str | None:
        """The year's name ("" = named by no event yet), None when the read model knows neither it nor a term of it."""
        name = self.session.scalar(select(academic_years.c.name).where(academic_years.c.id == academic_year_id))
        if name is None and self.session.scalar(select(terms.c.id).where(
                terms.c.academic_year_id == academic_year_id).limit(1)) is None:
            return None
        return name or ""

    def year_terms(self, academic_year_id: str) -> list[tuple[rules.TermDates, int, int]]:
        """The year's terms with the grades each is for (grade_from, grade_to; 0..0 = every grade)."""
        return [(rules.TermDates(str(r.id), r.name, r.start_date, r.end_date), r.grade_from or 0, r.grade_to or 0)
                for r in self.session.execute(
                    select(terms.c.id, terms.c.name, terms.c.start_date, terms.c.end_date, terms.c.grade_from,
                           terms.c.grade_to)
                    .where(terms.c.academic_year_id == academic_year_id, terms.c.start_date.is_not(None)))]

    def year_classes(self, academic_year_id: str) -> list[tuple[str, str, int]]:
        """The year's classes known by name: (id, name, grade; 0 = not told)."""
        return [(str(r.id), r.name, r.grade or 0) for r in self.session.execute(
            select(class_groups.c.id, class_groups.c.name, class_groups.c.grade)
            .where(class_groups.c.academic_year_id == academic_year_id, class_groups.c.name != ""))]
