"""The append-only ledger: its rows (who changed what, when, from where, the old and new value and why), written
in one statement, and the reads of it the school's control views make (anomalies, late entries)."""
import datetime as dt
import uuid

from sqlalchemy import and_, select
from sqlalchemy.orm import Session

from services.common import row_arrays
from services.common.policy import Principal
from services.journal.adapters.tables import ledger, lesson_records


def entry(school_id: str, principal: Principal, client_address: str, now: dt.datetime, entity: str,
          old: dict | None, new: dict | None, reason: str, *, lesson_id: str | None = None,
          student_id: str | None = None, entity_id: str | None = None, due_at: dt.datetime | None = None,
          late: bool = False, reverts: str | None = None, entered_at: dt.datetime | None = None) -> dict:
    return dict(id=str(uuid.uuid4()), school_id=school_id, occurred_at=now, entered_at=entered_at,
                actor_subject=principal.subject,
                actor_roles=sorted(principal.roles),
                actor_person_id=principal.person_id or None, client_address=client_address, entity=entity,
                entity_id=entity_id, lesson_id=lesson_id, student_id=student_id, old_value=old, new_value=new,
                reason=reason, due_at=due_at, late=late, reverts=reverts)


class LedgerStore:
    """The ledger of the unit of work's school: rows written, and the school's control views' reads of it."""

    def __init__(self, session: Session):
        self.session = session

    def write(self, rows: list[dict]) -> None:
        """The rows in one statement."""
        row_arrays.insert(self.session, ledger, rows)

    def changes_between(self, since: dt.datetime, until: dt.datetime) -> list:
        """The ledger's rows of the period with their lessons' teachers and dates, oldest first."""
        return self.session.execute(
            select(ledger.c.occurred_at, ledger.c.actor_subject, ledger.c.actor_person_id, ledger.c.entity,
                   ledger.c.entity_id, ledger.c.lesson_id, lesson_records.c.teacher_id, lesson_records.c.lesson_date,
                   lesson_records.c.substitute_teacher_id)
            .select_from(ledger.outerjoin(lesson_records, and_(lesson_records.c.school_id == ledger.c.school_id,
                                                               lesson_records.c.lesson_id == ledger.c.lesson_id)))
            .where(ledger.c.occurred_at >= since, ledger.c.occurred_at < until).order_by(ledger.c.occurred_at)).all()

    def late_entries(self, start: dt.date, end: dt.date, teacher_id: str, class_group_id: str, limit: int) -> list:
        """The late ledger rows of the lessons of the period (of one teacher, one class group when given), by
        teacher, class group, lesson and time."""
        records = lesson_records.c
        query = (select(ledger.c.id, ledger.c.occurred_at, ledger.c.due_at, ledger.c.entity, ledger.c.lesson_id,
                        ledger.c.actor_person_id, ledger.c.student_id, records.lesson_date, records.lesson_number,
                        records.class_group_id, records.subject_name, records.teacher_id)
                 .select_from(ledger.join(lesson_records, and_(records.school_id == ledger.c.school_id,
                                                               records.lesson_id == ledger.c.lesson_id)))
                 .where(ledger.c.late, records.lesson_date >= start, records.lesson_date <= end)
                 .order_by(records.teacher_id, records.class_group_id, records.lesson_date, records.lesson_number,
                           ledger.c.occurred_at)
                 .limit(limit))
        if teacher_id:
            query = query.where(records.teacher_id == teacher_id)
        if class_group_id:
            query = query.where(records.class_group_id == class_group_id)
        return self.session.execute(query).all()
