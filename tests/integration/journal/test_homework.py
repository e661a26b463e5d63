"""Individual homework and homework files (J1) on the real PostgreSQL and MinIO: one student's own task on the
ledger and in that student's diary only; files checked by type and size, stored under the school's prefix, listed
for staff and downloaded by the family only when they are the student's."""
import uuid

import grpc
import pytest
from sqlalchemy import func, select

from proto.journal.v1 import journal_pb2 as pb
from services.common.errors import NotFound
from services.journal.adapters.tables import homework_attachments, student_homework
from tests.integration.journal.test_policy_and_locks import refused
from tests.integration.journal.test_service import event_types, ledger_rows

pytestmark = pytest.mark.stack

PDF = b"%PDF-1.4\n% homework\n"
PNG = b"\x89PNG\r\n\x1a\n" + b"\x00" * 32


def own_homework(journal, lesson, student_id, text, reason="Индивидуальное задание"):
    return journal.call("SetStudentHomework", pb.SetStudentHomeworkRequest(
        school_id=lesson.school_id, lesson_id=lesson.lesson.id, student_id=student_id, homework=text, reason=reason))


def attach(journal, lesson, filename, content, student_id=""):
    return journal.call("AddHomeworkAttachment", pb.AddHomeworkAttachmentRequest(
        school_id=lesson.school_id, lesson_id=lesson.lesson.id, student_id=student_id, filename=filename,
        content=content))


def diary(journal, lesson, student_id):
    journal.principals.grant(lesson.school_id, "guardian", student_ids=[student_id])
    (entry,) = journal.call("GetDiary", pb.GetDiaryRequest(school_id=lesson.school_id, student_id=student_id,
                                                          date_from=lesson.lesson.date, date_to=lesson.lesson.date)).entries
    return entry


def download(journal, lesson, attachment_id, student_id=""):
    return journal.call("GetHomeworkAttachment", pb.GetHomeworkAttachmentRequest(
        school_id=lesson.school_id, attachment_id=attachment_id, student_id=student_id))


def test_individual_homework_is_the_students_own_and_on_the_ledger(journal, past_lesson):
    a, b, _ = past_lesson.students
    assert own_homework(journal, past_lesson, a, "Повторить § 3, № 41").homework == "Повторить § 3, № 41"
    own_homework(journal, past_lesson, a, "Повторить § 3, № 41")  # the same: nothing written
    assert "reason" in refused(own_homework, journal, past_lesson, b, "№ 7", reason="")[2]
    assert "student_id" in refused(own_homework, journal, past_lesson, str(uuid.uuid4()), "№ 7")[2]
    rows = ledger_rows(journal, past_lesson.school_id)
    assert [(r.entity, r.student_id, r.old_value, r.new_value) for r in rows] == [
        ("homework", a, {"homework": ""}, {"homework": "Повторить § 3, № 41"})]
    assert event_types(journal, past_lesson.school_id) == ["HomeworkSet"]
    record = journal.call("GetLessonRecord", pb.GetLessonRecordRequest(school_id=past_lesson.school_id,
                                                                       lesson_id=past_lesson.lesson.id))
    assert [(h.student_id, h.homework) for h in record.student_homework] == [(a, "Повторить § 3, № 41")]
    assert diary(journal, past_lesson, a).individual_homework == "Повторить § 3, № 41"
    assert diary(journal, past_lesson, b).individual_homework == ""
    journal.principals.grant(past_lesson.school_id, "subject_teacher", person_id=past_lesson.teacher_id)
    own_homework(journal, past_lesson, a, "")
    assert diary(journal, past_lesson, a).individual_homework == ""


def test_files_are_checked_stored_per_school_and_shown_to_their_students(journal, today_lesson):
    a, b, _ = today_lesson.students
    school = today_lesson.school_id
    for_all = attach(journal, today_lesson, "C:\\Задания\\задание.pdf", PDF)
    for_a = attach(journal, today_lesson, "схема.png", PNG, student_id=a)
    assert (for_all.filename, for_all.media_type, for_all.size) == ("задание.pdf", "application/pdf", len(PDF))
    key = f"{school}/homework/{today_lesson.lesson.id}/{for_all.id}"
    assert journal.store.get(key) == PDF  # under the school's prefix
    with pytest.raises(NotFound):
        journal.store.get(f"{school}/homework/{today_lesson.lesson.id}/{uuid.uuid4()}")
    for name, content, field in (("virus.exe", b"MZ", "filename"), ("fake.pdf", b"not a pdf", "content"),
                                 ("big.txt", b"a" * 1_500_001, "content"), ("", PDF, "filename")):
        code, _, fields = refused(attach, journal, today_lesson, name, content)
        assert code == grpc.StatusCode.INVALID_ARGUMENT and field in fields, name
    journal.principals.grant(school, "deputy_head")
    listed = journal.call("ListHomeworkAttachments", pb.ListHomeworkAttachmentsRequest(
        school_id=school, lesson_id=today_lesson.lesson.id)).attachments
    assert [x.id for x in listed] == [for_all.id, for_a.id]
    assert download(journal, today_lesson, for_a.id).content == PNG  # staff
    assert [x.filename for x in diary(journal, today_lesson, a).attachments] == ["задание.pdf", "схема.png"]
    assert [x.filename for x in diary(journal, today_lesson, b).attachments] == ["задание.pdf"]
    journal.principals.grant(school, "guardian", student_ids=[b])
    got = download(journal, today_lesson, for_all.id, b)
    assert (got.filename, got.media_type, got.content) == ("задание.pdf", "application/pdf", PDF)
    assert refused(download, journal, today_lesson, for_a.id, b)[0] == grpc.StatusCode.NOT_FOUND
    assert refused(download, journal, today_lesson, for_all.id, a)[0] == grpc.StatusCode.PERMISSION_DENIED
    other = str(uuid.uuid4())
    journal.principals.grant(other, "deputy_head")
    assert refused(journal.call, "GetHomeworkAttachment", pb.GetHomeworkAttachmentRequest(
        school_id=other, attachment_id=for_all.id))[0] == grpc.StatusCode.NOT_FOUND
    journal.principals.grant(school, "subject_teacher", person_id=str(uuid.uuid4()))
    assert refused(attach, journal, today_lesson, "x.pdf", PDF)[0] == grpc.StatusCode.PERMISSION_DENIED
    assert [r.entity for r in ledger_rows(journal, school)] == ["attachment", "attachment"]


def test_the_new_tables_show_nothing_without_the_school_bound(journal, today_lesson):
    attach(journal, today_lesson, "a.pdf", PDF)
    own_homework(journal, today_lesson, today_lesson.students[0], "№ 1")
    tables = (homework_attachments, student_homework)
    with journal.db.tenant_session(today_lesson.school_id) as session:
        assert [session.scalar(select(func.count()).select_from(t)) for t in tables] == [1, 1]
    with journal.db.engine.connect() as raw:
        assert [raw.scalar(select(func.count()).select_from(t)) for t in tables] == [0, 0]
