"""The answer deadline and notices on the real PostgreSQL: a family's message unanswered for more than the policy's
working days (weekends and the school's holidays skipped) shows on the deputy head's control list, an answer takes it
off; school notices reach the class's guardians, who acknowledge them, and their sender sees who has; a form teacher
cannot write to another class; the school's policy and a guardian's choices."""
import datetime as dt

import grpc
import pytest

from proto.messaging.v1 import messaging_pb2 as pb
from proto.schedule.v1 import schedule_pb2
from services.common.dates import SCHOOL_ZONE
from tests.integration.messaging.test_threads import refused, start

pytestmark = pytest.mark.stack


def overdue(messaging, school, on: str) -> list[pb.OverdueThread]:
    messaging.act_as(school, school.deputy)
    return list(messaging.call("ListOverdueThreads", pb.ListOverdueThreadsRequest(school_id=school.id,
                                                                                  on_date=on)).threads)


def test_an_unanswered_family_shows_after_three_working_days(messaging, school):
    messaging.act_as(school, school.guardians[0])  # Monday 2 March 2026, 10:00
    [thread] = start(messaging, school, student_id=school.students[0].id, staff_id=school.form_teacher.id,
                     subject="Вопрос", text="Когда собрание?")
    assert overdue(messaging, school, "2026-03-05") == []  # Thursday: the third working day, still in time
    [late] = overdue(messaging, school, "2026-03-06")
    assert (late.thread.id, late.answer_due, late.working_days_late, late.staff_is_form_teacher) == (
        thread.id, "2026-03-05", 1, True)
    assert late.thread.staff_name == "Кузнецов Андрей" and late.thread.student_name == "Иванов Пётр"
    assert [t.thread.id for t in overdue(messaging, school, "2026-03-09")] == [thread.id]  # the weekend adds nothing
    messaging.clock.now += dt.timedelta(days=4)
    messaging.act_as(school, school.form_teacher)
    messaging.call("PostMessage", pb.PostMessageRequest(school_id=school.id, thread_id=thread.id, text="В четверг"))
    assert overdue(messaging, school, "2026-03-09") == []


def test_holidays_and_day_transfers_move_the_deadline(messaging, school):
    messaging.schedule.year_holidays[school.year_id] = [schedule_pb2.Holiday(
        id="h", school_id=school.id, academic_year_id=school.year_id, name="Весенние каникулы",
        start_date="2026-03-03", end_date="2026-03-04")]
    messaging.schedule.transfers[school.year_id] = [schedule_pb2.DayTransfer(
        id="t", school_id=school.id, academic_year_id=school.year_id, date="2026-03-07", works_as_weekday=1)]
    messaging.act_as(school, school.guardians[1])
    start(messaging, school, student_id=school.students[1].id, staff_id=school.form_teacher.id, subject="Вопрос",
          text="Справка")
    # Tuesday and Wednesday are holidays; Thursday, Friday and the working Saturday are the three days
    assert overdue(messaging, school, "2026-03-07") == []
    [late] = overdue(messaging, school, "2026-03-09")
    assert late.answer_due == "2026-03-07"
    messaging.act_as(school, school.form_teacher)
    code, _, _ = refused(messaging, "ListOverdueThreads", pb.ListOverdueThreadsRequest(school_id=school.id))
    assert code == grpc.StatusCode.PERMISSION_DENIED


