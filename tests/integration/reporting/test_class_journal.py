"""The class journal (R6, A3) on the real PostgreSQL and Keycloak, fed through reporting's consumer: schedule's year
with two terms, lessons with numbers, teachers, a subgroup and a cancelled one; the journal's topics, homework, marks
(«3*» not counted), attendance, term and annual marks; identity's students and the teacher by name. The data for the
whole year and for a period of one subject, the PDF/A printout read back with poppler's tools (title sheet, contents,
sheet numbers, the certified number of sheets equal to the pages, XMP, embedded fonts) as the archive asks for it with
a service token, the JSON, who may read it and the refusals."""
import json
import re
import subprocess
import uuid

import grpc
import pytest

from proto.identity.v1 import identity_pb2 as identity
from proto.journal.v1 import journal_pb2 as journal
from proto.reporting.v1 import reporting_pb2 as pb
from proto.schedule.v1 import schedule_pb2 as schedule
from tests.integration.reporting.test_movement_register import deliver
from tests.integration.reporting.test_weekly_diaries import ask
from tests.support import stack
from tests.support.grpc_harness import call, rpc_error
from tests.support.pdf_text import needs_pdftotext, pdf_text

pytestmark = pytest.mark.stack


class Journal:
    """5А of 2026/2027 (1st term 01.09–24.10, 2nd 05.11–28.12): Зайцев and Орлова all year, Белов from 09.09.
    Mathematics (Иванова Мария Петровна): 07.09 1st «Дроби», «№ 12», Зайцев 5, Орлова 3 not counted; 09.09 2nd, Орлова
    absent, Белов ill; 10.09 cancelled. Russian 08.09 1st for the 1st group (Зайцев), Зайцев late. Зайцев's 1st term
    and annual mathematics 5."""

    def __init__(self):
        ids = iter([str(uuid.uuid4()) for _ in range(20)])
        self.school_id, self.year, self.q1, self.q2, self.c5a, self.math, self.rus = (next(ids) for _ in range(7))
        self.zaitsev, self.orlova, self.belov, self.teacher, self.group = (next(ids) for _ in range(5))
        self.m1, self.m2, self.m3, self.r1 = (next(ids) for _ in range(4))

    def lesson(self, lesson_id: str, date: str, number: int, subject: str, status: str = "scheduled",
               subgroup: str = "") -> schedule.Lesson:
        return schedule.Lesson(id=lesson_id, school_id=self.school_id, class_group_id=self.c5a, subject_id=subject,
                               teacher_id=self.teacher, date=date, lesson_number=number, status=status,
                               subgroup_id=subgroup, subgroup_name="1 группа" if subgroup else "")

    def mark(self, lesson_id: str, student: str, value: str, not_counted: bool = False) -> journal.MarkRecorded:
        return journal.MarkRecorded(mark=journal.Mark(
            id=str(uuid.uuid4()), lesson_id=lesson_id, student_id=student, subject_id=self.math,
            lesson_date="2026-09-07", value=value, work_type="classwork", not_counted=not_counted),
            class_group_id=self.c5a)

    def absent(self, lesson_id: str, date: str, student: str, status: str) -> journal.AttendanceRecorded:
        return journal.AttendanceRecorded(entry=journal.AttendanceEntry(lesson_id=lesson_id, student_id=student,
                                                                        status=status),
                                          class_group_id=self.c5a, lesson_date=date)

    def events(self) -> list:
        member = identity.ClassMembership
        monday = dict(class_group_id=self.c5a, lesson_date="2026-09-07")
        return [
            identity.SchoolOnboarded(school_id=self.school_id, name="МБОУ «Средняя школа № 5»"),
            schedule.AcademicYearCreated(academic_year=schedule.AcademicYear(
                id=self.year, school_id=self.school_id, name="2026/2027", terms=[
                    schedule.Term(id=self.q1, name="1 четверть", start_date="2026-09-01", end_date="2026-10-24"),
                    schedule.Term(id=self.q2, name="2 четверть", start_date="2026-11-05", end_date="2026-12-28")])),
            schedule.ClassGroupCreated(class_group=schedule.ClassGroup(
                id=self.c5a, school_id=self.school_id, name="5А", grade=5, academic_year_id=self.year)),
            *(schedule.SubjectCreated(subject=schedule.Subject(id=s, school_id=self.school_id, name=n))
              for s, n in ((self.math, "Математика"), (self.rus, "Русский язык"))),
            identity.PersonRegistered(person=identity.Person(
                id=self.teacher, school_id=self.school_id, kind=identity.STAFF, roles=["subject_teacher"],
                name=identity.PersonName(last_name="Иванова", first_name="Мария", middle_name="Петровна"))),
            *(identity.PersonRegistered(person=identity.Person(
                id=p, school_id=self.school_id, kind=identity.STUDENT,
                name=identity.PersonName(last_name=last, first_name=first),
                memberships=[member(class_group_id=self.c5a, date_from=since)]))
              for p, last, first, since in ((self.zaitsev, "Зайцев", "Пётр", ""), (self.orlova, "Орлова", "Анна", ""),
                                            (self.belov, "Белов", "Иван", "2026-09-09"))),
            schedule.LessonScheduled(lesson=self.lesson(self.m1, "2026-09-07", 1, self.math)),
            schedule.LessonScheduled(lesson=self.lesson(self.m2, "2026-09-09", 2, self.math)),
            schedule.LessonScheduled(lesson=self.lesson(self.m3, "2026-09-10", 1, self.math)),
            schedule.LessonCancelled(lesson=self.lesson(self.m3, "2026-09-10", 1, self.math, status="cancelled")),
            schedule.LessonScheduled(lesson=self.lesson(self.r1, "2026-09-08", 1, self.rus, subgroup=self.group)),
            schedule.SubgroupStudentsSet(subgroup=schedule.Subgroup(
                id=self.group, school_id=self.school_id, class_group_id=self.c5a, name="Русский, 1 группа",
                student_ids=[self.zaitsev])),
            journal.TopicSet(lesson_id=self.m1, topic="Дроби", **monday),
            journal.HomeworkSet(lesson_id=self.m1, homework="№ 12", **monday),
            self.mark(self.m1, self.zaitsev, "5"), self.mark(self.m1, self.orlova, "3", not_counted=True),
            self.absent(self.m2, "2026-09-09", self.orlova, "absent"),
            self.absent(self.m2, "2026-09-09", self.belov, "ill"),
            self.absent(self.r1, "2026-09-08", self.zaitsev, "late"),
            journal.TermMarkSet(term_mark=journal.TermMark(
                id=str(uuid.uuid4()), student_id=self.zaitsev, subject_id=self.math, term_id=self.q1,
                class_group_id=self.c5a, value="5")),
            journal.FinalMarkSet(final_mark=journal.FinalMark(
                id=str(uuid.uuid4()), student_id=self.zaitsev, subject_id=self.math, academic_year_id=self.year,
                class_group_id=self.c5a, kind="annual", value="5")),
        ]


