"""Consumer handlers that keep the read models up to date from identity, schedule and journal events.

Events of different services arrive in any order, so every handler upserts: a mark may create a
placeholder student, subject, class group or term whose name a later event fills in. Empty values in an
event never overwrite known ones. Schedule's AcademicYearClosed and the journal's JournalYearClosed together
make the year ready for the archive (year_closings.py).
"""
import datetime as dt

from sqlalchemy import Table, delete, func, update
from sqlalchemy.dialects.postgresql import insert
from sqlalchemy.orm import Session

from proto.events.v1.envelope_pb2 import Envelope
from proto.identity.v1 import identity_pb2
from proto.journal.v1 import journal_pb2
from proto.schedule.v1 import schedule_pb2
from services.common.consumer import EventHandlers
from services.common.outbox import Outbox
from services.reporting import tables, year_closings

handlers = EventHandlers()
outbox = Outbox("reporting", tables.outbox)


def upsert(session: Session, table: Table, school_id: str, key: dict, values: dict) -> None:
    """Inserts a row or updates the non-empty values of an existing one."""
    stmt = insert(table).values(school_id=school_id, **key, **{c: v for c, v in values.items() if v})
    changes = {c: stmt.excluded[c] for c, v in values.items() if v}
    if not changes:
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
    put_year(session, env.school_id, event.academic_year)


@handlers.on(schedule_pb2.TermsChanged)
def terms_changed(session: Session, event: schedule_pb2.TermsChanged, env: Envelope) -> None:
    """The year's terms as they are now: changed ones updated, new ones added, removed ones gone."""
    if event.removed_term_ids:
        session.execute(delete(tables.terms).where(tables.terms.c.id.in_(list(event.removed_term_ids))))
    put_year(session, env.school_id, event.academic_year)


def put_year(session: Session, school_id: str, year: schedule_pb2.AcademicYear) -> None:
    upsert(session, tables.academic_years, school_id, {"id": year.id}, {"name": year.name})
    for term in year.terms:
        upsert(session, tables.terms, school_id, {"id": term.id}, {
            "academic_year_id": year.id, "name": term.name,
            "start_date": dt.date.fromisoformat(term.start_date) if term.start_date else None,
            "grade_from": term.grade_from, "grade_to": term.grade_to})


@handlers.on(schedule_pb2.ClassGroupCreated)
def class_group_created(session: Session, event: schedule_pb2.ClassGroupCreated, env: Envelope) -> None:
    group = event.class_group
    upsert(session, tables.class_groups, env.school_id, {"id": group.id},
           {"name": group.name, "academic_year_id": group.academic_year_id or None, "grade": group.grade})


@handlers.on(schedule_pb2.SubjectCreated)
def subject_created(session: Session, event: schedule_pb2.SubjectCreated, env: Envelope) -> None:
    upsert(session, tables.subjects, env.school_id, {"id": event.subject.id}, {"name": event.subject.name})


def put_placeholders(session: Session, table: Table, school_id: str, rows: dict[str, dict]) -> None:
    """Rows (by id) named by marks but maybe not known yet: inserted if missing, never updated; written once
    per transaction, as a batch of marks names them many times."""
    written = session.info.setdefault("placeholders", set())
    new = sorted(i for i in rows if (table.name, i) not in written)
    if new:
        session.execute(insert(table).on_conflict_do_nothing(index_elements=["id"]),
                        [{"id": i, "school_id": school_id, **rows[i]} for i in new])
        written.update((table.name, i) for i in new)


