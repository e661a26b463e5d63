"""The journal's service layer against a fake unit of work (tests/unit/journal/fakes.py), no PostgreSQL: the save
of lessons (SaveLesson, SaveLessons), the term mark (SetTermMark) and the unlock requests (RequestUnlock,
DecideUnlock), as cosmicpython's tests/unit/test_handlers.py tests its handlers."""
import datetime as dt
import uuid

import pytest

from proto.journal.v1 import journal_pb2 as pb
from proto.schedule.v1 import schedule_pb2
from services.common.errors import Aborted, Conflict, FailedPrecondition, Forbidden, Invalid
from services.common.scope import Scope
from services.journal.domain.closed_year import ClosedYears
from services.journal.domain.journal_policy import DEFAULT, JournalPolicy
from services.journal.domain.lesson_entry import AttendanceInput, LessonInput, MarkInput, school_today
from services.journal.service_layer import lesson_record, term_marks, unlock_requests
from services.journal.service_layer.grid import double_lessons
from tests.unit.journal.fakes import FakeIdentity, FakeSchedule, FakeUnitOfWork, Principals

LOCKED, CLOSED = pb.ErrorReason.Name(pb.LESSON_LOCKED), pb.ErrorReason.Name(pb.YEAR_CLOSED)


def new_id() -> str:
    return str(uuid.uuid4())


class School:
    """A school with a class of three students, their teacher, the fakes of the ports and a unit of work."""

    def __init__(self):
        self.id, self.class_group_id, self.teacher_id, self.subject_id = new_id(), new_id(), new_id(), new_id()
        self.students = sorted(new_id() for _ in range(3))
        self.principals, self.schedule, self.identity = Principals(), FakeSchedule(), FakeIdentity()
        self.identity.classes[self.class_group_id] = set(self.students)
        self.uow = FakeUnitOfWork(Scope(self.id, self.principals), self.schedule, self.identity)
        self.as_teacher()

    def scope(self) -> Scope:
        """A new call's scope, as the interceptor binds it."""
        return Scope(self.id, self.principals)

    def as_teacher(self) -> None:
        self.principals.act(self.id, self.teacher_id, "subject_teacher")

    def as_deputy_head(self) -> None:
        self.principals.act(self.id, new_id(), "deputy_head")

    def lesson(self, days_ago: int = 0, number: int = 1, term_id: str = "") -> schedule_pb2.Lesson:
        lesson = schedule_pb2.Lesson(
            id=new_id(), school_id=self.id, class_group_id=self.class_group_id, subject_id=self.subject_id,
            subject_name="Математика", teacher_id=self.teacher_id, lesson_number=number, starts_at="08:30",
            ends_at="09:15", term_id=term_id,
            date=(school_today(DEFAULT.zone) - dt.timedelta(days=days_ago)).isoformat())
        self.schedule.lessons[lesson.id] = lesson
        return lesson

    def save(self, lesson: schedule_pb2.Lesson, topic: str = "Дроби", marks=(), attendance=(),
             reason: str = "") -> pb.LessonRecord:
        return lesson_record.save_lesson(self.scope(), self.uow, LessonInput(
            lesson.id, topic, "", [MarkInput(*m) for m in marks], [AttendanceInput(*a) for a in attendance], reason))


def event_types(uow: FakeUnitOfWork) -> list[str]:
    return [type(event).__name__ for event in uow.events]


def refusal(error) -> tuple[str, dict]:
    return error.value.reason, error.value.fields


# SaveLesson, SaveLessons

def test_a_save_stores_the_lesson_with_a_ledger_row_and_an_event_for_every_change():
    school = School()
    a, b, c = school.students
    lesson = school.lesson()
    record = school.save(lesson, marks=[(a, "5"), (b, "4")], attendance=[(c, "ill")])
    assert (record.topic, sorted((m.student_id, m.value) for m in record.marks)) == ("Дроби", sorted([(a, "5"), (b, "4")]))
    assert [e.status for e in record.attendance] == ["ill"]
    assert event_types(school.uow) == ["TopicSet", "MarkRecorded", "MarkRecorded", "AttendanceRecorded"]
    assert [row["entity"] for row in school.uow.ledger_rows] == ["topic", "mark", "mark", "attendance"]
    assert {row["actor_person_id"] for row in school.uow.ledger_rows} == {school.teacher_id}
    assert school.uow.committed == 1 and school.uow.locked == [lesson.id]


