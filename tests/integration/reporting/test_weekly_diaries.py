"""The week's diary of a class (T9) on the real PostgreSQL and Keycloak, fed through reporting's consumer: schedule's
lessons with their numbers, times and subgroups, a cancelled lesson, the subgroups' students, the school events (a
later revision wins whatever order they come in, a cancelled event is not printed); the journal's topics, homework
(the lesson's and a student's own), marks with their lessons, work types and comments, attendance; the data and the
PDF's text (pdftotext); who may read it and the refusals; another school's rows stay its own."""
import uuid

import grpc
import pytest
from sqlalchemy import func, select

from proto.identity.v1 import identity_pb2 as identity
from proto.journal.v1 import journal_pb2 as journal
from proto.reporting.v1 import reporting_pb2 as pb
from proto.schedule.v1 import schedule_pb2 as schedule
from services.reporting.adapters.tables import school_events, student_homework, subgroups
from tests.integration.reporting.test_movement_register import deliver
from tests.support import stack
from tests.support.grpc_harness import call, rpc_error
from tests.support.pdf_text import needs_pdftotext, pdf_text

pytestmark = pytest.mark.stack


class Week:
    """5А, the week of 07.09.2026: Зайцев (English group 1) and Орлова (group 2) all week, Белов from Wednesday.
    Monday: mathematics (1st, topic «Дроби», homework «№ 12», Зайцев's own homework, his 5 for a test «молодец»,
    Орлова late), English of each group (2nd); Tuesday: mathematics cancelled; Wednesday: mathematics (Зайцев ill).
    Events: a parent meeting of 5А moved to Thursday 18:00 (its change told before its creation), a staff meeting, a
    concert of the whole school cancelled."""

    def __init__(self):
        ids = iter([str(uuid.uuid4()) for _ in range(20)])
        self.school_id, self.year, self.term, self.c5a, self.math, self.english = (next(ids) for _ in range(6))
        self.zaitsev, self.orlova, self.belov, self.g1, self.g2 = (next(ids) for _ in range(5))
        self.mon, self.en1, self.en2, self.tue, self.wed = (next(ids) for _ in range(5))
        self.meeting, self.council, self.concert = (next(ids) for _ in range(3))

    def lesson(self, lesson_id: str, date: str, number: int, subject: str, starts_at: str, subgroup: str = "",
               subgroup_name: str = "", status: str = "scheduled") -> schedule.Lesson:
        return schedule.Lesson(id=lesson_id, school_id=self.school_id, class_group_id=self.c5a, subject_id=subject,
                               date=date, lesson_number=number, starts_at=starts_at, ends_at="", status=status,
                               subgroup_id=subgroup, subgroup_name=subgroup_name)

    def event(self, event_id: str, title: str, kind_name: str, date: str, revision: int = 0, starts_at: str = "",
              status: str = "scheduled", **audience) -> schedule.SchoolEvent:
        return schedule.SchoolEvent(id=event_id, school_id=self.school_id, title=title, kind_name=kind_name,
                                    date=date, starts_at=starts_at, status=status, revision=revision,
                                    audience=schedule.EventAudience(**audience))

    def events(self) -> list:
        member = identity.ClassMembership
        common = dict(class_group_id=self.c5a, lesson_date="2026-09-07")
        return [
            identity.SchoolOnboarded(school_id=self.school_id, name="МБОУ «Средняя школа № 5»"),
            schedule.AcademicYearCreated(academic_year=schedule.AcademicYear(
                id=self.year, school_id=self.school_id, name="2026/2027", terms=[schedule.Term(
                    id=self.term, name="1 четверть", start_date="2026-09-01", end_date="2026-10-24")])),
            schedule.ClassGroupCreated(class_group=schedule.ClassGroup(
                id=self.c5a, school_id=self.school_id, name="5А", grade=5, academic_year_id=self.year)),
            *(schedule.SubjectCreated(subject=schedule.Subject(id=s, school_id=self.school_id, name=n))
              for s, n in ((self.math, "Математика"), (self.english, "Английский язык"))),
            *(identity.PersonRegistered(person=identity.Person(
                id=p, school_id=self.school_id, kind=identity.STUDENT,
                name=identity.PersonName(last_name=last, first_name=first),
                memberships=[member(class_group_id=self.c5a, date_from=since)]))
              for p, last, first, since in ((self.zaitsev, "Зайцев", "Пётр", ""), (self.orlova, "Орлова", "Анна", ""),
                                            (self.belov, "Белов", "Иван", "2026-09-09"))),
            journal.JournalSettingsChanged(school_id=self.school_id, mark_scale="five_point", work_types=[
                journal.WorkType(code="test", name="Контрольная работа", weight="2")]),
            schedule.LessonScheduled(lesson=self.lesson(self.mon, "2026-09-07", 1, self.math, "08:30")),
            schedule.LessonScheduled(lesson=self.lesson(self.en1, "2026-09-07", 2, self.english, "09:25", self.g1,
                                                        "1 группа")),
            schedule.LessonScheduled(lesson=self.lesson(self.en2, "2026-09-07", 2, self.english, "09:25", self.g2,
                                                        "2 группа")),
            schedule.LessonScheduled(lesson=self.lesson(self.tue, "2026-09-08", 1, self.math, "08:30")),
            schedule.LessonCancelled(lesson=self.lesson(self.tue, "2026-09-08", 1, self.math, "08:30",
                                                        status="cancelled")),
            schedule.LessonScheduled(lesson=self.lesson(self.wed, "2026-09-09", 1, self.math, "08:30")),
            *(schedule.SubgroupStudentsSet(subgroup=schedule.Subgroup(
                id=g, school_id=self.school_id, class_group_id=self.c5a, name=name, student_ids=students))
              for g, name, students in ((self.g1, "Английский, 1 группа", [self.zaitsev, self.belov]),
                                        (self.g2, "Английский, 2 группа", [self.orlova]))),
            journal.TopicSet(lesson_id=self.mon, topic="Дроби", **common),
            journal.HomeworkSet(lesson_id=self.mon, homework="№ 12", **common),
            journal.HomeworkSet(lesson_id=self.mon, homework="Исправить ошибки", student_id=self.zaitsev, **common),
            journal.HomeworkSet(lesson_id=self.mon, homework="Прочитать параграф", student_id=self.orlova, **common),
            journal.HomeworkSet(lesson_id=self.mon, homework="", student_id=self.orlova, **common),  # removed
            journal.MarkRecorded(mark=journal.Mark(
                id=str(uuid.uuid4()), lesson_id=self.mon, student_id=self.zaitsev, subject_id=self.math,
                lesson_date="2026-09-07", value="5", work_type="test", comment="молодец"), class_group_id=self.c5a),
            journal.AttendanceRecorded(entry=journal.AttendanceEntry(lesson_id=self.mon, student_id=self.orlova,
                                                                     status="late"), **common),
            journal.AttendanceRecorded(entry=journal.AttendanceEntry(lesson_id=self.wed, student_id=self.zaitsev,
                                                                     status="ill"),
                                       class_group_id=self.c5a, lesson_date="2026-09-09"),
            schedule.SchoolEventChanged(event=self.event(self.meeting, "Собрание 5А", "Родительское собрание",
                                                         "2026-09-10", 1, "18:00", scope="class_groups",
                                                         class_group_ids=[self.c5a]), changed=["date"]),
            schedule.SchoolEventCreated(event=self.event(self.meeting, "Собрание 5А", "Родительское собрание",
                                                         "2026-09-09", 0, "18:00", scope="class_groups",
                                                         class_group_ids=[self.c5a])),
            schedule.SchoolEventCreated(event=self.event(self.council, "Педсовет", "Педагогический совет, совещание",
                                                         "2026-09-08", people="staff")),
            schedule.SchoolEventCreated(event=self.event(self.concert, "Концерт", "Концерт", "2026-09-11")),
            schedule.SchoolEventCancelled(event=self.event(self.concert, "Концерт", "Концерт", "2026-09-11", 1,
                                                           status="cancelled")),
        ]


