"""Flags of marks on the real PostgreSQL: a guardian flags their child's mark (MarkFlagged in the outbox with school,
student, lesson and teacher), once while it is open, and sees it in the diary; the teacher corrects the mark through
SaveLesson (the ledger holds it) and answers «corrected» (MarkFlagAnswered); the other child's mark, staff, another
school are refused; who lists which flags; the tables are append-only and under row-level security."""
import dataclasses
import uuid

import grpc
import pytest
from sqlalchemy import delete, func, select, text, update
from sqlalchemy.exc import ProgrammingError

from proto.events.v1.envelope_pb2 import Envelope
from proto.journal.v1 import journal_pb2 as pb
from services.journal.adapters.tables import mark_flag_answers, mark_flags, outbox
from tests.integration.journal.conftest import act_as_person
from tests.integration.journal.test_policy_and_locks import refused
from tests.integration.journal.test_service import ledger_rows, save

pytestmark = pytest.mark.stack


def events(journal, school_id: str, kind: str) -> list:
    """The outbox's events of one type, oldest first, as their messages."""
    with journal.db.tenant_session(school_id) as session:
        rows = session.scalars(select(outbox.c.payload).order_by(outbox.c.created_at)).all()
    envelopes = [Envelope.FromString(raw) for raw in rows]
    found = []
    for envelope in envelopes:
        if envelope.type.endswith(f".{kind}"):
            found.append(getattr(pb, kind)())
            envelope.payload.Unpack(found[-1])
    return found


@pytest.fixture
def marked(journal, past_lesson):
    """The teacher gave the first student a 3 for a test and the second a 5; the guardian of the first acts."""
    a, b, _ = past_lesson.students
    act_as_person(journal, past_lesson.school_id, past_lesson.teacher_id, "subject_teacher")
    record = save(journal, past_lesson, reason="Внесено", marks=[dict(student_id=a, value="3", work_type="test"),
                                                                 dict(student_id=b, value="5")])
    guardian = str(uuid.uuid4())
    journal.principals.grant(past_lesson.school_id, "guardian", person_id=guardian, student_ids=[a])
    return past_lesson, {m.student_id: m for m in record.marks}, guardian


def flag(journal, lesson, mark_id: str, text: str = "Я переписал контрольную на 4") -> pb.MarkFlag:
    return journal.call("FlagMark", pb.FlagMarkRequest(school_id=lesson.school_id, mark_id=mark_id, text=text))


def answer(journal, lesson, flag_id: str, outcome: str, text: str = "Проверил") -> pb.MarkFlag:
    return journal.call("AnswerMarkFlag", pb.AnswerMarkFlagRequest(school_id=lesson.school_id, flag_id=flag_id,
                                                                   answer=text, outcome=outcome))


def listed(journal, lesson, **filters) -> list[pb.MarkFlag]:
    return list(journal.call("ListMarkFlags", pb.ListMarkFlagsRequest(school_id=lesson.school_id, **filters)).flags)


def diary_flags(journal, lesson, student_id: str) -> list[pb.MarkFlag]:
    day = lesson.lesson.date
    entries = journal.call("GetDiary", pb.GetDiaryRequest(school_id=lesson.school_id, student_id=student_id,
                                                          date_from=day, date_to=day)).entries
    return [f for e in entries for f in e.flags]


