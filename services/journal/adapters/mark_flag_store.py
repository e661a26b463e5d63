"""The mark_flags and mark_flag_answers tables: a family's flags of marks and the one answer of each, both
append-only; and what a flag needs of the mark it is about (the mark with its lesson's record)."""
import datetime as dt

from sqlalchemy import and_, false, func, insert, or_, select
from sqlalchemy.dialects.postgresql import insert as pg_insert
from sqlalchemy.orm import Session

from services.common.db import lock_name
from services.journal.adapters.tables import lesson_records, mark_flag_answers, mark_flags, marks

MAX_LISTED = 1000
CURRENT = select(marks.c.value).where(marks.c.id == mark_flags.c.mark_id).scalar_subquery()
FLAGS = (select(mark_flags, mark_flag_answers.c.answer, mark_flag_answers.c.outcome, mark_flag_answers.c.answered_by,
                mark_flag_answers.c.answered_at, mark_flag_answers.c.value_after,
                func.coalesce(CURRENT, "").label("current_value"))
         .select_from(mark_flags.outerjoin(mark_flag_answers, and_(
             mark_flag_answers.c.school_id == mark_flags.c.school_id, mark_flag_answers.c.flag_id == mark_flags.c.id))))
ANSWERED = mark_flag_answers.c.flag_id.is_not(None)


class MarkFlagStore:
    def __init__(self, session: Session):
        self.session = session

    def mark(self, mark_id: str) -> dict | None:
        """The mark with its lesson's record (class group, subject, date, teacher and substitute), None if there is
        no such mark now."""
        row = self.session.execute(
            select(marks.c.id, marks.c.lesson_id, marks.c.student_id, marks.c.value, marks.c.work_type,
                   lesson_records.c.class_group_id, lesson_records.c.subject_id, lesson_records.c.subject_name,
                   lesson_records.c.lesson_date, lesson_records.c.teacher_id, lesson_records.c.substitute_teacher_id)
            .select_from(marks.join(lesson_records, and_(lesson_records.c.school_id == marks.c.school_id,
                                                         lesson_records.c.lesson_id == marks.c.lesson_id)))
            .where(marks.c.id == mark_id)).mappings().first()
        return dict(row) if row else None

    def current(self, mark_id: str) -> tuple[str, str] | None:
        """The mark's (value, work type) now, None once it is removed."""
        row = self.session.execute(select(marks.c.value, marks.c.work_type).where(marks.c.id == mark_id)).first()
        return (row.value, row.work_type) if row else None

    def lock_mark(self, school_id: str, mark_id: str) -> None:
        """One flag of a mark at a time until the commit, so two flags sent together do not both open."""
        lock_name(self.session, f"journal-mark-flag:{school_id}:{mark_id}")

    def open_of_mark(self, mark_id: str) -> str | None:
        """The id of the mark's open (unanswered) flag, if any."""
        return self.session.scalar(select(mark_flags.c.id).select_from(mark_flags.outerjoin(
            mark_flag_answers, and_(mark_flag_answers.c.school_id == mark_flags.c.school_id,
                                    mark_flag_answers.c.flag_id == mark_flags.c.id)))
            .where(mark_flags.c.mark_id == mark_id, ~ANSWERED).limit(1))

    def add(self, row: dict) -> None:
        self.session.execute(insert(mark_flags).values(**row))

    def get(self, flag_id: str) -> dict | None:
        """The flag with its answer (None fields while open) and the mark's value now."""
        row = self.session.execute(FLAGS.where(mark_flags.c.id == flag_id)).mappings().first()
        return dict(row) if row else None

    def answer(self, row: dict) -> bool:
        """Stores the flag's answer; False when it has one already (kept as it was)."""
        return self.session.execute(pg_insert(mark_flag_answers).values(**row).on_conflict_do_nothing()
                                    .returning(mark_flag_answers.c.flag_id)).first() is not None

    def listed(self, status: str, teacher_id: str = "", class_group_id: str = "", student_id: str = "",
               lesson_id: str = "", mine: tuple[str, frozenset[str]] | None = None) -> list[dict]:
        """The school's flags, newest first, narrowed by each filter given; `mine` = (a teacher's person id, the
        classes they lead): only the flags of their marks and of those classes."""
        query = FLAGS.order_by(mark_flags.c.created_at.desc(), mark_flags.c.id).limit(MAX_LISTED)
        for column, value in ((mark_flags.c.teacher_id, teacher_id), (mark_flags.c.class_group_id, class_group_id),
                              (mark_flags.c.student_id, student_id), (mark_flags.c.lesson_id, lesson_id)):
            if value:
                query = query.where(column == value)
        if mine is not None:
            person_id, classes = mine
            query = query.where(or_(mark_flags.c.teacher_id == person_id,
                                    mark_flags.c.class_group_id.in_(sorted(classes)) if classes else false()))
        if status:
            query = query.where(ANSWERED if status == "answered" else ~ANSWERED)
        return [dict(row) for row in self.session.execute(query).mappings()]


def flag_row(school_id: str, flag_id: str, mark: dict, text: str, author_id: str, author_role: str,
             now: dt.datetime) -> dict:
    """A new flag's row from the mark it is about (adapters build rows; the service layer decides)."""
    return dict(school_id=school_id, id=flag_id, mark_id=mark["id"], lesson_id=mark["lesson_id"],
                student_id=mark["student_id"], class_group_id=mark["class_group_id"], subject_id=mark["subject_id"],
                subject_name=mark["subject_name"], lesson_date=mark["lesson_date"],
                teacher_id=mark["substitute_teacher_id"] or mark["teacher_id"], mark_value=mark["value"],
                work_type=mark["work_type"], text=text, author_id=author_id or None, author_role=author_role,
                created_at=now)
