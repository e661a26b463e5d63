"""Dated class membership on the real PostgreSQL (A1): a student transferred from 5А to 5Б and a leaver of 5А.
Saves are refused for a student not in the lesson's class on its day (nothing written); the grid lists everyone in
the class during its period with the lessons outside their membership marked; the diary has the lessons of the class
the student was in on each day; a final mark is of the student's class of the asked year."""
import datetime as dt
import uuid
from dataclasses import dataclass

import grpc
import pytest

from proto.journal.v1 import journal_pb2 as pb
from proto.schedule.v1 import schedule_pb2
from tests.integration.journal.conftest import Lesson, add_lesson, school_today
from tests.integration.journal.test_policy_and_locks import refused
from tests.integration.journal.test_service import ledger_rows, save

pytestmark = pytest.mark.stack

REASON = "Заполняю журнал за прошлые дни"


@dataclass
class Movement:
    """5А's lessons 6, 5 and 4 days ago, 5Б's 5 and 4 days ago, of one subject and year: `stayer` in 5А all along,
    `moved` in 5А until 6 days ago and in 5Б from 5 days ago, `leaver` in 5А until 5 days ago."""

    school_id: str
    year_id: str
    old: list[schedule_pb2.Lesson]
    new: list[schedule_pb2.Lesson]
    stayer: str
    moved: str
    leaver: str

    def at(self, lesson: schedule_pb2.Lesson) -> Lesson:
        return Lesson(self.school_id, lesson.teacher_id, [], lesson)

    def act_as_teacher_of(self, journal, lesson: schedule_pb2.Lesson) -> None:
        journal.principals.grant(self.school_id, "subject_teacher", person_id=lesson.teacher_id,
                                 subject=f"subject-{lesson.teacher_id}")


def day(days_ago: int) -> str:
    return (school_today() - dt.timedelta(days=days_ago)).isoformat()


@pytest.fixture
def movement(journal) -> Movement:
    school_id, year_id, old_class, new_class, subject_id = (str(uuid.uuid4()) for _ in range(5))
    old_teacher, new_teacher = str(uuid.uuid4()), str(uuid.uuid4())
    stayer, moved, leaver = (str(uuid.uuid4()) for _ in range(3))
    identity = journal.identity
    identity.classes[old_class] = {stayer}
    identity.move(moved, (old_class, "", day(6)), (new_class, day(5), ""))
    identity.move(leaver, (old_class, "", day(5)))
    identity.names.update({stayer: ("Антонова", "Анна"), moved: ("Борисов", "Борис"), leaver: ("Власов", "Виктор")})
    journal.schedule.years.update({old_class: year_id, new_class: year_id})
    old = [add_lesson(journal, school_id, old_class, old_teacher, school_today() - dt.timedelta(days=d),
                      subject_id=subject_id) for d in (6, 5, 4)]
    new = [add_lesson(journal, school_id, new_class, new_teacher, school_today() - dt.timedelta(days=d),
                      subject_id=subject_id) for d in (5, 4)]
    return Movement(school_id, year_id, old, new, stayer, moved, leaver)


def test_a_save_is_refused_for_a_student_not_in_the_class_on_the_lessons_day(journal, movement):
    m = movement
    m.act_as_teacher_of(journal, m.old[0])
    save(journal, m.at(m.old[0]), reason=REASON, marks=[dict(student_id=m.moved, value="4")])  # his last day in 5А
    save(journal, m.at(m.old[1]), reason=REASON, marks=[dict(student_id=m.leaver, value="3")])  # the leaver's last
    written = len(ledger_rows(journal, m.school_id))
    for lesson, student in ((m.old[1], m.moved), (m.old[2], m.leaver)):
        code, message, fields = refused(save, journal, m.at(lesson), reason=REASON, topic="Дроби", marks=[
            dict(student_id=m.stayer, value="5"), dict(student_id=student, value="5")])
        assert code == grpc.StatusCode.INVALID_ARGUMENT
        assert fields == {"marks[1].student_id": "ученик не учится в этом классе в день урока"}, message
        code, _, fields = refused(save, journal, m.at(lesson), reason=REASON,
                                  attendance=[dict(student_id=student, status="ill")])
        assert list(fields) == ["attendance[0].student_id"]
    code, _, fields = refused(journal.call, "SetStudentHomework", pb.SetStudentHomeworkRequest(
        school_id=m.school_id, lesson_id=m.old[2].id, student_id=m.leaver, homework="№ 5", reason=REASON))
    assert (code, list(fields)) == (grpc.StatusCode.INVALID_ARGUMENT, ["student_id"])
    assert len(ledger_rows(journal, m.school_id)) == written, "nothing written"
    m.act_as_teacher_of(journal, m.new[0])
    record = save(journal, m.at(m.new[0]), reason=REASON, marks=[dict(student_id=m.moved, value="5")])
    assert [mark.student_id for mark in record.marks] == [m.moved], "in 5Б from the transfer day"