def test_saving_the_lesson_as_it_is_changes_nothing_and_a_changed_mark_is_one_change():
    school = School()
    a, b, _ = school.students
    lesson = school.lesson()
    school.save(lesson, marks=[(a, "5"), (b, "4")])
    written = len(school.uow.ledger_rows), len(school.uow.events)
    school.save(lesson, marks=[(a, "5"), (b, "4")])
    assert (len(school.uow.ledger_rows), len(school.uow.events)) == written
    school.save(lesson, marks=[(a, "5")])
    assert event_types(school.uow)[-1] == "MarkDeleted"
    assert school.uow.ledger_rows[-1]["old_value"] == {"value": "4", "work_type": "classwork", "comment": ""}


def test_a_lesson_past_the_edit_lock_is_refused_as_locked_and_nothing_is_written():
    school = School()
    lesson = school.lesson(days_ago=DEFAULT.edit_lock_days + 3)
    with pytest.raises(FailedPrecondition) as err:
        school.save(lesson, marks=[(school.students[0], "5")], reason="Исправление")
    assert refusal(err) == (LOCKED, {"lesson_id": "урок закрыт для изменений"})
    assert (school.uow.ledger_rows, school.uow.events, school.uow.lessons.marks, school.uow.committed) == ([], [], {}, 0)


def test_an_approved_unlock_opens_the_locked_lesson_for_its_teacher_only_until_it_expires():
    school = School()
    lesson = school.lesson(days_ago=DEFAULT.edit_lock_days + 3)
    request = dict(id=new_id(), lesson_id=lesson.id, teacher_id=school.teacher_id, status="approved",
                   expires_at=dt.datetime.now(dt.UTC) + dt.timedelta(hours=1))
    school.uow.unlock_requests.add(request)
    assert school.save(lesson, marks=[(school.students[0], "5")], reason="Исправление").marks
    school.uow.unlock_requests.rows[request["id"]]["expires_at"] = dt.datetime.now(dt.UTC) - dt.timedelta(seconds=1)
    with pytest.raises(FailedPrecondition) as err:
        school.save(lesson, marks=[(school.students[0], "4")], reason="Исправление")
    assert refusal(err)[0] == LOCKED


def test_the_period_marks_close_its_lessons_even_inside_the_edit_lock():
    school = School()
    term_id = new_id()
    lesson = school.lesson(days_ago=1, term_id=term_id)
    school.uow.term_marks.put(dict(id=new_id(), student_id=school.students[0], subject_id=school.subject_id,
                                   term_id=term_id, class_group_id=school.class_group_id, value="5"))
    with pytest.raises(FailedPrecondition) as err:
        school.save(lesson, reason="Исправление")
    assert refusal(err)[0] == LOCKED
    assert "оценки за учебный период" in err.value.message


def test_a_closed_year_is_refused_as_closed_before_any_lock():
    school = School()
    school.uow.closed = ClosedYears(frozenset({new_id()}), frozenset({school.class_group_id}))
    with pytest.raises(FailedPrecondition) as err:
        school.save(school.lesson())
    assert refusal(err) == (CLOSED, {"lesson_id": "учебный год закрыт"})
    assert school.uow.events == []


def test_a_bulk_save_that_would_refuse_one_lesson_writes_none_and_names_it():
    school = School()
    first, old = school.lesson(), school.lesson(days_ago=DEFAULT.edit_lock_days + 3, number=2)
    items = [LessonInput(lesson.id, "Дроби", "", [MarkInput(school.students[0], "5")], [], "Перенос")
             for lesson in (first, old)]
    with pytest.raises(FailedPrecondition) as err:
        lesson_record.save_lessons(school.scope(), school.uow, items)
    assert list(err.value.fields) == ["lessons[1].lesson_id"] and err.value.reason == LOCKED
    assert (school.uow.lessons.rows, school.uow.events) == ({}, [])


