"""What reverting a compromised account's changes reads and writes (T8): the person's ledger rows, the years their
entities belong to, the current state of a ledger row's entity (a mark, an attendance status, a lesson's topic or
homework, a term or final mark; locked) and putting its old value back."""
import datetime as dt
from collections.abc import Collection

from sqlalchemy import delete, func, insert, select, update
from sqlalchemy.orm import Session

from services.journal.adapters.tables import attendance, final_marks, ledger, lesson_records, marks, term_marks

PERIOD_MARKS = {"term_mark": term_marks, "final_mark": final_marks}


class RevertStore:
    def __init__(self, session: Session, school_id: str):
        self.session, self.school_id = session, school_id

    def changes(self, actor: str, since: dt.datetime, limit: int) -> tuple[list, set[str]]:
        """The person's ledger rows since the time, newest first, and the ids of those already reverted."""
        rows = self.session.execute(select(ledger).where(ledger.c.actor_person_id == actor, ledger.c.occurred_at >= since)
                                    .order_by(ledger.c.occurred_at.desc(), ledger.c.id).limit(limit)).all()
        reverted = set(self.session.scalars(select(ledger.c.reverts).where(ledger.c.reverts.in_([r.id for r in rows]))))
        return rows, reverted

    def counts(self, person_id: str, reported: dt.datetime, window_start: dt.datetime,
               revertible: Collection[str]) -> tuple[int, int, int]:
        """The person's changes after the report, in the window before it, and those revertible (of these entities,
        not a student's own homework) and not reverted."""
        after = ledger.c.occurred_at >= reported
        reverted = select(ledger.c.reverts).where(ledger.c.reverts.is_not(None))
        return tuple(self.session.execute(select(
            func.count().filter(after),
            func.count().filter(~after),
            func.count().filter(ledger.c.entity.in_(revertible), ledger.c.id.not_in(reverted),
                                ~((ledger.c.entity == "homework") & ledger.c.student_id.is_not(None))),
        ).where(ledger.c.actor_person_id == person_id, ledger.c.occurred_at >= window_start)).one())

    def years_of(self, rows) -> tuple[dict[str, str], dict[str, tuple[str, str]], dict[str, tuple[str, str]]]:
        """Of the ledger rows' entities: each lesson's class group, each term mark's (class group, term), each final
        mark's (class group, academic year)."""
        lessons = dict(self.session.execute(select(lesson_records.c.lesson_id, lesson_records.c.class_group_id).where(
            lesson_records.c.lesson_id.in_({r.lesson_id for r in rows if r.lesson_id}))).all())
        terms = {r.id: (r.class_group_id, r.term_id) for r in self.session.execute(
            select(term_marks.c.id, term_marks.c.class_group_id, term_marks.c.term_id).where(
                term_marks.c.id.in_({r.entity_id for r in rows if r.entity == "term_mark"})))}
        finals = {r.id: (r.class_group_id, r.academic_year_id) for r in self.session.execute(
            select(final_marks.c.id, final_marks.c.class_group_id, final_marks.c.academic_year_id)
            .where(final_marks.c.id.in_({r.entity_id for r in rows if r.entity == "final_mark"})))}
        return lessons, terms, finals

    def state(self, row) -> dict | None:
        """What the journal shows now for the row's entity, in the ledger's shape (locked)."""
        s = self.session
        if row.entity == "mark":
            found = s.execute(select(marks.c.value, marks.c.work_type, marks.c.comment)
                              .where(marks.c.id == row.entity_id).with_for_update()).first()
        elif row.entity == "attendance":
            found = s.execute(select(attendance.c.status).where(
                attendance.c.lesson_id == row.lesson_id, attendance.c.student_id == row.student_id).with_for_update()).first()
        elif row.entity in ("topic", "homework"):
            found = s.execute(select(lesson_records.c[row.entity]).where(
                lesson_records.c.lesson_id == row.lesson_id).with_for_update()).first()
        elif row.entity == "term_mark":
            found = s.execute(select(term_marks.c.value).where(term_marks.c.id == row.entity_id).with_for_update()).first()
        else:
            found = s.execute(select(final_marks.c.kind, final_marks.c.value)
                              .where(final_marks.c.id == row.entity_id).with_for_update()).first()
        return dict(found._mapping) if found else None

    def has_mark(self, lesson_id: str, student_id: str, work_type: str) -> bool:
        return self.session.scalar(select(marks.c.id).where(
            marks.c.lesson_id == lesson_id, marks.c.student_id == student_id, marks.c.work_type == work_type)) is not None

    def lesson(self, lesson_id: str):
        return self.session.execute(select(lesson_records).where(lesson_records.c.lesson_id == lesson_id)).mappings().one()

    def put_mark(self, mark: dict, current: dict | None, target: dict | None, now: dt.datetime) -> None:
        """The mark back to target (None: removed) from current (None: none)."""
        if target is None:
            self.session.execute(delete(marks).where(marks.c.id == mark["id"]))
        elif current is None:
            self.session.execute(insert(marks).values(dict(mark, school_id=self.school_id, created_at=now)))
        else:
            self.session.execute(update(marks).where(marks.c.id == mark["id"]).values(
                value=target["value"], comment=target["comment"]))

    def put_attendance(self, lesson_id: str, student_id: str, current: dict | None, target: dict | None) -> None:
        key = (attendance.c.lesson_id == lesson_id, attendance.c.student_id == student_id)
        if target is None:
            self.session.execute(delete(attendance).where(*key))
        elif current is None:
            self.session.execute(insert(attendance).values(school_id=self.school_id, lesson_id=lesson_id,
                                                           student_id=student_id, status=target["status"]))
        else:
            self.session.execute(update(attendance).where(*key).values(status=target["status"]))

    def put_text(self, lesson_id: str, entity: str, text: str, now: dt.datetime) -> None:
        self.session.execute(update(lesson_records).where(lesson_records.c.lesson_id == lesson_id)
                             .values({entity: text, "updated_at": now}))

    def put_period_mark(self, entity: str, mark_id: str, target: dict | None, now: dt.datetime) -> dict:
        """The term or final mark back to target (None: removed); the row as it was."""
        table = PERIOD_MARKS[entity]
        stored = dict(self.session.execute(select(table).where(table.c.id == mark_id)).mappings().one())
        if target is None:
            self.session.execute(delete(table).where(table.c.id == mark_id))
        else:
            self.session.execute(update(table).where(table.c.id == mark_id).values(value=target["value"], updated_at=now))
        return stored
