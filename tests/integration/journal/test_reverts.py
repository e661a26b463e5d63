"""Compromised accounts (T8) on the real PostgreSQL: the school administrator lists a person's journal changes
after a time and reverts them newest first; a later change by someone else is a conflict, not overwritten; each
revert is a ledger row naming the reverted one, with its event; reverting again changes nothing."""
import datetime as dt
import uuid

import grpc
import pytest
from sqlalchemy import select

from proto.identity.v1 import identity_pb2
from proto.journal.v1 import journal_pb2 as pb
from services.common.consumer import IdempotentConsumer
from services.common.outbox import envelope
from services.journal.adapters import tables
from services.journal.adapters.tables import ledger, marks
from services.journal.entrypoints.consumers import handlers
from tests.integration.journal.conftest import act_as_person
from tests.integration.journal.test_final_marks_and_plans import set_final
from tests.integration.journal.test_policy_and_locks import refused
from tests.integration.journal.test_service import event_types, ledger_rows, save
from tests.integration.journal.test_term_marks import as_teacher_of, set_mark

pytestmark = pytest.mark.stack


def changes(journal, school_id, actor, since):
    return journal.call("ListActorChanges", pb.ListActorChangesRequest(
        school_id=school_id, actor_person_id=actor, since=since.isoformat())).changes


def revert(journal, school_id, actor, since, reason="Обращение о взломе от 10.03", ledger_ids=()):
    return journal.call("RevertActorChanges", pb.RevertActorChangesRequest(
        school_id=school_id, actor_person_id=actor, since=since.isoformat(), reason=reason,
        ledger_ids=list(ledger_ids)))


def test_the_admin_reverts_a_compromised_teachers_changes_and_conflicts_are_reported(journal, past_lesson):
    a, b, c = past_lesson.students
    school, teacher = past_lesson.school_id, past_lesson.teacher_id
    substitute = str(uuid.uuid4())
    past_lesson.lesson.substitute_teacher_id = substitute
    save(journal, past_lesson, topic="Дроби", reason="Урок",
         marks=[dict(student_id=a, value="4"), dict(student_id=c, value="5", work_type="oral", comment="Молодец")])
    with journal.db.tenant_session(school) as session:
        c_mark = session.scalar(select(marks.c.id).where(marks.c.student_id == c))
    since = dt.datetime.now(dt.UTC)
    hacked = dict(topic="Взлом", reason="Взлом", attendance=[dict(student_id=c, status="absent")])
    save(journal, past_lesson, marks=[dict(student_id=a, value="2"), dict(student_id=b, value="5")], **hacked)
    act_as_person(journal, school, substitute, "subject_teacher")
    save(journal, past_lesson, marks=[dict(student_id=a, value="2"), dict(student_id=b, value="3")],
         reason="Исправил отметку Б", **{k: v for k, v in hacked.items() if k != "reason"})

    journal.principals.grant(school, "director")
    listed = changes(journal, school, teacher, since)
    assert sorted((x.entity, x.student_id) for x in listed) == [
        ("attendance", c), ("mark", a), ("mark", b), ("mark", c), ("topic", "")]
    assert all(x.revertible and not x.reverted for x in listed)
    assert refused(revert, journal, school, teacher, since)[0] == grpc.StatusCode.PERMISSION_DENIED
    act_as_person(journal, school, teacher, "subject_teacher")
    assert refused(changes, journal, school, teacher, since)[0] == grpc.StatusCode.PERMISSION_DENIED

    journal.principals.grant(school, "school_admin", person_id=str(uuid.uuid4()), subject="admin")
    before = len(ledger_rows(journal, school))
    result = revert(journal, school, teacher, since)
    assert (result.reverted, result.conflicts) == (4, 1)
    conflict = next(o for o in result.outcomes if o.result == "conflict")
    assert conflict.ledger_id == next(x.ledger_id for x in listed if x.student_id == b) and "изменена позже" in conflict.message
    journal.principals.grant(school, "deputy_head")
    record = journal.call("GetLessonRecord", pb.GetLessonRecordRequest(school_id=school, lesson_id=past_lesson.lesson.id))
    assert record.topic == "Дроби" and list(record.attendance) == []
    assert sorted((m.student_id, m.value, m.comment) for m in record.marks) == sorted(
        [(a, "4", ""), (b, "3", ""), (c, "5", "Молодец")])
    assert next(m.id for m in record.marks if m.student_id == c) == c_mark  # restored as it was
    rows = ledger_rows(journal, school)[before:]
    assert sorted(r.reverts for r in rows) == sorted(o.ledger_id for o in result.outcomes if o.result == "reverted")
    assert all(r.reason == "Отмена изменений скомпрометированной учётной записи: Обращение о взломе от 10.03"
               and r.actor_subject == "admin" for r in rows)
    assert {"MarkChanged", "MarkRecorded", "TopicSet", "AttendanceRecorded"} <= set(event_types(journal, school))

    journal.principals.grant(school, "school_admin", person_id=str(uuid.uuid4()), subject="admin")
    again = revert(journal, school, teacher, since)
    assert sorted(o.result for o in again.outcomes) == ["already_reverted"] * 4 + ["conflict"]
    assert [x.reverted for x in changes(journal, school, teacher, since)].count(True) == 4
    code, _, fields = refused(revert, journal, school, teacher, since, ledger_ids=[str(uuid.uuid4())])
    assert code == grpc.StatusCode.INVALID_ARGUMENT and "ledger_ids" in fields
    code, _, fields = refused(revert, journal, school, teacher, dt.datetime(2026, 3, 10, 12))
    assert code == grpc.StatusCode.INVALID_ARGUMENT and "since" in fields
    assert "reason" in refused(revert, journal, school, teacher, since, reason=" ")[2]


