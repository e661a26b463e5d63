"""The summary attendance sheet on the real PostgreSQL and Keycloak, fed through reporting's consumer: the journal's
AttendanceRecorded (recorded, its reason corrected, changed back to present) and schedule's lessons (their subjects),
a student transferred mid-period; as data, PDF and XLSX; a redelivered event changes nothing."""
import io
import uuid

import grpc
import pytest
from openpyxl import load_workbook
from sqlalchemy import select

from proto.identity.v1 import identity_pb2 as identity
from proto.journal.v1 import journal_pb2 as journal
from proto.reporting.v1 import reporting_pb2 as pb
from proto.schedule.v1 import schedule_pb2 as schedule
from services.common.consumer import IdempotentConsumer
from services.common.outbox import envelope
from services.reporting.adapters import tables
from services.reporting.entrypoints.consumers import handlers
from tests.integration.reporting.test_movement_register import deliver
from tests.support import stack
from tests.support.grpc_harness import call, rpc_error
from tests.support.pdf_text import needs_pdftotext, pdf_text

pytestmark = pytest.mark.stack


class School:
    """5А and 5Б; Иванов in 5А until 13.01.2027, then in 5Б; Петрова in 5А. Lessons of 5А: mathematics on 12.01 and
    15.01, Russian on 13.01; of 5Б: mathematics on 15.01."""

    def __init__(self):
        self.school_id, self.c5a, self.c5b, self.math, self.rus = (str(uuid.uuid4()) for _ in range(5))
        self.ivanov, self.petrova = str(uuid.uuid4()), str(uuid.uuid4())
        self.l1, self.l2, self.l3, self.l4 = (str(uuid.uuid4()) for _ in range(4))

    def person(self, person_id: str, last: str, first: str) -> identity.PersonRegistered:
        return identity.PersonRegistered(person=identity.Person(
            id=person_id, school_id=self.school_id, kind=identity.STUDENT,
            name=identity.PersonName(last_name=last, first_name=first),
            memberships=[identity.ClassMembership(class_group_id=self.c5a)]))

    def lesson(self, lesson_id: str, class_group_id: str, subject_id: str, date: str) -> schedule.LessonScheduled:
        return schedule.LessonScheduled(lesson=schedule.Lesson(id=lesson_id, school_id=self.school_id,
                                                               class_group_id=class_group_id, subject_id=subject_id,
                                                               date=date))

    def attendance(self, lesson_id: str, student_id: str, status: str, class_group_id: str = "",
                   date: str = "") -> journal.AttendanceRecorded:
        dates = {self.l1: "2027-01-12", self.l2: "2027-01-13", self.l3: "2027-01-15", self.l4: "2027-01-15"}
        return journal.AttendanceRecorded(
            entry=journal.AttendanceEntry(lesson_id=lesson_id, student_id=student_id, status=status),
            class_group_id=class_group_id or (self.c5b if lesson_id == self.l4 else self.c5a),
            lesson_date=date or dates[lesson_id])

    def events(self) -> list:
        m = identity.ClassMembership
        return [
            identity.SchoolOnboarded(school_id=self.school_id, name="МБОУ «Средняя школа № 7»"),
            *(schedule.ClassGroupCreated(class_group=schedule.ClassGroup(id=c, school_id=self.school_id, grade=5,
                                                                         name=name))
              for c, name in ((self.c5a, "5А"), (self.c5b, "5Б"))),
            *(schedule.SubjectCreated(subject=schedule.Subject(id=s, school_id=self.school_id, name=name))
              for s, name in ((self.math, "Математика"), (self.rus, "Русский язык"))),
            # the journal's attendance may come before schedule's lesson
            self.attendance(self.l1, self.ivanov, "absent"),
            self.person(self.ivanov, "Иванов", "Иван"), self.person(self.petrova, "Петрова", "Мария"),
            identity.StudentTransferred(student_id=self.ivanov, from_class_group_id=self.c5a,
                                        to_class_group_id=self.c5b, effective_date="2027-01-14",
                                        full_name="Иванов Иван", memberships=[
                                            m(class_group_id=self.c5a, date_to="2027-01-13"),
                                            m(class_group_id=self.c5b, date_from="2027-01-14")]),
            self.lesson(self.l1, self.c5a, self.math, "2027-01-12"), self.lesson(self.l2, self.c5a, self.rus, "2027-01-13"),
            self.lesson(self.l3, self.c5a, self.math, "2027-01-15"), self.lesson(self.l4, self.c5b, self.math, "2027-01-15"),
            self.attendance(self.l1, self.ivanov, "ill"),  # CorrectAttendance: the reason given
            self.attendance(self.l1, self.petrova, "late"),
            self.attendance(self.l2, self.petrova, "unexcused"),
            self.attendance(self.l3, self.petrova, "absent"), self.attendance(self.l3, self.petrova, ""),  # present
            self.attendance(self.l3, self.ivanov, "absent"),  # in 5Б by then: not his 5А sheet's
            self.attendance(self.l4, self.ivanov, "excused"),
        ]