def test_a_flag_the_teachers_correction_on_the_ledger_and_the_answer(journal, marked):
    lesson, mark_of, guardian = marked
    a, b, _ = lesson.students
    flagged = flag(journal, lesson, mark_of[a].id)
    assert (flagged.mark_value, flagged.work_type, flagged.teacher_id, flagged.author_id, flagged.author_role) == (
        "3", "test", lesson.teacher_id, guardian, "guardian")
    [event] = events(journal, lesson.school_id, "MarkFlagged")
    assert (event.flag.school_id, event.flag.student_id, event.flag.lesson_id, event.flag.teacher_id, event.flag.id) == (
        lesson.school_id, a, lesson.lesson.id, lesson.teacher_id, flagged.id)
    code, _, fields = refused(flag, journal, lesson, mark_of[a].id, "Ещё раз")  # once while open
    assert (code, list(fields)) == (grpc.StatusCode.ALREADY_EXISTS, ["mark_id"])
    [shown] = diary_flags(journal, lesson, a)
    assert (shown.id, shown.mark_id, shown.text, shown.answer) == (flagged.id, mark_of[a].id, flagged.text, "")
    assert [f.id for f in listed(journal, lesson, student_id=a)] == [flagged.id]

    act_as_person(journal, lesson.school_id, lesson.teacher_id, "subject_teacher")
    assert [(f.id, f.current_value) for f in listed(journal, lesson, status="open")] == [(flagged.id, "3")]
    code, _, fields = refused(answer, journal, lesson, flagged.id, "corrected")
    assert (code, list(fields)) == (grpc.StatusCode.FAILED_PRECONDITION, ["outcome"])
    save(journal, lesson, reason="Обращение родителя: работа переписана",
         marks=[dict(student_id=a, value="4", work_type="test"), dict(student_id=b, value="5")])
    corrected = [r for r in ledger_rows(journal, lesson.school_id) if r.entity == "mark" and r.old_value]
    assert [(r.old_value["value"], r.new_value["value"], r.reason) for r in corrected] == [
        ("3", "4", "Обращение родителя: работа переписана")]
    answered = answer(journal, lesson, flagged.id, "corrected", "Исправлено на 4")
    assert (answered.outcome, answered.value_after, answered.answered_by, answered.answered_at != "") == (
        "corrected", "4", lesson.teacher_id, True)
    [event] = events(journal, lesson.school_id, "MarkFlagAnswered")
    assert (event.flag.id, event.flag.outcome, event.flag.teacher_id, event.flag.student_id) == (
        flagged.id, "corrected", lesson.teacher_id, a)
    code, _, fields = refused(answer, journal, lesson, flagged.id, "explained")
    assert (code, list(fields)) == (grpc.StatusCode.FAILED_PRECONDITION, ["flag_id"])
    assert listed(journal, lesson, status="open") == []

    journal.principals.grant(lesson.school_id, "guardian", person_id=guardian, student_ids=[a])
    [shown] = diary_flags(journal, lesson, a)
    assert (shown.answer, shown.outcome, shown.value_after) == ("Исправлено на 4", "corrected", "4")
    assert flag(journal, lesson, mark_of[a].id, "А почему не 5?").mark_value == "4"  # answered: again


def test_refusals_name_their_field_and_write_nothing(journal, marked):
    lesson, mark_of, _ = marked
    a, b, _ = lesson.students
    cases = [
        (dict(mark_id=mark_of[b].id), grpc.StatusCode.PERMISSION_DENIED, None),  # the other child's
        (dict(mark_id=str(uuid.uuid4())), grpc.StatusCode.NOT_FOUND, "mark_id"),
        (dict(mark_id="нет"), grpc.StatusCode.INVALID_ARGUMENT, "mark_id"),
        (dict(text=" "), grpc.StatusCode.INVALID_ARGUMENT, "text"),
        (dict(text="я" * 1001), grpc.StatusCode.INVALID_ARGUMENT, "text"),
    ]
    for change, status, field in cases:
        values = {"mark_id": mark_of[a].id, "text": "Ошибка", **change}
        code, _, fields = refused(flag, journal, lesson, values["mark_id"], values["text"])
        assert (code, list(fields)[:1]) == (status, [field] if field else []), change
    act_as_person(journal, lesson.school_id, lesson.teacher_id, "subject_teacher")  # staff do not flag
    assert refused(flag, journal, lesson, mark_of[a].id)[0] == grpc.StatusCode.PERMISSION_DENIED
    other = dataclasses.replace(lesson, school_id=str(uuid.uuid4()))  # a guardian of that id in another school
    journal.principals.grant(other.school_id, "guardian", person_id=str(uuid.uuid4()), student_ids=[a])
    assert refused(flag, journal, other, mark_of[a].id)[0] == grpc.StatusCode.NOT_FOUND  # RLS: no such mark there
    with journal.db.tenant_session(lesson.school_id) as session:
        assert session.scalar(select(func.count()).select_from(mark_flags)) == 0
    assert events(journal, lesson.school_id, "MarkFlagged") == []