@pytest.fixture(scope="module")
def week(db) -> Week:
    week = Week()
    events = week.events()
    assert all(deliver(db, week.school_id, events))
    return week


def ask(stub, principals, week: Week, rpc: str, request, role: str = "deputy_head", **grant):
    principals.grant(week.school_id, role, **grant)
    try:
        return call(stub, rpc, request, stack.operator_token())
    finally:
        principals.grants.pop(week.school_id)


def request(week: Week, **fields) -> pb.GetWeeklyDiariesRequest:
    return pb.GetWeeklyDiariesRequest(**({"school_id": week.school_id, "class_group_id": week.c5a,
                                          "week_of": "2026-09-09"} | fields))


def test_each_students_week_from_the_events(stub, principals, week):
    diaries = ask(stub, principals, week, "GetWeeklyDiaries", request(week))
    assert (diaries.class_group_name, diaries.date_from, diaries.date_to) == ("5А", "2026-09-07", "2026-09-13")
    assert [s.student_name for s in diaries.students] == ["Белов Иван", "Зайцев Пётр", "Орлова Анна"]
    belov, zaitsev, orlova = diaries.students
    assert [(x.date, x.lesson_number, x.subject_name) for x in zaitsev.lessons] == [
        ("2026-09-07", 1, "Математика"), ("2026-09-07", 2, "Английский язык (Английский, 1 группа)"),
        ("2026-09-09", 1, "Математика")]  # Tuesday's lesson was cancelled
    monday = zaitsev.lessons[0]
    assert (monday.starts_at, monday.topic, monday.homework, monday.own_homework) == (
        "08:30", "Дроби", "№ 12", "Исправить ошибки")
    assert [(m.value, m.work_type_name, m.comment) for m in monday.marks] == [("5", "Контрольная работа", "молодец")]
    assert zaitsev.lessons[2].attendance_name == "Б — болел" and zaitsev.missed.total == 1
    assert [x.subject_name for x in orlova.lessons] == ["Математика", "Английский язык (Английский, 2 группа)",
                                                        "Математика"]
    assert orlova.lessons[0].own_homework == "" and (orlova.late, orlova.missed.total) == (1, 0)
    assert [x.date for x in belov.lessons] == ["2026-09-09"]  # joined on Wednesday
    assert [(e.title, e.date, e.starts_at) for e in diaries.events] == [("Собрание 5А", "2026-09-10", "18:00")]

    only = ask(stub, principals, week, "GetWeeklyDiaries", request(week, student_ids=[week.orlova]))
    assert [s.student_id for s in only.students] == [week.orlova]