def test_only_the_lessons_teacher_records_it_and_only_for_its_students():
    school = School()
    lesson = school.lesson()
    with pytest.raises(Invalid) as err:
        school.save(lesson, marks=[(new_id(), "5")])
    assert list(err.value.fields) == ["marks[0].student_id"]
    school.principals.act(school.id, new_id(), "subject_teacher")
    with pytest.raises(Forbidden):
        school.save(lesson)
    assert school.uow.committed == 0


# SetTermMark

def term_of(school: School, lessons: int = 8) -> tuple[schedule_pb2.Term, list[schedule_pb2.Lesson]]:
    """A four-week term ending today with two lessons a week of the subject."""
    end = school_today(DEFAULT.zone)
    term = schedule_pb2.Term(id=new_id(), name="2 четверть", kind="quarter",
                             start_date=(end - dt.timedelta(days=27)).isoformat(), end_date=end.isoformat())
    school.schedule.terms[term.id] = (school.id, term)
    return term, [school.lesson(days_ago=1 + 3 * k, term_id=term.id) for k in range(lessons)]


def set_term_mark(school: School, term: schedule_pb2.Term, value: str, student: str | None = None) -> pb.TermMark:
    return term_marks.set_term_mark(school.scope(), school.uow, student or school.students[0], school.subject_id,
                                    term.id, value, "")


def test_a_term_mark_needs_the_policy_minimum_of_current_marks():
    school = School()
    term, lessons = term_of(school)
    a = school.students[0]
    with pytest.raises(FailedPrecondition) as err:
        set_term_mark(school, term, "5")
    assert list(err.value.fields) == ["value"]
    for lesson in lessons[:DEFAULT.min_marks_2h]:
        school.uow.lessons.marks[new_id()] = dict(id=new_id(), lesson_id=lesson.id, student_id=a, work_type="classwork",
                                                  value="5", comment="")
    mark = set_term_mark(school, term, "5")
    assert (mark.value, mark.student_id, mark.term_id) == ("5", a, term.id)
    assert event_types(school.uow) == ["TermMarkSet"]
    assert [(r["entity"], r["old_value"], r["new_value"]) for r in school.uow.ledger_rows] == [
        ("term_mark", None, {"value": "5"})]


def test_the_same_term_mark_again_changes_nothing_and_a_special_value_needs_no_marks():
    school = School()
    term, _ = term_of(school)
    set_term_mark(school, term, "Н/А")
    set_term_mark(school, term, "Н/А")
    assert event_types(school.uow) == ["TermMarkSet"]
    changed = set_term_mark(school, term, "ОСВ")
    assert (changed.value, school.uow.events[-1].old_value) == ("ОСВ", "Н/А")
    assert len(school.uow.term_marks.rows) == 1


def test_a_term_mark_closes_the_terms_lessons_of_the_subject_for_the_teacher():
    school = School()
    term, lessons = term_of(school)
    set_term_mark(school, term, "Н/А")
    with pytest.raises(FailedPrecondition) as err:
        school.save(lessons[0], reason="Исправление")
    assert err.value.reason == LOCKED


def test_a_term_mark_of_a_closed_year_or_by_another_teacher_is_refused():
    school = School()
    term, _ = term_of(school)
    school.principals.act(school.id, new_id(), "subject_teacher")
    with pytest.raises(Forbidden):
        set_term_mark(school, term, "Н/А")
    school.as_teacher()
    school.uow.closed = ClosedYears(term_ids=frozenset({term.id}))
    with pytest.raises(FailedPrecondition) as err:
        set_term_mark(school, term, "Н/А")
    assert refusal(err) == (CLOSED, {"term_id": "учебный год закрыт"})
    assert (school.uow.term_marks.rows, school.uow.events) == ({}, [])


# RequestUnlock, DecideUnlock

def request_unlock(school: School, lesson: schedule_pb2.Lesson, reason: str = "Ошибка в отметке") -> pb.UnlockRequest:
    return unlock_requests.request_unlock(school.scope(), school.uow, lesson.id, reason)


def decide(school: School, request_id: str, decision: str, comment: str = "") -> pb.UnlockRequest:
    return unlock_requests.decide_unlock(school.scope(), school.uow, request_id, decision, comment)