def grid(journal, movement: Movement, lessons: list[schedule_pb2.Lesson]) -> dict:
    reply = journal.call("GetGrid", pb.GetGridRequest(
        school_id=movement.school_id, class_group_id=lessons[0].class_group_id, subject_id=lessons[0].subject_id,
        date_from=lessons[0].date, date_to=lessons[-1].date))
    assert [lesson.lesson_id for lesson in reply.lessons] == [lesson.id for lesson in lessons]
    return {s.last_name: ([c.not_in_class for c in s.cells], [[mk.value for mk in c.marks] for c in s.cells])
            for s in reply.students}


def test_the_grid_lists_everyone_in_the_class_during_its_period_and_marks_the_days_outside(journal, movement):
    m = movement
    m.act_as_teacher_of(journal, m.old[0])
    save(journal, m.at(m.old[0]), reason=REASON, marks=[dict(student_id=m.moved, value="4"),
                                                         dict(student_id=m.leaver, value="3")])
    assert grid(journal, m, m.old) == {
        "Антонова": ([False, False, False], [[], [], []]),
        "Борисов": ([False, True, True], [["4"], [], []]),
        "Власов": ([False, False, True], [["3"], [], []])}
    assert grid(journal, m, m.old[2:]) == {"Антонова": ([False], [[]])}, "both gone before the period"
    m.act_as_teacher_of(journal, m.new[0])
    assert grid(journal, m, m.new) == {"Борисов": ([False, False], [[], []])}


def test_the_diary_has_the_lessons_of_the_class_the_student_was_in_each_day(journal, movement):
    m = movement

    def diary(student_id: str) -> list[str]:
        journal.principals.grant(m.school_id, "guardian", person_id=str(uuid.uuid4()), student_ids=[student_id])
        return [entry.lesson_id for entry in journal.call("GetDiary", pb.GetDiaryRequest(
            school_id=m.school_id, student_id=student_id, date_from=day(7), date_to=day(0))).entries]
    assert diary(m.moved) == [m.old[0].id, m.new[0].id, m.new[1].id]
    assert diary(m.leaver) == [m.old[0].id, m.old[1].id], "nothing after leaving"
    assert diary(m.stayer) == [lesson.id for lesson in m.old]


def test_a_final_mark_is_of_the_students_class_of_the_asked_year(journal, movement):
    m = movement

    def final(student_id: str, lessons, year_id: str = ""):
        return journal.call("SetFinalMark", pb.SetFinalMarkRequest(
            school_id=m.school_id, student_id=student_id, subject_id=lessons[0].subject_id, kind="annual", value="4",
            academic_year_id=year_id))
    m.act_as_teacher_of(journal, m.old[0])
    code, _, fields = refused(final, m.leaver, m.old)
    assert (code, list(fields)) == (grpc.StatusCode.INVALID_ARGUMENT, ["student_id"]), "in no class today"
    given = final(m.leaver, m.old, m.year_id)
    assert (given.class_group_id, given.academic_year_id) == (m.old[0].class_group_id, m.year_id)
    code, _, fields = refused(final, m.leaver, m.old, str(uuid.uuid4()))
    assert (code, list(fields)) == (grpc.StatusCode.INVALID_ARGUMENT, ["academic_year_id"])
    assert refused(final, m.moved, m.old)[0] == grpc.StatusCode.PERMISSION_DENIED, "5А's teacher: not his any more"
    m.act_as_teacher_of(journal, m.new[0])
    assert final(m.moved, m.new).class_group_id == final(m.moved, m.new, m.year_id).class_group_id == \
        m.new[0].class_group_id


def test_a_paper_journals_line_for_a_day_the_student_was_not_in_the_class_is_an_error(journal, movement):
    m = movement
    m.act_as_teacher_of(journal, m.old[0])
    header = "date;lesson_number;subject;student;mark;work_type;attendance;topic\n"
    text = header + f"{m.old[0].date};1;;Борисов Борис;5;;;\n{m.old[2].date};1;;Власов Виктор;4;;;\n"
    reply = journal.call("ImportPaperJournal", pb.ImportPaperJournalRequest(
        school_id=m.school_id, class_group_id=m.old[0].class_group_id, filename="journal.csv", content=text.encode(),
        reason="Сбой, журнал вёлся на бумаге", dry_run=True))
    assert [(r.line, r.status, r.field, r.reason) for r in reply.rows] == [
        (2, "added", "", ""), (3, "error", "student", "ученик не учился в этом классе в этот день")]
