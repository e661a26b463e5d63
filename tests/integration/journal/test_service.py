"""The journal service on the real PostgreSQL: saving whole lessons with their ledger and events,
reasons for late changes, the class list, authorization, the diary, tenant isolation, atomicity and
the append-only ledger."""
import datetime as dt
import uuid

import grpc
import pytest
from sqlalchemy import delete, func, select, text, update
from sqlalchemy import event as sqlalchemy_event
from sqlalchemy.exc import ProgrammingError

from proto.events.v1.envelope_pb2 import Envelope
from proto.journal.v1 import journal_pb2 as pb
from proto.schedule.v1 import schedule_pb2
from services.common import context
from services.common.auth import caller_from_claims
from services.common.errors import reason_of
from services.common.scope import Scope
from services.journal.adapters.tables import attendance, ledger, lesson_records, marks, outbox
from services.journal.domain.lesson_entry import LessonInput, MarkInput
from services.journal.service_layer import lesson_record as handlers
from services.journal.service_layer.unit_of_work import JournalUnitOfWork
from tests.integration.journal.conftest import add_lesson
from tests.support.grpc_harness import rpc_error

pytestmark = pytest.mark.stack


def save(journal, lesson, marks=(), attendance=(), topic="", homework="", reason="", forwarded_for=None):
    return journal.call("SaveLesson", pb.SaveLessonRequest(
        school_id=lesson.school_id, lesson_id=lesson.lesson.id, topic=topic, homework=homework, reason=reason,
        marks=[pb.MarkInput(**m) for m in marks], attendance=[pb.AttendanceInput(**a) for a in attendance]),
        forwarded_for=forwarded_for)


def ledger_rows(journal, school_id: str) -> list:
    with journal.db.tenant_session(school_id) as session:
        return session.execute(select(ledger).order_by(ledger.c.occurred_at, ledger.c.entity, ledger.c.student_id)).all()


def event_types(journal, school_id: str) -> list[str]:
    with journal.db.tenant_session(school_id) as session:
        rows = session.scalars(select(outbox.c.payload).order_by(outbox.c.created_at)).all()
    return sorted(Envelope.FromString(raw).type.rsplit(".", 1)[1] for raw in rows)


def published(journal, school_id: str, kind: type) -> list:
    """The school's outbox events of this message type, oldest first."""
    with journal.db.tenant_session(school_id) as session:
        rows = session.scalars(select(outbox.c.payload).where(outbox.c.type == f"otmetka.journal.v1.{kind.__name__}")
                               .order_by(outbox.c.seq)).all()
    events = []
    for raw in rows:
        event = kind()
        Envelope.FromString(raw).payload.Unpack(event)
        events.append(event)
    return events


def counts(journal, school_id: str) -> tuple[int, ...]:
    with journal.db.tenant_session(school_id) as session:
        return tuple(session.scalar(select(func.count()).select_from(t))
                     for t in (lesson_records, marks, attendance, ledger, outbox))