@pytest.fixture(scope="module")
def school(db) -> School:
    school = School()
    assert all(deliver(db, school.school_id, school.events()))
    return school


def sheet(stub, principals, school: School, class_group_id: str, rpc: str = "GetAttendanceSheet",
          date_from: str = "2027-01-10", date_to: str = "2027-01-20", role: str = "deputy_head", **grant):
    principals.grant(school.school_id, role, **grant)
    try:
        return call(stub, rpc, pb.GetAttendanceSheetRequest(
            school_id=school.school_id, class_group_id=class_group_id, date_from=date_from, date_to=date_to),
            stack.operator_token())
    finally:
        principals.grants.pop(school.school_id)


def lines(report: pb.AttendanceSheet) -> list[tuple]:
    return [(s.student_name, [(x.subject_name, list(x.missed.by_reason), x.missed.total) for x in s.subjects],
             s.missed.total) for s in report.students]


def test_the_sheet_counts_each_students_latest_absences_while_in_the_class_by_subject_and_reason(
        stub, principals, school):
    report = sheet(stub, principals, school, school.c5a)
    assert (report.school_name, report.class_group_name, report.date_from, report.date_to) == (
        "МБОУ «Средняя школа № 7»", "5А", "2027-01-10", "2027-01-20")
    assert [(r.code, r.name) for r in report.reasons] == [
        ("absent", "Н — отсутствовал"), ("ill", "Б — болел"), ("excused", "УП — уважительная"),
        ("unexcused", "НП — неуважительная")]
    assert lines(report) == [("Иванов Иван", [("Математика", [0, 1, 0, 0], 1)], 1),
                             ("Петрова Мария", [("Русский язык", [0, 0, 0, 1], 1)], 1)]
    assert [(x.subject_name, list(x.missed.by_reason)) for x in report.subjects] == [
        ("Математика", [0, 1, 0, 0]), ("Русский язык", [0, 0, 0, 1])]
    assert (list(report.missed.by_reason), report.missed.total) == ([0, 1, 0, 1], 2)
    assert lines(sheet(stub, principals, school, school.c5b)) == [
        ("Иванов Иван", [("Математика", [0, 0, 1, 0], 1)], 1)], "in 5Б from 14.01 only"


def test_a_redelivered_or_republished_event_changes_nothing(db, school):
    def facts():
        with db.tenant_session(school.school_id) as session:
            return [sorted(map(tuple, session.execute(select(t)).all())) for t in (tables.attendance, tables.lessons)]
    before = facts()
    assert len(before[0]) == 5 and len(before[1]) == 4
    again = envelope(school.school_id, school.attendance(school.l2, school.petrova, "unexcused"),
                     actor="test").SerializeToString()
    consumer = IdempotentConsumer(db, tables.inbox, handlers)
    assert consumer.handle(again) and not consumer.handle(again)
    assert deliver(db, school.school_id, [school.lesson(school.l1, school.c5a, school.math, "2027-01-12")]) == [True]
    assert facts() == before