@pytest.fixture(scope="module")
def kept(db) -> Journal:
    kept = Journal()
    assert all(deliver(db, kept.school_id, kept.events()))
    return kept


def request(kept: Journal, **fields) -> pb.GetClassJournalRequest:
    return pb.GetClassJournalRequest(**({"school_id": kept.school_id, "class_group_id": kept.c5a} | fields))


def test_the_whole_years_journal_from_the_events(stub, principals, kept):
    report = ask(stub, principals, kept, "GetClassJournal", request(kept))
    assert (report.school_name, report.class_group_name, report.academic_year_name) == (
        "МБОУ «Средняя школа № 5»", "5А", "2026/2027")
    assert (report.date_from, report.date_to, report.whole_year) == ("2026-09-01", "2026-12-28", True)
    assert [s.subject_name for s in report.subjects] == ["Математика", "Русский язык"]
    math, rus = report.subjects
    assert list(math.teacher_names) == ["Иванова Мария Петровна"]
    assert [(x.date, x.lesson_number, x.topic, x.homework) for x in math.lessons] == [
        ("2026-09-07", 1, "Дроби", "№ 12"), ("2026-09-09", 2, "", "")]  # 10.09 was cancelled
    assert [s.student_name for s in math.students] == ["Белов Иван", "Зайцев Пётр", "Орлова Анна"]
    belov, zaitsev, orlova = math.students
    assert [(list(c.marks), c.attendance) for c in zaitsev.cells] == [(["5"], ""), ([], "")]
    assert [(list(c.marks), c.attendance) for c in orlova.cells] == [(["3*"], ""), ([], "н")]
    assert belov.cells[1].attendance == "б"
    assert [p.period_name for p in math.periods] == ["1 четверть", "2 четверть", "Годовая", "Итоговая"]
    assert [p.value for p in zaitsev.period_marks] == ["5", "", "5", ""]
    assert (rus.lessons[0].subgroup_name, rus.students[1].cells[0].attendance) == ("Русский, 1 группа", "оп")


def test_a_period_of_one_subject(stub, principals, kept):
    report = ask(stub, principals, kept, "GetClassJournal",
                 request(kept, date_from="2026-09-08", date_to="2026-09-30", subject_id=kept.math))
    assert (report.date_from, report.date_to, report.whole_year) == ("2026-09-08", "2026-09-30", False)
    (math,) = report.subjects
    assert [x.date for x in math.lessons] == ["2026-09-09"]
    assert [p.period_name for p in math.periods] == ["1 четверть"]  # the year's end is not in the period


def pdf_tool(tool: str, content: bytes, tmp_path, *args: str) -> str:
    path = tmp_path / "journal.pdf"
    path.write_bytes(content)
    return subprocess.run([tool, *args, str(path)], check=True, capture_output=True, text=True).stdout