def test_a_lesson_is_saved_with_a_ledger_row_and_an_event_for_every_change(journal, today_lesson):
    a, b, c = today_lesson.students
    record = save(journal, today_lesson, topic="Дроби", homework="№ 12",
                  marks=[dict(student_id=a, value="5", comment="у доски"), dict(student_id=a, value="4", work_type="test")],
                  attendance=[dict(student_id=b, status="ill")], forwarded_for="203.0.113.7, 10.0.0.1")
    assert (record.topic, record.homework, record.subject_name) == ("Дроби", "№ 12", "Математика")
    assert [(m.student_id, m.work_type, m.value, m.comment) for m in record.marks] == [
        (a, "classwork", "5", "у доски"), (a, "test", "4", "")]
    assert record.marks[0].lesson_date == today_lesson.lesson.date
    assert [(e.student_id, e.status) for e in record.attendance] == [(b, "ill")]
    rows = ledger_rows(journal, today_lesson.school_id)
    assert sorted(r.entity for r in rows) == ["attendance", "homework", "mark", "mark", "topic"]
    assert {r.client_address for r in rows} == {"203.0.113.7"}
    assert {r.actor_subject for r in rows} == {f"subject-{today_lesson.teacher_id}"}
    assert rows[0].actor_roles == ["subject_teacher"]
    assert event_types(journal, today_lesson.school_id) == [
        "AttendanceRecorded", "HomeworkSet", "MarkRecorded", "MarkRecorded", "TopicSet"]

    record = save(journal, today_lesson, topic="Дроби", homework="№ 12, 14",
                  marks=[dict(student_id=a, value="3"), dict(student_id=c, value="5")],
                  attendance=[dict(student_id=b, status="excused"), dict(student_id=c, status="late")])
    assert [(m.student_id, m.work_type, m.value) for m in record.marks] == sorted(
        [(a, "classwork", "3"), (c, "classwork", "5")])
    new_rows = ledger_rows(journal, today_lesson.school_id)[len(rows):]
    assert {r.client_address for r in new_rows} == {"127.0.0.1"}, "without x-forwarded-for: the gRPC peer"
    changed = next(r for r in new_rows if r.entity == "mark" and r.old_value and r.new_value)
    assert (changed.old_value["value"], changed.new_value["value"], changed.student_id) == ("5", "3", a)
    removed = next(r for r in new_rows if r.entity == "mark" and r.new_value is None)
    assert removed.old_value == {"value": "4", "work_type": "test", "comment": ""}
    excused = next(r for r in new_rows if r.entity == "attendance" and r.student_id == b)
    assert (excused.old_value, excused.new_value) == ({"status": "ill"}, {"status": "excused"})
    assert sorted(r.entity for r in new_rows) == ["attendance", "attendance", "homework", "mark", "mark", "mark"]
    assert event_types(journal, today_lesson.school_id).count("MarkChanged") == 1
    assert event_types(journal, today_lesson.school_id).count("MarkDeleted") == 1

    same = save(journal, today_lesson, topic="Дроби", homework="№ 12, 14",
                marks=[dict(student_id=a, value="3"), dict(student_id=c, value="5")],
                attendance=[dict(student_id=b, status="excused"), dict(student_id=c, status="late")])
    assert same == record
    assert len(ledger_rows(journal, today_lesson.school_id)) == len(rows) + len(new_rows), "no change, no ledger row"


def test_a_change_after_the_lesson_day_needs_a_reason(journal, past_lesson):
    a = past_lesson.students[0]
    with pytest.raises(grpc.RpcError) as err:
        save(journal, past_lesson, marks=[dict(student_id=a, value="5")])
    code, message, fields = rpc_error(err)
    assert code == grpc.StatusCode.INVALID_ARGUMENT and "reason" in fields and "причину" in message
    save(journal, past_lesson, marks=[dict(student_id=a, value="5")], reason="Запись из бумажного журнала")
    assert [r.reason for r in ledger_rows(journal, past_lesson.school_id)] == ["Запись из бумажного журнала"]


@pytest.mark.parametrize(("change", "field_text"), [({"year_closed": True}, "закрытого учебного года"),
                                                    ({"status": "cancelled"}, "отменён")])
def test_lessons_of_a_closed_year_and_cancelled_lessons_are_not_recorded(journal, today_lesson, change, field_text):
    journal.schedule.lessons[today_lesson.lesson.id] = schedule_pb2.Lesson(**{
        **{f.name: getattr(today_lesson.lesson, f.name) for f in today_lesson.lesson.DESCRIPTOR.fields}, **change})
    with pytest.raises(grpc.RpcError) as err:
        save(journal, today_lesson, marks=[dict(student_id=today_lesson.students[0], value="5")])
    code, _, fields = rpc_error(err)
    assert code == grpc.StatusCode.FAILED_PRECONDITION and field_text in fields["lesson_id"]
    with journal.db.tenant_session(today_lesson.school_id) as session:
        assert session.scalar(select(func.count()).select_from(marks)) == 0


def test_marks_and_attendance_only_for_students_of_the_class(journal, today_lesson):
    stranger = str(uuid.uuid4())
    for kwargs, field in [(dict(marks=[dict(student_id=today_lesson.students[0], value="5"),
                                       dict(student_id=stranger, value="4")]), "marks[1].student_id"),
                          (dict(attendance=[dict(student_id=stranger, status="ill")]), "attendance[0].student_id"),
                          (dict(marks=[dict(student_id=today_lesson.students[0], value="5+")]), "marks[0].value")]:
        with pytest.raises(grpc.RpcError) as err:
            save(journal, today_lesson, **kwargs)
        code, _, fields = rpc_error(err)
        assert (code, list(fields)) == (grpc.StatusCode.INVALID_ARGUMENT, [field])
    assert counts(journal, today_lesson.school_id) == (0, 0, 0, 0, 0)


