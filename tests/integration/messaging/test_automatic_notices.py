"""Automatic notices on the real PostgreSQL, fed through the idempotent consumer as the journal's and identity's
events arrive: a 2 reaches the child's guardians once (a redelivered event changes nothing), naming the child and the
subject; an absence waits for the school day's cut-off (the worker with an injected clock releases it; a correction
before it sends nothing); a term mark of Н/А; too few marks once a day; the school's policy and a guardian's choice
turn kinds off; a guardian linked later joins the family's threads."""
import datetime as dt
import uuid

import pytest

from proto.identity.v1 import identity_pb2
from proto.journal.v1 import journal_pb2
from proto.messaging.v1 import messaging_pb2 as pb
from proto.schedule.v1 import schedule_pb2
from services.common.consumer import IdempotentConsumer
from services.common.dates import SCHOOL_ZONE
from services.common.outbox import envelope
from services.messaging import bootstrap
from services.messaging.adapters import notice_store
from services.messaging.adapters.tables import inbox
from services.messaging.entrypoints.consumers import handlers
from tests.integration.messaging.test_threads import start

pytestmark = pytest.mark.stack


@pytest.fixture(scope="module")
def consumer(messaging) -> IdempotentConsumer:
    return IdempotentConsumer(messaging.db, inbox, handlers(messaging.mailer))


def deliver(consumer, school_id: str, *payloads) -> list[bytes]:
    """The events as the consumer gets them from Kafka (an envelope each), handled in order."""
    raws = [envelope(school_id, payload, actor="test").SerializeToString() for payload in payloads]
    for raw in raws:
        consumer.handle(raw)
    return raws


def notices_of(messaging, school, guardian) -> list[pb.Notice]:
    messaging.act_as(school, guardian)
    return list(messaging.call("ListNotices", pb.ListNoticesRequest(school_id=school.id)).notices)


def test_a_two_reaches_the_guardians_once_naming_the_child(messaging, school, consumer):
    son, mother = school.students[0], school.guardians[0]
    subject = str(uuid.uuid4())
    deliver(consumer, school.id, schedule_pb2.SubjectCreated(subject=schedule_pb2.Subject(
        id=subject, school_id=school.id, name="Математика")))
    mark = journal_pb2.Mark(id=str(uuid.uuid4()), lesson_id=str(uuid.uuid4()), student_id=son.id, value="2",
                            subject_id=subject, lesson_date="2026-03-02")
    [raw] = deliver(consumer, school.id, journal_pb2.MarkRecorded(mark=mark, class_group_id=school.class_group_id))
    consumer.handle(raw)  # redelivered
    deliver(consumer, school.id, journal_pb2.MarkRecorded(mark=journal_pb2.Mark(
        id=str(uuid.uuid4()), student_id=son.id, value="4", subject_id=subject, lesson_date="2026-03-02")))
    [notice] = notices_of(messaging, school, mother)
    assert (notice.kind, notice.student_id, notice.student_name, notice.channel) == (
        "mark_2", son.id, "Иванов Пётр", "in_app")
    assert "Иванов Пётр" in notice.title and "«Математика»" in notice.text and "02.03.2026" in notice.text
    assert notices_of(messaging, school, school.guardians[1]) == []  # the other family hears nothing


def test_an_absence_waits_for_the_cut_off_and_a_correction_cancels_it(messaging, school, consumer):
    son, daughter = school.students
    monday = "2026-03-02"
    lessons = [str(uuid.uuid4()) for _ in range(3)]

    def attendance(lesson_id, student_id, status):
        return journal_pb2.AttendanceRecorded(entry=journal_pb2.AttendanceEntry(
            lesson_id=lesson_id, student_id=student_id, status=status), class_group_id=school.class_group_id,
            lesson_date=monday)

    deliver(consumer, school.id, attendance(lessons[0], son.id, "unexcused"), attendance(lessons[1], son.id, "absent"),
            attendance(lessons[2], daughter.id, "absent"))
    deliver(consumer, school.id, attendance(lessons[2], daughter.id, "late"))  # corrected within minutes
    worker = bootstrap.notice_worker(messaging.db, messaging.outbox, messaging.ports, messaging.clock)
    messaging.clock.now = dt.datetime(2026, 3, 2, 14, 59, tzinfo=SCHOOL_ZONE)
    worker.release_absences()
    assert notices_of(messaging, school, school.guardians[0]) == []  # before the cut-off (15:00): nothing yet
    messaging.clock.now = dt.datetime(2026, 3, 2, 15, 1, tzinfo=SCHOOL_ZONE)
    worker.release_absences()
    worker.release_absences()
    [notice] = notices_of(messaging, school, school.guardians[0])
    assert notice.kind == "absence" and notice.student_id == son.id and "(2 урок(а))" in notice.text
    assert notices_of(messaging, school, school.guardians[1]) == []
    uow = messaging.unit_of_work(school.id)
    with uow:
        assert {(r.student_id, r.status) for r in uow.notices.pending_absences()} == {
            (son.id, "released"), (daughter.id, "cancelled")}