@needs_pdftotext
def test_the_archive_gets_the_bound_printout_as_pdfa(stub, kept, tmp_path):
    rendered = call(stub, "RenderClassJournalPdf", request(kept), stack.service_token())
    assert (rendered.media_type, rendered.filename) == ("application/pdf", f"class-journal-{kept.c5a}.pdf")
    pages = int(re.search(r"Pages:\s+(\d+)", pdf_tool("pdfinfo", rendered.content, tmp_path)).group(1))
    sheets = pdf_text(rendered.content, tmp_path).split("\f")[:pages]
    assert pages == 6  # the title, two sheets of each subject, the certification sheet
    title = sheets[0]
    for expected in ("МБОУ «Средняя школа № 5»", "Классный журнал", "Класс 5А", "Учебный год 2026/2027",
                     "Содержание", f"Всего листов: {pages}"):
        assert expected in title, expected
    assert "за период" not in title
    contents = dict(re.findall(r"\d\s+(Математика|Русский язык)\s+Иванова Мария Петровна\s+(\d+)", title))
    assert contents == {"Математика": "2", "Русский язык": "4"}
    assert "Зайцев Пётр" in sheets[1] and "3*" in sheets[1] and "Годовая" in sheets[1]
    assert "Дроби" in sheets[2] and "№ 12" in sheets[2]
    assert "Русский язык" in sheets[3] and "оп" in sheets[3]
    assert all(f"Лист {n}" in sheets[n - 1] for n in range(1, pages + 1))
    assert "В журнале прошнуровано, пронумеровано и скреплено печатью 6 листов" in sheets[-1]
    assert "Директор" in sheets[-1] and "М.П." in sheets[-1]
    meta = pdf_tool("pdfinfo", rendered.content, tmp_path, "-meta")
    assert "<pdfaid:part>2</pdfaid:part>" in meta and "<pdfaid:conformance>B</pdfaid:conformance>" in meta
    assert "<dc:title>" in meta and "Классный журнал 5А, 2026/2027" in meta
    fonts = pdf_tool("pdffonts", rendered.content, tmp_path).splitlines()[2:]
    assert fonts and all(re.search(r"\byes\s+yes\s+yes\b", line) for line in fonts), fonts

    one = call(stub, "RenderClassJournalPdf", request(kept, date_from="2026-09-01", date_to="2026-09-30",
                                                      subject_id=kept.rus), stack.service_token())
    assert one.filename == f"class-journal-{kept.c5a}-2026-09-01-2026-09-30-{kept.rus}.pdf"
    text = pdf_text(one.content, tmp_path)
    assert "за период с 01.09.2026 по 30.09.2026" in text and "Математика" not in text


def test_the_json_the_archive_keeps(stub, kept):
    rendered = call(stub, "RenderClassJournalJson", request(kept), stack.service_token())
    assert (rendered.media_type, rendered.filename) == ("application/json", f"class-journal-{kept.c5a}.json")
    data = json.loads(rendered.content)
    assert (data["format"], data["class_group"]["name"], data["whole_year"]) == ("otmetka.class-journal/1", "5А", True)
    math = data["subjects"][0]
    assert math["name"] == "Математика" and math["lessons"][0]["topic"] == "Дроби"
    assert math["students"][2]["cells"][0] == {"marks": ["3*"], "attendance": ""}


def test_who_may_read_it_and_the_refusals(stub, principals, kept):
    mine = ask(stub, principals, kept, "GetClassJournal", request(kept), "form_teacher", leads=[kept.c5a])
    assert mine.class_group_name == "5А"
    for role, grant in (("form_teacher", {"leads": [str(uuid.uuid4())]}), ("subject_teacher", {}),
                        ("guardian", {"student_ids": [kept.zaitsev]})):
        with pytest.raises(grpc.RpcError) as refused:
            ask(stub, principals, kept, "RenderClassJournalPdf", request(kept), role, **grant)
        assert refused.value.code() == grpc.StatusCode.PERMISSION_DENIED, role
    cases = [(request(kept, class_group_id=str(uuid.uuid4())), grpc.StatusCode.NOT_FOUND, "class_group_id"),
             (request(kept, class_group_id="5А"), grpc.StatusCode.INVALID_ARGUMENT, "class_group_id"),
             (request(kept, date_from="01.09.2026"), grpc.StatusCode.INVALID_ARGUMENT, "date_from"),
             (request(kept, date_to="2026-02-30"), grpc.StatusCode.INVALID_ARGUMENT, "date_to"),
             (request(kept, date_from="2026-10-01", date_to="2026-09-01"), grpc.StatusCode.INVALID_ARGUMENT,
              "date_to"),
             (request(kept, subject_id="математика"), grpc.StatusCode.INVALID_ARGUMENT, "subject_id")]
    for asked, code, field in cases:
        with pytest.raises(grpc.RpcError) as refused:
            ask(stub, principals, kept, "GetClassJournal", asked)
        status, message, fields = rpc_error(refused)[:3]
        assert (status, field in fields) == (code, True), asked
        assert re.search("[а-яА-Я]", message), message
