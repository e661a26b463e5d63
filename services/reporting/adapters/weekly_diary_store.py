"""The weekly diaries' read model (0016): the SQL of each student's own homework, the subgroups with their students and
the school events as schedule and the journal tell them, and the one read of a class's week: its students, lessons
(with subject, subgroup, topic and homework), marks, attendance, own homework, subgroups and school events."""
import datetime as dt
from collections.abc import Iterable

from sqlalchemy import Text, cast, delete, func, select
from sqlalchemy.dialects.postgresql import insert
from sqlalchemy.orm import Session

from services.common.event_audience import Audience
from services.reporting.adapters.read_model_store import class_members
from services.reporting.adapters.tables import (
    attendance,
    class_groups,
    lessons,
    marks,
    school_events,
    student_homework,
    subgroups,
    subjects,
)
from services.reporting.domain import read_model
from services.reporting.domain import weekly_diary as diary


class WeeklyDiaryStore:
    def __init__(self, session: Session, school_id: str):
        self.session, self.school_id = session, school_id

    # --- writes --------------------------------------------------------------------------------------

    def put_own_homework(self, told: Iterable[read_model.LessonHomework]) -> None:
        """Students' own homework (each (lesson, student) once): a text replaces the kept one, "" removes it."""
        for h in told:
            key = {"school_id": self.school_id, "lesson_id": h.lesson_id, "student_id": h.student_id}
            if not h.homework:
                self.session.execute(delete(student_homework).where(
                    *(student_homework.c[c] == v for c, v in key.items())))
                continue
            stmt = insert(student_homework).values(**key, homework=h.homework)
            self.session.execute(stmt.on_conflict_do_update(index_elements=list(key),
                                                            set_={"homework": stmt.excluded.homework}))

    def put_subgroup(self, told: read_model.Subgroup) -> None:
        stmt = insert(subgroups).values(id=told.id, school_id=self.school_id, class_group_id=told.class_group_id,
                                        name=told.name, student_ids=list(told.student_ids))
        self.session.execute(stmt.on_conflict_do_update(index_elements=["id"], set_={
            c: stmt.excluded[c] for c in ("class_group_id", "name", "student_ids")}))

    def put_school_event(self, told: read_model.SchoolEvent) -> None:
        """The event as told, unless a later revision of it is kept already."""
        audience = told.audience
        values = dict(date=told.date, starts_at=told.starts_at, ends_at=told.ends_at, title=told.title,
                      kind_name=told.kind_name, place=told.place, audience_scope=audience.scope,
                      audience_grades=list(audience.grades), audience_class_group_ids=list(audience.class_group_ids),
                      audience_people=audience.people, cancelled=told.cancelled, revision=told.revision)
        stmt = insert(school_events).values(id=told.id, school_id=self.school_id, **values)
        self.session.execute(stmt.on_conflict_do_update(
            index_elements=["id"], set_={c: stmt.excluded[c] for c in values},
            where=school_events.c.revision <= stmt.excluded.revision))

    # --- the week of a class -------------------------------------------------------------------------

    def week(self, class_group_id: str, date_from: dt.date, date_to: dt.date) -> diary.WeekFacts | None:
        """What a class's weekly diaries print, None when the class is not known."""
        session = self.session
        group = session.execute(select(class_groups.c.id, class_groups.c.name, class_groups.c.grade)
                                .where(class_groups.c.id == class_group_id)).first()
        if group is None:
            return None
        members = class_members(session, class_group_id, date_from, date_to)
        lesson_rows = session.execute(
            select(cast(lessons.c.id, Text), lessons.c.lesson_date, lessons.c.lesson_number, lessons.c.starts_at,
                   func.coalesce(cast(lessons.c.subject_id, Text), ""), func.coalesce(subjects.c.name, ""),
                   func.coalesce(cast(lessons.c.subgroup_id, Text), ""), lessons.c.subgroup_name, lessons.c.topic,
                   lessons.c.homework)
            .join(subjects, subjects.c.id == lessons.c.subject_id, isouter=True)
            .where(lessons.c.class_group_id == class_group_id, lessons.c.lesson_date.between(date_from, date_to),
                   lessons.c.cancelled.is_(False))).all()
        mark_rows = session.execute(
            select(cast(marks.c.student_id, Text), cast(marks.c.subject_id, Text),
                   func.coalesce(subjects.c.name, ""), marks.c.lesson_date,
                   func.coalesce(cast(marks.c.lesson_id, Text), ""), marks.c.value, marks.c.work_type,
                   marks.c.comment)
            .join(subjects, subjects.c.id == marks.c.subject_id, isouter=True)
            .where(marks.c.class_group_id == class_group_id, marks.c.lesson_date.between(date_from, date_to))
            .order_by(marks.c.lesson_date, marks.c.mark_id)).all()
        attendance_rows = session.execute(
            select(cast(attendance.c.lesson_id, Text), cast(attendance.c.student_id, Text), attendance.c.status)
            .where(attendance.c.class_group_id == class_group_id,
                   attendance.c.lesson_date.between(date_from, date_to))).all()
        lesson_ids = [row[0] for row in lesson_rows]
        own_rows = session.execute(
            select(cast(student_homework.c.lesson_id, Text), cast(student_homework.c.student_id, Text),
                   student_homework.c.homework).where(student_homework.c.lesson_id.in_(lesson_ids))).all() \
            if lesson_ids else []
        subgroup_rows = session.execute(select(cast(subgroups.c.id, Text), subgroups.c.name, subgroups.c.student_ids)
                                        .where(subgroups.c.class_group_id == class_group_id)).all()
        event_rows = session.execute(
            select(school_events).where(school_events.c.date.between(date_from, date_to),
                                        school_events.c.cancelled.is_(False))
            .order_by(school_events.c.date, school_events.c.starts_at.asc().nulls_first(), school_events.c.title)
        ).mappings().all()
        return diary.WeekFacts(
            class_group=diary.Named(group.id, group.name), grade=group.grade,
            members=[diary.Member(*row) for row in members],
            lessons=[diary.LessonFact(*row) for row in lesson_rows],
            marks=[diary.MarkFact(*row) for row in mark_rows],
            attendance=[diary.AttendanceFact(*row) for row in attendance_rows],
            own_homework=[diary.OwnHomework(*row) for row in own_rows],
            subgroups=[diary.SubgroupFact(row[0], row[1], tuple(str(i) for i in row[2] or ())) for row in subgroup_rows],
            events=[diary.EventFact(e["date"], e["starts_at"], e["ends_at"], e["title"], e["kind_name"], e["place"],
                                    Audience(e["audience_scope"], tuple(e["audience_grades"] or ()),
                                             tuple(str(i) for i in e["audience_class_group_ids"] or ()),
                                             e["audience_people"])) for e in event_rows])
