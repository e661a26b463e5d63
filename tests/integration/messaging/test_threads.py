"""Threads on the real PostgreSQL and MinIO: a guardian writes to the form teacher (with a file) and not to a teacher
who does not teach the child; the teacher answers; read receipts and unread counts; a withdrawal keeps the message;
a class's families get one thread each and never see each other's; another school sees nothing; a complaint lets
the school administrator read the thread, every reading audited."""
import datetime as dt

import grpc
import pytest
from sqlalchemy import text

from proto.messaging.v1 import messaging_pb2 as pb
from tests.support.grpc_harness import rpc_error

pytestmark = pytest.mark.stack
PDF = b"%PDF-1.4 homework"


def start(messaging, school, **fields) -> list[pb.Thread]:
    return list(messaging.call("StartThread", pb.StartThreadRequest(school_id=school.id, **fields)).threads)


def refused(messaging, method: str, request) -> tuple:
    with pytest.raises(grpc.RpcError) as excinfo:
        messaging.call(method, request)
    return rpc_error(excinfo)


def test_a_guardian_writes_to_the_form_teacher_who_answers(messaging, school):
    mother, son, teacher = school.guardians[0], school.students[0], school.form_teacher
    messaging.act_as(school, mother)
    contacts = messaging.call("ListContacts", pb.ListContactsRequest(school_id=school.id)).contacts
    assert [(c.person_id, list(c.reasons)) for c in contacts] == [
        (teacher.id, ["классный руководитель", "учитель: Математика"]), (school.deputy.id, ["заместитель директора"])]
    [thread] = start(messaging, school, student_id=son.id, staff_id=teacher.id, subject="Домашнее задание",
                     text="Какое задание на завтра?", files=[pb.FileInput(filename="scan.pdf", content=PDF)])
    assert {(p.person_id, p.role) for p in thread.participants} == {
        (teacher.id, "staff"), (mother.id, "guardian"), (son.id, "student")}
    assert thread.awaiting_answer and thread.student_name == "Иванов Пётр"

    messaging.act_as(school, teacher)
    [listed] = messaging.call("ListThreads", pb.ListThreadsRequest(school_id=school.id)).threads
    assert (listed.id, listed.unread, listed.messages) == (thread.id, 1, 1)
    view = messaging.call("GetThread", pb.GetThreadRequest(school_id=school.id, thread_id=thread.id))
    [question] = view.messages
    assert (question.text, question.author_role, [f.filename for f in question.files]) == (
        "Какое задание на завтра?", "guardian", ["scan.pdf"])
    content = messaging.call("GetMessageFile", pb.GetMessageFileRequest(school_id=school.id,
                                                                        file_id=question.files[0].id))
    assert (content.content, content.media_type) == (PDF, "application/pdf")
    assert messaging.call("MarkThreadRead", pb.GetThreadRequest(school_id=school.id, thread_id=thread.id)).marked == 1
    messaging.clock.now += dt.timedelta(hours=1)
    answer = messaging.call("PostMessage", pb.PostMessageRequest(school_id=school.id, thread_id=thread.id,
                                                                 text="№ 12 и 14"))
    assert answer.author_role == "staff"

    messaging.act_as(school, mother)
    view = messaging.call("GetThread", pb.GetThreadRequest(school_id=school.id, thread_id=thread.id))
    assert [m.text for m in view.messages] == ["Какое задание на завтра?", "№ 12 и 14"]
    assert [r.person_id for r in view.messages[0].read_by] == [teacher.id]
    assert not view.thread.awaiting_answer and view.thread.unread == 1


def test_a_guardian_cannot_write_to_a_teacher_who_does_not_teach_the_child(messaging, school):
    messaging.act_as(school, school.guardians[0])
    code, message, fields = refused(messaging, "StartThread", pb.StartThreadRequest(
        school_id=school.id, student_id=school.students[0].id, staff_id=school.stranger.id, subject="Вопрос",
        text="Здравствуйте"))
    assert code == grpc.StatusCode.PERMISSION_DENIED and "staff_id" in fields and "классному руководителю" in message
    code, _, fields = refused(messaging, "StartThread", pb.StartThreadRequest(  # about somebody else's child
        school_id=school.id, student_id=school.students[1].id, staff_id=school.form_teacher.id, subject="Вопрос",
        text="Здравствуйте"))
    assert code == grpc.StatusCode.PERMISSION_DENIED
    code, _, fields = refused(messaging, "StartThread", pb.StartThreadRequest(  # a student is never an addressee
        school_id=school.id, student_id=school.students[0].id, staff_id=school.students[1].id, subject="Вопрос",
        text="Привет"))
    assert code == grpc.StatusCode.PERMISSION_DENIED
    code, _, fields = refused(messaging, "StartThread", pb.StartThreadRequest(
        school_id=school.id, student_id=school.students[0].id, staff_id=school.form_teacher.id, subject=" ",
        text="Здравствуйте", files=[pb.FileInput(filename="virus.exe", content=b"MZ")]))
    assert code == grpc.StatusCode.INVALID_ARGUMENT and "subject" in fields


