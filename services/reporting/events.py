"""Consumer handlers that keep the read models up to date from identity, schedule and journal events.

Events of different services arrive in any order, so every handler upserts: a mark may create a
placeholder student, subject or class group whose name a later event fills in. Empty values in an
event never overwrite known ones.
"""
import datetime as dt

from sqlalchemy import Table, delete
from sqlalchemy.dialects.postgresql import insert
from sqlalchemy.orm import Session

from proto.events.v1.envelope_pb2 import Envelope
from proto.identity.v1 import identity_pb2
from proto.journal.v1 import journal_pb2
from proto.schedule.v1 import schedule_pb2
from services.common.consumer import EventHandlers
from services.reporting import tables

handlers = EventHandlers()


def upsert(session: Session, table: Table, school_id: str, key: dict, values: dict, placeholder: bool = False) -> None:
    """Inserts a row or updates the non-empty values of an existing one (a placeholder never updates).
    A placeholder is written once per transaction: a batch of marks of one class names it many times."""
    if placeholder:
        written = session.info.setdefault("placeholders", set())
        if (table.name, *key.values()) in written:
            return
        written.add((table.name, *key.values()))
    stmt = insert(table).values(school_id=school_id, **key, **{c: v for c, v in values.items() if v})
    changes = {c: stmt.excluded[c] for c, v in values.items() if v}
    if placeholder or not changes:
        stmt = stmt.on_conflict_do_nothing(index_elements=list(key))
    else:
        stmt = stmt.on_conflict_do_update(index_elements=list(key), set_=changes)
    session.execute(stmt)


def full_name(name: identity_pb2.PersonName) -> str:
    return " ".join(part for part in (name.last_name, name.first_name, name.middle_name) if part)


@handlers.on(identity_pb2.PersonRegistered)
def person_registered(session: Session, event: identity_pb2.PersonRegistered, env: Envelope) -> None:
    person = event.person
    if person.kind == identity_pb2.STUDENT:
        upsert(session, tables.students, env.school_id, {"id": person.id},
               {"full_name": full_name(person.name), "class_group_id": person.class_group_id or None})


@handlers.on(identity_pb2.StudentEnrolled)
def student_enrolled(session: Session, event: identity_pb2.StudentEnrolled, env: Envelope) -> None:
    upsert(session, tables.students, env.school_id, {"id": event.student_id},
           {"full_name": event.full_name, "class_group_id": event.class_group_id or None})


@handlers.on(schedule_pb2.AcademicYearCreated)
def academic_year_created(session: Session, event: schedule_pb2.AcademicYearCreated, env: Envelope) -> None:
    year = event.academic_year
    upsert(session, tables.academic_years, env.school_id, {"id": year.id}, {"name": year.name})


@handlers.on(schedule_pb2.ClassGroupCreated)
def class_group_created(session: Session, event: schedule_pb2.ClassGroupCreated, env: Envelope) -> None:
    group = event.class_group
    upsert(session, tables.class_groups, env.school_id, {"id": group.id},
           {"name": group.name, "academic_year_id": group.academic_year_id or None})


@handlers.on(schedule_pb2.SubjectCreated)
def subject_created(session: Session, event: schedule_pb2.SubjectCreated, env: Envelope) -> None:
    upsert(session, tables.subjects, env.school_id, {"id": event.subject.id}, {"name": event.subject.name})


def put_mark(session: Session, event: journal_pb2.MarkRecorded | journal_pb2.MarkChanged, env: Envelope) -> None:
    mark, school_id = event.mark, env.school_id
    upsert(session, tables.students, school_id, {"id": mark.student_id},
           {"class_group_id": event.class_group_id}, placeholder=True)
    upsert(session, tables.subjects, school_id, {"id": mark.subject_id}, {}, placeholder=True)
    upsert(session, tables.class_groups, school_id, {"id": event.class_group_id}, {}, placeholder=True)
    upsert(session, tables.marks, school_id, {"mark_id": mark.id}, {
        "student_id": mark.student_id, "subject_id": mark.subject_id, "class_group_id": event.class_group_id,
        "lesson_date": dt.date.fromisoformat(mark.lesson_date), "value": mark.value, "work_type": mark.work_type,
    })


handlers.on(journal_pb2.MarkRecorded)(put_mark)
handlers.on(journal_pb2.MarkChanged)(put_mark)


@handlers.on(journal_pb2.MarkDeleted)
def mark_deleted(session: Session, event: journal_pb2.MarkDeleted, env: Envelope) -> None:
    session.execute(delete(tables.marks).where(tables.marks.c.mark_id == event.mark.id))
