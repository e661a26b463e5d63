"""Term marks on the real PostgreSQL: only the subject's teacher in the class sets them, a numeric one needs the
policy's minimum of current marks (ОСВ and Н/А never), the grid of a class, the ledger and events, and the
term's lessons of the subject closing for their teacher once a term mark is set."""
import datetime as dt
import uuid

import grpc
import pytest

from proto.journal.v1 import journal_pb2 as pb
from proto.schedule.v1 import schedule_pb2
from tests.integration.journal.conftest import Term, act_as_person, add_lesson, add_subgroup
from tests.integration.journal.test_policy_and_locks import refused
from tests.integration.journal.test_service import event_types, ledger_rows, save

pytestmark = pytest.mark.stack


def as_teacher_of(journal, term: Term, lessons: list[schedule_pb2.Lesson], *roles: str) -> None:
    teacher_id = lessons[0].teacher_id
    journal.principals.grant(term.school_id, *(roles or ("subject_teacher",)), person_id=teacher_id,
                             subject=f"subject-{teacher_id}")


def set_mark(journal, term: Term, student_id: str, lessons: list[schedule_pb2.Lesson], value: str, reason: str = ""):
    return journal.call("SetTermMark", pb.SetTermMarkRequest(
        school_id=term.school_id, student_id=student_id, subject_id=lessons[0].subject_id, term_id=term.term.id,
        value=value, reason=reason))


def grid(journal, term: Term) -> list[tuple[str, str, str, str]]:
    reply = journal.call("ListTermMarks", pb.ListTermMarksRequest(school_id=term.school_id,
                                                                   class_group_id=term.class_group_id,
                                                                   term_id=term.term.id))
    return sorted((m.subject_id, m.student_id, m.value, m.special) for m in reply.term_marks)


def test_a_numeric_term_mark_needs_the_minimum_of_current_marks(journal, term):
    a, b, c = term.students
    math = term.math
    as_teacher_of(journal, term, math)
    save(journal, term.lesson(math[-1]), reason="Контрольная", marks=[
        dict(student_id=a, value="5"), dict(student_id=a, value="4", work_type="test")])
    save(journal, term.lesson(math[-2]), reason="Устный опрос", marks=[
        dict(student_id=a, value="4"), dict(student_id=a, value="5", work_type="homework")])

    code, message, fields = refused(set_mark, journal, term, a, math, "5")
    assert (code, list(fields)) == (grpc.StatusCode.FAILED_PRECONDITION, ["value"])
    assert "у ученика 4, нужно не меньше 5 (предмет 2 ч в неделю)" in message
    save(journal, term.lesson(math[-1]), reason="Ответ у доски", marks=[
        dict(student_id=a, value="5"), dict(student_id=a, value="4", work_type="test"),
        dict(student_id=a, value="5", work_type="oral")])
    assert (set_mark(journal, term, a, math, "5").value, set_mark(journal, term, a, math, "5").special) == ("5", "")

    assert "у ученика 0, нужно не меньше 5" in refused(set_mark, journal, term, b, math, "3")[1]
    assert set_mark(journal, term, b, math, "н/а").special == "not_assessed"
    assert set_mark(journal, term, c, math, "ОСВ").special == "exempt"
    assert list(refused(set_mark, journal, term, c, math, "6")[2]) == ["value"]

    history = term.history
    as_teacher_of(journal, term, history)
    assert "нужно не меньше 3 (предмет 1 ч в неделю)" in refused(set_mark, journal, term, a, history, "4")[1]
    assert refused(set_mark, journal, term, a, math, "4")[0] == grpc.StatusCode.PERMISSION_DENIED, "not their subject"
    journal.principals.grant(term.school_id, "deputy_head", person_id=math[0].teacher_id)
    assert refused(set_mark, journal, term, a, math, "4")[0] == grpc.StatusCode.PERMISSION_DENIED, "not a teacher"

    as_teacher_of(journal, term, math, "form_teacher")
    changed = set_mark(journal, term, a, math, "4", reason="Пересчёт после пересдачи")
    assert grid(journal, term) == sorted([(math[0].subject_id, a, "4", ""), (math[0].subject_id, b, "Н/А", "not_assessed"),
                                          (math[0].subject_id, c, "ОСВ", "exempt")])
    rows = [r for r in ledger_rows(journal, term.school_id) if r.entity == "term_mark"]
    assert sorted((r.student_id, (r.old_value or {}).get("value", ""), r.new_value["value"], r.reason) for r in rows) == \
        sorted([(a, "", "5", ""), (b, "", "Н/А", ""), (c, "", "ОСВ", ""), (a, "5", "4", "Пересчёт после пересдачи")])
    assert {r.lesson_id for r in rows} == {None} and {r.entity_id for r in rows if r.student_id == a} == {changed.id}
    assert event_types(journal, term.school_id).count("TermMarkSet") == 4


