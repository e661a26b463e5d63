"""Dated lessons as they are read by id and by class group or teacher over dates, with their subject's, subgroup's
and class group's names and the year's status (queries.lessons_query)."""
import datetime as dt
from collections.abc import Mapping

from sqlalchemy import delete, func, select, update
from sqlalchemy.orm import Session

from services.common import row_arrays
from services.schedule.adapters.queries import booking_columns, lessons_query
from services.schedule.adapters.tables import academic_years, class_groups, lessons, recorded_lessons, subgroups, subjects
from services.schedule.domain.lesson_status import CANCELLED, SCHEDULED


class LessonStore:
    def __init__(self, session: Session):
        self.session = session

    def add_many(self, rows: list[Mapping]) -> None:
        """Inserts many lessons in a few statements (see common.row_arrays)."""
        row_arrays.insert(self.session, lessons, rows)

    def cancel(self, lesson_ids: list[str], change_note: str) -> None:
        self.session.execute(update(lessons).where(lessons.c.id.in_(lesson_ids))
                             .values(status=CANCELLED, change_note=change_note))

    def note(self, lesson_ids: list[str], change_note: str) -> None:
        self.session.execute(update(lessons).where(lessons.c.id.in_(lesson_ids)).values(change_note=change_note))

    def scheduled_on_locked(self, entry_ids: list[str], dates: list[dt.date]) -> list[Mapping]:
        """The scheduled lessons of the timetable entries on the dates, with their subject's and subgroup's names,
        their rows locked until commit."""
        return list(self.session.execute(
            select(lessons, subjects.c.name.label("subject_name"), subgroups.c.name.label("subgroup_name"))
            .join(subjects, subjects.c.id == lessons.c.subject_id)
            .outerjoin(subgroups, subgroups.c.id == lessons.c.subgroup_id)
            .where(lessons.c.timetable_entry_id.in_(entry_ids), lessons.c.date.in_(dates),
                   lessons.c.status == SCHEDULED).with_for_update(of=lessons)).mappings().all())

    def of_grades(self, academic_year_id: str, grades: set[int]) -> list[Mapping]:
        """(id, date, status, term_id, grade, class_name, subject_name) of every lesson of the year's class groups of
        the grades, in date and lesson order."""
        return list(self.session.execute(
            select(lessons.c.id, lessons.c.date, lessons.c.status, lessons.c.term_id, class_groups.c.grade,
                   class_groups.c.name.label("class_name"), subjects.c.name.label("subject_name"))
            .join(class_groups, class_groups.c.id == lessons.c.class_group_id)
            .join(subjects, subjects.c.id == lessons.c.subject_id)
            .where(class_groups.c.academic_year_id == academic_year_id, class_groups.c.grade.in_(list(grades)))
            .order_by(lessons.c.date, lessons.c.lesson_number)).mappings().all())

    def move_to_term(self, lesson_ids: list[str], term_id: str) -> None:
        self.session.execute(update(lessons).where(lessons.c.id.in_(lesson_ids)).values(term_id=term_id))

    def delete_of_terms(self, term_ids: list[str]) -> None:
        self.session.execute(delete(lessons).where(lessons.c.term_id.in_(term_ids)))

    def get(self, lesson_id: str, lock: bool = False) -> Mapping | None:
        """The lesson (with lock, its row locked until commit)."""
        query = lessons_query().where(lessons.c.id == lesson_id)
        return self.session.execute(query.with_for_update(of=lessons) if lock else query).mappings().first()

    def change(self, lesson_id: str, values: Mapping) -> None:
        self.session.execute(update(lessons).where(lessons.c.id == lesson_id).values(**values))

    def scheduled_of_entry_from(self, entry_id: str, day: dt.date) -> list[Mapping]:
        """The timetable entry's scheduled lessons from the date on, their rows locked until commit."""
        return list(self.session.execute(lessons_query().where(lessons.c.timetable_entry_id == entry_id,
                                                               lessons.c.date >= day, lessons.c.status == SCHEDULED)
                                         .with_for_update(of=lessons)).mappings().all())

    def scheduled_of_teacher(self, teacher_id: str, start: dt.date, end: dt.date, lock: bool = False) -> list[Mapping]:
        """The teacher's own scheduled lessons of open years between the dates, in date and lesson order (with lock,
        their rows locked until commit)."""
        query = (lessons_query().where(lessons.c.teacher_id == teacher_id, lessons.c.date.between(start, end),
                                       lessons.c.status == SCHEDULED, academic_years.c.status == "open")
                 .order_by(lessons.c.date, lessons.c.lesson_number))
        return list(self.session.execute(query.with_for_update(of=lessons) if lock else query).mappings().all())

    def holding(self, day: dt.date, lesson_number: int, except_id: str, class_group_id: str, teacher_id: str,
                room: str) -> list[Mapping]:
        """The other scheduled lessons at that date and number that hold the class group, the teacher (as who gives
        them: the substitute or their own teacher) or the room, as bookings (queries.booking_columns) with `giver`."""
        giver = func.coalesce(lessons.c.substitute_teacher_id, lessons.c.teacher_id)
        holders = (lessons.c.class_group_id == class_group_id) | (giver == teacher_id)
        if room:
            holders |= func.lower(lessons.c.room) == room.lower()
        return list(self.session.execute(
            booking_columns(lessons).add_columns(giver.label("giver"))
            .where(lessons.c.date == day, lessons.c.lesson_number == lesson_number, lessons.c.id != except_id,
                   lessons.c.status == SCHEDULED, holders)).mappings().all())

    def of_subgroup_locked(self, subgroup_id: str) -> list[Mapping]:
        """Every lesson of the subgroup, their rows locked until commit."""
        return list(self.session.execute(lessons_query().where(lessons.c.subgroup_id == subgroup_id)
                                         .with_for_update(of=lessons)).mappings().all())

    def most_per_group(self, class_group_id: str, subject_id: str, until: dt.date | None = None,
                       recorded_only: bool = False) -> int:
        """Scheduled lessons of the subject as one student has them (up to a date; only those the journal has records
        for): with subgroups, each subgroup has the class's hours, so the count of the subgroup (or the whole class)
        with the most lessons."""
        conditions = [lessons.c.class_group_id == class_group_id, lessons.c.subject_id == subject_id,
                      lessons.c.status == SCHEDULED]
        if until:
            conditions.append(lessons.c.date <= until)
        if recorded_only:
            conditions.append(lessons.c.id.in_(select(recorded_lessons.c.lesson_id)))
        counts = self.session.scalars(select(func.count()).where(*conditions).group_by(lessons.c.subgroup_id)).all()
        return max(counts, default=0)

    def listed(self, class_group_id: str | None, teacher_id: str | None, subject_id: str | None,
               start: dt.date | None, end: dt.date | None, include_cancelled: bool) -> list[Mapping]:
        """Lessons in date and lesson order, of the class group and of the teacher (those they give: their own and
        those they substitute in) and of the subject, where given, between the dates, scheduled ones only unless
        include_cancelled."""
        query = lessons_query().order_by(lessons.c.date, lessons.c.lesson_number, lessons.c.starts_at)
        if class_group_id:
            query = query.where(lessons.c.class_group_id == class_group_id)
        if teacher_id:
            query = query.where((lessons.c.teacher_id == teacher_id) | (lessons.c.substitute_teacher_id == teacher_id))
        if subject_id:
            query = query.where(lessons.c.subject_id == subject_id)
        if start:
            query = query.where(lessons.c.date >= start)
        if end:
            query = query.where(lessons.c.date <= end)
        if not include_cancelled:
            query = query.where(lessons.c.status == SCHEDULED)
        return list(self.session.execute(query).mappings().all())