def test_an_open_lesson_needs_no_unlock_and_a_locked_one_gets_one_pending_request():
    school = School()
    with pytest.raises(FailedPrecondition) as err:
        request_unlock(school, school.lesson())
    assert err.value.fields == {"lesson_id": "урок не закрыт"}
    locked = school.lesson(days_ago=DEFAULT.edit_lock_days + 3)
    with pytest.raises(Invalid):
        request_unlock(school, locked, reason="")
    request = request_unlock(school, locked)
    assert (request.status, request.lesson_id, request.teacher_id) == ("pending", locked.id, school.teacher_id)
    assert event_types(school.uow) == ["UnlockRequested"]
    with pytest.raises(Conflict):
        request_unlock(school, locked)
    assert len(school.uow.unlock_requests.rows) == 1


def test_an_approval_opens_the_lesson_for_the_policys_hours_and_is_decided_once():
    school = School()
    school.uow.policy = JournalPolicy(unlock_hours=3)
    locked = school.lesson(days_ago=DEFAULT.edit_lock_days + 3)
    request = request_unlock(school, locked)
    school.as_teacher()
    with pytest.raises(Forbidden):
        decide(school, request.id, "approve")
    school.as_deputy_head()
    before = dt.datetime.now(dt.UTC)
    approved = decide(school, request.id, "approve")
    expires = dt.datetime.fromisoformat(approved.expires_at)
    assert approved.status == "approved"
    assert before + dt.timedelta(hours=3) <= expires <= dt.datetime.now(dt.UTC) + dt.timedelta(hours=3)
    assert event_types(school.uow) == ["UnlockRequested", "LessonUnlocked"]
    with pytest.raises(FailedPrecondition) as err:
        decide(school, request.id, "refuse", "Поздно")
    assert err.value.fields == {"request_id": "уже рассмотрен"}
    school.as_teacher()
    assert school.save(locked, marks=[(school.students[0], "4")], reason="Исправление по запросу").marks


def test_a_refusal_says_why_opens_nothing_and_publishes_nothing():
    school = School()
    locked = school.lesson(days_ago=DEFAULT.edit_lock_days + 3)
    request = request_unlock(school, locked)
    school.as_deputy_head()
    with pytest.raises(Invalid):
        decide(school, request.id, "refuse")
    refused = decide(school, request.id, "refuse", "Исправьте через классного руководителя")
    assert (refused.status, refused.expires_at) == ("refused", "")
    assert event_types(school.uow) == ["UnlockRequested"]
    assert [r["new_value"] for r in school.uow.ledger_rows] == [{"status": "pending"}, {"status": "refused"}]
    school.as_teacher()
    with pytest.raises(FailedPrecondition) as err:
        school.save(locked, reason="Исправление")
    assert err.value.reason == LOCKED


def test_no_unlock_of_a_closed_year():
    school = School()
    locked = school.lesson(days_ago=DEFAULT.edit_lock_days + 3)
    request = request_unlock(school, locked)
    school.uow.closed = ClosedYears(class_group_ids=frozenset({school.class_group_id}))
    school.as_deputy_head()
    with pytest.raises(FailedPrecondition) as err:
        decide(school, request.id, "approve")
    assert refusal(err) == (CLOSED, {"request_id": "учебный год закрыт"})
    school.as_teacher()
    with pytest.raises(FailedPrecondition) as err:
        request_unlock(school, school.lesson(days_ago=DEFAULT.edit_lock_days + 4))
    assert refusal(err) == (CLOSED, {"lesson_id": "учебный год закрыт"})


# The grid's entry (issue 18): revisions, entries made offline, the deputy head's corrections

def save_item(lesson, marks=(), attendance=(), **fields) -> LessonInput:
    return LessonInput(lesson.id, fields.pop("topic", "Дроби"), "", [MarkInput(*m) for m in marks],
                       [AttendanceInput(*a) for a in attendance], **fields)


