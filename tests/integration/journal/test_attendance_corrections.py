"""The form teacher corrects absence reasons (J4) on the real PostgreSQL: only a recorded absence, only of their
own class, within the policy's working days after the document, even on a lesson closed for its teacher; each
change is a ledger row with the document as its reason and an AttendanceRecorded event."""
import datetime as dt
import uuid

import grpc
import pytest

from proto.journal.v1 import journal_pb2 as pb
from tests.integration.journal.conftest import act_as_person, school_today
from tests.integration.journal.test_policy_and_locks import refused
from tests.integration.journal.test_service import event_types, ledger_rows, save

pytestmark = pytest.mark.stack


def correct(journal, lesson, student_id, status, document_date="", reason="Справка из поликлиники № 3"):
    return journal.call("CorrectAttendance", pb.CorrectAttendanceRequest(
        school_id=lesson.school_id, lesson_id=lesson.lesson.id, student_id=student_id, status=status,
        document_date=document_date, reason=reason))


@pytest.fixture
def absences(journal, past_lesson):
    """Two days ago: the first student absent, the second late, the third present; then the form teacher acts."""
    a, b, _ = past_lesson.students
    save(journal, past_lesson, attendance=[dict(student_id=a, status="absent"), dict(student_id=b, status="late")],
         reason="Отметил после урока")
    act_as_person(journal, past_lesson.school_id, str(uuid.uuid4()), "form_teacher",
                  form_class_group_ids=[past_lesson.lesson.class_group_id])
    return past_lesson


def test_the_form_teacher_gives_the_reason_of_an_absence_on_the_ledger(journal, absences):
    a = absences.students[0]
    before = len(ledger_rows(journal, absences.school_id))
    assert correct(journal, absences, a, "ill").status == "ill"
    assert correct(journal, absences, a, "ill").status == "ill"  # the same again changes nothing
    rows = ledger_rows(journal, absences.school_id)[before:]
    assert [(r.entity, r.student_id, r.old_value, r.new_value) for r in rows] == [
        ("attendance", a, {"status": "absent"}, {"status": "ill"})]
    assert rows[0].reason == f"Справка из поликлиники № 3 (документ от {school_today():%d.%m.%Y})"
    assert event_types(journal, absences.school_id).count("AttendanceRecorded") == 3
    journal.principals.grant(absences.school_id, "deputy_head")
    record = journal.call("GetLessonRecord", pb.GetLessonRecordRequest(school_id=absences.school_id,
                                                                       lesson_id=absences.lesson.id))
    assert {e.student_id: e.status for e in record.attendance}[a] == "ill"


def test_only_a_recorded_absence_of_the_own_class_within_the_window(journal, absences):
    a, b, c = absences.students
    for student, code in ((b, grpc.StatusCode.FAILED_PRECONDITION), (c, grpc.StatusCode.FAILED_PRECONDITION)):
        assert refused(correct, journal, absences, student, "excused")[0] == code  # late, present
    assert "status" in refused(correct, journal, absences, a, "late")[2]
    assert "reason" in refused(correct, journal, absences, a, "ill", reason=" ")[2]
    tomorrow = (school_today() + dt.timedelta(days=1)).isoformat()
    assert "document_date" in refused(correct, journal, absences, a, "ill", tomorrow)[2]
    long_ago = (school_today() - dt.timedelta(days=10)).isoformat()  # at least 6 working days ago
    code, message, fields = refused(correct, journal, absences, a, "ill", long_ago)
    assert code == grpc.StatusCode.FAILED_PRECONDITION and "2 раб. дн." in message and "document_date" in fields
    act_as_person(journal, absences.school_id, str(uuid.uuid4()), "form_teacher", form_class_group_ids=[str(uuid.uuid4())])
    assert refused(correct, journal, absences, a, "ill")[0] == grpc.StatusCode.PERMISSION_DENIED