def test_a_term_mark_of_not_assessed_and_the_choices_that_turn_notices_off(messaging, school, consumer):
    son, mother = school.students[0], school.guardians[0]
    term = str(uuid.uuid4())
    deliver(consumer, school.id, schedule_pb2.AcademicYearCreated(academic_year=schedule_pb2.AcademicYear(
        id=school.year_id, school_id=school.id, terms=[schedule_pb2.Term(id=term, name="3 четверть")])))
    deliver(consumer, school.id, journal_pb2.TermMarkSet(term_mark=journal_pb2.TermMark(
        id=str(uuid.uuid4()), student_id=son.id, subject_id=str(uuid.uuid4()), term_id=term, value="Н/А",
        special="not_assessed", class_group_id=school.class_group_id)))
    [notice] = notices_of(messaging, school, mother)
    assert notice.kind == "term_mark" and "«3 четверть»" in notice.title and "«Н/А»" in notice.title
    messaging.call("SetNoticePreferences", pb.SetNoticePreferencesRequest(school_id=school.id, preferences=[
        pb.NoticePreference(kind="mark_2", channel="in_app", enabled=False)]))
    messaging.act_as(school, school.admin)
    messaging.call("SetMessagingPolicy", pb.SetMessagingPolicyRequest(school_id=school.id, notify_term_mark=False))
    deliver(consumer, school.id, journal_pb2.MarkRecorded(mark=journal_pb2.Mark(
        id=str(uuid.uuid4()), student_id=son.id, value="2", lesson_date="2026-03-03")),
        journal_pb2.TermMarkSet(term_mark=journal_pb2.TermMark(
            id=str(uuid.uuid4()), student_id=son.id, subject_id=str(uuid.uuid4()), term_id=term, value="2")))
    assert [n.kind for n in notices_of(messaging, school, mother)] == ["term_mark"]


def test_too_few_marks_once_a_day_for_terms_not_ended(messaging, school):
    son = school.students[0]
    shortfall = journal_pb2.MarkShortfall(term_id=str(uuid.uuid4()), term_name="3 четверть",
                                          term_end_date="2026-03-20", class_group_id=school.class_group_id,
                                          subject_id=str(uuid.uuid4()), subject_name="Физика", student_id=son.id,
                                          marks=1, needed=3)
    ended = journal_pb2.MarkShortfall(term_id=str(uuid.uuid4()), term_name="2 четверть", term_end_date="2025-12-26",
                                      subject_id=shortfall.subject_id, subject_name="Физика", student_id=son.id)
    messaging.journal.shortfalls[school.id] = [shortfall, ended]
    worker = bootstrap.notice_worker(messaging.db, messaging.outbox, messaging.ports, messaging.clock)
    assert worker.check_few_marks() >= 1
    asked = len(messaging.journal.asked)
    worker.check_few_marks()
    assert len(messaging.journal.asked) == asked  # once a day
    [notice] = notices_of(messaging, school, school.guardians[0])
    assert notice.kind == "few_marks" and "1 из 3" in notice.text and "«Физика»" in notice.text
    assert (school.id, 14) in messaging.journal.asked


def test_a_guardian_linked_later_joins_the_familys_threads(messaging, school, consumer):
    son = school.students[0]
    messaging.act_as(school, school.form_teacher)
    [thread] = start(messaging, school, student_id=son.id, subject="Успеваемость", text="Прошу зайти в школу")
    father = messaging.identity.add(identity_pb2.Person(id=str(uuid.uuid4()), school_id=school.id,
                                                        kind=identity_pb2.GUARDIAN))
    deliver(consumer, school.id, identity_pb2.GuardianLinked(guardian_id=father.id, student_id=son.id))
    messaging.principals.grant(school.id, "guardian", person_id=father.id, student_ids=[son.id])
    [mine] = messaging.call("ListThreads", pb.ListThreadsRequest(school_id=school.id)).threads
    assert mine.id == thread.id



def test_the_few_marks_round_rests_after_each_school_and_ends_when_told_to(messaging, school):
    worker = bootstrap.notice_worker(messaging.db, messaging.outbox, messaging.ports, messaging.clock)
    rests = []
    worker.check_few_marks(rest=lambda: rests.append("rested") is None)  # "stop" at the first rest
    assert rests == ["rested"]
    worker.check_few_marks(rest=lambda: rests.append("rested") is not None)
    assert len(rests) == 1 + len(notice_store.schools_with_families(messaging.db))  # after each school
