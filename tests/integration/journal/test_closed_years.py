"""A closed academic year on the real PostgreSQL: schedule's AcademicYearClosed is recorded once and answered with
one JournalYearClosed in the same transaction (a redelivery, even re-published under a new event id, adds nothing);
from then on every change of that year is refused with a clear FAILED_PRECONDITION and writes nothing."""
import datetime as dt
import threading
import uuid

import grpc
import pytest
from sqlalchemy import func, select

from proto.journal.v1 import journal_pb2 as pb
from proto.schedule.v1 import schedule_pb2
from services.common.consumer import IdempotentConsumer
from services.common.errors import FailedPrecondition, reason_of
from services.common.outbox import envelope
from services.journal.adapters import tables
from services.journal.adapters.tables import closed_years, ledger, outbox
from services.journal.entrypoints.consumers import handlers
from tests.integration.journal.conftest import act_as_person, unit_of_work
from tests.integration.journal.test_attendance_corrections import correct
from tests.integration.journal.test_final_marks_and_plans import set_final
from tests.integration.journal.test_paper_import import HEADER
from tests.integration.journal.test_policy_and_locks import decide, request_unlock
from tests.integration.journal.test_reverts import changes, revert
from tests.integration.journal.test_service import published, save
from tests.integration.journal.test_term_marks import as_teacher_of, set_mark
from tests.support.grpc_harness import rpc_error

pytestmark = pytest.mark.stack

CLOSED = "Учебный год закрыт"


def year_closed_events(journal, school_id: str) -> list[pb.JournalYearClosed]:
    return published(journal, school_id, pb.JournalYearClosed)


def close_year(journal, term, year_id: str) -> bytes:
    """Schedule's event as the consumer receives it; returns it serialized."""
    year = schedule_pb2.AcademicYear(id=year_id, school_id=term.school_id, name="2025/2026", status="closed",
                                     terms=[term.term])
    event = schedule_pb2.AcademicYearClosed(academic_year=year, class_group_ids=[term.class_group_id])
    return envelope(term.school_id, event, actor="schedule").SerializeToString()


def count(journal, school_id: str, table) -> int:
    with journal.db.tenant_session(school_id) as session:
        return session.scalar(select(func.count()).select_from(table))


def test_the_closed_year_is_recorded_once_and_announced_once(journal, term):
    consumer = IdempotentConsumer(journal.db, tables.inbox, handlers)
    year_id = str(uuid.uuid4())
    raw = close_year(journal, term, year_id)
    assert consumer.handle(raw) and not consumer.handle(raw), "a redelivered event is a no-op"
    assert consumer.handle(close_year(journal, term, year_id)), "re-published under a new event id"
    (event,) = year_closed_events(journal, term.school_id)
    assert (event.school_id, event.academic_year_id, event.academic_year_name, list(event.class_group_ids)) == (
        term.school_id, year_id, "2025/2026", [term.class_group_id])
    assert count(journal, term.school_id, closed_years) == 1
    with journal.db.engine.connect() as raw:  # the app role with no tenant bound sees nothing
        assert raw.scalar(select(func.count()).select_from(closed_years)) == 0