def test_a_lesson_closed_for_its_teacher_still_takes_a_reason_by_a_fresh_document(journal, old_lesson):
    a = old_lesson.students[0]
    journal.principals.grant(old_lesson.school_id, "school_admin")
    journal.call("SetJournalPolicy", pb.SetJournalPolicyRequest(school_id=old_lesson.school_id, edit_lock_days=0))
    act_as_person(journal, old_lesson.school_id, old_lesson.teacher_id, "subject_teacher")
    save(journal, old_lesson, attendance=[dict(student_id=a, status="absent")], reason="Запись задним числом")
    journal.principals.grant(old_lesson.school_id, "school_admin")
    journal.call("SetJournalPolicy", pb.SetJournalPolicyRequest(school_id=old_lesson.school_id, edit_lock_days=7))
    act_as_person(journal, old_lesson.school_id, old_lesson.teacher_id, "subject_teacher")
    assert refused(save, journal, old_lesson, reason="x")[0] == grpc.StatusCode.FAILED_PRECONDITION
    assert correct(journal, old_lesson, a, "excused", reason="Заявление родителей").status == "excused"


def test_a_mark_for_the_missed_topic_goes_into_its_lesson_while_the_absence_stays(journal, past_lesson):
    """J5: the student was ill at the lesson, answered its topic later; the mark is given on that lesson."""
    a = past_lesson.students[0]
    save(journal, past_lesson, topic="Дроби", attendance=[dict(student_id=a, status="ill")], reason="После урока")
    record = save(journal, past_lesson, topic="Дроби", attendance=[dict(student_id=a, status="ill")],
                  marks=[dict(student_id=a, value="4", work_type="oral", comment="Пропущенная тема")],
                  reason="Ответ по пропущенной теме")
    assert [(m.student_id, m.value) for m in record.marks] == [(a, "4")]
    assert [(e.student_id, e.status) for e in record.attendance] == [(a, "ill")]
    journal.principals.grant(past_lesson.school_id, "guardian", student_ids=[a])
    diary = journal.call("GetDiary", pb.GetDiaryRequest(school_id=past_lesson.school_id, student_id=a,
                                                        date_from=past_lesson.lesson.date, date_to=past_lesson.lesson.date))
    assert [(e.attendance, [m.value for m in e.marks]) for e in diary.entries] == [("ill", ["4"])]


def test_the_form_teacher_lists_the_class_absences_of_a_period(journal, absences):
    a = absences.students[0]
    lesson = absences.lesson

    def listed(date_from, date_to, class_group_id=lesson.class_group_id):
        return journal.call("ListAbsences", pb.ListAbsencesRequest(
            school_id=absences.school_id, class_group_id=class_group_id, date_from=date_from, date_to=date_to)).absences
    (absence,) = listed(lesson.date, school_today().isoformat())  # the late student is not an absence
    assert (absence.lesson_id, absence.lesson_date, absence.lesson_number, absence.subject_name, absence.student_id,
            absence.status) == (lesson.id, lesson.date, 1, "Математика", a, "absent")
    reasons = journal.call("ListAbsences", pb.ListAbsencesRequest(
        school_id=absences.school_id, class_group_id=lesson.class_group_id, date_from=lesson.date,
        date_to=lesson.date)).reasons
    assert [(r.code, r.name) for r in reasons] == [("ill", "Б — болел"), ("excused", "УП — уважительная"),
                                                   ("unexcused", "НП — неуважительная"), ("absent", "Н — причина не известна")]
    for reason in reasons:  # each reason offered is one a correction takes
        correct(journal, absences, a, reason.code)
    correct(journal, absences, a, "ill")
    assert [x.status for x in listed(lesson.date, lesson.date)] == ["ill"]
    assert listed(school_today().isoformat(), school_today().isoformat()) == []
    assert listed(lesson.date, lesson.date, class_group_id=str(uuid.uuid4())) == []
    assert "date_to" in refused(listed, school_today().isoformat(), lesson.date)[2]
    journal.principals.grant(absences.school_id, "guardian", student_ids=[a])
    assert refused(listed, lesson.date, lesson.date)[0] == grpc.StatusCode.PERMISSION_DENIED