def test_a_teacher_writes_to_a_class_one_thread_per_family(messaging, school):
    messaging.act_as(school, school.form_teacher)
    threads = start(messaging, school, class_group_id=school.class_group_id, subject="Экскурсия",
                    text="В пятницу экскурсия в музей")
    assert len(threads) == 2 and len({t.broadcast_id for t in threads}) == 1 and threads[0].broadcast_id
    messaging.act_as(school, school.stranger)  # teaches 6Б, not 5А
    code, _, fields = refused(messaging, "StartThread", pb.StartThreadRequest(
        school_id=school.id, class_group_id=school.class_group_id, subject="Тест", text="Тест"))
    assert code == grpc.StatusCode.PERMISSION_DENIED and "class_group_id" in fields
    for guardian, student in zip(school.guardians, school.students, strict=True):
        messaging.act_as(school, guardian)
        [mine] = messaging.call("ListThreads", pb.ListThreadsRequest(school_id=school.id)).threads
        assert mine.student_id == student.id and mine.unread == 1
        others = [t for t in threads if t.id != mine.id]
        code, _, _ = refused(messaging, "GetThread", pb.GetThreadRequest(school_id=school.id, thread_id=others[0].id))
        assert code == grpc.StatusCode.NOT_FOUND


def test_a_withdrawn_message_is_kept_and_its_text_hidden(messaging, school):
    messaging.act_as(school, school.guardians[0])
    [thread] = start(messaging, school, student_id=school.students[0].id, staff_id=school.form_teacher.id,
                     subject="Опечатка", text="Ошибочное сообщение")
    view = messaging.call("GetThread", pb.GetThreadRequest(school_id=school.id, thread_id=thread.id))
    message_id = view.messages[0].id
    messaging.act_as(school, school.form_teacher)
    code, _, _ = refused(messaging, "WithdrawMessage", pb.WithdrawMessageRequest(school_id=school.id,
                                                                                message_id=message_id))
    assert code == grpc.StatusCode.PERMISSION_DENIED  # only the author withdraws
    messaging.act_as(school, school.guardians[0])
    withdrawn = messaging.call("WithdrawMessage", pb.WithdrawMessageRequest(school_id=school.id, message_id=message_id))
    assert withdrawn.withdrawn and withdrawn.text == ""
    code, _, _ = refused(messaging, "WithdrawMessage", pb.WithdrawMessageRequest(school_id=school.id,
                                                                                message_id=message_id))
    assert code == grpc.StatusCode.FAILED_PRECONDITION
    with messaging.db.tenant_session(school.id) as session:  # nothing is deleted
        assert session.scalar(text("SELECT text FROM messages WHERE id = :id"), {"id": message_id}) == \
            "Ошибочное сообщение"
        with pytest.raises(Exception, match="permission denied"):
            session.execute(text("DELETE FROM messages WHERE id = :id"), {"id": message_id})


def test_the_administrator_reads_a_thread_only_on_a_complaint_and_every_reading_is_audited(messaging, school):
    messaging.act_as(school, school.guardians[0])
    [thread] = start(messaging, school, student_id=school.students[0].id, staff_id=school.form_teacher.id,
                     subject="Жалоба", text="Грубый ответ")
    messaging.act_as(school, school.admin)
    code, _, _ = refused(messaging, "GetThread", pb.GetThreadRequest(school_id=school.id, thread_id=thread.id))
    assert code == grpc.StatusCode.PERMISSION_DENIED  # the administrator is no participant and has no messaging role
    messaging.act_as(school, school.guardians[0])
    complaint = messaging.call("FileComplaint", pb.FileComplaintRequest(school_id=school.id, thread_id=thread.id,
                                                                       reason="Прошу разобраться"))
    messaging.act_as(school, school.form_teacher)
    code, _, _ = refused(messaging, "ReadComplaintThread", pb.ReadComplaintThreadRequest(
        school_id=school.id, complaint_id=complaint.id))
    assert code == grpc.StatusCode.PERMISSION_DENIED
    messaging.act_as(school, school.admin)
    for _ in range(2):
        view = messaging.call("ReadComplaintThread", pb.ReadComplaintThreadRequest(school_id=school.id,
                                                                                  complaint_id=complaint.id))
        assert [m.text for m in view.messages] == ["Грубый ответ"]
    messaging.act_as(school, school.deputy)
    readings = messaging.call("ListComplaintReadings", pb.ListComplaintReadingsRequest(school_id=school.id)).readings
    assert [(r.complaint_id, r.reader_id, r.reader_name) for r in readings] == [
        (complaint.id, school.admin.id, "Смирнова Ольга")] * 2
    [listed] = messaging.call("ListComplaints", pb.ListComplaintsRequest(school_id=school.id)).complaints
    assert (listed.readings, listed.filed_by_name, listed.student_name) == (2, "Иванова Мария", "Иванов Пётр")


def test_another_school_sees_nothing(messaging, school):
    messaging.act_as(school, school.guardians[0])
    [thread] = start(messaging, school, student_id=school.students[0].id, staff_id=school.form_teacher.id,
                     subject="Вопрос", text="Тайна семьи")
    other = messaging.new_school()
    messaging.act_as(other, other.form_teacher)
    code, _, _ = refused(messaging, "GetThread", pb.GetThreadRequest(school_id=other.id, thread_id=thread.id))
    assert code == grpc.StatusCode.NOT_FOUND
    uow = messaging.unit_of_work(other.id)
    with uow:
        assert uow.threads.thread(thread.id) is None and uow.threads.messages([thread.id]) == []
    with messaging.db.engine.connect() as conn:  # no school bound: row-level security shows nothing
        assert conn.execute(text("SELECT count(*) FROM messages")).scalar() == 0