def test_a_moved_lesson_takes_its_absences_to_its_new_date(db, stub, principals):
    school = School()
    assert all(deliver(db, school.school_id, [
        *school.events(), journal.LessonRecordMoved(lesson_id=school.l2, class_group_id=school.c5a,
                                                    lesson_date="2027-01-25", from_date="2027-01-13")]))
    assert [s.missed.total for s in sheet(stub, principals, school, school.c5a).students] == [1, 0]
    assert sheet(stub, principals, school, school.c5a, date_from="2027-01-25",
                 date_to="2027-01-25").missed.total == 1


@needs_pdftotext
def test_the_sheet_as_pdf_and_xlsx(stub, principals, school, tmp_path):
    pdf = sheet(stub, principals, school, school.c5a, "RenderAttendanceSheetPdf")
    assert (pdf.media_type, pdf.filename) == ("application/pdf", f"attendance-{school.c5a}-2027-01-10-2027-01-20.pdf")
    text = pdf_text(pdf.content, tmp_path)
    for expected in ("МБОУ «Средняя школа № 7»", "Сводная ведомость посещаемости", "класс 5А, с 10.01.2027 по 20.01.2027",
                     "Сформирован:", "стр. 1 из 1", "Классный руководитель", "Заместитель директора",
                     "Б — болел", "Иванов Иван", "Итого по классу"):
        assert expected in text
    xlsx = sheet(stub, principals, school, school.c5a, "RenderAttendanceSheetXlsx")
    assert xlsx.filename.endswith(".xlsx") and xlsx.media_type.endswith("spreadsheetml.sheet")
    cells = list(load_workbook(io.BytesIO(xlsx.content)).active.iter_rows(values_only=True))
    assert cells[-8:] == [
        ("Ученик", "Предмет", "Н — отсутствовал", "Б — болел", "УП — уважительная", "НП — неуважительная", "Всего"),
        ("Иванов Иван", "Математика", 0, 1, 0, 0, 1), ("Иванов Иван", "Итого", 0, 1, 0, 0, 1),
        ("Петрова Мария", "Русский язык", 0, 0, 0, 1, 1), ("Петрова Мария", "Итого", 0, 0, 0, 1, 1),
        ("Итого по классу", "Математика", 0, 1, 0, 0, 1), ("Итого по классу", "Русский язык", 0, 0, 0, 1, 1),
        ("Итого по классу", "Итого", 0, 1, 0, 1, 2)]


def test_who_may_read_the_sheet_and_what_is_refused(stub, principals, school):
    assert sheet(stub, principals, school, school.c5a, role="form_teacher", leads=[school.c5a]).missed.total == 2
    for role, grant in (("form_teacher", {"leads": [school.c5b]}), ("teacher", {}), ("guardian", {})):
        with pytest.raises(grpc.RpcError) as refused:
            sheet(stub, principals, school, school.c5a, role=role, **grant)
        assert refused.value.code() == grpc.StatusCode.PERMISSION_DENIED, role
    with pytest.raises(grpc.RpcError) as refused:
        sheet(stub, principals, school, school.c5a, date_from="2027-01-20", date_to="2027-01-10")
    assert rpc_error(refused)[0] == grpc.StatusCode.INVALID_ARGUMENT and "date_to" in rpc_error(refused)[2]
    with pytest.raises(grpc.RpcError) as refused:
        sheet(stub, principals, school, str(uuid.uuid4()))
    assert refused.value.code() == grpc.StatusCode.NOT_FOUND


def test_one_batch_gives_the_same_sheet_as_one_event_at_a_time(db, stub, principals, school):
    """A polled batch (the lessons' run in one statement, a lesson told twice keeping the last) counts the same."""
    batched = School()
    consumer = IdempotentConsumer(db, tables.inbox, handlers)
    events = [consumer.decode(envelope(batched.school_id, e, actor="test").SerializeToString())
              for e in batched.events()]
    assert consumer.apply(batched.school_id, events + events[-3:]) == len(events)
    assert lines(sheet(stub, principals, batched, batched.c5a)) == lines(sheet(stub, principals, school, school.c5a))