def test_a_save_on_an_older_revision_is_refused_and_writes_nothing():
    school = School()
    a, b, _ = school.students
    lesson = school.lesson()
    first = school.save(lesson, marks=[(a, "5")])
    assert first.revision >= 1
    again = lesson_record.save_lesson(school.scope(), school.uow, save_item(lesson, [(a, "5")],
                                                                            expected_revision=first.revision))
    assert again.revision == first.revision  # nothing changed: the revision stays
    school.as_deputy_head()
    corrected = lesson_record.save_lesson(school.scope(), school.uow, save_item(
        lesson, [(a, "4")], reason="Ошибка при вводе", expected_revision=first.revision))
    assert corrected.revision > first.revision
    school.as_teacher()
    rows = len(school.uow.ledger_rows)
    with pytest.raises(Aborted) as error:  # the teacher's page still holds the first revision
        lesson_record.save_lesson(school.scope(), school.uow, save_item(lesson, [(a, "5"), (b, "3")],
                                                                        expected_revision=first.revision))
    assert error.value.reason == "LESSON_CHANGED" and "expected_revision" in error.value.fields
    assert len(school.uow.ledger_rows) == rows
    assert [m.value for m in school.uow.lessons.read([lesson.id])[lesson.id].marks] == ["4"]


def test_an_entry_made_offline_is_judged_by_when_it_was_made_within_the_outage_window():
    school = School()
    a, _, _ = school.students
    yesterday = school.lesson(days_ago=1)
    entered = dt.datetime.now(dt.UTC) - dt.timedelta(days=1)
    lesson_record.save_lesson(school.scope(), school.uow, save_item(yesterday, [(a, "5")],
                                                                    entered_at=entered.isoformat()))
    [mark_row] = [r for r in school.uow.ledger_rows if r["entity"] == "mark"]
    assert mark_row["entered_at"] == entered and mark_row["reason"] == ""  # on the lesson's day: no reason needed
    assert mark_row["late"] is False and mark_row["occurred_at"] > entered
    old = school.lesson(days_ago=5)
    with pytest.raises(Invalid) as error:  # five days ago is past the two days' outage window: judged as of now
        lesson_record.save_lesson(school.scope(), school.uow, save_item(
            old, [(a, "4")], entered_at=(dt.datetime.now(dt.UTC) - dt.timedelta(days=5)).isoformat()))
    assert "reason" in error.value.fields
    for wrong in ("вчера", "2026-09-01T09:00:00", (dt.datetime.now(dt.UTC) + dt.timedelta(hours=1)).isoformat()):
        with pytest.raises(Invalid) as error:
            lesson_record.save_lesson(school.scope(), school.uow, save_item(yesterday, [(a, "3")], entered_at=wrong))
        assert "entered_at" in error.value.fields


def test_the_deputy_head_corrects_a_locked_lesson_with_a_reason_and_a_secretary_cannot():
    school = School()
    a, _, _ = school.students
    old = school.lesson(days_ago=30)  # past the 7 days' edit lock
    with pytest.raises(FailedPrecondition) as error:
        school.save(old, marks=[(a, "5")], reason="Забыл")
    assert error.value.reason == LOCKED
    school.as_deputy_head()
    with pytest.raises(Invalid) as error:
        school.save(lesson := school.lesson(), marks=[(a, "5")])  # even on the lesson's day: a correction says why
    assert "reason" in error.value.fields
    record = school.save(old, marks=[(a, "5")], reason="По служебной записке учителя")
    assert [m.value for m in record.marks] == ["5"]
    assert lesson.id in school.schedule.lessons
    school.principals.act(school.id, new_id(), "secretary")
    with pytest.raises(Forbidden):
        school.save(old, marks=[(a, "4")], reason="Исправление")


def test_two_periods_in_a_row_on_a_day_make_a_double_lesson():
    def lesson(lesson_id, date, number, subgroup=""):
        return schedule_pb2.Lesson(id=lesson_id, date=date, lesson_number=number, subgroup_id=subgroup)
    lessons = [lesson("a", "2025-09-03", 3), lesson("b", "2025-09-03", 4), lesson("c", "2025-09-03", 5),
               lesson("d", "2025-09-04", 1), lesson("e", "2025-09-04", 3), lesson("f", "2025-09-05", 1, "g1"),
               lesson("g", "2025-09-05", 2, "g2")]
    assert double_lessons(lessons) == {"a": "b", "b": "a"}  # the third period is a lesson of its own
