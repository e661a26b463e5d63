"""The one read of a class journal (domain/class_journal.py) from the read models: the class and its year's periods,
the students in the class during the period or with marks of it, its lessons (with subject, teacher, subgroup, topic
and homework), marks, attendance, subgroups, and the term and year marks."""
import datetime as dt

from sqlalchemy import Text, cast, func, select, union_all
from sqlalchemy.orm import Session

from services.reporting.adapters.period_results_store import PeriodResultsStore
from services.reporting.adapters.read_model_store import class_members
from services.reporting.adapters.tables import (
    attendance,
    final_marks,
    lessons,
    marks,
    staff,
    students,
    subgroups,
    subjects,
    term_marks,
)
from services.reporting.domain import class_journal as journal
from services.reporting.domain.attendance_sheet import Member
from services.reporting.domain.weekly_diary import AttendanceFact, LessonFact, MarkFact, Named, SubgroupFact


class ClassJournalStore:
    def __init__(self, session: Session, school_id: str):
        self.session, self.school_id = session, school_id

    def class_year(self, class_group_id: str):
        """(name, academic year's name, its periods) of a class the read model knows by name, else None."""
        results = PeriodResultsStore(self.session, self.school_id)
        group = results.class_group(class_group_id)
        if group is None:
            return None
        return group.name, group.year_name, results.periods(group.academic_year_id, group.grade, group.year_name)

    def dates_kept(self, class_group_id: str) -> tuple[dt.date, dt.date] | None:
        """The first and last day with a lesson or a mark of the class, None without any."""
        days = union_all(select(lessons.c.lesson_date.label("day")).where(lessons.c.class_group_id == class_group_id),
                         select(marks.c.lesson_date).where(marks.c.class_group_id == class_group_id)).subquery()
        first, last = self.session.execute(select(func.min(days.c.day), func.max(days.c.day))).one()
        return (first, last) if first else None

    def facts(self, class_group_id: str, name: str, year_name: str, periods: tuple, date_from: dt.date,
              date_to: dt.date) -> journal.JournalFacts:
        session = self.session
        in_period = marks.c.lesson_date.between(date_from, date_to)
        members = [Member(*row) for row in class_members(session, class_group_id, date_from, date_to)]
        member_ids = {m.student_id for m in members}
        marked = session.execute(
            select(cast(students.c.id, Text), students.c.full_name).where(students.c.id.in_(
                select(marks.c.student_id).where(marks.c.class_group_id == class_group_id, in_period)))).all()
        members += [Member(sid, full_name, None, None) for sid, full_name in marked if sid not in member_ids]
        lesson_rows = session.execute(
            select(cast(lessons.c.id, Text), lessons.c.lesson_date, lessons.c.lesson_number, lessons.c.starts_at,
                   func.coalesce(cast(lessons.c.subject_id, Text), ""), func.coalesce(subjects.c.name, ""),
                   func.coalesce(cast(lessons.c.subgroup_id, Text), ""), lessons.c.subgroup_name, lessons.c.topic,
                   lessons.c.homework, func.coalesce(staff.c.full_name, ""))
            .join(subjects, subjects.c.id == lessons.c.subject_id, isouter=True)
            .join(staff, staff.c.id == lessons.c.teacher_id, isouter=True)
            .where(lessons.c.class_group_id == class_group_id, lessons.c.lesson_date.between(date_from, date_to),
                   lessons.c.cancelled.is_(False))).all()
        mark_rows = session.execute(
            select(cast(marks.c.student_id, Text), cast(marks.c.subject_id, Text), func.coalesce(subjects.c.name, ""),
                   marks.c.lesson_date, func.coalesce(cast(marks.c.lesson_id, Text), ""), marks.c.value,
                   marks.c.work_type, marks.c.comment)
            .join(subjects, subjects.c.id == marks.c.subject_id, isouter=True)
            .where(marks.c.class_group_id == class_group_id, in_period)
            .order_by(marks.c.lesson_date, marks.c.mark_id)).all()
        attendance_rows = session.execute(
            select(cast(attendance.c.lesson_id, Text), cast(attendance.c.student_id, Text), attendance.c.status)
            .where(attendance.c.class_group_id == class_group_id,
                   attendance.c.lesson_date.between(date_from, date_to))).all()
        subgroup_rows = session.execute(select(cast(subgroups.c.id, Text), subgroups.c.name, subgroups.c.student_ids)
                                        .where(subgroups.c.class_group_id == class_group_id)).all()
        period_rows = session.execute(union_all(
            select(cast(term_marks.c.student_id, Text), cast(term_marks.c.subject_id, Text),
                   func.coalesce(subjects.c.name, ""), cast(term_marks.c.term_id, Text), term_marks.c.value)
            .join(subjects, subjects.c.id == term_marks.c.subject_id, isouter=True)
            .where(term_marks.c.class_group_id == class_group_id),
            select(cast(final_marks.c.student_id, Text), cast(final_marks.c.subject_id, Text),
                   func.coalesce(subjects.c.name, ""), final_marks.c.kind, final_marks.c.value)
            .join(subjects, subjects.c.id == final_marks.c.subject_id, isouter=True)
            .where(final_marks.c.class_group_id == class_group_id))).all()
        return journal.JournalFacts(
            class_group=Named(class_group_id, name), academic_year_name=year_name, periods=periods, members=members,
            lessons=[LessonFact(*row) for row in lesson_rows],
            marks=[MarkFact(*row) for row in mark_rows],
            attendance=[AttendanceFact(*row) for row in attendance_rows],
            subgroups=[SubgroupFact(row[0], row[1], tuple(str(i) for i in row[2] or ())) for row in subgroup_rows],
            period_marks=[journal.PeriodMarkFact(*row) for row in period_rows])