def test_only_the_lessons_teacher_records_it(journal, today_lesson):
    journal.principals.grant(today_lesson.school_id, "subject_teacher", person_id=str(uuid.uuid4()))
    with pytest.raises(grpc.RpcError) as err:
        save(journal, today_lesson, topic="Чужой урок")
    assert err.value.code() == grpc.StatusCode.PERMISSION_DENIED
    journal.principals.grant(today_lesson.school_id, "secretary", person_id=str(uuid.uuid4()))
    with pytest.raises(grpc.RpcError) as err:
        save(journal, today_lesson, topic="Секретарь")
    assert err.value.code() == grpc.StatusCode.PERMISSION_DENIED
    journal.principals.grant(today_lesson.school_id, "deputy_head", person_id=str(uuid.uuid4()))
    with pytest.raises(grpc.RpcError) as err:  # the deputy head corrects any lesson (004 §7.6), always saying why
        save(journal, today_lesson, topic="Завуч")
    assert err.value.code() == grpc.StatusCode.INVALID_ARGUMENT
    # the deputy head may read the (still empty) record, built from the schedule's lesson
    record = journal.call("GetLessonRecord", pb.GetLessonRecordRequest(
        school_id=today_lesson.school_id, lesson_id=today_lesson.lesson.id))
    assert (record.lesson_id, record.subject_name, record.topic, list(record.marks)) == (
        today_lesson.lesson.id, "Математика", "", [])
    journal.principals.grant(today_lesson.school_id, "secretary", person_id=str(uuid.uuid4()))
    with pytest.raises(grpc.RpcError) as err:
        journal.call("SaveLesson", pb.SaveLessonRequest(school_id=today_lesson.school_id, lesson_id=str(uuid.uuid4())))
    assert err.value.code() == grpc.StatusCode.PERMISSION_DENIED
    journal.principals.grant(today_lesson.school_id, "subject_teacher", person_id=today_lesson.teacher_id)
    with pytest.raises(grpc.RpcError) as err:
        journal.call("SaveLesson", pb.SaveLessonRequest(school_id=today_lesson.school_id, lesson_id=str(uuid.uuid4())))
    assert err.value.code() == grpc.StatusCode.NOT_FOUND, "the schedule's NotFound passes through"
    assert counts(journal, today_lesson.school_id) == (0, 0, 0, 0, 0)


def test_a_failure_in_the_middle_of_a_save_writes_nothing(journal, today_lesson):
    a, b, c = today_lesson.students
    save(journal, today_lesson, topic="Дроби", marks=[dict(student_id=a, value="5")])
    before = counts(journal, today_lesson.school_id)

    with pytest.raises(grpc.RpcError) as err:  # a bad mark between good ones
        save(journal, today_lesson, topic="Другая тема",
             marks=[dict(student_id=a, value="4"), dict(student_id=b, value="7"), dict(student_id=c, value="5")])
    assert list(rpc_error(err)[2]) == ["marks[1].value"]

    class FailingOutbox:
        """Lets two events through, then fails: as if the database broke mid-transaction."""

        def __init__(self, inner):
            self.inner, self.left = inner, 2

        def add(self, *args, **kwargs):
            self.left -= 1
            if self.left < 0:
                raise RuntimeError("outbox write failed")
            return self.inner.add(*args, **kwargs)

        def add_all(self, session, school_id, payloads):
            self.inner.add_all(session, school_id, payloads[:self.left])
            raise RuntimeError("outbox write failed")

    scope = Scope(today_lesson.school_id, journal.principals)
    uow = JournalUnitOfWork(journal.db, FailingOutbox(journal.outbox), scope, journal.schedule, journal.identity)
    tokens = context.bind(caller_from_claims({"sub": "teacher"}, "token"))
    try:
        with pytest.raises(RuntimeError):
            handlers.save_lesson(scope, uow, LessonInput(today_lesson.lesson.id, "Другая тема", "§ 3",
                                                         [MarkInput(a, "4"), MarkInput(b, "3"), MarkInput(c, "5")], []))
    finally:
        context.reset(tokens)
    assert counts(journal, today_lesson.school_id) == before
    record = journal.call("GetLessonRecord", pb.GetLessonRecordRequest(
        school_id=today_lesson.school_id, lesson_id=today_lesson.lesson.id))
    assert (record.topic, [m.value for m in record.marks]) == ("Дроби", ["5"])