def test_term_marks_close_the_terms_lessons_of_the_subject_until_an_unlock(journal, term):
    a = term.students[0]
    math, history = term.math, term.history
    as_teacher_of(journal, term, math)
    set_mark(journal, term, a, math, "Н/А")
    code, message, _ = refused(save, journal, term.lesson(math[-1]), marks=[dict(student_id=a, value="5")],
                               reason="Поздняя отметка")
    assert code == grpc.StatusCode.FAILED_PRECONDITION and "оценки за учебный период" in message
    request = journal.call("RequestUnlock", pb.RequestUnlockRequest(
        school_id=term.school_id, lesson_id=math[-1].id, reason="Отметка за контрольную не внесена"))

    as_teacher_of(journal, term, history)
    save(journal, term.lesson(history[-1]), topic="Древний Египет", reason="Тема", marks=[dict(student_id=a, value="5")])

    journal.principals.grant(term.school_id, "deputy_head", person_id=str(uuid.uuid4()))
    journal.call("DecideUnlock", pb.DecideUnlockRequest(school_id=term.school_id, request_id=request.id,
                                                        decision="approve"))
    as_teacher_of(journal, term, math)
    record = save(journal, term.lesson(math[-1]), marks=[dict(student_id=a, value="5")], reason="Поздняя отметка")
    assert [m.value for m in record.marks] == ["5"]
    assert refused(save, journal, term.lesson(math[-2]), topic="Дроби", reason="Другой урок")[0] == \
        grpc.StatusCode.FAILED_PRECONDITION, "the unlock opens one lesson"


def test_term_marks_need_a_student_in_a_class_and_a_known_term(journal, term):
    as_teacher_of(journal, term, term.math)
    for request, field in [(dict(student_id=str(uuid.uuid4())), "student_id"), (dict(term_id="2"), "term_id")]:
        message = pb.SetTermMarkRequest(school_id=term.school_id, student_id=term.students[0],
                                        subject_id=term.math[0].subject_id, term_id=term.term.id, value="5")
        for key, value in request.items():
            setattr(message, key, value)
        code, _, fields = refused(journal.call, "SetTermMark", message)
        assert (code, list(fields)) == (grpc.StatusCode.INVALID_ARGUMENT, [field])
    other_term = pb.SetTermMarkRequest(school_id=term.school_id, student_id=term.students[0],
                                       subject_id=term.math[0].subject_id, term_id=str(uuid.uuid4()), value="5")
    assert refused(journal.call, "SetTermMark", other_term)[0] == grpc.StatusCode.NOT_FOUND
    assert grid(journal, term) == []


def test_the_form_teacher_sets_term_marks_of_every_subject_of_their_class_only(journal, term):
    a = term.students[0]
    form_teacher = str(uuid.uuid4())
    act_as_person(journal, term.school_id, form_teacher, "form_teacher", form_class_group_ids=[term.class_group_id])
    for lessons in (term.math, term.history):
        assert set_mark(journal, term, a, lessons, "Н/А", reason="Пропуски по болезни").value == "Н/А"
    assert [(row.entity, row.actor_person_id) for row in ledger_rows(journal, term.school_id)] == [
        ("term_mark", form_teacher), ("term_mark", form_teacher)]
    act_as_person(journal, term.school_id, form_teacher, "form_teacher", form_class_group_ids=[str(uuid.uuid4())])
    code, message, _ = refused(set_mark, journal, term, a, term.math, "ОСВ")
    assert code == grpc.StatusCode.PERMISSION_DENIED and "классный руководитель" in message


def test_a_subgroup_teacher_sets_term_marks_of_their_own_subgroup(journal, term):
    a, b, c = term.students
    first = add_subgroup(journal, term.school_id, term.class_group_id, [a, b], "Английский, 1 группа")
    second = add_subgroup(journal, term.school_id, term.class_group_id, [c], "Английский, 2 группа")
    subject, start = str(uuid.uuid4()), dt.date.fromisoformat(term.term.start_date)
    lessons = {group.id: [add_lesson(journal, term.school_id, term.class_group_id, teacher, start + dt.timedelta(days=k),
                                     subject_id=subject, term_id=term.term.id, subgroup_id=group.id)
                          for k in range(0, 56, 7)]
               for group, teacher in ((first, str(uuid.uuid4())), (second, str(uuid.uuid4())))}
    first_lessons = lessons[first.id]
    journal.principals.grant(term.school_id, "school_admin")
    journal.call("SetJournalPolicy", pb.SetJournalPolicyRequest(school_id=term.school_id, edit_lock_days=0))
    as_teacher_of(journal, term, first_lessons)
    # one lesson a week in the student's subgroup (not two, as in the whole class): three marks are enough
    for lesson in first_lessons[-3:]:
        save(journal, term.lesson(lesson), marks=[dict(student_id=b, value="4")], reason="Опрос")
    assert set_mark(journal, term, b, first_lessons, "4").value == "4"
    assert set_mark(journal, term, a, first_lessons, "ОСВ").value == "ОСВ"
    code, _, _ = refused(set_mark, journal, term, c, first_lessons, "ОСВ")
    assert code == grpc.StatusCode.PERMISSION_DENIED


def test_two_first_term_marks_at_once_make_one_mark_with_one_id(journal, term):
    """A double click: both requests find no term mark yet; the second must see the first's, not invent an id."""
    import threading

    from sqlalchemy import select

    from services.journal.adapters.tables import ledger, term_marks

    *_, c = term.students
    math = term.math
    as_teacher_of(journal, term, math)
    start, answers = threading.Barrier(2), []

    def first_mark():
        start.wait()
        answers.append(set_mark(journal, term, c, math, "Н/А"))

    threads = [threading.Thread(target=first_mark) for _ in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    with journal.db.tenant_session(term.school_id) as session:
        [stored] = session.scalars(select(term_marks.c.id).where(term_marks.c.student_id == c,
                                                                 term_marks.c.term_id == term.term.id)).all()
        written = session.scalars(select(ledger.c.entity_id).where(ledger.c.entity == "term_mark",
                                                                   ledger.c.student_id == c)).all()
    assert {a.id for a in answers} == {stored} and written == [stored]  # the second set changed nothing
