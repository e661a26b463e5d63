"""The school's journal policy and edit locks on the real PostgreSQL: who changes the policy, old lessons closed
for their teacher, request → approval → the lesson opens for the policy's hours → it closes again; refusals;
the ledger row of every change; tenant isolation of the new tables."""
import datetime as dt
import uuid
import zoneinfo

import grpc
import pytest
from sqlalchemy import func, insert, select, update

from proto.journal.v1 import journal_pb2 as pb
from services.common.errors import reason_of
from services.journal.adapters.tables import journal_policy, ledger, term_marks, unlock_requests
from tests.integration.journal.conftest import add_lesson, school_today
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


LOCKED, CLOSED = pb.ErrorReason.Name(pb.LESSON_LOCKED), pb.ErrorReason.Name(pb.YEAR_CLOSED)
KINDS = [("absent", "Н — отсутствовал"), ("late", "опоздал"), ("ill", "Б — болел"), ("excused", "УП — уважительная"),
         ("unexcused", "НП — неуважительная")]


def lesson_grid(journal, lesson) -> pb.Grid:
    day = lesson.lesson.date
    return journal.call("GetGrid", pb.GetGridRequest(school_id=lesson.school_id, class_group_id=lesson.lesson.class_group_id,
                                                     subject_id=lesson.lesson.subject_id, date_from=day, date_to=day))


def test_a_locked_lesson_is_refused_with_the_reason_lesson_locked_whatever_the_message(journal, old_lesson):
    with pytest.raises(grpc.RpcError) as err:
        save(journal, old_lesson, marks=[dict(student_id=old_lesson.students[0], value="5")], reason="Поздно")
    assert (err.value.code(), reason_of(err.value)) == (grpc.StatusCode.FAILED_PRECONDITION, LOCKED)
    with pytest.raises(grpc.RpcError) as err:
        save(journal, old_lesson, marks=[dict(student_id=str(uuid.uuid4()), value="5")], reason="Поздно")
    assert (err.value.code(), reason_of(err.value)) == (grpc.StatusCode.INVALID_ARGUMENT, ""), "a refusal of another kind"


def test_the_policy_and_the_grid_carry_the_scales_values_best_first_and_the_attendance_kinds(journal, today_lesson):
    school_id = today_lesson.school_id
    policy, table = get_policy(journal, school_id), lesson_grid(journal, today_lesson)
    for reply in (policy, table):
        assert list(reply.mark_values) == ["5", "4", "3", "2", "1"]
        assert [(kind.code, kind.name) for kind in reply.attendance_kinds] == KINDS
    act_as(journal, today_lesson, "director")
    for scale, values in (("ten_point", [str(n) for n in range(10, 0, -1)]), ("pass_fail", ["зачёт", "незачёт"])):
        changed = journal.call("SetJournalPolicy", pb.SetJournalPolicyRequest(school_id=school_id, mark_scale=scale))
        assert list(changed.mark_values) == list(get_policy(journal, school_id).mark_values) == values
        assert list(changed.period_mark_values) == [*values, "ОСВ", "Н/А"]
        assert (lesson_grid(journal, today_lesson).mark_scale, list(lesson_grid(journal, today_lesson).mark_values)) == (
            scale, values)
    as_teacher(journal, today_lesson)
    accepted = [kind.code for kind in get_policy(journal, school_id).attendance_kinds]
    record = save(journal, today_lesson, attendance=[dict(student_id=s, status=code)
                                                     for s, code in zip(today_lesson.students, accepted, strict=False)])
    assert [a.status for a in record.attendance] == accepted[:3], "the kinds offered are the ones a save takes"


def test_the_grid_shows_each_lessons_lock_for_the_caller(journal, old_lesson):
    school_id, a = old_lesson.school_id, old_lesson.students[0]
    recent = add_lesson(journal, school_id, old_lesson.lesson.class_group_id, old_lesson.teacher_id, school_today(),
                        subject_id=old_lesson.lesson.subject_id, term_id=str(uuid.uuid4()))

    def reasons() -> dict[str, str]:
        day = pb.GetGridRequest(school_id=school_id, class_group_id=recent.class_group_id, subject_id=recent.subject_id,
                                date_from=old_lesson.lesson.date, date_to=recent.date)
        return {lesson.lesson_id: lesson.lock_reason for lesson in journal.call("GetGrid", day).lessons}

    assert reasons() == {old_lesson.lesson.id: LOCKED, recent.id: ""}
    request = request_unlock(journal, old_lesson)
    act_as(journal, old_lesson, "deputy_head")
    decide(journal, old_lesson, request.id, "approve")
    assert reasons()[old_lesson.lesson.id] == "", "the edit lock binds teachers: the deputy head corrects (004 §7.6)"
    as_teacher(journal, old_lesson)
    assert reasons() == {old_lesson.lesson.id: "", recent.id: ""}, "open for the teacher the unlock was approved for"
    save(journal, old_lesson, marks=[dict(student_id=a, value="5")], reason="По запросу")

    act_as(journal, old_lesson, "director")
    assert reasons() == {old_lesson.lesson.id: LOCKED, recent.id: ""}
    journal.call("SetJournalPolicy", pb.SetJournalPolicyRequest(school_id=school_id, edit_lock_days=0))
    assert reasons() == {old_lesson.lesson.id: "", recent.id: ""}, "0: lessons never close"

    with journal.db.tenant_session(school_id) as session:  # the term's marks are set
        session.execute(insert(term_marks).values(
            id=str(uuid.uuid4()), school_id=school_id, student_id=a, subject_id=recent.subject_id, term_id=recent.term_id,
            class_group_id=recent.class_group_id, value="5", set_by=old_lesson.teacher_id,
            updated_at=dt.datetime.now(dt.UTC)))
    assert reasons() == {old_lesson.lesson.id: "", recent.id: LOCKED}, "the period's marks close today's lesson too"


def test_the_grid_reads_the_lock_by_the_schools_clock(journal, past_lesson):
    """Two days ago at the international date line's east edge (UTC+14) is at most one day ago at its west edge
    (UTC-11): with a one-day lock the lesson is closed in the first school and open in the second."""
    school_id = past_lesson.school_id
    east = dt.datetime.now(zoneinfo.ZoneInfo("Pacific/Kiritimati")).date()
    # a subject of its own: between 21:00 and 24:00 UTC that day is past_lesson's day too (Moscow is past midnight)
    lesson = add_lesson(journal, school_id, past_lesson.lesson.class_group_id, past_lesson.teacher_id,
                        east - dt.timedelta(days=2))
    act_as(journal, past_lesson, "director")
    for zone, reason in (("Pacific/Kiritimati", LOCKED), ("Pacific/Pago_Pago", "")):
        journal.call("SetJournalPolicy", pb.SetJournalPolicyRequest(school_id=school_id, edit_lock_days=1,
                                                                    school_timezone=zone))
        day = pb.GetGridRequest(school_id=school_id, class_group_id=lesson.class_group_id, subject_id=lesson.subject_id,
                                date_from=lesson.date, date_to=lesson.date)
        assert [(g.lesson_id, g.lock_reason) for g in journal.call("GetGrid", day).lessons] == [(lesson.id, reason)], zone
