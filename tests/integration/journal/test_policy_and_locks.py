"""The school's journal policy and edit locks on the real PostgreSQL: who changes the policy, old lessons closed
for their teacher, request → approval → the lesson opens for the policy's hours → it closes again; refusals;
the ledger row of every change; tenant isolation of the new tables."""
import datetime as dt
import uuid

import grpc
import pytest
from sqlalchemy import func, insert, select, update

from proto.journal.v1 import journal_pb2 as pb
from services.journal.adapters.tables import journal_policy, ledger, term_marks, unlock_requests
from tests.integration.journal.test_service import event_types, ledger_rows, save
from tests.support.grpc_harness import rpc_error

pytestmark = pytest.mark.stack


def refused(call, *args, **kwargs) -> tuple[grpc.StatusCode, str, dict]:
    with pytest.raises(grpc.RpcError) as err:
        call(*args, **kwargs)
    return rpc_error(err)


def act_as(journal, lesson, *roles: str, person_id: str | None = None) -> None:
    journal.principals.grant(lesson.school_id, *roles, person_id=person_id or str(uuid.uuid4()),
                                  subject=f"subject-{'-'.join(roles)}")


def as_teacher(journal, lesson) -> None:
    journal.principals.grant(lesson.school_id, "subject_teacher", person_id=lesson.teacher_id,
                                  subject=f"subject-{lesson.teacher_id}")


def get_policy(journal, school_id: str) -> pb.JournalPolicy:
    return journal.call("GetJournalPolicy", pb.GetJournalPolicyRequest(school_id=school_id))


def request_unlock(journal, lesson, reason="Ошибка в отметке Иванова"):
    return journal.call("RequestUnlock", pb.RequestUnlockRequest(school_id=lesson.school_id, lesson_id=lesson.lesson.id,
                                                                  reason=reason))


def decide(journal, lesson, request_id: str, decision: str, comment: str = ""):
    return journal.call("DecideUnlock", pb.DecideUnlockRequest(school_id=lesson.school_id, request_id=request_id,
                                                                decision=decision, comment=comment))


def test_the_policy_has_defaults_and_only_the_director_or_admin_changes_it(journal, today_lesson):
    school_id = today_lesson.school_id
    policy = get_policy(journal, school_id)
    assert (policy.edit_lock_days, policy.unlock_hours, policy.min_marks_1h, policy.min_marks_2h,
            policy.school_timezone) == (7, 24, 3, 5, "Europe/Moscow")
    change = pb.SetJournalPolicyRequest(school_id=school_id, edit_lock_days=3, school_timezone="Asia/Yekaterinburg")
    for role in ("subject_teacher", "deputy_head"):
        act_as(journal, today_lesson, role)
        assert refused(journal.call, "SetJournalPolicy", change)[0] == grpc.StatusCode.PERMISSION_DENIED
    act_as(journal, today_lesson, "director")
    code, message, fields = refused(journal.call, "SetJournalPolicy",
                                    pb.SetJournalPolicyRequest(school_id=school_id, edit_lock_days=400))
    assert (code, list(fields)) == (grpc.StatusCode.INVALID_ARGUMENT, ["edit_lock_days"]) and "от 0 до 365" in message
    assert refused(journal.call, "SetJournalPolicy", pb.SetJournalPolicyRequest(
        school_id=school_id, school_timezone="Mars/Olympus"))[2].keys() == {"school_timezone"}

    policy = journal.call("SetJournalPolicy", change)
    assert (policy.edit_lock_days, policy.unlock_hours, policy.school_timezone) == (3, 24, "Asia/Yekaterinburg")
    act_as(journal, today_lesson, "school_admin")
    assert journal.call("SetJournalPolicy", pb.SetJournalPolicyRequest(school_id=school_id, unlock_hours=48)) == \
        get_policy(journal, school_id) != policy
    journal.call("SetJournalPolicy", pb.SetJournalPolicyRequest(school_id=school_id, unlock_hours=48))  # no change
    rows = [r for r in ledger_rows(journal, school_id) if r.entity == "policy"]
    assert sorted(((r.old_value, r.new_value) for r in rows), key=str) == [
        ({"edit_lock_days": "7"}, {"edit_lock_days": "3"}),
        ({"school_timezone": "Europe/Moscow"}, {"school_timezone": "Asia/Yekaterinburg"}),
        ({"unlock_hours": "24"}, {"unlock_hours": "48"})]
    assert {r.lesson_id for r in rows} == {None}

    other = str(uuid.uuid4())
    journal.principals.grant(other, "director")
    assert get_policy(journal, other).edit_lock_days == 7, "one school's policy is not another's"