def test_the_app_role_cannot_update_or_delete_ledger_rows(journal, today_lesson):
    save(journal, today_lesson, topic="Дроби", marks=[dict(student_id=today_lesson.students[0], value="5")])
    for statement in (update(ledger).values(reason="подчищено"), delete(ledger),
                      text("TRUNCATE ledger")):
        with pytest.raises(ProgrammingError, match="permission denied"):
            with journal.db.tenant_session(today_lesson.school_id) as session:
                session.execute(statement)
    assert [r.reason for r in ledger_rows(journal, today_lesson.school_id)] == ["", ""]


def test_one_school_never_sees_another_schools_journal(journal, today_lesson):
    save(journal, today_lesson, topic="Дроби", marks=[dict(student_id=today_lesson.students[0], value="5")])
    other = str(uuid.uuid4())
    journal.principals.grant(other, "director")
    with pytest.raises(grpc.RpcError) as err:
        journal.call("GetLessonRecord", pb.GetLessonRecordRequest(school_id=other, lesson_id=today_lesson.lesson.id))
    assert err.value.code() == grpc.StatusCode.NOT_FOUND
    with journal.db.tenant_session(other) as session:
        for table in (lesson_records, marks, ledger, outbox):
            assert session.scalar(select(func.count()).select_from(table)
                                  .where(table.c.school_id == today_lesson.school_id)) == 0


def test_the_diary_shows_own_lessons_marks_and_attendance(journal, past_lesson):
    a, b, _ = past_lesson.students
    school_id, group = past_lesson.school_id, past_lesson.lesson.class_group_id
    save(journal, past_lesson, topic="Натуральные числа", homework="§1", reason="Перенос",
         marks=[dict(student_id=a, value="5"), dict(student_id=b, value="3")], attendance=[dict(student_id=b, status="ill")])
    day = dt.date.fromisoformat(past_lesson.lesson.date)
    later = add_lesson(journal, school_id, group, past_lesson.teacher_id, day, lesson_number=3)
    add_lesson(journal, school_id, group, past_lesson.teacher_id, day + dt.timedelta(days=7))  # outside the range

    journal.principals.grant(school_id, "guardian", person_id=str(uuid.uuid4()), student_ids=[b])
    week = dict(date_from=day.isoformat(), date_to=(day + dt.timedelta(days=6)).isoformat())
    diary = journal.call("GetDiary", pb.GetDiaryRequest(school_id=school_id, student_id=b, **week))
    assert [(e.lesson_id, e.lesson_number) for e in diary.entries] == [(past_lesson.lesson.id, 1), (later.id, 3)]
    first = diary.entries[0]
    assert (first.topic, first.homework, first.attendance, [m.value for m in first.marks]) == (
        "Натуральные числа", "§1", "ill", ["3"])
    assert (diary.entries[1].topic, list(diary.entries[1].marks)) == ("", [])
    # the names a family's diary shows, which a family may not ask the journal for otherwise
    assert ("classwork", "Работа на уроке") in {(w.code, w.name) for w in diary.work_types}
    assert ("ill", "Б — болел") in {(k.code, k.name) for k in diary.attendance_kinds}

    for student_id, days, code in [(a, 6, grpc.StatusCode.PERMISSION_DENIED), (b, 62, grpc.StatusCode.INVALID_ARGUMENT)]:
        with pytest.raises(grpc.RpcError) as err:
            journal.call("GetDiary", pb.GetDiaryRequest(school_id=school_id, student_id=student_id,
                                                        date_from=day.isoformat(),
                                                        date_to=(day + dt.timedelta(days=days)).isoformat()))
        assert err.value.code() == code