def test_who_answers_and_who_lists(journal, marked):
    lesson, mark_of, _ = marked
    a, b, _ = lesson.students
    of_a = flag(journal, lesson, mark_of[a].id)
    journal.principals.grant(lesson.school_id, "guardian", person_id=str(uuid.uuid4()), student_ids=[b])
    of_b = flag(journal, lesson, mark_of[b].id, "Я болел в этот день")
    code, _, fields = refused(listed, journal, lesson)  # a family names the child
    assert (code, list(fields)) == (grpc.StatusCode.INVALID_ARGUMENT, ["student_id"])
    assert refused(listed, journal, lesson, student_id=a)[0] == grpc.StatusCode.PERMISSION_DENIED
    assert refused(answer, journal, lesson, of_b.id, "explained")[0] == grpc.StatusCode.PERMISSION_DENIED

    act_as_person(journal, lesson.school_id, str(uuid.uuid4()), "subject_teacher")  # another teacher
    assert listed(journal, lesson) == []
    assert refused(answer, journal, lesson, of_a.id, "explained")[0] == grpc.StatusCode.PERMISSION_DENIED
    act_as_person(journal, lesson.school_id, str(uuid.uuid4()), "form_teacher",
                  form_class_group_ids=[lesson.lesson.class_group_id])
    assert {f.id for f in listed(journal, lesson)} == {of_a.id, of_b.id}
    assert answer(journal, lesson, of_b.id, "explained", "Отметка за работу на уроке 12.09").outcome == "explained"
    deputy = str(uuid.uuid4())
    act_as_person(journal, lesson.school_id, deputy, "deputy_head")
    assert [f.id for f in listed(journal, lesson, status="open")] == [of_a.id]
    assert [f.id for f in listed(journal, lesson, status="answered", class_group_id=lesson.lesson.class_group_id)] == [
        of_b.id]
    assert listed(journal, lesson, teacher_id=str(uuid.uuid4())) == []
    assert answer(journal, lesson, of_a.id, "explained", "Работа проверена").answered_by == deputy
    code, _, fields = refused(answer, journal, lesson, str(uuid.uuid4()), "explained")
    assert (code, list(fields)) == (grpc.StatusCode.NOT_FOUND, ["flag_id"])
    code, _, fields = refused(listed, journal, lesson, status="closed")
    assert (code, list(fields)) == (grpc.StatusCode.INVALID_ARGUMENT, ["status"])


def test_flags_and_answers_are_append_only_and_under_row_level_security(journal, marked):
    lesson, mark_of, _ = marked
    flagged = flag(journal, lesson, mark_of[lesson.students[0]].id)
    act_as_person(journal, lesson.school_id, lesson.teacher_id, "subject_teacher")
    answer(journal, lesson, flagged.id, "explained")
    for statement in (update(mark_flags).values(text="подчищено"), delete(mark_flag_answers),
                      update(mark_flag_answers).values(answer="иначе"), delete(mark_flags)):
        with pytest.raises(ProgrammingError, match="permission denied"):
            with journal.db.tenant_session(lesson.school_id) as session:
                session.execute(statement)
    tables = (mark_flags, mark_flag_answers)
    with journal.db.tenant_session(lesson.school_id) as session:
        assert [session.scalar(select(func.count()).select_from(t)) for t in tables] == [1, 1]
        comments = dict(session.execute(text(
            "SELECT c.relname, obj_description(c.oid, 'pg_class') FROM pg_class c "
            "WHERE c.relname IN ('mark_flags', 'mark_flag_answers')")).all())
    assert len(comments) == 2 and all(comment.startswith("append-only") for comment in comments.values())
    with journal.db.engine.connect() as raw:  # the app role with no tenant bound sees nothing
        assert [raw.scalar(select(func.count()).select_from(t)) for t in tables] == [0, 0]
    with journal.db.tenant_session(str(uuid.uuid4())) as session:
        assert [session.scalar(select(func.count()).select_from(t)) for t in tables] == [0, 0]