def test_an_old_lesson_opens_for_its_teacher_only_after_an_approved_request_and_closes_again(journal, old_lesson):
    school_id, a = old_lesson.school_id, old_lesson.students[0]
    code, message, fields = refused(save, journal, old_lesson, marks=[dict(student_id=a, value="5")], reason="Поздно")
    assert (code, list(fields)) == (grpc.StatusCode.FAILED_PRECONDITION, ["lesson_id"])
    assert "Урок закрыт для изменений" in message and "больше 7 дн." in message and "запрос на открытие" in message

    act_as(journal, old_lesson, "subject_teacher")
    assert refused(request_unlock, journal, old_lesson)[0] == grpc.StatusCode.PERMISSION_DENIED, "not their lesson"
    as_teacher(journal, old_lesson)
    assert list(refused(request_unlock, journal, old_lesson, reason=" ")[2]) == ["reason"]
    request = request_unlock(journal, old_lesson)
    assert (request.status, request.lesson_id, request.teacher_id, request.expires_at) == (
        "pending", old_lesson.lesson.id, old_lesson.teacher_id, "")
    assert refused(request_unlock, journal, old_lesson)[0] == grpc.StatusCode.ALREADY_EXISTS
    assert refused(journal.call, "ListUnlockRequests", pb.ListUnlockRequestsRequest(
        school_id=school_id))[0] == grpc.StatusCode.PERMISSION_DENIED
    assert refused(decide, journal, old_lesson, request.id, "approve")[0] == grpc.StatusCode.PERMISSION_DENIED
    assert refused(save, journal, old_lesson, topic="Дроби", reason="Ждёт решения")[0] == \
        grpc.StatusCode.FAILED_PRECONDITION

    act_as(journal, old_lesson, "deputy_head")
    listed = journal.call("ListUnlockRequests", pb.ListUnlockRequestsRequest(school_id=school_id, status="pending"))
    assert [(r.id, r.reason, r.subject_name, r.lesson_date) for r in listed.requests] == [
        (request.id, "Ошибка в отметке Иванова", "Математика", old_lesson.lesson.date)]
    assert list(refused(decide, journal, old_lesson, request.id, "maybe")[2]) == ["decision"]
    before = dt.datetime.now(dt.UTC)
    approved = decide(journal, old_lesson, request.id, "approve", "Исправить до вечера")
    expires = dt.datetime.fromisoformat(approved.expires_at)
    assert approved.status == "approved" and dt.timedelta(hours=24) <= expires - before < dt.timedelta(hours=24, minutes=1)
    assert refused(decide, journal, old_lesson, request.id, "refuse", "Передумал")[0] == \
        grpc.StatusCode.FAILED_PRECONDITION, "decided once"

    as_teacher(journal, old_lesson)
    code, _, fields = refused(save, journal, old_lesson, marks=[dict(student_id=a, value="5")])
    assert (code, list(fields)) == (grpc.StatusCode.INVALID_ARGUMENT, ["reason"]), "an opened lesson still needs a reason"
    record = save(journal, old_lesson, marks=[dict(student_id=a, value="5")], reason="Запись из бумажного журнала")
    assert [m.value for m in record.marks] == ["5"]
    assert refused(request_unlock, journal, old_lesson)[0] == grpc.StatusCode.FAILED_PRECONDITION, "already open"

    with journal.db.tenant_session(school_id) as session:  # the day passes
        session.execute(update(unlock_requests).where(unlock_requests.c.id == request.id)
                        .values(expires_at=dt.datetime.now(dt.UTC) - dt.timedelta(seconds=1)))
    assert refused(save, journal, old_lesson, marks=[dict(student_id=a, value="4")], reason="Ещё раз")[0] == \
        grpc.StatusCode.FAILED_PRECONDITION

    rows = ledger_rows(journal, school_id)
    assert [(r.entity, r.reason) for r in rows] == [
        ("unlock_request", "Ошибка в отметке Иванова"), ("unlock_request", "Исправить до вечера"),
        ("mark", "Запись из бумажного журнала")]
    assert (rows[0].new_value, rows[1].old_value, rows[1].new_value["status"]) == (
        {"status": "pending"}, {"status": "pending"}, "approved")
    assert {r.lesson_id for r in rows} == {old_lesson.lesson.id}
    assert rows[1].actor_roles == ["deputy_head"]
    assert event_types(journal, school_id) == ["LessonUnlocked", "MarkRecorded", "UnlockRequested"]