@needs_pdftotext
def test_the_pdf_prints_a_student_a_page(stub, principals, week, tmp_path):
    rendered = ask(stub, principals, week, "RenderWeeklyDiariesPdf", request(week), "form_teacher",
                   leads=[week.c5a])
    assert (rendered.media_type, rendered.filename) == ("application/pdf", f"weekly-diaries-{week.c5a}-2026-09-07.pdf")
    text = pdf_text(rendered.content, tmp_path)
    assert text.count("Дневник за неделю") == 3 and "стр. 3 из 3" in text
    zaitsev = next(page for page in text.split("\f") if "Зайцев Пётр" in page)
    for expected in ("МБОУ «Средняя школа № 5»", "Зайцев Пётр, класс 5А, неделя с 07.09.2026 по 13.09.2026", "Дроби",
                     "№ 12", "Лично: Исправить", "5 (Контрольная", "Б — болел",
                     "Пропущено уроков за неделю: 1.", "четверг, 10.09, 18:00: Собрание 5А (Родительское собрание)",
                     "Родитель (законный представитель)"):
        assert expected in zaitsev, expected
    assert "Педсовет" not in text and "Концерт" not in text
    one = ask(stub, principals, week, "RenderWeeklyDiariesPdf", request(week, student_ids=[week.belov]))
    assert one.filename.endswith(f"-{week.belov}.pdf")


def test_who_may_read_it_and_the_refusals(stub, principals, week, db):
    for role, grant in (("form_teacher", {"leads": [str(uuid.uuid4())]}), ("subject_teacher", {}),
                        ("guardian", {"student_ids": [week.zaitsev]})):
        with pytest.raises(grpc.RpcError) as refused:
            ask(stub, principals, week, "GetWeeklyDiaries", request(week), role, **grant)
        assert refused.value.code() == grpc.StatusCode.PERMISSION_DENIED, role
    # the live diary's rule (diary.read) for the students named: a guardian their own child only, any staff any student
    for role, grant, asked in (("guardian", {"student_ids": [week.zaitsev]}, [week.orlova]),
                               ("guardian", {"student_ids": [week.zaitsev]}, [week.zaitsev, week.orlova]),
                               ("student", {"student_ids": [week.orlova]}, [week.zaitsev])):
        with pytest.raises(grpc.RpcError) as refused:
            ask(stub, principals, week, "GetWeeklyDiaries", request(week, student_ids=asked), role, **grant)
        assert refused.value.code() == grpc.StatusCode.PERMISSION_DENIED, (role, asked)
    for role, grant in (("guardian", {"student_ids": [week.zaitsev]}), ("subject_teacher", {})):
        own = ask(stub, principals, week, "GetWeeklyDiaries", request(week, student_ids=[week.zaitsev]), role, **grant)
        assert [s.student_id for s in own.students] == [week.zaitsev], role
    cases = [(request(week, class_group_id=str(uuid.uuid4())), grpc.StatusCode.NOT_FOUND, "class_group_id"),
             (request(week, student_ids=[str(uuid.uuid4())]), grpc.StatusCode.NOT_FOUND, "student_ids"),
             (request(week, week_of="09.09.2026"), grpc.StatusCode.INVALID_ARGUMENT, "week_of"),
             (request(week, class_group_id="5А"), grpc.StatusCode.INVALID_ARGUMENT, "class_group_id")]
    for asked, code, field in cases:
        with pytest.raises(grpc.RpcError) as refused:
            ask(stub, principals, week, "GetWeeklyDiaries", asked)
        assert (rpc_error(refused)[0], field in rpc_error(refused)[2]) == (code, True), asked
    other = str(uuid.uuid4())
    with db.tenant_session(other) as session:
        for table in (school_events, subgroups, student_homework):
            assert session.scalar(select(func.count()).select_from(table)) == 0
    with db.tenant_session(week.school_id) as session:
        assert session.scalar(select(school_events.c.revision).where(school_events.c.id == week.meeting)) == 1