def test_a_class_notice_is_acknowledged_and_its_sender_sees_who_has(messaging, school):
    messaging.act_as(school, school.form_teacher)
    notice = messaging.call("SendNotice", pb.SendNoticeRequest(
        school_id=school.id, audience="class", class_group_id=school.class_group_id, title="Собрание",
        text="Родительское собрание в четверг в 18:00", requires_ack=True))
    assert notice.recipients == 2
    code, _, fields = refused(messaging, "SendNotice", pb.SendNoticeRequest(
        school_id=school.id, audience="class", class_group_id=school.other_class_id, title="Чужой класс", text="Нет"))
    assert code == grpc.StatusCode.PERMISSION_DENIED and "audience" in fields
    mother = school.guardians[0]
    messaging.act_as(school, mother)
    received = messaging.call("ListNotices", pb.ListNoticesRequest(school_id=school.id))
    assert [(n.id, n.student_id, n.acknowledged_at) for n in received.notices] == [
        (notice.id, school.students[0].id, "")] and received.unacknowledged == 1
    acknowledged = messaging.call("AcknowledgeNotice", pb.AcknowledgeNoticeRequest(school_id=school.id,
                                                                                  notice_id=notice.id))
    assert acknowledged.acknowledged_at
    messaging.act_as(school, school.deputy)
    recipients = messaging.call("ListNoticeRecipients", pb.ListNoticeRecipientsRequest(
        school_id=school.id, notice_id=notice.id)).recipients
    assert {(r.person_id, bool(r.acknowledged_at)) for r in recipients} == {
        (mother.id, True), (school.guardians[1].id, False)}
    [sent] = messaging.call("ListNotices", pb.ListNoticesRequest(school_id=school.id, box="sent")).notices
    assert (sent.recipients, sent.acknowledged) == (2, 1)
    staff = messaging.call("SendNotice", pb.SendNoticeRequest(school_id=school.id, audience="staff", title="Педсовет",
                                                              text="Педсовет в пятницу"))
    assert staff.recipients == 4


def test_the_policy_and_a_guardians_choices(messaging, school):
    messaging.act_as(school, school.admin)
    policy = messaging.call("SetMessagingPolicy", pb.SetMessagingPolicyRequest(
        school_id=school.id, answer_days=5, notify_mark_2=False, absence_notice_time="14:30"))
    assert (policy.answer_days, policy.notify_mark_2, policy.notify_absence, policy.absence_notice_time) == (
        5, False, True, "14:30")
    code, _, fields = refused(messaging, "SetMessagingPolicy", pb.SetMessagingPolicyRequest(
        school_id=school.id, working_week_days=7, absence_notice_time="25:00"))
    assert code == grpc.StatusCode.INVALID_ARGUMENT and set(fields) == {"working_week_days", "absence_notice_time"}
    messaging.act_as(school, school.form_teacher)
    code, _, _ = refused(messaging, "SetMessagingPolicy", pb.SetMessagingPolicyRequest(school_id=school.id,
                                                                                       answer_days=1))
    assert code == grpc.StatusCode.PERMISSION_DENIED
    messaging.act_as(school, school.guardians[0])
    chosen = messaging.call("SetNoticePreferences", pb.SetNoticePreferencesRequest(school_id=school.id, preferences=[
        pb.NoticePreference(kind="absence", channel="in_app", enabled=False)])).preferences
    assert {(p.kind, p.channel, p.enabled) for p in chosen} == {
        ("mark_2", "in_app", True), ("absence", "in_app", False), ("few_marks", "in_app", True),
        ("term_mark", "in_app", True), *((kind, "email", False) for kind in ("mark_2", "absence", "few_marks",
                                                                             "term_mark"))}  # e-mail: when asked


def test_the_clock_decides_the_school_day(messaging, school):
    """A message late on Friday evening Moscow time is Friday's, whatever UTC says."""
    messaging.clock.now = dt.datetime(2026, 3, 6, 23, 30, tzinfo=SCHOOL_ZONE)
    messaging.act_as(school, school.guardians[0])
    start(messaging, school, student_id=school.students[0].id, staff_id=school.form_teacher.id, subject="Поздно",
          text="Вечерний вопрос")
    assert overdue(messaging, school, "2026-03-11") == []  # Monday, Tuesday, Wednesday
    assert [t.answer_due for t in overdue(messaging, school, "2026-03-12")] == ["2026-03-11"]