def test_term_and_final_marks_are_reverted_and_only_the_chosen_rows(journal, term):
    a = term.students[0]
    as_teacher_of(journal, term, term.history)
    teacher = term.history[0].teacher_id
    since = dt.datetime.now(dt.UTC)
    set_mark(journal, term, a, term.history, "ОСВ")
    set_mark(journal, term, a, term.history, "Н/А")
    set_final(journal, term, a, term.history, "annual", "Н/А")
    journal.principals.grant(term.school_id, "school_admin", person_id=str(uuid.uuid4()))
    listed = changes(journal, term.school_id, teacher, since)
    assert [x.entity for x in listed] == ["final_mark", "term_mark", "term_mark"]
    only_final = revert(journal, term.school_id, teacher, since, ledger_ids=[listed[0].ledger_id])
    assert [o.result for o in only_final.outcomes] == ["reverted"]
    assert list(journal.call("ListFinalMarks", pb.ListFinalMarksRequest(
        school_id=term.school_id, class_group_id=term.class_group_id)).final_marks) == []
    assert revert(journal, term.school_id, teacher, since).reverted == 2
    assert list(journal.call("ListTermMarks", pb.ListTermMarksRequest(
        school_id=term.school_id, class_group_id=term.class_group_id, term_id=term.term.id)).term_marks) == []
    with journal.db.tenant_session(term.school_id) as session:
        assert session.scalar(select(ledger.c.new_value).where(ledger.c.reverts == listed[2].ledger_id)) is None


def test_accounts_reported_compromised_are_listed_with_their_changes(journal, past_lesson):
    school, teacher, a = past_lesson.school_id, past_lesson.teacher_id, past_lesson.students[0]
    save(journal, past_lesson, topic="До сообщения", reason="Урок")
    reported_at = dt.datetime.now(dt.UTC)
    save(journal, past_lesson, topic="После сообщения", marks=[dict(student_id=a, value="2")], reason="Взлом")
    consumer = IdempotentConsumer(journal.db, tables.inbox, handlers)
    raw = envelope(school, identity_pb2.AccountCompromised(
        person_id=teacher, subject=f"subject-{teacher}", reported_at=reported_at.isoformat(),
        reported_by="admin"), actor="test").SerializeToString()
    assert consumer.handle(raw) and not consumer.handle(raw)  # once
    journal.principals.grant(school, "school_admin", person_id=str(uuid.uuid4()), subject="admin")

    def listed(**kw):
        return journal.call("ListCompromisedAccounts", pb.ListCompromisedAccountsRequest(school_id=school, **kw)).accounts
    (account,) = listed()
    assert (account.person_id, account.reported_by) == (teacher, "admin")
    assert (account.changes_since_report, account.changes_in_window, account.not_reverted) == (2, 1, 3)
    revert(journal, school, teacher, reported_at)
    assert listed(window_hours=1)[0].not_reverted == 1  # the change before the report stays for review
    assert "window_hours" in refused(listed, window_hours=1000)[2]


def test_a_students_own_homework_is_listed_but_never_reverted_as_the_lessons(journal, past_lesson):
    """Individual homework shares the ledger entity "homework" with the lesson's: reverting it as the lesson's
    would publish one student's task to the class. It is listed as not revertible and left alone."""
    from tests.integration.journal.test_homework import own_homework

    a, *_ = past_lesson.students
    school, teacher = past_lesson.school_id, past_lesson.teacher_id
    save(journal, past_lesson, topic="Задачи", homework="№ 1–5", reason="Урок")
    since = dt.datetime.now(dt.UTC)
    own_homework(journal, past_lesson, a, "Личное задание")
    journal.principals.grant(school, "school_admin")
    [change] = changes(journal, school, teacher, since)
    assert (change.entity, change.student_id, change.revertible) == ("homework", a, False)
    [outcome] = revert(journal, school, teacher, since, ledger_ids=[change.ledger_id]).outcomes
    assert outcome.result == "not_revertible"
    act_as_person(journal, school, teacher, "subject_teacher")
    record = journal.call("GetLessonRecord", pb.GetLessonRecordRequest(school_id=school,
                                                                       lesson_id=past_lesson.lesson.id))
    assert record.homework == "№ 1–5"