@handlers.on_many(journal_pb2.MarkRecorded)
@handlers.on_many(journal_pb2.MarkChanged)
def put_marks(session: Session, events: list[tuple[journal_pb2.MarkRecorded | journal_pb2.MarkChanged, Envelope]]) -> None:
    """A run of recorded and changed marks of one school in four statements; a mark named twice keeps the last.
    A placeholder student takes the class of its mark."""
    school_id = events[0][1].school_id
    latest = {event.mark.id: event for event, _ in events}.values()
    put_placeholders(session, tables.students, school_id,
                     {e.mark.student_id: {"class_group_id": e.class_group_id or None} for e in latest})
    put_placeholders(session, tables.subjects, school_id, {e.mark.subject_id: {} for e in latest})
    put_placeholders(session, tables.class_groups, school_id, {e.class_group_id: {} for e in latest})
    stmt = insert(tables.marks)
    keep_if_empty = {c: func.coalesce(func.nullif(stmt.excluded[c], ""), tables.marks.c[c]) for c in ("value", "work_type")}
    session.execute(stmt.on_conflict_do_update(index_elements=["mark_id"], set_={
        **{c: stmt.excluded[c] for c in ("student_id", "subject_id", "class_group_id", "lesson_date")}, **keep_if_empty}),
        [{"mark_id": e.mark.id, "school_id": school_id, "student_id": e.mark.student_id,
          "subject_id": e.mark.subject_id, "class_group_id": e.class_group_id,
          "lesson_date": dt.date.fromisoformat(e.mark.lesson_date), "value": e.mark.value,
          "work_type": e.mark.work_type} for e in latest])


@handlers.on(journal_pb2.LessonRecordMoved)
def lesson_record_moved(session: Session, event: journal_pb2.LessonRecordMoved, env: Envelope) -> None:
    """The marks of a moved lesson are of its new date (setting it again changes nothing)."""
    if event.mark_ids:
        session.execute(update(tables.marks).where(tables.marks.c.mark_id.in_(list(event.mark_ids)))
                        .values(lesson_date=dt.date.fromisoformat(event.lesson_date)))


@handlers.on(journal_pb2.MarkDeleted)
def mark_deleted(session: Session, event: journal_pb2.MarkDeleted, env: Envelope) -> None:
    session.execute(delete(tables.marks).where(tables.marks.c.mark_id == event.mark.id))


def put_period_placeholders(session: Session, school_id: str, student_id: str, subject_id: str,
                            class_group_id: str) -> None:
    put_placeholders(session, tables.students, school_id, {student_id: {"class_group_id": class_group_id or None}})
    put_placeholders(session, tables.subjects, school_id, {subject_id: {}})
    put_placeholders(session, tables.class_groups, school_id, {class_group_id: {}})


def put_period_mark(session: Session, table: Table, school_id: str, mark_id: str, value: str, row: dict) -> None:
    """A period mark set or changed is upserted; removed (value "") is deleted."""
    if not value:
        session.execute(delete(table).where(table.c.id == mark_id))
        return
    put_period_placeholders(session, school_id, row["student_id"], row["subject_id"], row["class_group_id"])
    values = {**row, "value": value}
    stmt = insert(table).values(id=mark_id, school_id=school_id, **values)
    session.execute(stmt.on_conflict_do_update(index_elements=["id"], set_={c: stmt.excluded[c] for c in values}))


@handlers.on(journal_pb2.TermMarkSet)
def term_mark_set(session: Session, event: journal_pb2.TermMarkSet, env: Envelope) -> None:
    mark = event.term_mark
    if mark.value:
        put_placeholders(session, tables.terms, env.school_id, {mark.term_id: {}})
    put_period_mark(session, tables.term_marks, env.school_id, mark.id, mark.value, {
        "student_id": mark.student_id, "subject_id": mark.subject_id, "term_id": mark.term_id,
        "class_group_id": mark.class_group_id, "special": mark.special})


@handlers.on(journal_pb2.FinalMarkSet)
def final_mark_set(session: Session, event: journal_pb2.FinalMarkSet, env: Envelope) -> None:
    mark = event.final_mark
    put_period_mark(session, tables.final_marks, env.school_id, mark.id, mark.value, {
        "student_id": mark.student_id, "subject_id": mark.subject_id, "class_group_id": mark.class_group_id,
        "kind": mark.kind, "special": mark.special})


@handlers.on(schedule_pb2.AcademicYearClosed)
def academic_year_closed(session: Session, event: schedule_pb2.AcademicYearClosed, env: Envelope) -> None:
    year = event.academic_year
    year_closings.record(session, outbox, env.school_id, year.id, year.name, list(event.class_group_ids),
                         year_closings.SCHEDULE)


@handlers.on(journal_pb2.JournalYearClosed)
def journal_year_closed(session: Session, event: journal_pb2.JournalYearClosed, env: Envelope) -> None:
    year_closings.record(session, outbox, env.school_id, event.academic_year_id, event.academic_year_name,
                         list(event.class_group_ids), year_closings.JOURNAL)