def test_every_change_of_a_closed_year_is_refused_and_writes_nothing(journal, term):
    a, b, _ = term.students
    math, school = term.math, term.school_id
    as_teacher_of(journal, term, math)
    save(journal, term.lesson(math[-1]), reason="Урок", marks=[dict(student_id=a, value="5")],
         attendance=[dict(student_id=b, status="absent")])
    set_mark(journal, term, b, math, "ОСВ")
    set_final(journal, term, a, math, "annual", "5")
    pending = request_unlock(journal, term.lesson(math[-3]))
    teacher = math[0].teacher_id
    year_id = journal.schedule.years[term.class_group_id]
    assert IdempotentConsumer(journal.db, tables.inbox, handlers).handle(close_year(journal, term, year_id))
    written = count(journal, school, ledger), count(journal, school, outbox)

    def assert_refused(field: str, call, *args, **kwargs) -> None:
        with pytest.raises(grpc.RpcError) as err:
            call(*args, **kwargs)
        code, message, fields = rpc_error(err)
        assert (code, list(fields)) == (grpc.StatusCode.FAILED_PRECONDITION, [field]), message
        assert CLOSED in message
        assert reason_of(err.value) == pb.ErrorReason.Name(pb.YEAR_CLOSED), "a program tells it by the reason"

    assert_refused("lesson_id", save, journal, term.lesson(math[-1]), reason="Исправление",
                   marks=[dict(student_id=a, value="2")])
    assert_refused("lesson_id", journal.call, "SetStudentHomework", pb.SetStudentHomeworkRequest(
        school_id=school, lesson_id=math[-1].id, student_id=a, homework="Повторить дроби", reason="Урок"))
    assert_refused("class_group_id", journal.call, "ImportPaperJournal", pb.ImportPaperJournalRequest(
        school_id=school, class_group_id=term.class_group_id, filename="journal.csv", reason="Сбой",
        content=f"{HEADER}{math[-1].date};1;;{a};5;;;\n".encode()))
    assert_refused("term_id", set_mark, journal, term, a, math, "Н/А")
    assert_refused("student_id", set_final, journal, term, a, math, "annual", "4")
    assert_refused("lesson_id", request_unlock, journal, term.lesson(math[-4]))
    act_as_person(journal, school, str(uuid.uuid4()), "form_teacher", form_class_group_ids=[term.class_group_id])
    assert_refused("lesson_id", correct, journal, term.lesson(math[-1]), b, "ill")
    act_as_person(journal, school, str(uuid.uuid4()), "deputy_head")
    assert_refused("request_id", decide, journal, term.lesson(math[-3]), pending.id, "approve")
    act_as_person(journal, school, str(uuid.uuid4()), "school_admin")
    since = dt.datetime(2000, 1, 1, tzinfo=dt.UTC)
    listed = changes(journal, school, teacher, since)
    assert {x.entity for x in listed} >= {"mark", "attendance", "term_mark", "final_mark"}
    assert not any(x.revertible for x in listed), "nothing of a closed year can be reverted"
    assert_refused("ledger_ids", revert, journal, school, teacher, since)
    assert (count(journal, school, ledger), count(journal, school, outbox)) == written



def test_the_year_closes_only_after_the_changes_in_progress_commit(journal, term):
    """A change holds the shared lock from its check to its commit: the recording waits, so the change's event
    precedes JournalYearClosed in the outbox; a change checked after the recording is refused."""
    school, consumer = term.school_id, IdempotentConsumer(journal.db, tables.inbox, handlers)
    raw = close_year(journal, term, str(uuid.uuid4()))
    with unit_of_work(journal, school) as uow:
        uow.settings().closed.require_open("lesson_id", class_group_id=term.class_group_id)
        recording = threading.Thread(target=consumer.handle, args=(raw,))
        recording.start()
        recording.join(timeout=1.0)
        assert recording.is_alive(), "the recording waits for the change in progress"
        uow.publish(pb.TopicSet(lesson_id=term.math[-1].id, topic="Последний урок"))
    recording.join(timeout=10)
    assert not recording.is_alive()
    with journal.db.tenant_session(school) as session:
        types = [t.rsplit(".", 1)[1] for t in session.scalars(select(outbox.c.type).order_by(outbox.c.seq))]
    assert types == ["TopicSet", "JournalYearClosed"]
    with unit_of_work(journal, school) as uow, pytest.raises(FailedPrecondition):
        uow.settings().closed.require_open("lesson_id", class_group_id=term.class_group_id)


def test_the_grid_shows_every_lesson_of_a_closed_year_as_closed(journal, term):
    as_teacher_of(journal, term, term.math)

    def reasons() -> list[str]:
        return [lesson.lock_reason for lesson in journal.call("GetGrid", pb.GetGridRequest(
            school_id=term.school_id, class_group_id=term.class_group_id, subject_id=term.math[0].subject_id,
            term_id=term.term.id)).lessons]

    before = reasons()
    assert before[-1] == "" and before[0] == pb.ErrorReason.Name(pb.LESSON_LOCKED)
    assert IdempotentConsumer(journal.db, tables.inbox, handlers).handle(close_year(journal, term, str(uuid.uuid4())))
    assert reasons() == [pb.ErrorReason.Name(pb.YEAR_CLOSED)] * len(term.math)
