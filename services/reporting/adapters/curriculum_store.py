"""The curriculum fulfilment's read models (R4): a year's classes with their terms, their curriculum hours
(rm_curriculum_hours) and their lessons counted per subject and subgroup (rm_lessons). Five statements a year, and
one per grade for its terms."""
import datetime as dt

from sqlalchemy import Text, cast, func, select
from sqlalchemy.orm import Session

from services.reporting.adapters.movement_register_store import MovementRegisterStore
from services.reporting.adapters.period_results_store import PeriodResultsStore
from services.reporting.adapters.tables import academic_years, class_groups, curriculum_hours, lessons, subjects
from services.reporting.domain import curriculum_fulfilment as rules
from services.reporting.domain.period_results import YEAR


class CurriculumStore:
    def __init__(self, session: Session, school_id: str):
        self.session, self.school_id = session, school_id

    def curriculum_fulfilment(self, academic_year_id: str, as_of: dt.date) -> rules.CurriculumFulfilment | None:
        """The year's fulfilment, None when the read model does not know the year."""
        session = self.session
        year_name = session.scalar(select(academic_years.c.name).where(academic_years.c.id == academic_year_id))
        if year_name is None:
            return None
        groups = session.execute(select(cast(class_groups.c.id, Text), class_groups.c.name,
                                        func.coalesce(class_groups.c.grade, 0))
                                 .where(class_groups.c.academic_year_id == academic_year_id)).all()
        periods = PeriodResultsStore(session, self.school_id).periods
        terms_of = {grade: tuple(p for p in periods(academic_year_id, grade) if p.id != YEAR)
                    for grade in {g[2] for g in groups}}
        classes = [rules.ClassYear(i, name, grade, terms_of[grade]) for i, name, grade in groups]
        ids = [c.id for c in classes]
        hours = {(c, s): h for c, s, h in session.execute(
            select(cast(curriculum_hours.c.class_group_id, Text), cast(curriculum_hours.c.subject_id, Text),
                   curriculum_hours.c.hours_per_week).where(curriculum_hours.c.class_group_id.in_(ids)))}
        held = lessons.c.cancelled.is_(False)
        tallies = [rules.LessonTally(*r) for r in session.execute(
            select(cast(lessons.c.class_group_id, Text), cast(lessons.c.subject_id, Text),
                   func.coalesce(cast(lessons.c.subgroup_id, Text), ""),
                   func.count().filter(held), func.count().filter(held, lessons.c.lesson_date <= as_of),
                   func.count().filter(held, lessons.c.recorded))
            .where(lessons.c.class_group_id.in_(ids), lessons.c.subject_id.is_not(None))
            .group_by(lessons.c.class_group_id, lessons.c.subject_id, lessons.c.subgroup_id))]
        subject_ids = sorted({s for _, s in hours} | {t.subject_id for t in tallies})
        names = dict(session.execute(select(cast(subjects.c.id, Text), subjects.c.name)
                                     .where(subjects.c.id.in_(subject_ids))).all()) if subject_ids else {}
        school_name = MovementRegisterStore(session, self.school_id).school_name()
        return rules.curriculum_fulfilment(school_name, academic_year_id, year_name, as_of, classes, hours, tallies,
                                           names)