def test_a_save_changes_marks_and_attendance_with_one_statement_per_kind_of_change(journal, today_lesson):
    a, b, c = today_lesson.students
    save(journal, today_lesson, marks=[dict(student_id=s, value="3") for s in (a, b, c)],
         attendance=[dict(student_id=s, status="late") for s in (a, b)])
    statements: list[str] = []

    def seen(conn, cursor, statement, parameters, context, executemany):
        statements.append(" ".join(statement.split()[:3]))
    sqlalchemy_event.listen(journal.db.engine, "before_cursor_execute", seen)
    try:
        record = save(journal, today_lesson, marks=[dict(student_id=s, value="5", comment="Исправлено") for s in (a, b)],
                      attendance=[dict(student_id=a, status="absent"), dict(student_id=b, status="ill"),
                                  dict(student_id=c, status="late")])
    finally:
        sqlalchemy_event.remove(journal.db.engine, "before_cursor_execute", seen)
    assert sorted((m.student_id, m.value, m.comment) for m in record.marks) == sorted(
        [(a, "5", "Исправлено"), (b, "5", "Исправлено")])
    assert sorted((e.student_id, e.status) for e in record.attendance) == sorted([(a, "absent"), (b, "ill"), (c, "late")])
    for kind in ("UPDATE marks SET", "DELETE FROM marks", "UPDATE attendance SET", "INSERT INTO attendance"):
        assert statements.count(kind) == 1, (kind, statements)


def test_every_change_bumps_the_lessons_revision_and_a_save_on_an_older_one_is_refused(journal, today_lesson):
    """The revision is the database's (triggers of migration 0015): a change by any path bumps it, a save that
    changes nothing does not; a save on an older revision is ABORTED with LESSON_CHANGED and writes nothing."""
    a, b, _ = today_lesson.students

    def revised(revision: int, **fields) -> pb.LessonRecord:
        return journal.call("SaveLesson", pb.SaveLessonRequest(
            school_id=today_lesson.school_id, lesson_id=today_lesson.lesson.id, expected_revision=revision,
            topic=fields.get("topic", "Дроби"), marks=[pb.MarkInput(**m) for m in fields.get("marks", ())],
            attendance=[pb.AttendanceInput(**x) for x in fields.get("attendance", ())]))

    first = revised(0, marks=[dict(student_id=a, value="5")])
    assert first.revision >= 1
    assert revised(first.revision, marks=[dict(student_id=a, value="5")]).revision == first.revision  # no change
    absent = revised(first.revision, marks=[dict(student_id=a, value="5")], attendance=[dict(student_id=b,
                                                                                             status="absent")])
    assert absent.revision > first.revision
    corrected = journal.call("CorrectAttendance", pb.CorrectAttendanceRequest(  # another path: the absence's reason
        school_id=today_lesson.school_id, lesson_id=today_lesson.lesson.id, student_id=b, status="ill",
        reason="справка"))
    assert corrected.status == "ill"
    before = counts(journal, today_lesson.school_id)
    with pytest.raises(grpc.RpcError) as err:
        revised(absent.revision, marks=[dict(student_id=a, value="4")])
    assert err.value.code() == grpc.StatusCode.ABORTED and reason_of(err.value) == "LESSON_CHANGED"
    assert counts(journal, today_lesson.school_id) == before
    now = journal.call("GetLessonRecord", pb.GetLessonRecordRequest(school_id=today_lesson.school_id,
                                                                    lesson_id=today_lesson.lesson.id))
    assert now.revision > absent.revision
    assert revised(now.revision, marks=[dict(student_id=a, value="4")],
                   attendance=[dict(student_id=b, status="ill")]).revision > now.revision


def test_a_mark_not_counted_is_kept_and_shown_but_weighs_nothing_in_the_average(journal, today_lesson):
    a, _, _ = today_lesson.students
    lesson = today_lesson.lesson

    def average() -> str:
        grid = journal.call("GetGrid", pb.GetGridRequest(school_id=today_lesson.school_id,
                                                         class_group_id=lesson.class_group_id,
                                                         subject_id=lesson.subject_id, date_from=lesson.date,
                                                         date_to=lesson.date))
        return next(s for s in grid.students if s.student_id == a).average

    record = save(journal, today_lesson, marks=[dict(student_id=a, value="5"),
                                                dict(student_id=a, value="2", work_type="test", not_counted=True)])
    assert sorted((m.value, m.not_counted) for m in record.marks) == [("2", True), ("5", False)]
    assert average() == "5.00"  # the 2 of the test is kept and shown, weight 0
    rows = [r.new_value for r in ledger_rows(journal, today_lesson.school_id) if r.entity == "mark"]
    assert {"value": "2", "work_type": "test", "comment": "", "not_counted": True} in rows
    save(journal, today_lesson, marks=[dict(student_id=a, value="5"), dict(student_id=a, value="2", work_type="test")])
    assert average() == "3.00"  # (5·1 + 2·2) / 3, counted again
    assert "MarkChanged" in event_types(journal, today_lesson.school_id)