def test_a_refused_request_keeps_the_lesson_closed(journal, old_lesson):
    as_teacher(journal, old_lesson)
    request = request_unlock(journal, old_lesson)
    act_as(journal, old_lesson, "director")
    assert list(refused(decide, journal, old_lesson, request.id, "refuse")[2]) == ["comment"]
    assert refused(decide, journal, old_lesson, str(uuid.uuid4()), "approve")[0] == grpc.StatusCode.NOT_FOUND
    result = decide(journal, old_lesson, request.id, "refuse", "Исправления вносит заместитель директора")
    assert (result.status, result.expires_at, result.decision_comment) == (
        "refused", "", "Исправления вносит заместитель директора")
    listed = journal.call("ListUnlockRequests", pb.ListUnlockRequestsRequest(school_id=old_lesson.school_id))
    assert [r.status for r in listed.requests] == ["refused"]
    assert not journal.call("ListUnlockRequests", pb.ListUnlockRequestsRequest(
        school_id=old_lesson.school_id, status="pending")).requests
    as_teacher(journal, old_lesson)
    assert refused(save, journal, old_lesson, topic="Дроби", reason="Всё же")[0] == grpc.StatusCode.FAILED_PRECONDITION
    assert request_unlock(journal, old_lesson).status == "pending", "a refused teacher may ask again"
    assert event_types(journal, old_lesson.school_id) == ["UnlockRequested", "UnlockRequested"]


def test_a_school_without_the_lock_and_an_open_lesson_need_no_request(journal, old_lesson, past_lesson):
    as_teacher(journal, past_lesson)
    assert refused(request_unlock, journal, past_lesson)[0] == grpc.StatusCode.FAILED_PRECONDITION
    act_as(journal, old_lesson, "director")
    journal.call("SetJournalPolicy", pb.SetJournalPolicyRequest(school_id=old_lesson.school_id, edit_lock_days=0))
    as_teacher(journal, old_lesson)
    save(journal, old_lesson, topic="Дроби", reason="Школа не закрывает уроки")


def test_the_new_tables_are_isolated_per_school(journal, old_lesson):
    as_teacher(journal, old_lesson)
    request_unlock(journal, old_lesson)
    act_as(journal, old_lesson, "director")
    journal.call("SetJournalPolicy", pb.SetJournalPolicyRequest(school_id=old_lesson.school_id, min_marks_1h=2))
    other = str(uuid.uuid4())
    journal.principals.grant(other, "deputy_head")
    assert not journal.call("ListUnlockRequests", pb.ListUnlockRequestsRequest(school_id=other)).requests
    with journal.db.tenant_session(other) as session:
        for table in (journal_policy, unlock_requests, term_marks, ledger):
            assert session.scalar(select(func.count()).select_from(table)
                                  .where(table.c.school_id == old_lesson.school_id)) == 0
    with pytest.raises(Exception, match="row-level security"):
        with journal.db.tenant_session(other) as session:
            session.execute(insert(journal_policy).values(school_id=old_lesson.school_id, key="edit_lock_days",
                                                          value="365", updated_at=dt.datetime.now(dt.UTC)))
    assert get_policy(journal, old_lesson.school_id).min_marks_1h == 2
